"""The gamma distribution, ``scipy.stats.gamma``, with shape ``a``; ``z = (x - loc) / scale`` >= 0.

The cdf family is differentiable in ``a`` through ``autograd.scipy.special.gammainc``'s series in its shape,
and ``ppf``/``isf`` as the inverse of the cdf.
"""
import numpy as _np

from .. import special as _special
from ._family import continuous as _continuous


def _logpdf(z, a):
    # xlogy gives the density's limit at z = 0: inf for a < 1, 1 for a = 1, 0 for a > 1.
    return _special.xlogy(a - 1.0, z) - z - _special.gammaln(a)


def _entropy(a):
    return a + _special.gammaln(a) + (1.0 - a) * _special.digamma(a)


_continuous(globals(), ('a',), support=(0.0, _np.inf), valid=lambda a: a > 0,
            logpdf=_logpdf, cdf=lambda z, a: _special.gammainc(a, z), sf=lambda z, a: _special.gammaincc(a, z),
            entropy=_entropy)
