"""Functional programming helpers: ``apply_along_axis``, ``apply_over_axes``, ``piecewise``, ``fromfunction``.

They call the user's function (written with ``autograd.numpy``) on slices or index grids, so autograd traces
what it does; the results are put together with differentiable pieces (``stack``, ``transpose``,
``expand_dims``, and for ``piecewise`` reading and writing by mask). NumPy's own function runs when
nothing is traced; a user function that turns out to return a traced value (it closes over one, or gets
one among the extra arguments) makes the call start again on the traced path, calling it again.
"""
import numpy as _np
from numpy.lib.array_utils import normalize_axis_index

from ...engine import Box, getval, vspace
from .. import wrapper as anp
from .helpers import shape_of


def _array(x):
    return x if hasattr(x, 'shape') else _np.asarray(x)


def _contains_box(x):
    if isinstance(x, (list, tuple)):
        return any(_contains_box(item) for item in x)
    return isinstance(x, Box)


class _TracedResult(Exception):
    """A user function returned a traced value inside NumPy's own implementation."""


def _refusing_traced(fun):
    if not callable(fun):
        return fun

    def checked(*args, **kwargs):
        result = fun(*args, **kwargs)
        if _contains_box(result):
            raise _TracedResult
        return result
    return checked


def _as_array(result):
    """A user function's result as an array; lists and tuples of traced values are stacked."""
    return anp.asanyarray(result) if isinstance(result, (list, tuple)) else _array(result)


def _cast(x, dtype):
    return x if x.dtype == dtype else anp.astype(x, dtype)


@anp.define_wrapper('apply_along_axis', _np.apply_along_axis)
def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    if not isinstance(arr, Box):
        try:
            return _np.apply_along_axis(_refusing_traced(func1d), axis, arr, *args, **kwargs)
        except _TracedResult:
            pass
    arr = _array(arr)
    ndim = len(shape_of(arr))
    axis = normalize_axis_index(axis, ndim)
    lines = anp.moveaxis(arr, axis, -1)
    outer = shape_of(lines)[:-1]
    if 0 in outer:
        raise ValueError('Cannot apply_along_axis when any iteration dimensions are 0')
    results = [_as_array(func1d(lines[index + (Ellipsis,)], *args, **kwargs)) for index in _np.ndindex(outer)]
    # NumPy writes every result into an array shaped and typed like the first one.
    first = results[0]
    shape, dtype = shape_of(first), first.dtype
    results = [_cast(anp.broadcast_to(r, shape) if shape_of(r) != shape else r, dtype) for r in results]
    stacked = anp.reshape(anp.stack(results), outer + shape)
    dims = list(range(len(outer) + len(shape)))
    return anp.transpose(stacked, dims[:axis] + dims[len(outer):] + dims[axis:len(outer)])


@anp.define_wrapper('apply_over_axes', _np.apply_over_axes)
def apply_over_axes(func, a, axes):
    if not isinstance(a, Box):
        try:
            return _np.apply_over_axes(_refusing_traced(func), a, axes)
        except _TracedResult:
            pass
    value = _array(a)
    ndim = len(shape_of(value))
    for axis in ((axes,) if _np.ndim(axes) == 0 else axes):
        axis = axis + ndim if axis < 0 else axis
        result = func(value, axis)
        if len(shape_of(result)) != ndim:
            result = anp.expand_dims(result, axis)
            if len(shape_of(result)) != ndim:
                raise ValueError("function is not returning an array of the correct shape")
        value = result
    return value


@anp.define_wrapper('piecewise', _np.piecewise)
def piecewise(x, condlist, funclist, *args, **kw):
    if not isinstance(x, Box) and not _contains_box(list(funclist)):
        try:
            return _np.piecewise(x, condlist, [_refusing_traced(f) for f in funclist], *args, **kw)
        except _TracedResult:
            pass
    x = _array(x)
    if not shape_of(x):
        # Masks of a 0-d x pick it or not: the same as on its 1-d view, which untake can write into.
        conds = _conditions(condlist, 0, len(funclist))
        return anp.reshape(_pieces(anp.reshape(x, (1,)), conds[:, None], funclist, args, kw), ())
    return _pieces(x, _conditions(condlist, len(shape_of(x)), len(funclist)), funclist, args, kw)


def _conditions(condlist, ndim, count):
    """``condlist`` as a boolean array with one condition per function, 'otherwise' added if left out."""
    if _np.isscalar(condlist) or (not isinstance(condlist[0], (list, _np.ndarray)) and ndim != 0):
        condlist = [condlist]
    conds = _np.asarray(condlist, dtype=bool)
    if len(conds) == count - 1:
        conds = _np.concatenate([conds, ~_np.any(conds, axis=0, keepdims=True)], axis=0)
    elif len(conds) != count:
        raise ValueError("with {0} condition(s), either {0} or {1} functions are expected"
                         .format(len(conds), len(conds) + 1))
    return conds


def _pieces(x, conds, funclist, args, kw):
    """Each function's values written where its condition holds (later ones over earlier), zero elsewhere."""
    y = anp.zeros_like(x)
    vs = vspace(y)
    for cond, func in zip(conds, funclist):
        shape = shape_of(getval(x)[cond])
        if not callable(func):
            values = _array(func)
        elif _np.prod(shape, dtype=int):
            values = _array(func(x[cond], *args, **kw))
        else:
            continue
        values = _cast(anp.broadcast_to(values, shape) if shape_of(values) != shape else values, y.dtype)
        selected = _np.zeros(shape_of(x), bool)
        selected[cond] = True
        y = anp.where(selected, anp.untake(values, cond, vs), y)
    return y


@anp.define_wrapper('fromfunction', _np.fromfunction)
def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    # NumPy only calls function on index grids, handing back whatever it returns (traced or not); as a
    # wrapper instead of a primitive, traced values may also reach it through the keyword arguments.
    return _np.fromfunction(function, shape, dtype=dtype, like=like, **kwargs)
