"""Student's t distribution, ``scipy.stats.t``, with ``df`` degrees of freedom.

The cdf family is differentiable in ``df`` through ``autograd.scipy.special.stdtr``'s rule in ``df``.
"""
import math as _math

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_LOG_PI = _math.log(_math.pi)


def _entropy(df):
    half = 0.5 * (df + 1.0)
    return (half * (_special.digamma(half) - _special.digamma(0.5 * df)) + 0.5 * _anp.log(df)
            + _special.betaln(0.5 * df, 0.5))


_continuous(globals(), ('df',), valid=lambda df: df > 0,
            logpdf=lambda z, df: (_special.gammaln(0.5 * (df + 1.0)) - _special.gammaln(0.5 * df)
                                  - 0.5 * (_anp.log(df) + _LOG_PI) - 0.5 * (df + 1.0) * _anp.log1p(z ** 2 / df)),
            cdf=lambda z, df: _special.stdtr(df, z),
            sf=lambda z, df: _special.stdtr(df, -z),
            entropy=_entropy)
