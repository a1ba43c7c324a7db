"""SciPy's ``detrend``, written with traced functions.

Removing the mean, or the least-squares line of each piece between breakpoints, is a projection: linear
in the data, so it differentiates to any order in both modes. The line is fitted in closed form (slope
``sum((t - mean t)(x - mean x)) / sum((t - mean t)^2)``), which equals SciPy's ``lstsq`` fit.
"""
import numpy as _np
import scipy.signal as _source

from ..engine import getval
from ..numpy import wrapper as anp
from ..numpy.derivatives.helpers import shape_of

__all__ = ['detrend']


def _remove_line(piece):
    """``piece`` (along its last axis) less its least-squares line."""
    n = shape_of(piece)[-1]
    centred = piece - anp.mean(piece, axis=-1, keepdims=True)
    if n < 3:  # a line passes through one or two points
        return centred - centred
    t = anp.cumsum(anp.ones_like(anp.real(piece)), axis=-1) - (n + 1) / 2.0
    slope = anp.sum(centred * t, axis=-1, keepdims=True) / anp.sum(t * t, axis=-1, keepdims=True)
    return centred - slope * t


def detrend(data, axis=-1, type='linear', bp=0, overwrite_data=False):
    if type not in ('linear', 'l', 'constant', 'c'):
        raise ValueError("detrend: type must be 'linear' or 'constant', got {!r}".format(type))
    ndim = len(shape_of(data))
    if not -ndim <= axis < ndim:
        raise ValueError("detrend: axis={} is out of range for data with {} dimensions".format(axis, ndim))
    if anp.result_type(data).kind not in 'fc':
        data = anp.asarray(data, dtype=float)
    if type in ('constant', 'c'):
        return data - anp.mean(data, axis=axis, keepdims=True)
    n = shape_of(data)[axis]
    breaks = _np.unique(_np.concatenate([[0], _np.atleast_1d(getval(bp)), [n]]).astype(int))
    if breaks[-1] > n or breaks[0] < 0:
        raise ValueError("detrend: breakpoints must lie between 0 and the length of data along axis {} ({}), "
                         "got bp={!r}".format(axis, n, bp))
    data = anp.moveaxis(data, axis, -1)
    pieces = [_remove_line(data[..., start:stop]) for start, stop in zip(breaks[:-1], breaks[1:])]
    return anp.moveaxis(anp.concatenate(pieces, axis=-1), -1, axis)


detrend.__doc__ = _source.detrend.__doc__
