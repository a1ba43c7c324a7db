"""The Laplace distribution, ``scipy.stats.laplace``: ``z = (x - loc) / scale`` has density exp(-|z|) / 2.

The density has a kink at z = 0; its derivative there is taken as 0 (the mean of the one-sided ones).
"""
import math as _math

from ... import numpy as _anp
from ._family import continuous as _continuous

_LOG_2 = _math.log(2.0)


def _tail(z):
    """z below 0 and -z from 0 up: the exponent of the smaller tail probability, never overflowing."""
    return _anp.where(z < 0, z, -z)


def _cdf(z):
    half_tail = 0.5 * _anp.exp(_tail(z))
    return _anp.where(z < 0, half_tail, 1.0 - half_tail)


def _logcdf(z):
    t = _tail(z)
    return _anp.where(z < 0, t - _LOG_2, _anp.log1p(-0.5 * _anp.exp(t)))


def _ppf(q):
    return _anp.where(q < 0.5, _anp.log(2.0 * q), -_anp.log(2.0 * (1.0 - q)))


_continuous(globals(),
            logpdf=lambda z: -_anp.abs(z) - _LOG_2,
            cdf=_cdf, sf=lambda z: _cdf(-z), logcdf=_logcdf, logsf=lambda z: _logcdf(-z),
            ppf=_ppf, isf=lambda q: -_ppf(q), entropy=lambda: _anp.float64(1.0 + _LOG_2))
