"""The log-gamma distribution, ``scipy.stats.loggamma``, with shape ``c``: exp(z) is gamma(c).

Like gamma's, its cdf family is differentiable in ``c``.
"""
from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_continuous(globals(), ('c',), valid=lambda c: c > 0,
            logpdf=lambda z, c: c * z - _anp.exp(z) - _special.gammaln(c),
            cdf=lambda z, c: _special.gammainc(c, _anp.exp(z)), sf=lambda z, c: _special.gammaincc(c, _anp.exp(z)),
            entropy=lambda c: _special.gammaln(c) - c * _special.digamma(c) + c)
