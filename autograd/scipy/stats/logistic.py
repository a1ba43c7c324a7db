"""The logistic distribution, ``scipy.stats.logistic``: ``z = (x - loc) / scale`` has cdf expit(z)."""
from ... import numpy as anp
from ..special import expit, log_expit
from ._common import nan_unless, positive_scale


@nan_unless(positive_scale)
def logpdf(x, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    # The density is expit(z) * expit(-z); in logs neither factor underflows.
    return log_expit(z) + log_expit(-z) - anp.log(scale)


def pdf(x, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, loc, scale))


@nan_unless(positive_scale)
def cdf(x, loc=0.0, scale=1.0):
    return expit((x - loc) / scale)


@nan_unless(positive_scale)
def logcdf(x, loc=0.0, scale=1.0):
    return log_expit((x - loc) / scale)


@nan_unless(positive_scale)
def sf(x, loc=0.0, scale=1.0):
    return expit((loc - x) / scale)


@nan_unless(positive_scale)
def logsf(x, loc=0.0, scale=1.0):
    return log_expit((loc - x) / scale)
