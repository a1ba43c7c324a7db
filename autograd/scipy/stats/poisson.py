"""The Poisson distribution, ``scipy.stats.poisson``, with mean ``mu``: differentiable in ``mu``.

The counts ``k`` (and the shift ``loc``) are discrete, so they have no derivative: tracing them is an error.
"""
import numpy as _np

from ... import numpy as anp
from ...engine import isbox
from ..special import gammainc, gammaincc, gammaln, xlogy
from ._common import log_probability, nan_unless, on_support


def _valid(k, mu, loc=0):
    if isbox(k) or isbox(loc):
        raise TypeError("autograd.scipy.stats.poisson: k and loc are discrete and have no derivative; "
                        "only mu can be differentiated.")
    return mu >= 0


@nan_unless(_valid)
def logpmf(k, mu, loc=0):
    k = _np.subtract(k, loc)
    return on_support((k >= 0) & (_np.floor(k) == k), lambda k: xlogy(k, mu) - mu - gammaln(k + 1.0),
                      k, 0.0, -_np.inf)


def pmf(k, mu, loc=0):
    return anp.exp(logpmf(k, mu, loc))


def _cumulative(fun, k, mu, loc, below):
    """``fun(floor(k - loc) + 1, mu)`` for k - loc >= 0, ``below`` under it."""
    k = _np.floor(_np.subtract(k, loc))
    return on_support(k >= 0, lambda k: fun(k + 1.0, mu), k, 0.0, below)


@nan_unless(_valid)
def cdf(k, mu, loc=0):
    return _cumulative(gammaincc, k, mu, loc, 0.0)


def logcdf(k, mu, loc=0):
    return log_probability(cdf(k, mu, loc))


@nan_unless(_valid)
def sf(k, mu, loc=0):
    return _cumulative(gammainc, k, mu, loc, 1.0)


def logsf(k, mu, loc=0):
    return log_probability(sf(k, mu, loc))
