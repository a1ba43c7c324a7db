"""The normal distribution, ``scipy.stats.norm``: ``z = (x - loc) / scale`` is standard normal."""
import math

from ... import numpy as anp
from ..special import log_ndtr, ndtr
from ._common import nan_unless, positive_scale

HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


@nan_unless(positive_scale)
def logpdf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return -0.5 * z ** 2 - HALF_LOG_2PI - anp.log(scale)


def pdf(x, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, loc, scale))


@nan_unless(positive_scale)
def cdf(x, loc=0.0, scale=1.0):
    return ndtr((x - loc) / scale)


@nan_unless(positive_scale)
def logcdf(x, loc=0.0, scale=1.0):
    return log_ndtr((x - loc) / scale)


@nan_unless(positive_scale)
def sf(x, loc=0.0, scale=1.0):
    return ndtr((loc - x) / scale)


@nan_unless(positive_scale)
def logsf(x, loc=0.0, scale=1.0):
    return log_ndtr((loc - x) / scale)
