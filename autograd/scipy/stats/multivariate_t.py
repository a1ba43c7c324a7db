"""The multivariate t distribution, ``scipy.stats.multivariate_t``: differentiable in x, loc, shape and df.

``x``, ``loc`` and ``shape`` are read as by ``multivariate_normal`` (points along the last axis of x; shape a
matrix, a vector of its diagonal or a scalar). A singular ``shape`` and an infinite ``df`` are SciPy's
special cases, not handled here (an error says so); ``cdf`` is SciPy's, without derivative.
"""
import math as _math

import numpy as _np

from ... import numpy as _anp
from ...engine import getval as _getval
from ..special import digamma as _digamma, gammaln as _gammaln
from .multivariate_normal import _check_cov, _dimension, _log_det, _quadratic, _residuals


def _checked(loc, shape, df):
    dim = _dimension(loc, shape)
    if _check_cov(shape, dim, allow_singular=False, where='multivariate_t: shape') is not None:
        raise ValueError('multivariate_t: shape is singular; only a positive definite shape is supported here.')
    if not _np.all(_np.isfinite(_getval(df))):
        raise ValueError('multivariate_t: df must be finite here; for df = inf use multivariate_normal.')
    return dim


def _log_normalizer(dim, shape, df):
    return (_gammaln(0.5 * (df + dim)) - _gammaln(0.5 * df) - 0.5 * dim * _anp.log(df * _math.pi)
            - 0.5 * _log_det(shape, dim))


def logpdf(x, loc=None, shape=1, df=1, allow_singular=False):
    dim = _checked(loc, shape, df)
    r = _residuals(x, loc, dim, 'multivariate_t')
    return _anp.squeeze(_log_normalizer(dim, shape, df)
                        - 0.5 * (df + dim) * _anp.log1p(_quadratic(r, shape) / df))


def pdf(x, loc=None, shape=1, df=1, allow_singular=False):
    return _anp.exp(logpdf(x, loc, shape, df, allow_singular))


def entropy(loc=None, shape=1, df=1):
    dim = _checked(loc, shape, df)
    half_sum = 0.5 * (df + dim)
    return (-_log_normalizer(dim, shape, df)
            + half_sum * (_digamma(half_sum) - _digamma(0.5 * df)))
