"""The log-normal distribution, ``scipy.stats.lognorm``: log(z) / s is standard normal, z = (x - loc) / scale > 0."""
import math

import numpy as _np

from ... import numpy as anp
from ..special import log_ndtr, ndtr
from ._common import nan_unless, on_support

HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


def _valid(x, s, loc=0.0, scale=1.0):
    return (s > 0) & (scale > 0)


def _on_positive(fun, x, s, loc, scale, outside):
    """``fun(log(z) / s, log(z))`` for z > 0, ``outside`` elsewhere."""
    z = (x - loc) / scale
    return on_support(z > 0, lambda z: fun(anp.log(z) / s, anp.log(z)), z, 1.0, outside)


@nan_unless(_valid)
def logpdf(x, s, loc=0.0, scale=1.0):
    return _on_positive(lambda w, log_z: -0.5 * w ** 2 - HALF_LOG_2PI - anp.log(s) - log_z,
                        x, s, loc, scale, -_np.inf) - anp.log(scale)


def pdf(x, s, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, s, loc, scale))


@nan_unless(_valid)
def cdf(x, s, loc=0.0, scale=1.0):
    return _on_positive(lambda w, log_z: ndtr(w), x, s, loc, scale, 0.0)


@nan_unless(_valid)
def logcdf(x, s, loc=0.0, scale=1.0):
    return _on_positive(lambda w, log_z: log_ndtr(w), x, s, loc, scale, -_np.inf)


@nan_unless(_valid)
def sf(x, s, loc=0.0, scale=1.0):
    return _on_positive(lambda w, log_z: ndtr(-w), x, s, loc, scale, 1.0)


@nan_unless(_valid)
def logsf(x, s, loc=0.0, scale=1.0):
    return _on_positive(lambda w, log_z: log_ndtr(-w), x, s, loc, scale, 0.0)
