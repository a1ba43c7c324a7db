"""The beta distribution, ``scipy.stats.beta``, with shapes ``a`` and ``b``; ``z = (x - loc) / scale`` in [0, 1].

``cdf``/``sf`` and their logs are not differentiable in ``a`` and ``b`` here (an error says so): those
derivatives of the incomplete beta function have no closed form.
"""
import numpy as _np

from ... import numpy as anp
from ..special import betainc, betaincc, betaln, xlog1py, xlogy
from ._common import log_probability, nan_unless, on_support


def _valid(x, a, b, loc=0.0, scale=1.0):
    return (a > 0) & (b > 0) & (scale > 0)


@nan_unless(_valid)
def logpdf(x, a, b, loc=0.0, scale=1.0):
    z = (x - loc) / scale
    log_density = on_support((z >= 0) & (z <= 1),
                             lambda z: xlogy(a - 1.0, z) + xlog1py(b - 1.0, -z) - betaln(a, b), z, 0.5, -_np.inf)
    return log_density - anp.log(scale)


def pdf(x, a, b, loc=0.0, scale=1.0):
    return anp.exp(logpdf(x, a, b, loc, scale))


def _integral(fun, x, a, b, loc, scale, below, above):
    """``fun(a, b, z)`` for z strictly inside (0, 1); ``below``/``above`` at and beyond the ends."""
    z = (x - loc) / scale
    return on_support((z > 0) & (z < 1), lambda z: fun(a, b, z), z, 0.5, _np.where(z <= 0, below, above))


@nan_unless(_valid)
def cdf(x, a, b, loc=0.0, scale=1.0):
    return _integral(betainc, x, a, b, loc, scale, 0.0, 1.0)


def logcdf(x, a, b, loc=0.0, scale=1.0):
    return log_probability(cdf(x, a, b, loc, scale))


@nan_unless(_valid)
def sf(x, a, b, loc=0.0, scale=1.0):
    return _integral(betaincc, x, a, b, loc, scale, 1.0, 0.0)


def logsf(x, a, b, loc=0.0, scale=1.0):
    return log_probability(sf(x, a, b, loc, scale))
