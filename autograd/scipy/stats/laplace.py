"""The Laplace distribution, ``scipy.stats.laplace``: ``z = (x - loc) / scale`` has density exp(-|z|) / 2.

The density has a kink at z = 0; its derivative there is taken as 0 (the mean of the one-sided ones).
"""
import math

from ... import numpy as anp
from ._common import nan_unless, positive_scale

LOG_2 = math.log(2.0)


@nan_unless(positive_scale)
def logpdf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return -anp.abs(z) - LOG_2 - anp.log(scale)


def pdf(x, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, loc, scale))


def _tail(z):
    """The lower tail's z (so z < 0), and -z at and above 0: the exponent of the smaller tail probability."""
    return anp.where(z < 0, z, -z)


def _cdf(z):
    half_tail = 0.5 * anp.exp(_tail(z))
    return anp.where(z < 0, half_tail, 1.0 - half_tail)


def _logcdf(z):
    t = _tail(z)
    return anp.where(z < 0, t - LOG_2, anp.log1p(-0.5 * anp.exp(t)))


@nan_unless(positive_scale)
def cdf(x, loc=0.0, scale=1.0):
    return _cdf((x - loc) / scale)


@nan_unless(positive_scale)
def logcdf(x, loc=0.0, scale=1.0):
    return _logcdf((x - loc) / scale)


@nan_unless(positive_scale)
def sf(x, loc=0.0, scale=1.0):
    return _cdf((loc - x) / scale)


@nan_unless(positive_scale)
def logsf(x, loc=0.0, scale=1.0):
    return _logcdf((loc - x) / scale)
