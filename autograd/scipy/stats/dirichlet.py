"""The Dirichlet distribution, ``scipy.stats.dirichlet``, with concentrations ``alpha`` (shape (K,)).

As in SciPy, ``x`` holds the components along its first axis: shape (K,) for one point, (K, N) for N points,
and may leave out the last component (K - 1 rows), which is then 1 minus the sum of the others.
"""
import numpy as _np

from ... import numpy as _anp
from ...engine import getval as _getval
from ..special import gammaln as _gammaln, xlogy as _xlogy


def _checked(x, alpha):
    """``x`` with its last component completed if left out; ValueError for inputs SciPy refuses."""
    a, shape = _getval(alpha), _np.shape(_getval(x))
    if _np.ndim(a) != 1 or _np.min(a) <= 0:
        raise ValueError("dirichlet: alpha must be a one-dimensional vector of positive concentrations, got "
                         "shape {} with minimum {}.".format(_np.shape(a), _np.min(a)))
    if len(shape) not in (1, 2) or shape[0] not in (len(a), len(a) - 1):
        raise ValueError("dirichlet: x must have shape (K,) or (K, N) with K = len(alpha) = {} components "
                         "(or K - 1, leaving out the last), got shape {}.".format(len(a), shape))
    if shape[0] == len(a) - 1:
        x = _anp.concatenate([x, 1.0 - _anp.sum(x, axis=0, keepdims=True)])
    v = _getval(x)
    if _np.min(v) < 0 or _np.max(v) > 1 or _np.any(_np.abs(_np.sum(v, 0) - 1.0) > 1e-9):
        raise ValueError("dirichlet: x must lie on the simplex (components in [0, 1] summing to 1 along "
                         "the first axis); the sums are {}.".format(_np.sum(v, 0)))
    if _np.any((v == 0) & (_np.reshape(a < 1, (-1,) + (1,) * (v.ndim - 1)))):
        raise ValueError("dirichlet: x must be positive where alpha < 1 (the density is infinite there).")
    return x


def logpdf(x, alpha):
    x = _checked(x, alpha)
    log_normalizer = _anp.sum(_gammaln(alpha)) - _gammaln(_anp.sum(alpha))
    column = _anp.reshape(alpha, (-1,) + (1,) * (_anp.ndim(x) - 1))
    return _anp.squeeze(_anp.sum(_xlogy(column - 1.0, x), axis=0) - log_normalizer)


def pdf(x, alpha):
    return _anp.exp(logpdf(x, alpha))
