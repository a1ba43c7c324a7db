"""The Cauchy distribution, ``scipy.stats.cauchy``: ``z = (x - loc) / scale`` has density 1 / (pi (1 + z**2))."""
import math

from ... import numpy as anp
from ._common import log_probability, nan_unless, positive_scale

LOG_PI = math.log(math.pi)


@nan_unless(positive_scale)
def logpdf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return -LOG_PI - anp.log1p(z ** 2) - anp.log(scale)


def pdf(x, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, loc, scale))


@nan_unless(positive_scale)
def cdf(x, loc=0.0, scale=1.0):
    return 0.5 + anp.arctan((x - loc) / scale) / math.pi


def logcdf(x, loc=0.0, scale=1.0):
    return log_probability(cdf(x, loc, scale))


@nan_unless(positive_scale)
def sf(x, loc=0.0, scale=1.0):
    return 0.5 + anp.arctan((loc - x) / scale) / math.pi


def logsf(x, loc=0.0, scale=1.0):
    return log_probability(sf(x, loc, scale))
