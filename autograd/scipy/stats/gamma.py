"""The gamma distribution, ``scipy.stats.gamma``, with shape ``a``; ``z = (x - loc) / scale`` >= 0.

``cdf``/``sf`` and their logs are not differentiable in ``a`` here (an error says so): that derivative of
the incomplete gamma function has no closed form.
"""
import numpy as _np

from ... import numpy as anp
from ..special import gammainc, gammaincc, gammaln, xlogy
from ._common import log_probability, nan_unless, on_support


def _valid(x, a, loc=0.0, scale=1.0):
    return (a > 0) & (scale > 0)


@nan_unless(_valid)
def logpdf(x, a, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    # xlogy gives the density's limit at z = 0: inf for a < 1, 1 for a = 1, 0 for a > 1.
    log_density = on_support(z >= 0, lambda z: xlogy(a - 1.0, z) - z - gammaln(a), z, 1.0, -_np.inf)
    return log_density - anp.log(scale)


def pdf(x, a, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, a, loc, scale))


@nan_unless(_valid)
def cdf(x, a, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return on_support(z > 0, lambda z: gammainc(a, z), z, 1.0, 0.0)


def logcdf(x, a, loc=0.0, scale=1.0):
    return log_probability(cdf(x, a, loc, scale))


@nan_unless(_valid)
def sf(x, a, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return on_support(z > 0, lambda z: gammaincc(a, z), z, 1.0, 1.0)


def logsf(x, a, loc=0.0, scale=1.0):
    return log_probability(sf(x, a, loc, scale))
