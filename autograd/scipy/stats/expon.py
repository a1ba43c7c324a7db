"""The exponential distribution, ``scipy.stats.expon``: ``z = (x - loc) / scale`` >= 0 has density exp(-z)."""
import numpy as _np

from ... import numpy as anp
from ._common import log_probability, nan_unless, on_support, positive_scale


@nan_unless(positive_scale)
def logpdf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return on_support(z >= 0, anp.negative, z, 0.0, -_np.inf) - anp.log(scale)


def pdf(x, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, loc, scale))


@nan_unless(positive_scale)
def cdf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return on_support(z > 0, lambda z: -anp.expm1(-z), z, 1.0, 0.0)


def logcdf(x, loc=0.0, scale=1.0):
    return log_probability(cdf(x, loc, scale))


@nan_unless(positive_scale)
def sf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return on_support(z > 0, lambda z: anp.exp(-z), z, 1.0, 1.0)


@nan_unless(positive_scale)
def logsf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return on_support(z > 0, anp.negative, z, 1.0, 0.0)
