"""The generalized normal distribution, ``scipy.stats.gennorm``: density proportional to exp(-|z|**beta).

The cdf family is differentiable in ``beta`` through the incomplete gamma function's series in its shape.
"""
import math as _math

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_LOG_2 = _math.log(2.0)


def _cdf(z, beta):
    # The smaller tail from gammaincc, so that neither tail loses digits to 1 - ...
    half = 0.5 * _anp.sign(z)
    return (0.5 + half) - half * _special.gammaincc(1.0 / beta, _anp.abs(z) ** beta)


_continuous(globals(), ('beta',), valid=lambda beta: beta > 0,
            logpdf=lambda z, beta: _anp.log(beta) - _LOG_2 - _special.gammaln(1.0 / beta) - _anp.abs(z) ** beta,
            cdf=_cdf, sf=lambda z, beta: _cdf(-z, beta),
            entropy=lambda beta: 1.0 / beta - _anp.log(beta) + _LOG_2 + _special.gammaln(1.0 / beta))
