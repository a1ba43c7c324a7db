"""The Wishart distribution, ``scipy.stats.wishart``: differentiable in x, df and scale.

As in SciPy, ``x`` is a (p, p) matrix or a stack of them along the last axis, (p, p, N); for p = 1 also a
scalar or a vector of N values. ``scale`` is a (p, p) matrix or, for p = 1, a scalar. Both are taken to
be symmetric positive definite, as SciPy takes them.
"""
import math as _math

from ... import numpy as _anp
from ..special import digamma as _digamma, multigammaln as _multigammaln
from .invwishart import _matrices

_LOG_2 = _math.log(2.0)


def logpdf(x, df, scale):
    x, scale, dim = _matrices(x, scale, 'wishart')
    log_det_x = _anp.linalg.slogdet(x)[1]
    trace = _anp.sum(_anp.linalg.inv(scale) * _anp.swapaxes(x, -1, -2), axis=(-2, -1))
    value = (0.5 * (df - dim - 1.0) * log_det_x - 0.5 * trace - 0.5 * df * dim * _LOG_2
             - 0.5 * df * _anp.linalg.slogdet(scale)[1] - _multigammaln(0.5 * df, dim))
    return _anp.squeeze(value)


def pdf(x, df, scale):
    return _anp.exp(logpdf(x, df, scale))


def entropy(df, scale):
    scale, dim = _matrices(None, scale, 'wishart')[1:]
    digammas = sum(_digamma(0.5 * (df - i)) for i in range(dim))
    return (0.5 * (dim + 1.0) * _anp.linalg.slogdet(scale)[1] + 0.5 * dim * (dim + 1.0) * _LOG_2
            + _multigammaln(0.5 * df, dim) - 0.5 * (df - dim - 1.0) * digammas + 0.5 * df * dim)
