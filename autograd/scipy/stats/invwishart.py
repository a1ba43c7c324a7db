"""The inverse Wishart distribution, ``scipy.stats.invwishart``: differentiable in x, df and scale.

``x`` and ``scale`` are read as by ``wishart``: a (p, p) matrix or a stack along the last axis of x, and
for p = 1 scalars or a vector of values.
"""
import math as _math

import numpy as _np

from ... import numpy as _anp
from ...engine import getval as _getval
from ..special import digamma as _digamma, multigammaln as _multigammaln

_LOG_2 = _math.log(2.0)


def _matrices(x, scale, where):
    """x as a stack (N, p, p) (or None), scale as (p, p), and p."""
    scale = _anp.reshape(scale, (1, 1)) if _anp.ndim(scale) < 2 else scale
    dim = _np.shape(_getval(scale))[0]
    if _np.shape(_getval(scale)) != (dim, dim):
        raise ValueError('{}: scale must be a square matrix, got shape {}.'.format(where, _np.shape(_getval(scale))))
    if x is None:
        return None, scale, dim
    if dim == 1 and _anp.ndim(x) < 2:
        x = _anp.reshape(x, (-1, 1, 1))
    elif _anp.ndim(x) == 2:
        x = _anp.reshape(x, (1, dim, dim))
    elif _anp.ndim(x) == 3:
        x = _anp.moveaxis(x, -1, 0)
    if _np.shape(_getval(x))[1:] != (dim, dim):
        raise ValueError('{0}: x must be a ({1}, {1}) matrix or a stack ({1}, {1}, N) of them, got shape {2}.'
                         .format(where, dim, _np.shape(_getval(x))))
    return x, scale, dim


def logpdf(x, df, scale):
    x, scale, dim = _matrices(x, scale, 'invwishart')
    log_det_x = _anp.linalg.slogdet(x)[1]
    trace = _anp.sum(scale * _anp.swapaxes(_anp.linalg.inv(x), -1, -2), axis=(-2, -1))
    value = (0.5 * df * _anp.linalg.slogdet(scale)[1] - 0.5 * df * dim * _LOG_2 - _multigammaln(0.5 * df, dim)
             - 0.5 * (df + dim + 1.0) * log_det_x - 0.5 * trace)
    return _anp.squeeze(value)


def pdf(x, df, scale):
    return _anp.exp(logpdf(x, df, scale))


def entropy(df, scale):
    scale, dim = _matrices(None, scale, 'invwishart')[1:]
    digammas = sum(_digamma(0.5 * (df - dim + i)) for i in range(1, dim + 1))
    return (_multigammaln(0.5 * df, dim) + 0.5 * dim * df + 0.5 * (dim + 1.0) * (_anp.linalg.slogdet(scale)[1] - _LOG_2)
            - 0.5 * (df + dim + 1.0) * digammas)
