"""The multivariate normal distribution, ``scipy.stats.multivariate_normal``: differentiable in x, mean, cov.

Points lie along the last axis of ``x``; as in SciPy, for a one-dimensional distribution a 1-D ``x`` is a
list of points, ``cov`` may be a matrix, a vector (its diagonal) or a scalar (times the identity), and
size-1 axes of the result are squeezed. The covariance must be positive definite (``allow_singular=True``
is accepted for such matrices, and a singular one is refused either way).

A covariance matrix is used as given, not symmetrized, so the derivative in ``cov`` is that of a function
of a general matrix; at a symmetric ``cov`` it is symmetric.
"""
import math

import numpy as _np

from ... import numpy as anp
from ...engine import defjvp, defvjp, getval, primitive

LOG_2PI = math.log(2.0 * math.pi)


@primitive
def _inverse(a):
    return _np.linalg.inv(a)


@primitive
def _logdet(a):
    return _np.linalg.slogdet(a)[1]


defvjp(_inverse, lambda ans, a: lambda g: -anp.matmul(anp.transpose(ans), anp.matmul(g, anp.transpose(ans))))
defjvp(_inverse, lambda t, ans, a: -anp.matmul(ans, anp.matmul(t, ans)))
defvjp(_logdet, lambda ans, a: lambda g: g * anp.transpose(_inverse(a)))
defjvp(_logdet, lambda t, ans, a: anp.sum(anp.transpose(_inverse(a)) * t))


def _dimension(mean, cov):
    if mean is not None:
        return _np.size(getval(mean))
    return 1 if _np.ndim(getval(cov)) < 2 else _np.shape(getval(cov))[0]


def _check_cov(cov, dim):
    c = getval(cov)
    if _np.ndim(c) == 2 and _np.shape(c) == (dim, dim):
        try:
            _np.linalg.cholesky(c)
            return
        except _np.linalg.LinAlgError:
            pass
    elif _np.ndim(c) < 2 and _np.size(c) in (1, dim) and _np.all(c > 0):
        return
    raise ValueError("multivariate_normal: cov must be a positive definite ({0}, {0}) matrix, a vector of {0} "
                     "positive variances or one positive variance; got shape {1}. Singular covariances "
                     "(allow_singular) are not supported.".format(dim, _np.shape(c)))


def _log_det(cov, dim):
    """log det of the covariance, whichever form (matrix, diagonal, multiple of the identity) it takes."""
    if anp.ndim(cov) == 2:
        return _logdet(cov)
    return dim * anp.log(cov) if anp.ndim(cov) == 0 else anp.sum(anp.log(cov))


def _quadratic(r, cov):
    """r^T cov^-1 r along the last axis of r."""
    if anp.ndim(cov) == 2:
        return anp.sum(r * anp.matmul(r, _inverse(cov)), axis=-1)
    return anp.sum(r ** 2 / cov, axis=-1)


def logpdf(x, mean=None, cov=1, allow_singular=False):
    dim = _dimension(mean, cov)
    _check_cov(cov, dim)
    if anp.ndim(x) == 0 or (anp.ndim(x) == 1 and dim == 1):
        x = anp.reshape(x, (-1, 1))
    if _np.shape(getval(x))[-1] != dim:
        raise ValueError("multivariate_normal: the points in x must have {} components along the last axis, "
                         "got shape {}.".format(dim, _np.shape(getval(x))))
    r = x if mean is None else x - anp.reshape(mean, (dim,))
    return anp.squeeze(-0.5 * (dim * LOG_2PI + _log_det(cov, dim) + _quadratic(r, cov)))


def pdf(x, mean=None, cov=1, allow_singular=False):
    return anp.exp(logpdf(x, mean, cov, allow_singular))


def entropy(mean=None, cov=1):
    dim = _dimension(mean, cov)
    _check_cov(cov, dim)
    return 0.5 * (dim * (1.0 + LOG_2PI) + _log_det(cov, dim))
