"""The uniform distribution, ``scipy.stats.uniform``, on [loc, loc + scale].

The density does not depend on x inside the interval (its derivative in x is 0); the jumps at the ends
have no derivative, and the cdf's kinks there take the derivative of the side the point belongs to.
"""
import numpy as _np

from ... import numpy as anp
from ._common import log_probability, nan_unless, positive_scale


@nan_unless(positive_scale)
def logpdf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return anp.where((z >= 0) & (z <= 1), -anp.log(scale), -_np.inf)


def pdf(x, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, loc, scale))


@nan_unless(positive_scale)
def cdf(x, loc=0.0, scale=1.0):
    return anp.clip((x - loc) / scale, 0.0, 1.0)


def logcdf(x, loc=0.0, scale=1.0):
    return log_probability(cdf(x, loc, scale))


@nan_unless(positive_scale)
def sf(x, loc=0.0, scale=1.0):
    return anp.clip((loc - x) / scale + 1.0, 0.0, 1.0)


def logsf(x, loc=0.0, scale=1.0):
    return log_probability(sf(x, loc, scale))
