"""Products of arrays (NumPy's "Linear algebra" products): dot, inner, vdot, outer, tensordot, matmul,
einsum, kron, cross, the gufuncs vecdot, matvec and vecmat, and their ``numpy.linalg`` twins (separate
primitives there) with ``linalg.multi_dot``.

Each is linear in each argument (``vdot``, ``vecdot`` and ``vecmat`` conjugate their first argument, which
is still linear over the reals), so its JVPs are the product itself with a tangent in place of an
argument. A VJP contracts the gradient with the other arguments over the axes the product left free, then
puts the axes back in the argument's order.
"""
import collections
import itertools

import numpy as _np

from ...engine import SparseObject, def_linear, defjvp, defvjp, defvjp_argnum, vspace
from .. import linalg as anp_linalg
from .. import wrapper as anp
from .helpers import is_complex, shape_of, unbroadcast, unbroadcast_to


def _tensordot_axes(axes, a_ndim, b_ndim):
    if isinstance(axes, (int, _np.integer)):
        return list(range(a_ndim - axes, a_ndim)), list(range(axes))
    a_axes, b_axes = axes
    a_axes = [a_axes] if isinstance(a_axes, (int, _np.integer)) else list(a_axes)
    b_axes = [b_axes] if isinstance(b_axes, (int, _np.integer)) else list(b_axes)
    return [i % a_ndim for i in a_axes], [i % b_ndim for i in b_axes]


def _tensordot_grad_a(g, b, a_ndim, a_axes, b_axes):
    b_ndim = len(shape_of(b))
    b_free = [j for j in range(b_ndim) if j not in b_axes]
    a_free = [i for i in range(a_ndim) if i not in a_axes]
    n_a_free = len(a_free)
    contracted = _contract(g, b, list(range(n_a_free, n_a_free + len(b_free))), b_free)
    b_summed_order = sorted(b_axes)
    position = {i: k for k, i in enumerate(a_free)}
    for a_axis, b_axis in zip(a_axes, b_axes):
        position[a_axis] = n_a_free + b_summed_order.index(b_axis)
    return _in_order(contracted, [position[i] for i in range(a_ndim)])


def _tensordot_grad_b(g, a, b_ndim, a_axes, b_axes):
    a_ndim = len(shape_of(a))
    a_free = [i for i in range(a_ndim) if i not in a_axes]
    b_free = [j for j in range(b_ndim) if j not in b_axes]
    contracted = _contract(a, g, a_free, list(range(len(a_free))))
    a_summed_order = sorted(a_axes)
    position = {j: len(a_axes) + k for k, j in enumerate(b_free)}
    for a_axis, b_axis in zip(a_axes, b_axes):
        position[b_axis] = a_summed_order.index(a_axis)
    return _in_order(contracted, [position[j] for j in range(b_ndim)])


def _contract(x, y, x_axes, y_axes):
    """``tensordot(x, y, (x_axes, y_axes))``; a plain product where nothing is contracted and one side is
    0-d (the gradient of ``dot(y, z)`` in a scalar loss), which a lazy library makes in one elementwise task
    per chunk rather than as a contraction with its reduction."""
    if not x_axes and not (len(shape_of(x)) and len(shape_of(y))):
        return x * y
    return anp.tensordot(x, y, (x_axes, y_axes))


def _in_order(x, axes):
    return x if axes == sorted(axes) else anp.transpose(x, axes)


def _tensordot_vjp_a(ans, a, b, axes=2):
    a_ndim, b_ndim = len(shape_of(a)), len(shape_of(b))
    a_axes, b_axes = _tensordot_axes(axes, a_ndim, b_ndim)
    return lambda g: unbroadcast(_tensordot_grad_a(g, b, a_ndim, a_axes, b_axes), a)


def _tensordot_vjp_b(ans, a, b, axes=2):
    a_ndim, b_ndim = len(shape_of(a)), len(shape_of(b))
    a_axes, b_axes = _tensordot_axes(axes, a_ndim, b_ndim)
    return lambda g: unbroadcast(_tensordot_grad_b(g, a, b_ndim, a_axes, b_axes), b)


defvjp(anp.tensordot, _tensordot_vjp_a, _tensordot_vjp_b)
defjvp(anp.tensordot, 'same', 'same')


def def_contraction(fun, b_axis):
    """Rules for ``dot``-like products: a tensordot of ``a``'s last axis with ``b``'s axis ``b_axis(b_ndim)``,
    or an elementwise product when either argument is 0-d."""
    def vjp_maker(argnum):
        def maker(ans, a, b):
            a_ndim, b_ndim = len(shape_of(a)), len(shape_of(b))
            x, other = (a, b) if argnum == 0 else (b, a)
            if a_ndim == 0 or b_ndim == 0:
                return lambda g: unbroadcast(g * other, x)
            a_axes, b_axes = [a_ndim - 1], [b_axis(b_ndim)]
            if argnum == 0:
                return lambda g: unbroadcast(_tensordot_grad_a(g, b, a_ndim, a_axes, b_axes), a)
            return lambda g: unbroadcast(_tensordot_grad_b(g, a, b_ndim, a_axes, b_axes), b)
        return maker
    defvjp(fun, vjp_maker(0), vjp_maker(1))
    defjvp(fun, 'same', 'same')


def_contraction(anp.dot, lambda b_ndim: max(b_ndim - 2, 0))
def_contraction(anp.inner, lambda b_ndim: b_ndim - 1)


def _as_matrices(g, a, b):
    """Views of matmul's operands (and gradient) with 1-D operands promoted to matrices, as matmul does."""
    a_shape, b_shape = shape_of(a), shape_of(b)
    if len(b_shape) == 1:
        b = anp.reshape(b, b_shape + (1,))
        g = anp.expand_dims(g, -1)
    if len(a_shape) == 1:
        a = anp.reshape(a, (1,) + a_shape)
        g = anp.expand_dims(g, -2)
    return g, a, b


def _real_like(grad, x):
    return anp.real(grad) if is_complex(grad) and not is_complex(x) else grad


# Products of vectors with vectors or matrices (no batch axes) have one-operation gradients.
_VECTOR_CASES = {
    (1, 1): (lambda g, a, b: g * b, lambda g, a, b: g * a),
    (2, 1): (lambda g, a, b: anp.outer(g, b), lambda g, a, b: anp.dot(g, a)),
    (1, 2): (lambda g, a, b: anp.dot(b, g), lambda g, a, b: anp.outer(a, g)),
}


def _matmul_vjp_a(ans, a, b):
    vector_case = _VECTOR_CASES.get((len(shape_of(a)), len(shape_of(b))))
    if vector_case:
        return lambda g: _real_like(vector_case[0](g, a, b), a)

    def vjp(g):
        g, a2, b2 = _as_matrices(g, a, b)
        grad = anp.matmul(g, anp.swapaxes(b2, -1, -2))
        grad = unbroadcast_to(grad, shape_of(a2), anp.iscomplexobj(a))
        return anp.reshape(grad, shape_of(a))
    return vjp


class MatrixProductSum(SparseObject):
    """A gradient ``sum_i rows[i].T @ rights[i]`` kept as its factors and multiplied out once.

    A weight matrix read at many steps (an RNN's) then costs one well-shaped matrix product, with the
    summed dimension as long as all the steps together, instead of one thin product per step. The left
    factors are kept untransposed: stacking them is then a contiguous copy, and the product reads the
    stack transposed without another.
    """
    __slots__ = ('rows', 'rights')

    def __init__(self, vs, rows, rights):
        self.vs = vs
        self.rows = rows
        self.rights = rights

    def _product(self):
        if len(self.rows) == 1:
            return self.rows[0].T @ self.rights[0]
        return _np.concatenate(self.rows, axis=0).T @ _np.concatenate(self.rights, axis=0)

    def densify(self):
        return self.vs.cast(self._product())

    def mut_add(self, dense):
        dense += self._product()
        return dense

    def merge(self, other):
        if type(other) is MatrixProductSum and other.vs == self.vs:
            return MatrixProductSum(self.vs, self.rows + other.rows, self.rights + other.rights)
        return other.mut_add(self.densify())


def _is_plain_matrix(x):
    return type(x) is _np.ndarray and x.ndim == 2


def _matmul_vjp_b(ans, a, b):
    vector_case = _VECTOR_CASES.get((len(shape_of(a)), len(shape_of(b))))
    if vector_case:
        return lambda g: _real_like(vector_case[1](g, a, b), b)

    def vjp(g):
        if _is_plain_matrix(g) and _is_plain_matrix(a) and _is_plain_matrix(b) and not is_complex(b) \
                and a.dtype == g.dtype == b.dtype:
            return MatrixProductSum(vspace(b), [a], [g])
        g, a2, b2 = _as_matrices(g, a, b)
        grad = anp.matmul(anp.swapaxes(a2, -1, -2), g)
        grad = unbroadcast_to(grad, shape_of(b2), anp.iscomplexobj(b))
        return anp.reshape(grad, shape_of(b))
    return vjp


defvjp(anp.matmul, _matmul_vjp_a, _matmul_vjp_b)
defjvp(anp.matmul, 'same', 'same')
defvjp(anp_linalg.matmul, _matmul_vjp_a, _matmul_vjp_b)
defjvp(anp_linalg.matmul, 'same', 'same')
defvjp(anp_linalg.tensordot, _tensordot_vjp_a, _tensordot_vjp_b)
defjvp(anp_linalg.tensordot, 'same', 'same')


def _reshaped_like(grad, x):
    """``grad`` in the shape of ``x``, real where ``x`` is real."""
    return unbroadcast_to(anp.reshape(grad, shape_of(x)), shape_of(x), is_complex(x))


# vdot(a, b) = sum(conj(a) * b) over the flattened arrays: antilinear in a, so a's gradient is conjugated.
defvjp(anp.vdot, lambda ans, a, b: lambda g: _reshaped_like(anp.conj(g * b), a),
       lambda ans, a, b: lambda g: _reshaped_like(g * anp.conj(a), b))
defjvp(anp.vdot, 'same', 'same')

# outer(a, b)[i, j] = a.flat[i] * b.flat[j].
for _outer in (anp.outer, anp_linalg.outer):
    defvjp(_outer, lambda ans, a, b, out=None: lambda g: _reshaped_like(anp.dot(g, anp.ravel(b)), a),
           lambda ans, a, b, out=None: lambda g: _reshaped_like(anp.dot(anp.ravel(a), g), b))
    defjvp(_outer, 'same', 'same')


def _kron_grad(g, x, other, x_first):
    """Gradient of ``kron`` for ``x``: the result is ``x`` and ``other`` interleaved axis by axis, block
    (i, j) along an axis holding ``x[i] * other[j]``, so ``g`` is reshaped that way and contracted with
    ``other``."""
    ndim = max(len(shape_of(x)), len(shape_of(other)))
    x_shape, other_shape = _left_padded(shape_of(x), ndim), _left_padded(shape_of(other), ndim)
    pairs = zip(x_shape, other_shape) if x_first else zip(other_shape, x_shape)
    blocks = anp.reshape(g, tuple(n for pair in pairs for n in pair))
    other_axes = list(range(1 if x_first else 0, 2 * ndim, 2))
    grad = anp.tensordot(blocks, anp.reshape(other, other_shape), (other_axes, list(range(ndim))))
    return _reshaped_like(grad, x)


def _left_padded(shape, ndim):
    return (1,) * (ndim - len(shape)) + shape


defvjp(anp.kron, lambda ans, a, b: lambda g: _kron_grad(g, a, b, True),
       lambda ans, a, b: lambda g: _kron_grad(g, b, a, False))
defjvp(anp.kron, 'same', 'same')


def _as_3_vectors(x, axis):
    """``x``'s vectors along ``axis``, moved last, with 2-vectors given the z component 0 as cross does."""
    x = anp.moveaxis(x, axis, -1)
    shape = shape_of(x)
    if shape[-1] == 2:
        x = anp.concatenate([x, anp.zeros_like(x, shape=shape[:-1] + (1,))], -1)
    return x


def _cross_vjp(argnum):
    def maker(ans, a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
        if axis is not None:
            axisa = axisb = axisc = axis
        x, x_axis, other, other_axis = (a, axisa, b, axisb) if argnum == 0 else (b, axisb, a, axisa)
        x_shape = list(shape_of(x))
        n = x_shape.pop(x_axis)
        both_2d = n == 2 and shape_of(other)[other_axis] == 2

        def vjp(g):
            if both_2d:  # the result is the z component alone
                g = anp.concatenate([anp.zeros_like(g, shape=shape_of(g) + (2,)), anp.expand_dims(g, -1)], -1)
            else:
                g = anp.moveaxis(g, axisc, -1)
            other3 = _as_3_vectors(other, other_axis)
            # <g, a x b> = <a, b x g> = <b, g x a>, the scalar triple product.
            grad = anp.cross(other3, g) if argnum == 0 else anp.cross(g, other3)
            if n == 2:
                grad = grad[..., :2]
            grad = unbroadcast_to(grad, tuple(x_shape) + (n,), is_complex(x))
            return anp.moveaxis(grad, -1, x_axis)
        return vjp
    return maker


for _cross in (anp.cross, anp_linalg.cross):
    defvjp(_cross, _cross_vjp(0), _cross_vjp(1))
    defjvp(_cross, 'same', 'same')


def _gufunc_core_axes(core_ndims, axes, axis, keepdims):
    """Where the core axes of (x1, x2, result) are, as numpy reads a gufunc's ``axes``, ``axis``,
    ``keepdims`` (a kept result axis counts as a core axis)."""
    if axis is not None:
        axes = [axis, axis] + ([axis] if keepdims else [])
    elif axes is None:
        axes = [tuple(range(-n, 0)) for n in core_ndims[:2]]
    axes = [(a,) if isinstance(a, (int, _np.integer)) else tuple(a) for a in axes]
    if len(axes) == 2:
        axes.append((-1,) if keepdims else tuple(range(-core_ndims[2], 0)))
    return axes


def _core_positions(x, core):
    ndim = len(shape_of(x))
    return [a % ndim for a in core], list(range(ndim - len(core), ndim))


def _core_last(x, core):
    src, dst = _core_positions(x, core)
    return x if src == dst else anp.moveaxis(x, src, dst)


def _core_back(x, core):
    src, dst = _core_positions(x, core)
    return x if src == dst else anp.moveaxis(x, dst, src)


def def_gufunc(fun, core_ndims, grad_x1, grad_x2):
    """Rules for a two-argument gufunc with ``core_ndims`` core axes (x1, x2, result).

    ``grad_xi(g, x1, x2)`` is the gradient for argument i with every core axis moved last and before
    summing over broadcast loop axes; the rules move the axes where ``axes``/``axis``/``keepdims`` put them.
    """
    def vjp_maker(argnum, grad_fun):
        def maker(ans, x1, x2, axes=None, axis=None, keepdims=False, **unused):
            core = _gufunc_core_axes(core_ndims, axes, axis, keepdims)

            def vjp(g):
                g = _core_last(g, core[2])
                if keepdims:
                    g = anp.squeeze(g, -1)
                xs = (_core_last(x1, core[0]), _core_last(x2, core[1]))
                grad = unbroadcast_to(grad_fun(g, *xs), shape_of(xs[argnum]), is_complex(xs[argnum]))
                return _core_back(grad, core[argnum])
            return vjp
        return maker
    defvjp(fun, vjp_maker(0, grad_x1), vjp_maker(1, grad_x2))
    defjvp(fun, 'same', 'same')


# vecdot(a, b) = sum(conj(a) * b) over the core axis; vecmat conjugates its vector too, matvec does not.
for _vecdot in (anp.vecdot, anp_linalg.vecdot):
    def_gufunc(_vecdot, (1, 1, 0), lambda g, a, b: anp.conj(anp.expand_dims(g, -1) * b),
               lambda g, a, b: anp.expand_dims(g, -1) * anp.conj(a))
if hasattr(anp, 'matvec'):  # NumPy >= 2.2
    def_gufunc(anp.matvec, (2, 1, 1), lambda g, m, v: anp.expand_dims(g, -1) * anp.expand_dims(v, -2),
               lambda g, m, v: anp.matvec(anp.swapaxes(m, -1, -2), g))
    def_gufunc(anp.vecmat, (1, 2, 1), lambda g, v, m: anp.conj(anp.matvec(m, g)),
               lambda g, v, m: anp.expand_dims(anp.conj(v), -1) * anp.expand_dims(g, -2))


def _einsum_terms(args):
    """The positions of einsum's operands in ``args``, their subscripts and the output's (None if implicit),
    each subscript a list of labels (characters or ints) and ``Ellipsis``."""
    if isinstance(args[0], str):
        inputs, arrow, output = args[0].replace(' ', '').partition('->')
        terms = [_split_ellipsis(term) for term in inputs.split(',')]
        return list(range(1, len(args))), terms, _split_ellipsis(output) if arrow else None
    pairs = len(args) // 2
    output = list(args[-1]) if len(args) % 2 else None
    return list(range(0, 2 * pairs, 2)), [list(args[2 * i + 1]) for i in range(pairs)], output


def _split_ellipsis(term):
    head, dots, tail = term.partition('...')
    return list(head) + ([Ellipsis] if dots else []) + list(tail)


def _einsum_labels(args):
    """Operand positions, the integer labels of every operand axis and of the output axes.

    '...' is spelled out as one label per broadcast axis, and an axis of length 1 that broadcasts against a
    longer one gets a label of its own (summing over it is the same as broadcasting it), so that in the
    labels every axis sharing a label has the same length.
    """
    positions, terms, output = _einsum_terms(args)
    shapes = [shape_of(args[p]) for p in positions]
    n_dots = [len(shape) - len(term) + 1 if Ellipsis in term else 0 for term, shape in zip(terms, shapes)]
    n_broadcast = max(n_dots, default=0)
    ids = {}

    def spelled_out(term, n):
        labels = []
        for item in term:
            keys = [(Ellipsis, i) for i in range(n_broadcast - n, n_broadcast)] if item is Ellipsis else [item]
            labels.extend(ids.setdefault(key, len(ids)) for key in keys)
        return labels
    labels = [spelled_out(term, n) for term, n in zip(terms, n_dots)]
    if output is None:
        counts = collections.Counter(item for term in terms for item in term if item is not Ellipsis)
        output = [Ellipsis] + sorted(item for item, count in counts.items() if count == 1)
    output = spelled_out(output, n_broadcast)
    lengths = collections.defaultdict(int)
    for term, shape in zip(labels, shapes):
        for label, n in zip(term, shape):
            lengths[label] = max(lengths[label], n)
    fresh = itertools.count(len(ids))
    labels = [[next(fresh) if n == 1 < lengths[label] else label for label, n in zip(term, shape)]
              for term, shape in zip(labels, shapes)]
    return positions, labels, output, next(fresh)


def _einsum_grad(g, k, args, positions, labels, output, unused_label, optimize):
    """Gradient of einsum for operand ``k``: einsum of ``g`` with the other operands, back to ``k``'s axes.

    A label repeated in operand k (a diagonal) is taken once and spread over the diagonal by an identity
    matrix; a label summed out of operand k alone is broadcast back by a vector of ones.
    """
    x = args[positions[k]]
    elsewhere = set(output).union(*(term for j, term in enumerate(labels) if j != k))
    fresh = itertools.count(unused_label)
    operands = [g, output]
    for j, term in enumerate(labels):
        if j != k:
            operands += [args[positions[j]], term]
    target = []
    for axis, (label, n) in enumerate(zip(labels[k], shape_of(x))):
        if label in labels[k][:axis]:
            target.append(next(fresh))
            operands += [anp.diag(_bool_ones(x, n)), [label, target[-1]]]
        else:
            target.append(label)
            if label not in elsewhere and labels[k].count(label) == 1:
                operands += [_bool_ones(x, n), [label]]
    grad = anp.einsum(*operands, target, optimize=optimize)
    return unbroadcast_to(grad, shape_of(x), is_complex(x))


def _bool_ones(x, n):
    """A constant vector of ``n`` ones of ``x``'s array type, boolean so it never changes a product's dtype."""
    return anp.ones_like(x, shape=(n,), dtype=bool)


def _einsum_vjp(argnum, ans, args, kwargs):
    positions, labels, output, unused_label = _einsum_labels(args)
    k = positions.index(argnum)
    optimize = kwargs.get('optimize', False)
    if isinstance(optimize, (list, tuple)):  # a contraction path from einsum_path fits the forward operands only
        optimize = True
    return lambda g: _einsum_grad(g, k, args, positions, labels, output, unused_label, optimize)


defvjp_argnum(anp.einsum, _einsum_vjp)
def_linear(anp.einsum)


def _chain_splits(dims):
    """Matrix-chain order for matrices ``dims[i] x dims[i + 1]``: ``splits[i, j]`` is where the cheapest
    product of matrices i..j splits."""
    n = len(dims) - 1
    cost = {(i, i): 0 for i in range(n)}
    splits = {}
    for span in range(1, n):
        for i in range(n - span):
            j = i + span
            cost[i, j], splits[i, j] = min(
                (cost[i, s] + cost[s + 1, j] + dims[i] * dims[s + 1] * dims[j + 1], s) for s in range(i, j))
    return splits


def _chain_product(arrays, splits, i, j):
    if i == j:
        return arrays[i]
    s = splits[i, j]
    return anp.dot(_chain_product(arrays, splits, i, s), _chain_product(arrays, splits, s + 1, j))


def multi_dot(arrays, *, out=None):
    """``numpy.linalg.multi_dot`` as ``dot`` products in the cheapest order, so it is differentiable."""
    if out is not None:
        raise TypeError("autograd.numpy.linalg.multi_dot cannot write into out=; use its return value instead")
    arrays = list(arrays)
    ndims = [len(shape_of(a)) for a in arrays]
    if len(arrays) < 2 or ndims[0] not in (1, 2) or ndims[-1] not in (1, 2) or set(ndims[1:-1]) - {2}:
        raise ValueError("multi_dot needs at least two arrays, all 2-D but for the first and last, which may "
                         "be 1-D; got arrays of {} dimensions".format(ndims))
    shapes = [(1,) * (2 - n) + shape_of(a) for n, a in zip(ndims, arrays)]
    if ndims[-1] == 1:  # a 1-D last array is a column
        shapes[-1] = shapes[-1][::-1]
    dims = [shape[0] for shape in shapes] + [shapes[-1][1]]
    return _chain_product(arrays, _chain_splits(dims), 0, len(arrays) - 1)


# autograd.numpy.linalg has no hand-written wrappers of its own: install this one in its place.
multi_dot.__doc__ = _np.linalg.multi_dot.__doc__
anp_linalg.multi_dot = anp.dispatch[_np.linalg.multi_dot] = multi_dot
