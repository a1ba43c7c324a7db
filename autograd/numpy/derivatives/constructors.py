"""Building arrays from traced values: ``array``/``asarray``/``asanyarray`` of nested lists and tuples,
``linspace``/``logspace``/``geomspace`` between traced end points, ``full_like`` with a traced fill value,
``copy``, ``ascontiguousarray``, ``asfortranarray``, ``asarray_chkfinite`` and ``require``.
(``zeros_like``/``ones_like``/``empty_like`` carry no derivative and stay notrace.)
"""
import inspect

import numpy as _np

from ...engine import Box, contains_box, defjvp, defjvp_argnums, defvjp, defvjp_argnums, getval, primitive
from ...engine.tracing import sequence_packer
from .. import wrapper as anp
from .helpers import broadcast_like, shape_of, unbroadcast


# array(object) reads the nested lists and tuples in ``object`` as the leading axes of the result. When
# some element is traced, the elements ("leaves") become separate arguments of one primitive, and the
# nesting is kept as ``structure``: the same lists with None in place of each leaf.

def _split(obj, leaves):
    """``obj``'s structure, appending its leaves to ``leaves`` (a traced list is looked into too)."""
    if isinstance(getval(obj), (list, tuple)):
        return [_split(item, leaves) for item in obj]
    leaves.append(obj)
    return None


def _fill(structure, leaves):
    if structure is None:
        return next(leaves)
    return [_fill(s, leaves) for s in structure]


def _leaf_paths(structure, path=()):
    if structure is None:
        yield path
        return
    for i, s in enumerate(structure):
        yield from _leaf_paths(s, path + (i,))


@primitive
def array_from_leaves(structure, *leaves, numpy_fun=_np.array, **kwargs):
    like = anp.foreign_array(leaves)
    if like is not None:
        return _stacked(structure, iter(leaves), like, **kwargs)
    return numpy_fun(_fill(structure, iter(leaves)), **kwargs)


def _stacked(structure, leaves, like, dtype=None, ndmin=0, **ignored):
    # NumPy would convert arrays of another library to its own (CuPy refuses): stack them in theirs.
    def nest(s):
        if s is None:
            return anp.on_backend_of(like, next(leaves))
        return _np.stack([nest(item) for item in s])
    result = nest(structure)
    if ndmin > result.ndim:
        result = result.reshape((1,) * (ndmin - result.ndim) + result.shape)
    return result if dtype is None else result.astype(dtype)


def _array_vjp(argnums, ans, args, kwargs):
    paths = list(_leaf_paths(args[0]))
    ndim = len(shape_of(ans))

    def leaf_gradient(g, i):
        leaf, path = args[i], paths[i - 1]
        # Leading axes that ndmin added come before the nesting axes; a leaf's own axes come after.
        lead = (0,) * (ndim - len(path) - len(shape_of(leaf)))
        return unbroadcast(anp.getitem(g, lead + path), leaf)
    return lambda g: [leaf_gradient(g, i) for i in argnums]


def _array_jvp(argnums, tangents, ans, args, kwargs):
    parts = [anp.zeros_like(leaf) for leaf in args[1:]]
    for i, t in zip(argnums, tangents):
        parts[i - 1] = t
    return array_from_leaves(args[0], *parts, **kwargs)


defvjp_argnums(array_from_leaves, _array_vjp)
defjvp_argnums(array_from_leaves, _array_jvp)


def _plain(obj):
    """Whether NumPy itself can build the array: nothing traced, and no array of another library."""
    return not contains_box(obj) and not anp.contains_foreign(obj)


def _build(numpy_fun, obj, **kwargs):
    leaves = []
    structure = _split(obj, leaves)
    return array_from_leaves(structure, *leaves, numpy_fun=numpy_fun, **kwargs)


@anp.define_wrapper('array', _np.array)
def array(object, dtype=None, **kwargs):
    if _plain(object):
        return _np.array(object, dtype, **kwargs)
    return _build(_np.array, object, dtype=dtype, **kwargs)


sequence_packer.append(array)


@anp.define_wrapper('asarray', _np.asarray)
def asarray(a, dtype=None, order=None, **kwargs):
    if _plain(a):
        return _np.asarray(a, dtype, order, **kwargs)
    return _build(_np.asarray, a, dtype=dtype, order=order, **kwargs)


@anp.define_wrapper('asanyarray', _np.asanyarray)
def asanyarray(a, dtype=None, order=None, **kwargs):
    if _plain(a):
        return _np.asanyarray(a, dtype, order, **kwargs)
    return _build(_np.asanyarray, a, dtype=dtype, order=order, **kwargs)


def _host_zeros(value):
    if type(value) in anp.adapters:
        return _np.zeros(value.shape, value.dtype)
    return _np.zeros_like(value)


class _TracedConcatenator:
    """``r_`` and ``c_`` that take traced items too.

    NumPy's own concatenator lays the result out (slices, scalars, directives such as ``'0,2'``, ``ndmin``
    and dtype all as NumPy has them): once with zeros in place of each traced item, which gives the
    constant part, and once with each traced element's number (1, 2, ... in a value of its own dtype),
    which says where every traced element lands. The result picks those elements from the traced items.
    """
    def __init__(self, numpy_concatenator):
        self.numpy_concatenator = numpy_concatenator

    def __getitem__(self, key):
        items = key if isinstance(key, tuple) else (key,)
        if not any(map(contains_box, items)) and not anp.contains_foreign(items):
            return self.numpy_concatenator[key]
        items = [array(item) if isinstance(item, (list, tuple)) and not _plain(item) else item for item in items]
        # Arrays of other libraries take the traced items' path: NumPy lays out host stand-ins for them.
        traced = [item for item in items if isinstance(item, Box) or anp.contains_foreign(item)]
        is_item = {id(item) for item in traced}
        numbers, first = {}, 1
        for item in traced:
            value = getval(item)
            numbers[id(item)] = (_np.arange(first, first + _np.size(value)).reshape(_np.shape(value))
                                 .astype(_np.result_type(value)))
            first += _np.size(value)
        constant = self.numpy_concatenator[tuple(
            _host_zeros(getval(item)) if id(item) in is_item else item for item in items)]
        numbered = self.numpy_concatenator[tuple(
            numbers[id(item)] if id(item) in is_item else item for item in items)]
        with _np.errstate(invalid='ignore'):  # inf - inf in the constant part: not a traced element
            position = _np.real(numbered - constant)
        is_traced = position > 0.5
        picks = _np.rint(_np.where(is_traced, position, 1.0)).astype(_np.intp) - 1
        elements = anp.concatenate([anp.ravel(item) for item in traced])
        return anp.where(is_traced, elements[picks], anp.on_backend_of(elements, constant))

    def __len__(self):
        return 0


anp.r_ = _TracedConcatenator(_np.r_)
anp.c_ = _TracedConcatenator(_np.c_)


def make_diagonal(D, offset=0, axis1=0, axis2=1):
    """The array whose ``diagonal(offset, axis1, axis2)`` is ``D`` and which is zero elsewhere: the inverse
    of ``numpy.diagonal`` (which takes that diagonal, along the last axis, from the two axes it removes)."""
    n, k = shape_of(D)[-1], abs(offset)
    square = anp.multiply(anp.expand_dims(D, -1), anp.on_backend_of(D, anp.eye(n, dtype=anp.result_type(D))))
    # The n x n diagonal block sits k columns right (offset > 0) or k rows down (offset < 0).
    rows, columns = ((0, k), (k, 0)) if offset >= 0 else ((k, 0), (0, k))
    padded = anp.pad(square, [(0, 0)] * (len(shape_of(D)) - 1) + [rows, columns])
    return anp.moveaxis(padded, (-2, -1), (axis1, axis2))


anp.make_diagonal = make_diagonal
anp.__all__.append('make_diagonal')


# Copies, layout and dtype changes and checks keep the values (ascontiguousarray makes a 0-d array 1-d).
for _fun in (anp.copy, anp.ascontiguousarray, anp.asfortranarray, anp.asarray_chkfinite, anp.require):
    defvjp(_fun, lambda ans, a, *args, **kwargs: lambda g: unbroadcast(g, a))
    defjvp(_fun, 'same')

defvjp(anp.full_like, None, lambda ans, a, fill_value, *args, **kwargs: lambda g: unbroadcast(g, fill_value))
defjvp(anp.full_like, None, 'same')


# linspace, logspace and geomspace put ``num`` samples along ``axis`` of the result, the k-th a fraction
# w_k of the way from start to stop (w_k = k / (num - 1), or k / num without the end point), in a
# linear, exponential or geometric progression:
#   linspace:  start + w (stop - start)
#   logspace:  base ** linspace(start, stop)
#   geomspace: start (stop / start) ** w
# The end points (and base) broadcast against each other; the rules spread their tangents along the
# sample axis and sum gradients back over it.

_SIGNATURES = {fun: inspect.signature(fun.fun) for fun in (anp.linspace, anp.logspace, anp.geomspace)}


def _call(fun, args, kwargs):
    """The arguments of a call of ``fun`` by name, defaults filled in."""
    bound = _SIGNATURES[fun].bind(*args, **kwargs)
    bound.apply_defaults()
    return bound.arguments


def _sample_axis(samples, p):
    return p['axis'] % len(shape_of(samples))


def _fractions(samples, p):
    """w_k, along the sample axis of ``samples`` (and of their dtype)."""
    ndim = len(shape_of(samples))
    ends = (1,) * (ndim - 1)
    return anp.linspace(anp.zeros_like(samples, shape=ends), anp.ones_like(samples, shape=ends), p['num'],
                        p['endpoint'], axis=_sample_axis(samples, p))


def _spread(x, samples, p):
    """``x`` with the end points' axes and a length-1 sample axis, to broadcast against ``samples``."""
    ndim = len(shape_of(samples))
    shape = list((1,) * (ndim - 1 - len(shape_of(x))) + shape_of(x))
    shape.insert(_sample_axis(samples, p), 1)
    return anp.reshape(anp.on_backend_of(samples, x), tuple(shape))


def _linspace_rates(ans, p):
    w = _fractions(ans, p)
    return {'start': 1 - w, 'stop': w}


def _logspace_rates(ans, p):
    w = _fractions(ans, p)
    base = _spread(p['base'], ans, p)
    exponent = _spread(p['start'], ans, p) * (1 - w) + _spread(p['stop'], ans, p) * w
    log_base = anp.log(base)
    return {'start': ans * log_base * (1 - w), 'stop': ans * log_base * w, 'base': ans * exponent / base}


def _geomspace_rates(ans, p):
    w = _fractions(ans, p)
    return {'start': ans * (1 - w) / _spread(p['start'], ans, p),
            'stop': ans * w / _spread(p['stop'], ans, p)}


_RATES = {anp.linspace: _linspace_rates, anp.logspace: _logspace_rates, anp.geomspace: _geomspace_rates}


def _step_rates(p):
    """d step / d start and d step / d stop for linspace(..., retstep=True): -1/div and 1/div, where the
    step is (stop - start) / div. Where NumPy's step is NaN (div == 0) the gradient is taken as 0."""
    div = p['num'] - 1 if p['endpoint'] else p['num']
    return {'start': -1.0 / div, 'stop': 1.0 / div} if div > 0 else {'start': 0.0, 'stop': 0.0}


def def_spacing(fun, jvp=None):
    """Rules for ``fun`` from ``_RATES``; ``jvp`` replaces the forward rule built from them."""
    rates_of = _RATES[fun]
    names = list(_SIGNATURES[fun].parameters)

    def vjp(argnums, ans, args, kwargs):
        p = _call(fun, args, kwargs)
        retstep = p.get('retstep', False)
        samples = ans[0] if retstep else ans
        rates = rates_of(samples, p)
        axis = _sample_axis(samples, p)

        def gradient(g, name):
            g_samples = g[0] if retstep else g
            total = anp.sum(g_samples * rates[name], axis)
            if retstep:
                total = total + g[1] * _step_rates(p)[name]
            return unbroadcast(total, p[name])
        return lambda g: [gradient(g, names[i]) for i in argnums]
    defvjp_argnums(fun, vjp)

    def rates_jvp(argnums, tangents, ans, args, kwargs):
        p = _call(fun, args, kwargs)
        rates = rates_of(ans, p)
        total = sum(_spread(t, ans, p) * rates[names[i]] for i, t in zip(argnums, tangents))
        return broadcast_like(total, ans)
    defjvp_argnums(fun, jvp or rates_jvp)


def _linspace_jvp(argnums, tangents, ans, args, kwargs):
    # linspace is linear in (start, stop) together, retstep's step included.
    ends = [anp.zeros_like(args[0]), anp.zeros_like(args[1])]
    for i, t in zip(argnums, tangents):
        ends[i] = t
    return anp.linspace(*ends, *args[2:], **kwargs)


def_spacing(anp.linspace, _linspace_jvp)
def_spacing(anp.logspace)
_logspace = anp.logspace


@anp.define_wrapper('logspace', _np.logspace)
def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    # base=, usually given by keyword, goes positional so that a traced base is differentiated.
    return _logspace(start, stop, num, endpoint, base, dtype, axis)
def_spacing(anp.geomspace)


# A host parameter moved to another array library's values: its cotangent stays in that library (a NumPy
# parameter with Dask data has a lazy Dask gradient), and its tangent moves as the value did.
defvjp(anp._moved, lambda ans, value, like: lambda g: g)
defjvp(anp._moved, lambda t, ans, value, like: anp.on_backend_of(like, t))
