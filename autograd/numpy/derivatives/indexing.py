"""Indexing and selection: reading ``A[idx]`` (and its adjoint, adding a gradient back at ``idx``), the
functions that read elements by position (``take``, ``take_along_axis``, ``compress``, ``extract``) and
those that pick each element from one of several arrays (``where``, ``choose``, ``select``, ``clip``).

Every reading function is ``A[idx]`` for an index worked out from its arguments, so its VJP is the VJP of
``getitem`` at that index and its JVP the function itself. Every picking function gives each element of
the result the gradient of the argument it was picked from.
"""
import numpy as _np

from ...engine import (Box, SparseObject, defjvp, defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum,
                      defvjp_argnums, getval, primitive, vspace)
from .. import wrapper as anp
from .helpers import broadcast_like, is_complex, shape_of, unbroadcast


def getitem_vjp(ans, A, idx):
    """The VJP of reading ``A[idx]``."""
    if not shape_of(A):
        # Whatever the index, each element of the result is the single element of a 0-d A (which, as a
        # Python or NumPy scalar, could not be added into in place either).
        return lambda g: unbroadcast(g, A)
    vs = vspace(A)

    def vjp(g):
        if not vs.iscomplex and is_complex(g):
            g = anp.real(g)  # a real A's gradient is real, as unbroadcast makes it elsewhere
        if isinstance(g, Box):
            return anp.untake(g, idx, vs)
        # Outside higher-order differentiation the gradient is added in place into the accumulated one,
        # instead of materialising an array of zeros for every read.
        return SparseObject(vs, lambda dense: anp.add_at(dense, idx, g))
    return vjp


defvjp(anp.getitem, getitem_vjp)
defjvp(anp.getitem, 'same')
defvjp(anp.untake, lambda ans, x, idx, vs: lambda g: anp.getitem(g, idx))
defjvp(anp.untake, 'same')


def flat_index(shape, flat):
    """The index that reads positions ``flat`` of the flattened array of ``shape`` (None for 0-d, whose
    every read is of its one element)."""
    if not shape:
        return None
    return _np.unravel_index(in_range(_indices(flat), _np.prod(shape, dtype=int), 'wrap'), shape)


def _indices(indices):
    # Index arrays stay in their library (on the device for CuPy); lists and numbers become NumPy's.
    return indices if hasattr(indices, 'shape') else _np.asarray(indices)


def in_range(indices, n, mode):
    """Positions ``indices`` into ``n`` elements made to lie in [0, n): clipped for mode 'clip', taken
    modulo ``n`` otherwise (which for mode 'raise' only resolves the negative indices NumPy accepts)."""
    return _np.clip(indices, 0, n - 1) if mode == 'clip' else indices % max(n, 1)


def take_index(shape, indices, axis=None, mode='raise'):
    """The index ``idx`` with ``a[idx] == take(a, indices, axis, mode=mode)`` for ``a`` of ``shape``."""
    n = _np.prod(shape, dtype=int) if axis is None else shape[axis]
    indices = in_range(_indices(indices), n, mode)
    if axis is None:
        return flat_index(shape, indices)
    return (slice(None),) * (axis % len(shape)) + (indices,)


def along_axis_index(shape, indices, axis):
    """The index ``idx`` with ``a[idx] == take_along_axis(a, indices, axis)`` for ``a`` of ``shape``."""
    if axis is None:
        return flat_index(shape, indices)
    axis = axis % len(shape)
    ndim = len(shape)
    return tuple(indices if d == axis else _np.arange(n).reshape((n,) + (1,) * (ndim - d - 1))
                 for d, n in enumerate(shape))


defvjp(anp.take, lambda ans, a, indices, axis=None, out=None, mode='raise':
       getitem_vjp(ans, a, take_index(shape_of(a), indices, axis, mode)))
defjvp(anp.take, 'same')
defvjp(anp.take_along_axis, lambda ans, arr, indices, axis=-1:
       getitem_vjp(ans, arr, along_axis_index(shape_of(arr), indices, axis)))
defjvp(anp.take_along_axis, 'same')
defvjp(anp.compress, None, lambda ans, condition, a, axis=None, out=None:
       getitem_vjp(ans, a, take_index(shape_of(a), _np.flatnonzero(condition), axis)))
defjvp(anp.compress, None, 'same')
defvjp(anp.extract, None, lambda ans, condition, arr:
       getitem_vjp(ans, arr, flat_index(shape_of(arr), _np.flatnonzero(condition))))
defjvp(anp.extract, None, 'same')


def _picked(g, mask, target):
    """The gradient of ``target`` from ``g``: ``g`` where ``mask`` says the element came from ``target``."""
    return unbroadcast(anp.where(mask, g, anp.zeros_like(g)), target)


def _picked_tangent(t, mask, ans):
    return broadcast_like(anp.where(mask, t, anp.zeros_like(t)), ans)


_where = anp.where


@anp.define_wrapper('where', _np.where)
def where(condition, x=_np._NoValue, y=_np._NoValue):
    # where(condition) is nonzero(condition): integer positions, no derivative.
    if x is _np._NoValue and y is _np._NoValue:
        return anp.nonzero(condition)
    if x is _np._NoValue or y is _np._NoValue:
        raise ValueError("where: give both x and y, or neither")
    result = _where(condition, x, y)
    # As in HIPS Autograd, plain Python operands (numbers, lists) give a plain Python result.
    plain = _is_plain_python(condition) and _is_plain_python(x) and _is_plain_python(y)
    return result.tolist() if plain else result


def _is_plain_python(x):
    if isinstance(x, (list, tuple)):
        return all(map(_is_plain_python, x))
    return type(x) in (bool, int, float, complex)


defvjp(_where, None,
       lambda ans, c, x, y: lambda g: _picked(g, c, x),
       lambda ans, c, x, y: lambda g: _picked(g, anp.logical_not(c), y))
defjvp(_where, None,
       lambda t, ans, c, x, y: _picked_tangent(t, c, ans),
       lambda t, ans, c, x, y: _picked_tangent(t, anp.logical_not(c), ans))


def def_picking(fun, branch_of):
    """Rules for ``fun(selector, *branches, **kwargs)`` that takes each element of its result from one
    of the branches; ``branch_of(args, kwargs)`` numbers that branch for every element."""
    def vjp(argnums, ans, args, kwargs):
        branch = branch_of(args, kwargs)
        return lambda g: [_picked(g, branch == i - 1, args[i]) for i in argnums]
    defvjp_argnums(fun, vjp)

    # Linear in the branches together: the tangent picks from the branches' tangents.
    def jvp(argnums, tangents, ans, args, kwargs):
        parts = [anp.zeros_like(b) for b in args[1:]]
        for i, t in zip(argnums, tangents):
            parts[i - 1] = t
        return broadcast_like(fun(args[0], *parts, **kwargs), ans)
    defjvp_argnums(fun, jvp)


@primitive
def choose_args(a, *choices, mode='raise'):
    return _np.choose(a, choices, mode=mode)


@anp.define_wrapper('choose', _np.choose)
def choose(a, choices, out=None, mode='raise'):
    anp.refuse_out('choose', out)
    return choose_args(a, *choices, mode=mode)


def _chosen_branch(args, kwargs):
    return in_range(_np.asarray(args[0]), len(args) - 1, kwargs.get('mode', 'raise'))


def_picking(choose_args, _chosen_branch)


@primitive
def select_args(condlist, *choices_and_default):
    return _np.select(condlist, choices_and_default[:-1], choices_and_default[-1])


@anp.define_wrapper('select', _np.select)
def select(condlist, choicelist, default=0):
    return select_args(condlist, *choicelist, default)


def _selected_branch(args, kwargs):
    # The first true condition picks its choice; where none is true, the default (branch n) is picked.
    n = len(args[0])
    return _np.select(args[0], range(n), n)


def_picking(select_args, _selected_branch)


_clip = anp.clip  # ndarray.clip on a traced array calls this primitive directly


@anp.define_wrapper('clip', _np.clip)
def clip(a, a_min=_np._NoValue, a_max=_np._NoValue, out=None, *, min=_np._NoValue, max=_np._NoValue,
         **kwargs):
    # NumPy's rules for which bounds may be given how; bounds given by keyword then go positional, so
    # that traced bounds are differentiated.
    anp.refuse_out('clip', out)
    if a_min is _np._NoValue and a_max is _np._NoValue:
        a_min = None if min is _np._NoValue else min
        a_max = None if max is _np._NoValue else max
    elif min is not _np._NoValue or max is not _np._NoValue:
        raise ValueError("clip: give the bounds as a_min and a_max or as min and max, not both")
    return _clip(a, a_min, a_max, **kwargs)


def _clip_branch(args, kwargs):
    """0, 1 or 2 where ``clip(a, lower, upper) = minimum(maximum(a, lower), upper)`` takes a, lower or upper.

    At a bound (a == lower or a == upper) the element counts as a's: the gradient passes through there.
    Where lower > upper NumPy gives upper, and so does this.
    """
    a, a_min, a_max = (tuple(getval(x) for x in args) + (_np._NoValue,) * 2)[:3]
    lower = kwargs.get('min') if a_min is _np._NoValue else a_min
    upper = kwargs.get('max') if a_max is _np._NoValue else a_max
    branch = _np.zeros((), int)
    if lower is not None:
        branch = _np.where(a < lower, 1, 0)
        a = _np.maximum(a, lower)
    if upper is not None:
        branch = _np.where(a > upper, 2, branch)
    return branch


defvjp_argnum(_clip, lambda i, ans, args, kwargs:
              lambda g: _picked(g, _clip_branch(args, kwargs) == i, args[i]))
defjvp_argnum(_clip, lambda i, t, ans, args, kwargs: _picked_tangent(t, _clip_branch(args, kwargs) == i, ans))
