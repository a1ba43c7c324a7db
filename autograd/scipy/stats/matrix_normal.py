"""The matrix normal distribution, ``scipy.stats.matrix_normal``: differentiable in X, mean, rowcov and colcov.

``X`` is an (m, n) matrix or a stack (..., m, n); ``rowcov`` is (m, m) or a scalar times the identity, and
``colcov`` likewise (n, n). The sizes come from ``mean``, else from the covariance matrices, as in SciPy.
"""
import math as _math

import numpy as _np

from ... import numpy as _anp
from ...engine import getval as _getval
from ...numpy.wrapper import on_backend_of as _on_backend_of

_LOG_2PI = _math.log(2.0 * _math.pi)


def _size(mean, cov, axis):
    if mean is not None:
        return _np.shape(_getval(mean))[axis]
    return _np.shape(_getval(cov))[0] if _np.ndim(_getval(cov)) == 2 else 1


def _covariances(mean, rowcov, colcov):
    """rowcov and colcov as matrices, with their sizes checked."""
    m, n = _size(mean, rowcov, 0), _size(mean, colcov, 1)
    covs = [c if _anp.ndim(c) == 2 else c * _on_backend_of(c, _anp.eye(size)) for c, size in ((rowcov, m), (colcov, n))]
    for name, cov, size in (('rowcov', covs[0], m), ('colcov', covs[1], n)):
        if _np.shape(_getval(cov)) != (size, size):
            raise ValueError('matrix_normal: {0} must be a ({1}, {1}) matrix or a scalar, got shape {2}.'
                             .format(name, size, _np.shape(_getval(cov))))
    return covs[0], covs[1], m, n


def _log_dets(rowcov, colcov, m, n):
    return n * _anp.linalg.slogdet(rowcov)[1] + m * _anp.linalg.slogdet(colcov)[1]


def logpdf(X, mean=None, rowcov=1, colcov=1):
    rowcov, colcov, m, n = _covariances(mean, rowcov, colcov)
    X = _anp.reshape(X, (m, n)) if _anp.ndim(X) < 2 else X
    if _np.shape(_getval(X))[-2:] != (m, n):
        raise ValueError('matrix_normal: X must be an ({}, {}) matrix or a stack of them, got shape {}.'
                         .format(m, n, _np.shape(_getval(X))))
    r = X if mean is None else X - mean
    # tr(colcov^-1 r^T rowcov^-1 r): the sum of the elementwise product of rowcov^-1 r and r colcov^-1.
    r_colcov = _anp.swapaxes(_anp.linalg.solve(colcov, _anp.swapaxes(r, -1, -2)), -1, -2)
    quadratic = _anp.sum(_anp.linalg.solve(rowcov, r) * r_colcov, axis=(-2, -1))
    return _anp.squeeze(-0.5 * (m * n * _LOG_2PI + _log_dets(rowcov, colcov, m, n) + quadratic))


def pdf(X, mean=None, rowcov=1, colcov=1):
    return _anp.exp(logpdf(X, mean, rowcov, colcov))


def entropy(rowcov=1, colcov=1):
    rowcov, colcov, m, n = _covariances(None, rowcov, colcov)
    return 0.5 * (m * n * (1.0 + _LOG_2PI) + _log_dets(rowcov, colcov, m, n))
