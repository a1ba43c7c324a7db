"""Student's t distribution, ``scipy.stats.t``, with ``df`` degrees of freedom.

``cdf``/``sf`` and their logs are not differentiable in ``df`` here (an error says so): that derivative of
the incomplete beta function has no closed form.
"""
import math

from ... import numpy as anp
from ..special import gammaln, stdtr
from ._common import log_probability, nan_unless

LOG_PI = math.log(math.pi)


def _valid(x, df, loc=0.0, scale=1.0):
    return (df > 0) & (scale > 0)


@nan_unless(_valid)
def logpdf(x, df, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    return (gammaln(0.5 * (df + 1.0)) - gammaln(0.5 * df) - 0.5 * (anp.log(df) + LOG_PI)
            - 0.5 * (df + 1.0) * anp.log1p(z ** 2 / df) - anp.log(scale))


def pdf(x, df, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, df, loc, scale))


@nan_unless(_valid)
def cdf(x, df, loc=0.0, scale=1.0):
    return stdtr(df, (x - loc) / scale)


def logcdf(x, df, loc=0.0, scale=1.0):
    return log_probability(cdf(x, df, loc, scale))


@nan_unless(_valid)
def sf(x, df, loc=0.0, scale=1.0):
    return stdtr(df, (loc - x) / scale)


def logsf(x, df, loc=0.0, scale=1.0):
    return log_probability(sf(x, df, loc, scale))
