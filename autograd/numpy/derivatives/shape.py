"""Reshaping, transposing, broadcasting and joining (NumPy's "Array manipulation routines").

All of these are linear, so each JVP is the function itself applied to the tangent.
"""
import numpy as _np

from ...engine import defjvp, defjvp_argnums, defvjp, defvjp_argnum, vspace
from .. import wrapper as anp
from .helpers import shape_of, unbroadcast


def _reshape_back(ans, x, *args, **kwargs):
    return lambda g: anp.reshape(g, shape_of(x))


for _fun in (anp.reshape, anp.ravel, anp.expand_dims, anp.squeeze, anp.atleast_1d, anp.atleast_2d,
             anp.atleast_3d):
    defvjp(_fun, _reshape_back)
    defjvp(_fun, 'same')


def _transpose_vjp(ans, x, axes=None):
    if axes is None:
        return lambda g: anp.transpose(g)
    return lambda g: anp.transpose(g, _np.argsort(axes))


defvjp(anp.transpose, _transpose_vjp)
defjvp(anp.transpose, 'same')
defvjp(anp.swapaxes, lambda ans, x, axis1, axis2: lambda g: anp.swapaxes(g, axis1, axis2))
defjvp(anp.swapaxes, 'same')
defvjp(anp.moveaxis, lambda ans, x, source, destination: lambda g: anp.moveaxis(g, destination, source))
defjvp(anp.moveaxis, 'same')
defvjp(anp.broadcast_to, lambda ans, x, shape, **kwargs: lambda g: unbroadcast(g, x))
defjvp(anp.broadcast_to, 'same')
defvjp(anp.full_primitive, lambda ans, fill_value, *args: lambda g: unbroadcast(g, fill_value))
defjvp(anp.full_primitive, 'same')


def def_joining(fun, vjp_for_part):
    """Rules for ``fun(axis, *arrays)``: each array's gradient is its part of the result's gradient."""
    defvjp_argnum(fun, lambda argnum, ans, args, kwargs: lambda g: vjp_for_part(g, argnum - 1, args))

    def jvp(argnums, tangents, ans, args, kwargs):
        parts = [None] + [vspace(a).zeros() for a in args[1:]]
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
