"""Kept for code written against HIPS Autograd's ``autograd.numpy.numpy_vjps``: the helpers that
extensions use to write rules. The rules themselves live in ``autograd.numpy.derivatives``."""
import numpy as _np

from ..engine import SparseObject, VJPNode, defvjp, defvjp_argnum, primitive, register_notrace, vspace  # noqa: F401
from ..util import func  # noqa: F401
from . import wrapper as anp
from .array_box import ArrayBox  # noqa: F401
from .derivatives.helpers import is_complex, replace_zero, unbroadcast  # noqa: F401


def unbroadcast_f(target, f):
    """The VJP ``g -> f(g)`` summed back over the axes along which ``target`` was broadcast."""
    return lambda g: unbroadcast(f(g), target)


def match_complex(target, x):
    """``x`` as a gradient for ``target``: its real part when ``target`` is real."""
    return anp.real(x) if is_complex(x) and not is_complex(target) else x


def untake(x, idx, vs):
    """The adjoint of ``A[idx]``: zeros of ``A``'s space ``vs`` with ``x`` added at ``idx``."""
    return anp.untake(x, idx, vs)


def repeat_to_match_shape(g, shape, dtype, axis, keepdims):
    """``(g broadcast back to shape, how many elements each of g's stood for)``: the gradient of a reduction
    over ``axis`` of an array of ``shape`` (``keepdims`` or not) spread over the reduced elements."""
    if shape == ():
        return g, 1
    axes = range(len(shape)) if axis is None else (axis,) if isinstance(axis, int) else axis
    axes = [a % len(shape) for a in axes]
    kept = tuple(1 if i in axes else n for i, n in enumerate(shape))
    count = int(_np.prod([shape[a] for a in axes]))
    return anp.broadcast_to(anp.reshape(g, kept), shape), count


def balanced_eq(x, z, y):
    """1 where ``x == z``, shared equally (0.5) where ``y`` ties with it too: how ``max(x, y) = z`` splits
    its gradient between tied arguments."""
    return (x == z) / (1.0 + (x == y))
