"""The chi-squared distribution, ``scipy.stats.chi2``: a gamma distribution with ``a = df / 2`` and twice
the scale. Like gamma's, its ``cdf``/``sf`` are not differentiable in ``df`` here.
"""
from . import gamma


def logpdf(x, df, loc=0.0, scale=1.0):
    return gamma.logpdf(x, 0.5 * df, loc, 2.0 * scale)


def pdf(x, df, loc=0.0, scale=1.0):
    return gamma.pdf(x, 0.5 * df, loc, 2.0 * scale)


def cdf(x, df, loc=0.0, scale=1.0):
    return gamma.cdf(x, 0.5 * df, loc, 2.0 * scale)


def logcdf(x, df, loc=0.0, scale=1.0):
    return gamma.logcdf(x, 0.5 * df, loc, 2.0 * scale)


def sf(x, df, loc=0.0, scale=1.0):
    return gamma.sf(x, 0.5 * df, loc, 2.0 * scale)


def logsf(x, df, loc=0.0, scale=1.0):
    return gamma.logsf(x, 0.5 * df, loc, 2.0 * scale)
