"""The multivariate normal distribution, ``scipy.stats.multivariate_normal``: differentiable in x, mean, cov.

Points lie along the last axis of ``x``; as in SciPy, for a one-dimensional distribution a 1-D ``x`` is a
list of points, ``cov`` may be a matrix, a vector (its diagonal) or a scalar (times the identity), and
size-1 axes of the result are squeezed.

SciPy reads only the lower triangle of a covariance matrix (it is taken to be symmetric), so the same is
done here, and the upper triangle gets no derivative. A singular covariance needs ``allow_singular=True``,
as in SciPy: the density then lives on the subspace the covariance spans (its pseudo-inverse and
pseudo-determinant), and is 0 off it. It is differentiable in x and mean; not in such a cov, where the
rank, and so the density, jumps under most perturbations.
"""
import math as _math

import numpy as _np

from ... import numpy as _anp
from ...engine import Box as _Box, defjvp as _defjvp, defvjp as _defvjp, getval as _getval, primitive as _primitive

_LOG_2PI = _math.log(2.0 * _math.pi)


@_primitive
def _inverse(a):
    return _np.linalg.inv(a)


@_primitive
def _logdet(a):
    return _np.linalg.slogdet(a)[1]


_defvjp(_inverse, lambda ans, a: lambda g: -_anp.matmul(_anp.transpose(ans), _anp.matmul(g, _anp.transpose(ans))))
_defjvp(_inverse, lambda t, ans, a: -_anp.matmul(ans, _anp.matmul(t, ans)))
_defvjp(_logdet, lambda ans, a: lambda g: g * _anp.transpose(_inverse(a)))
_defjvp(_logdet, lambda t, ans, a: _anp.sum(_anp.transpose(_inverse(a)) * t))


def _dimension(mean, cov):
    if mean is not None:
        return _np.size(_getval(mean))
    return 1 if _np.ndim(_getval(cov)) < 2 else _np.shape(_getval(cov))[0]


def _lower_symmetric(cov):
    """The symmetric matrix whose lower triangle is that of ``cov``: the covariance SciPy uses."""
    return _anp.tril(cov) + _anp.transpose(_anp.tril(cov, -1))


class _Singular:
    """A positive semidefinite covariance of rank below its size, by its eigendecomposition."""

    def __init__(self, eigenvalues, eigenvectors, cutoff):
        kept = eigenvalues > cutoff
        self.rank = int(_np.sum(kept))
        self.log_pdet = _np.sum(_np.log(eigenvalues[kept]))
        self.pinv = _np.matmul(eigenvectors[:, kept] / eigenvalues[kept], eigenvectors[:, kept].T)
        self.null_space = eigenvectors[:, ~kept]
        self.support_tolerance = 1e3 * cutoff  # SciPy's, for deviations off the covariance's range

    def log_density(self, r):
        quadratic = _anp.sum(r * _anp.matmul(r, self.pinv), axis=-1)
        value = -0.5 * (self.rank * _LOG_2PI + self.log_pdet + quadratic)
        off_support = _np.linalg.norm(_np.matmul(_getval(r), self.null_space), axis=-1) >= self.support_tolerance
        return _anp.where(off_support, -_np.inf, value) if _np.any(off_support) else value


def _check_cov(cov, dim, allow_singular, where='multivariate_normal: cov'):
    """None for a positive definite ``cov``, its ``_Singular`` form for a singular one that is allowed;
    ``where`` names the function and argument in errors."""
    c = _getval(cov)
    if _np.ndim(c) > 2 or (_np.ndim(c) == 2 and _np.shape(c) != (dim, dim)) or (
            _np.ndim(c) < 2 and _np.size(c) not in (1, dim)):
        raise ValueError("{0} must be a ({1}, {1}) matrix, a vector of {1} variances or one variance; got "
                         "shape {2}.".format(where, dim, _np.shape(c)))
    if _np.ndim(c) < 2:
        if _np.all(c > 0):
            return None
        c = _np.diag(_np.broadcast_to(c, (dim,)))
    eigenvalues, eigenvectors = _np.linalg.eigh(c, UPLO='L')
    cutoff = (1e3 if eigenvalues.dtype == _np.float32 else 1e6) * _np.finfo(eigenvalues.dtype).eps \
        * _np.max(_np.abs(eigenvalues))
    if _np.min(eigenvalues) < -cutoff:
        raise ValueError("{} must be symmetric positive semidefinite; its smallest eigenvalue is {}."
                         .format(where, _np.min(eigenvalues)))
    if _np.min(eigenvalues) > cutoff:
        return None
    if not allow_singular:
        raise _np.linalg.LinAlgError(
            "{} is singular, not positive definite; pass allow_singular=True for the density on the "
            "subspace it spans.".format(where))
    if isinstance(cov, _Box):
        raise ValueError("{}: a singular matrix has no derivative here (the density jumps where its rank "
                         "changes); differentiate with respect to the other arguments only.".format(where))
    return _Singular(eigenvalues, eigenvectors, cutoff)


def _log_det(cov, dim):
    """log det of the covariance, whichever form (matrix, diagonal, multiple of the identity) it takes."""
    if _anp.ndim(cov) == 2:
        return _logdet(_lower_symmetric(cov))
    return dim * _anp.log(cov) if _anp.ndim(cov) == 0 else _anp.sum(_anp.log(cov))


def _quadratic(r, cov):
    """r^T cov^-1 r along the last axis of r."""
    if _anp.ndim(cov) == 2:
        return _anp.sum(r * _anp.matmul(r, _inverse(_lower_symmetric(cov))), axis=-1)
    return _anp.sum(r ** 2 / cov, axis=-1)


def _residuals(x, mean, dim, where):
    """x - mean with the points along the last axis, as SciPy reads x (a 1-D x lists points of dimension 1)."""
    if _anp.ndim(x) == 0 or (_anp.ndim(x) == 1 and dim == 1):
        x = _anp.reshape(x, (-1, 1))
    if _np.shape(_getval(x))[-1] != dim:
        raise ValueError("{}: the points in x must have {} components along the last axis, got shape {}."
                         .format(where, dim, _np.shape(_getval(x))))
    return x if mean is None else x - _anp.reshape(mean, (dim,))


def logpdf(x, mean=None, cov=1, allow_singular=False):
    dim = _dimension(mean, cov)
    singular = _check_cov(cov, dim, allow_singular)
    r = _residuals(x, mean, dim, 'multivariate_normal')
    if singular:
        return _anp.squeeze(singular.log_density(r))
    return _anp.squeeze(-0.5 * (dim * _LOG_2PI + _log_det(cov, dim) + _quadratic(r, cov)))


def pdf(x, mean=None, cov=1, allow_singular=False):
    return _anp.exp(logpdf(x, mean, cov, allow_singular))


def entropy(mean=None, cov=1):
    dim = _dimension(mean, cov)
    singular = _check_cov(cov, dim, allow_singular=True)  # as SciPy's entropy
    if singular:
        return 0.5 * singular.rank * (1.0 + _LOG_2PI) + 0.5 * singular.log_pdet
    return 0.5 * (dim * (1.0 + _LOG_2PI) + _log_det(cov, dim))
