"""Reshaping, transposing, broadcasting, joining, splitting, tiling, padding and diagonals (NumPy's "Array
manipulation routines").

All of these are linear in their arrays, but for pad's maximum/minimum/median modes, which are built from
the reductions. So each JVP is the function itself applied to the tangent, and each VJP its adjoint: undo
a reshape or a permutation, sum the copies of an element, add a piece back where it was cut from.
Functions taking a sequence of arrays are hand-written wrappers built on ``concatenate``.
"""
import numpy as _np

from ...engine import (Box, defjvp, defjvp_argnums, defvjp, defvjp_argnum, getval, primitive,
                       vspace)
from .. import wrapper as anp
from .helpers import shape_of, unbroadcast


def _reshape_back(ans, x, *args, **kwargs):
    return lambda g: anp.reshape(g, shape_of(x))


for _fun in (anp.reshape, anp.ravel, anp.expand_dims, anp.squeeze):
    defvjp(_fun, _reshape_back)
    defjvp(_fun, 'same')


def def_jointly_linear_jvp(fun):
    """JVP of ``fun(*arrays, **kwargs)``, linear in all its arrays together: ``fun`` of the tangents."""
    def jvp(argnums, tangents, ans, args, kwargs):
        parts = [anp.zeros_like(a) for a in args]
        for argnum, t in zip(argnums, tangents):
            parts[argnum] = t
        return fun(*parts, **kwargs)
    defjvp_argnums(fun, jvp)


# One argument gives one array, several give a tuple with one result per argument.
for _fun in (anp.atleast_1d, anp.atleast_2d, anp.atleast_3d):
    defvjp_argnum(_fun, lambda argnum, ans, args, kwargs: lambda g: anp.reshape(
        g if len(args) == 1 else g[argnum], shape_of(args[argnum])))
    def_jointly_linear_jvp(_fun)


def _transpose_vjp(ans, x, axes=None):
    if axes is None:
        return lambda g: anp.transpose(g)
    return lambda g: anp.transpose(g, axes=tuple(_np.argsort(axes).tolist()))


defvjp(anp.transpose, _transpose_vjp)
defjvp(anp.transpose, 'same')
defvjp(anp.swapaxes, lambda ans, x, axis1, axis2: lambda g: anp.swapaxes(g, axis1, axis2))
defjvp(anp.swapaxes, 'same')
defvjp(anp.matrix_transpose, lambda ans, x: lambda g: anp.matrix_transpose(g))
defjvp(anp.matrix_transpose, 'same')
defvjp(anp.moveaxis, lambda ans, x, source, destination: lambda g: anp.moveaxis(g, destination, source))
defjvp(anp.moveaxis, 'same')


def _rollaxis_vjp(ans, a, axis, start=0):
    # Rolling an array whose axis i has length i + 1 (a broadcast view, no memory) reads off the order.
    ndim = len(shape_of(a))
    order = [n - 1 for n in _np.rollaxis(_np.broadcast_to(0, tuple(range(1, ndim + 1))), axis, start).shape]
    return lambda g: anp.transpose(g, _np.argsort(order))


defvjp(anp.rollaxis, _rollaxis_vjp)
defjvp(anp.rollaxis, 'same')
defvjp(anp.broadcast_to, lambda ans, x, shape, **kwargs: lambda g: unbroadcast(g, x))
defjvp(anp.broadcast_to, 'same')
defvjp_argnum(anp.broadcast_arrays,
              lambda argnum, ans, args, kwargs: lambda g: unbroadcast(g[argnum], args[argnum]))
def_jointly_linear_jvp(anp.broadcast_arrays)
defvjp(anp.full_primitive, lambda ans, fill_value, *args: lambda g: unbroadcast(g, fill_value))
defjvp(anp.full_primitive, 'same')


def _meshgrid_vjp(argnum, ans, args, kwargs):
    # With indexing='xy' the first two inputs run along axes 1 and 0 of the grids.
    axis = argnum
    if kwargs.get('indexing', 'xy') == 'xy' and len(args) > 1 and argnum < 2:
        axis = 1 - argnum
    others = tuple(a for a in range(len(args)) if a != axis)
    return lambda g: anp.reshape(anp.sum(g[argnum], axis=others), shape_of(args[argnum]))


defvjp_argnum(anp.meshgrid, _meshgrid_vjp)
def_jointly_linear_jvp(anp.meshgrid)


def def_joining(fun, vjp_for_part):
    """Rules for ``fun(axis, *arrays)``: each array's gradient is its part of the result's gradient."""
    defvjp_argnum(fun, lambda argnum, ans, args, kwargs:
                  lambda g: unbroadcast(vjp_for_part(g, argnum - 1, args), args[argnum]))

    def jvp(argnums, tangents, ans, args, kwargs):
        parts = [None] + [anp.zeros_like(a) for a in args[1:]]
        for argnum, t in zip(argnums, tangents):
            parts[argnum] = t
        return fun(args[0], *parts[1:])
    defjvp_argnums(fun, jvp)


def _stack_part(g, i, args):
    axis = args[0] % len(shape_of(g))
    return anp.getitem(g, (slice(None),) * axis + (i,))


def _concatenate_part(g, i, args):
    arrays = args[1:]
    axis = args[0] % len(shape_of(arrays[i]))
    start = sum(shape_of(a)[axis] for a in arrays[:i])
    stop = start + shape_of(arrays[i])[axis]
    return anp.getitem(g, (slice(None),) * axis + (slice(start, stop),))


def_joining(anp.stack_args, _stack_part)
def_joining(anp.concatenate_args, _concatenate_part)


# Joining: NumPy's own definitions in terms of concatenate, which carries the derivatives.

def _joined(arrays, axis, dtype, casting):
    result = anp.concatenate(arrays, axis)
    if dtype is None:
        return result
    if not _np.can_cast(_np.result_type(getval(result)), dtype, casting):
        raise TypeError("Cannot cast the joined arrays from {} to {} with casting rule {!r}".format(
            _np.result_type(getval(result)), _np.dtype(dtype), casting))
    return anp.astype(result, dtype)


@anp.define_wrapper('vstack', _np.vstack)
def vstack(tup, *, dtype=None, casting='same_kind'):
    return _joined([anp.atleast_2d(a) for a in tup], 0, dtype, casting)


if anp.numpy_has('row_stack'):  # removed in NumPy 2.5
    @anp.define_wrapper('row_stack', _np.row_stack)
    def row_stack(tup, *, dtype=None, casting='same_kind'):
        return vstack(tup, dtype=dtype, casting=casting)


@anp.define_wrapper('hstack', _np.hstack)
def hstack(tup, *, dtype=None, casting='same_kind'):
    arrays = [anp.atleast_1d(a) for a in tup]
    axis = 0 if arrays and len(shape_of(arrays[0])) == 1 else 1
    return _joined(arrays, axis, dtype, casting)


@anp.define_wrapper('dstack', _np.dstack)
def dstack(tup):
    return anp.concatenate([anp.atleast_3d(a) for a in tup], 2)


@anp.define_wrapper('column_stack', _np.column_stack)
def column_stack(tup):
    return anp.concatenate([a if len(shape_of(a)) >= 2 else anp.transpose(anp.atleast_2d(a)) for a in tup], 1)


@anp.define_wrapper('append', _np.append)
def append(arr, values, axis=None):
    if axis is None:
        return anp.concatenate([anp.ravel(arr), anp.ravel(values)], 0)
    return anp.concatenate([arr, values], axis)


@anp.define_wrapper('block', _np.block)
def block(arrays):
    leaves = []
    _block_leaves(arrays, 0, leaves)
    if not any(isinstance(leaf, Box) for _, leaf in leaves):
        return _np.block(arrays)
    depths = {depth for depth, _ in leaves}
    if len(depths) != 1:
        raise ValueError("autograd.numpy.block: all lists must be nested to the same depth, found depths {}"
                         .format(sorted(depths)))
    list_ndim = depths.pop()
    ndim = max([list_ndim] + [len(shape_of(leaf)) for _, leaf in leaves])

    def join(x, depth):
        if depth == list_ndim:
            return anp.reshape(x, (1,) * (ndim - len(shape_of(x))) + shape_of(x))
        return anp.concatenate([join(part, depth + 1) for part in x], depth - list_ndim)
    return join(arrays, 0)


def _block_leaves(x, depth, leaves):
    if type(x) is tuple:
        raise TypeError("autograd.numpy.block: a tuple was given where only lists can arrange blocks; "
                        "use a list")
    if type(x) is not list:
        leaves.append((depth, x))
        return
    if not x:
        raise ValueError("autograd.numpy.block: lists cannot be empty")
    for part in x:
        _block_leaves(part, depth + 1, leaves)


# Splitting: the gradient of the pieces is put back where each piece was cut from.

def _split_vjp(axis_of):
    def make_vjp(ans, ary, indices_or_sections, *args, **kwargs):
        shape = shape_of(ary)
        axis = axis_of(len(shape), *args, **kwargs) % len(shape)
        # The positions along the axis that the pieces hold, in order (NumPy's own cutting of arange).
        taken = _np.concatenate(_np.array_split(_np.arange(shape[axis]), indices_or_sections))
        if _np.array_equal(taken, _np.arange(shape[axis])):
            return lambda g: anp.concatenate(g, axis)
        # Indices that go backwards make pieces overlap or leave gaps: add each entry where it came from.
        where = (slice(None),) * axis + (taken,)
        return lambda g: anp.untake(anp.concatenate(g, axis), where, vspace(ary))
    return make_vjp


for _fun, _axis_of in ((anp.split, lambda ndim, axis=0: axis),
                       (anp.array_split, lambda ndim, axis=0: axis),
                       (anp.hsplit, lambda ndim: 1 if ndim > 1 else 0),
                       (anp.vsplit, lambda ndim: 0),
                       (anp.dsplit, lambda ndim: 2)):
    defvjp(_fun, _split_vjp(_axis_of))
    defjvp(_fun, 'same')


def _unstack_vjp(ans, x, *, axis=0):
    if not ans:
        return lambda g: None
    return lambda g: anp.stack(g, axis)


defvjp(anp.unstack, _unstack_vjp)
defjvp(anp.unstack, 'same')


# Repeating: the gradient of an element is the sum over its copies.

def _tile_vjp(ans, A, reps):
    shape = shape_of(A)
    reps = tuple(_np.atleast_1d(reps))
    ndim = max(len(shape), len(reps))
    sizes = (1,) * (ndim - len(shape)) + shape
    reps = (1,) * (ndim - len(reps)) + reps
    blocks = tuple(n for pair in zip(reps, sizes) for n in pair)
    copies = tuple(range(0, 2 * ndim, 2))
    return lambda g: anp.reshape(anp.sum(anp.reshape(g, blocks), axis=copies), shape)


defvjp(anp.tile, _tile_vjp)
defjvp(anp.tile, 'same')


def _repeat_vjp(ans, a, repeats, axis=None):
    a = getval(a)
    if axis is None:
        return lambda g: anp.reshape(_sum_repeats(g, _np.ravel(a), repeats, 0), _np.shape(a))
    return lambda g: _sum_repeats(g, a, repeats, axis % _np.ndim(a))


def _sum_repeats(g, a, repeats, axis):
    shape = _np.shape(a)
    if _np.size(repeats) == 1:
        split = shape[:axis] + (shape[axis], int(_np.ravel(repeats)[0])) + shape[axis + 1:]
        return anp.sum(anp.reshape(g, split), axis=axis + 1)
    where = (slice(None),) * axis + (_np.repeat(_np.arange(shape[axis]), repeats),)
    return anp.untake(g, where, vspace(a))


defvjp(anp.repeat, _repeat_vjp)
defjvp(anp.repeat, 'same')


def _resize_vjp(ans, a, new_shape):
    shape, size, total = shape_of(a), _np.size(getval(a)), _np.size(ans)
    if size == 0:
        return lambda g: None  # NumPy fills with zeros: nothing depends on a
    copies = -(-total // size)
    return lambda g: anp.reshape(
        anp.sum(anp.reshape(anp.pad(anp.ravel(g), (0, copies * size - total)), (copies, size)), axis=0), shape)


defvjp(anp.resize, _resize_vjp)
defjvp(anp.resize, 'same')


# Deleting and inserting move entries: NumPy applied to labels says where each entry went.

def _labels(x, start=0):
    return _np.arange(start, start + _np.size(getval(x))).reshape(shape_of(x))


def _put_back(g, labels, x):
    """The gradient of ``x`` given that ``g[i]`` is the gradient of its entry number ``labels[i]``."""
    flat = vspace(_np.ravel(getval(x)))
    return anp.reshape(anp.untake(g, labels, flat), shape_of(x))


def _delete_vjp(ans, arr, obj, axis=None):
    labels = _np.delete(_labels(arr), obj, axis)
    return lambda g: _put_back(g, labels, arr)


defvjp(anp.delete, _delete_vjp)
defjvp(anp.delete, 'same')


def _insert_vjp(argnum, ans, args, kwargs):
    arr, obj, values = args[:3]
    labels = _np.insert(_labels(arr), obj, _labels(values, _np.size(getval(arr))), *args[3:], **kwargs)
    from_arr = labels < _np.size(getval(arr))
    where = _np.nonzero(from_arr if argnum == 0 else ~from_arr)
    offset = 0 if argnum == 0 else _np.size(getval(arr))
    return lambda g: _put_back(anp.getitem(g, where), labels[where] - offset, args[argnum])


def _insert_jvp(argnums, tangents, ans, args, kwargs):
    parts = [anp.zeros_like(args[0]), args[1], anp.zeros_like(args[2])] + list(args[3:])
    for argnum, t in zip(argnums, tangents):
        parts[argnum] = t
    return anp.insert(*parts, **kwargs)


defvjp_argnum(anp.insert, _insert_vjp)
defjvp_argnums(anp.insert, _insert_jvp)


# Reordering: the adjoint undoes the permutation.

defvjp(anp.flip, lambda ans, m, axis=None: lambda g: anp.flip(g, axis))
defjvp(anp.flip, 'same')
defvjp(anp.fliplr, lambda ans, m: lambda g: anp.fliplr(g))
defjvp(anp.fliplr, 'same')
defvjp(anp.flipud, lambda ans, m: lambda g: anp.flipud(g))
defjvp(anp.flipud, 'same')
defvjp(anp.roll, lambda ans, a, shift, axis=None: lambda g: anp.roll(g, _np.negative(shift), axis))
defjvp(anp.roll, 'same')
defvjp(anp.rot90, lambda ans, m, k=1, axes=(0, 1): lambda g: anp.rot90(g, -k, axes))
defjvp(anp.rot90, 'same')


# Triangles and diagonals. tril/triu of a 1-D array broadcast it to a square.

defvjp(anp.tril, lambda ans, m, k=0: lambda g: unbroadcast(anp.tril(g, k), m))
defjvp(anp.tril, 'same')
defvjp(anp.triu, lambda ans, m, k=0: lambda g: unbroadcast(anp.triu(g, k), m))
defjvp(anp.triu, 'same')


def _diagonal_index(length, k):
    """Row and column indices of the ``k``-th diagonal, of ``length`` entries, of a matrix."""
    return _np.arange(length) + max(-k, 0), _np.arange(length) + max(k, 0)


def _diag_vjp(ans, v, k=0):
    if len(shape_of(v)) == 1:
        return lambda g: anp.diag(g, k)
    return lambda g: anp.untake(g, _diagonal_index(shape_of(ans)[0], k), vspace(v))


defvjp(anp.diag, _diag_vjp)
defjvp(anp.diag, 'same')
defvjp(anp.diagflat, lambda ans, v, k=0: lambda g: anp.reshape(anp.diag(g, k), shape_of(v)))
defjvp(anp.diagflat, 'same')


def _diagonal_adjoint(a, offset, axis1, axis2):
    """The map from ``diagonal(a, offset, axis1, axis2)``'s gradient to ``a``'s (zero off the diagonal)."""
    ndim = len(shape_of(a))
    axis1, axis2 = axis1 % ndim, axis2 % ndim
    # Put the two axes last, where the diagonal is the pair of index arrays (..., rows, cols).
    moved = _np.moveaxis(getval(a), (axis1, axis2), (-2, -1))
    length = max(0, min(moved.shape[-2] - max(-offset, 0), moved.shape[-1] - max(offset, 0)))
    where = (Ellipsis,) + _diagonal_index(length, offset)
    return length, lambda g: anp.moveaxis(anp.untake(g, where, vspace(moved)), (-2, -1), (axis1, axis2))


def _diagonal_vjp(ans, a, offset=0, axis1=0, axis2=1):
    return _diagonal_adjoint(a, offset, axis1, axis2)[1]


def _trace_vjp(ans, a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    length, adjoint = _diagonal_adjoint(a, offset, axis1, axis2)
    return lambda g: adjoint(anp.broadcast_to(anp.expand_dims(g, -1), shape_of(g) + (length,)))


defvjp(anp.diagonal, _diagonal_vjp)
defjvp(anp.diagonal, 'same')
defvjp(anp.trace, _trace_vjp)
defjvp(anp.trace, 'same')


# Padding. The modes that copy entries, or fill in constants or ramps, are affine in the array: the JVP
# pads the tangent with the constants set to zero, and the VJP applies the transpose of that linear map,
# one axis at a time. NumPy pads each axis as a matrix acting along it, which we read off by padding an
# identity matrix. The statistic modes are built from the reductions instead.

pad_affine = primitive(_np.pad)
pad_affine.__doc__ = "``numpy.pad`` for the modes that are affine in the array (all but the statistic ones)."

_PAD_STATISTICS = {'maximum': anp.max, 'minimum': anp.min, 'mean': anp.mean, 'median': anp.median}


@anp.define_wrapper('pad', _np.pad)
def pad(array, pad_width, mode='constant', **kwargs):
    if isinstance(array, Box):
        if callable(mode) or mode == 'empty':
            raise TypeError("autograd.numpy.pad cannot differentiate mode={!r}: its padding is {}. Use one "
                            "of NumPy's other named modes.".format(
                                mode, 'uninitialized' if mode == 'empty' else 'computed by your function'))
        if mode in _PAD_STATISTICS:
            return _pad_with_statistic(array, pad_width, _PAD_STATISTICS[mode], **kwargs)
    return pad_affine(array, pad_width, mode, **kwargs)


def _pairs(value, ndim):
    """``pad_width`` or ``stat_length`` as a (before, after) pair per axis, by NumPy's rules."""
    if value is None:
        return [(None, None)] * ndim
    pairs = _np.round(_np.asarray(value)).astype(_np.intp)
    if pairs.size and pairs.min() < 0:
        raise ValueError("index can't contain negative values")
    return _np.broadcast_to(pairs, (ndim, 2)).tolist()


def _pad_with_statistic(array, pad_width, statistic, stat_length=None, **unsupported):
    if unsupported:
        raise ValueError("unsupported keyword arguments for this pad mode: {}".format(sorted(unsupported)))
    if _np.asarray(pad_width).dtype.kind != 'i':
        raise TypeError('`pad_width` must be of integral type.')
    ndim = len(shape_of(array))
    # Axis by axis, as NumPy does: corners get the statistic of the blocks padded along earlier axes.
    for axis, (widths, lengths) in enumerate(zip(_pairs(pad_width, ndim), _pairs(stat_length, ndim))):
        if not any(widths):
            continue
        n = shape_of(array)[axis]
        if n == 0:
            raise ValueError("can't extend empty axis {} using modes other than 'constant' or 'empty'"
                             .format(axis))
        before, after = (n if length is None else min(length, n) for length in lengths)
        regions = (slice(0, before), slice(n - after, n))
        blocks = [_statistic_block(array, axis, width, region, statistic)
                  for width, region in zip(widths, regions)]
        array = anp.concatenate([blocks[0], array, blocks[1]], axis)
    return array


def _statistic_block(array, axis, width, region, statistic):
    value = statistic(anp.getitem(array, (slice(None),) * axis + (region,)), axis=axis, keepdims=True)
    shape = shape_of(array)
    return anp.broadcast_to(value, shape[:axis] + (width,) + shape[axis + 1:])


def _pad_linear_kwargs(kwargs):
    """The keyword arguments of pad's linear part: the constants it fills in set to zero."""
    return {key: 0 if key in ('constant_values', 'end_values') else value for key, value in kwargs.items()}


def _pad_vjp(ans, array, pad_width, mode='constant', **kwargs):
    shape = shape_of(array)
    linear = _pad_linear_kwargs(kwargs)
    dtype = _np.result_type(getval(array))
    adjoints = [_pad_axis_adjoint(axis, n, widths, mode, linear, dtype)
                for axis, (n, widths) in enumerate(zip(shape, _pairs(pad_width, len(shape))))
                if any(widths)]

    def vjp(g):
        for adjoint in adjoints:
            g = adjoint(g)
        return g
    return vjp


def _pad_axis_adjoint(axis, n, widths, mode, linear_kwargs, dtype):
    """The transpose of padding one axis: keep the middle, add each padded entry to its sources."""
    # NumPy's modes fill the pads from at most max(widths) + 1 entries at each end, so only those
    # columns of the matrix (the padded unit vectors) can be nonzero outside the middle.
    reach = min(n, max(widths) + 1)
    sources = _np.union1d(_np.arange(reach), _np.arange(n - reach, n))
    units = _np.zeros((n, len(sources)), dtype)
    units[sources, _np.arange(len(sources))] = 1
    matrix = _np.pad(units, (widths, (0, 0)), mode, **linear_kwargs)
    before = widths[0]
    matrix[before:before + n] = 0
    rows, columns = _np.nonzero(matrix)
    weights, cols = matrix[rows, columns], sources[columns]
    lead = (slice(None),) * axis
    middle = lead + (slice(before, before + n),)

    def adjoint(g):
        kept = anp.getitem(g, middle)
        if not rows.size:
            return kept
        copied = anp.getitem(g, lead + (rows,))
        if not _np.all(weights == 1):
            copied = copied * anp.on_backend_of(g, weights.reshape((-1,) + (1,) * (len(shape_of(g)) - axis - 1)))
        return kept + anp.untake(copied, lead + (cols,), vspace(kept))
    return adjoint


defvjp(pad_affine, _pad_vjp)
defjvp(pad_affine, lambda g, ans, array, pad_width, mode='constant', **kwargs:
       pad_affine(g, pad_width, mode, **_pad_linear_kwargs(kwargs)))
