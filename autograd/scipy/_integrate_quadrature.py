"""SciPy's sampled-data quadratures, ``trapezoid``, ``simpson``, ``cumulative_trapezoid`` and
``cumulative_simpson``, written with traced functions.

Each is a sum of products of ``y`` with weights made from the spacings, so it differentiates, to any order
and in both modes, in ``y``, ``x``, ``dx`` and ``initial`` without rules of its own. Every function moves
``axis`` to the end, works along the last axis and moves it back.
"""
import numpy as _np
import scipy.integrate as _source

from ..engine import getval
from ..numpy import wrapper as anp
from ..numpy.derivatives.helpers import shape_of

__all__ = ['trapezoid', 'simpson', 'cumulative_trapezoid', 'cumulative_simpson']


def _along_last(name, y, x, axis):
    """``y`` and ``x`` (None, 1-D, or broadcastable to ``y``) with ``axis`` moved to the end."""
    ndim = len(shape_of(y))
    if not -ndim <= axis < ndim:
        raise ValueError("{}: axis={} is out of range for y with {} dimensions".format(name, axis, ndim))
    y = anp.moveaxis(y, axis, -1)
    if x is not None:
        if len(shape_of(x)) != 1:
            x = anp.moveaxis(anp.broadcast_to(x, shape_of(anp.moveaxis(y, -1, axis))), axis, -1)
        if shape_of(x)[-1] != shape_of(y)[-1]:
            raise ValueError("{}: x must have as many points as y along axis {} ({}), got {}; pass x of that "
                             "length, or dx for equal spacing".format(name, axis, shape_of(y)[-1], shape_of(x)[-1]))
    return y, x


def _spacings(y, x, dx):
    """The widths of the intervals between samples, shaped to broadcast against ``y[..., 1:]``."""
    if x is not None:
        return anp.diff(x, axis=-1)
    return dx * anp.ones_like(anp.real(y[..., 1:]), dtype=float)


def _trapezoids(y, h):
    """The area of each trapezoid between consecutive samples, ``h`` wide."""
    return h * (y[..., 1:] + y[..., :-1]) / 2.0


def trapezoid(y, x=None, dx=1.0, axis=-1):
    y, x = _along_last('trapezoid', y, x, axis)
    return anp.sum(_trapezoids(y, _spacings(y, x, dx)), axis=-1)


def _simpson_pairs(y, h0, h1):
    """Simpson's rule on each pair of intervals (widths ``h0``, ``h1``) through three samples, summed."""
    total = h0 + h1
    return anp.sum(total / 6.0 * ((2.0 - h1 / h0) * y[..., :-2:2] + total ** 2 / (h0 * h1) * y[..., 1:-1:2]
                                  + (2.0 - h0 / h1) * y[..., 2::2]), axis=-1)


def simpson(y, x=None, *, dx=1.0, axis=-1):
    y, x = _along_last('simpson', y, x, axis)
    h = _spacings(y, x, dx)
    n = shape_of(y)[-1]
    if n == 2:
        return h[..., 0] * (y[..., 0] + y[..., 1]) / 2.0
    if n % 2:
        return _simpson_pairs(y, h[..., ::2], h[..., 1::2])
    # An even count leaves one interval over: Simpson's rule on the rest, and for the last interval the
    # integral of the parabola through the last three samples (Cartwright's correction, as SciPy).
    head = _simpson_pairs(y[..., :-1], h[..., :-1:2], h[..., 1:-1:2])
    h0, h1 = h[..., -2], h[..., -1]
    return head + (h1 * (2.0 * h1 + 3.0 * h0) / (6.0 * (h0 + h1)) * y[..., -1]
                   + h1 * (h1 + 3.0 * h0) / (6.0 * h0) * y[..., -2]
                   - h1 ** 3 / (6.0 * h0 * (h0 + h1)) * y[..., -3])


def cumulative_trapezoid(y, x=None, dx=1.0, axis=-1, initial=None):
    if shape_of(y)[axis] == 0:
        raise ValueError("cumulative_trapezoid: y needs at least one point along axis {}".format(axis))
    if initial is not None and (not _np.isscalar(initial) or initial != 0):
        raise ValueError("cumulative_trapezoid: initial must be None or 0 (as in SciPy), got {!r}; add a "
                         "constant to the result instead".format(initial))
    y, x = _along_last('cumulative_trapezoid', y, x, axis)
    total = anp.cumsum(_trapezoids(y, _spacings(y, x, dx)), axis=-1)
    if initial is not None:
        total = anp.concatenate([anp.zeros_like(total[..., :1]), total], axis=-1)
    return anp.moveaxis(total, -1, axis)


def _first_of_three(y, h):
    """The integral over the first interval of the parabola through each three consecutive samples."""
    h0, h1 = h[..., :-1], h[..., 1:]
    ratio, share = h0 / (h0 + h1), h0 * h0 / ((h0 + h1) * h1)
    return h0 / 6.0 * ((3.0 - ratio) * y[..., :-2] + (3.0 + share + ratio) * y[..., 1:-1] - share * y[..., 2:])


def cumulative_simpson(y, *, x=None, dx=1.0, axis=-1, initial=None):
    y, x = _along_last('cumulative_simpson', y, x, axis)
    n = shape_of(y)[-1]
    if x is None and len(shape_of(dx)):
        if len(shape_of(dx)) != len(shape_of(y)) or shape_of(dx)[axis] != 1:
            raise ValueError("cumulative_simpson: dx must be a scalar or have y's shape with length 1 along "
                             "axis {}, got shape {}".format(axis, shape_of(dx)))
        dx = anp.moveaxis(dx, axis, -1)
    h = _spacings(y, x, dx)
    if n < 3:
        total = anp.cumsum(_trapezoids(y, h), axis=-1)
    else:
        if x is not None and _np.any(_np.diff(getval(x), axis=-1) <= 0):
            raise ValueError("cumulative_simpson: x must be strictly increasing along axis {}".format(axis))
        # Each interval but the last is the first of a triple of samples; each but the first is the second
        # of one. Like SciPy, take the even intervals from the triples they start and the odd ones (and the
        # last) from the triples they end.
        starting = _first_of_three(y, h)
        ending = anp.flip(_first_of_three(anp.flip(y, axis=-1), anp.flip(h, axis=-1)), axis=-1)
        pairs = anp.stack([starting[..., ::2], ending[..., ::2]], axis=-1)
        parts = anp.reshape(pairs, shape_of(pairs)[:-2] + (-1,))
        if n % 2 == 0:
            parts = anp.concatenate([parts, ending[..., -1:]], axis=-1)
        total = anp.cumsum(parts, axis=-1)
    if initial is not None:
        start = anp.moveaxis(initial, axis, -1) if len(shape_of(initial)) else initial
        start = start + anp.zeros_like(total[..., :1])
        total = anp.concatenate([start, total + start], axis=-1)
    return anp.moveaxis(total, -1, axis)


for _name in __all__:  # cumulative_simpson is new in SciPy 1.12
    globals()[_name].__doc__ = getattr(_source, _name, globals()[_name]).__doc__
