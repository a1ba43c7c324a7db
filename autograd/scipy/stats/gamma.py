"""The gamma distribution, ``scipy.stats.gamma``, with shape ``a``; ``z = (x - loc) / scale`` >= 0.

The cdf family is not differentiable in ``a`` here (an error says so): that derivative of the incomplete
gamma function has no closed form.
"""
import numpy as _np

from .. import special as _special
from ._family import continuous as _continuous

_INCOMPLETE_GAMMA = "the incomplete gamma function's derivative in its shape has no closed form here"


def _logpdf(z, a):
    # xlogy gives the density's limit at z = 0: inf for a < 1, 1 for a = 1, 0 for a > 1.
    return _special.xlogy(a - 1.0, z) - z - _special.gammaln(a)


def _entropy(a):
    return a + _special.gammaln(a) + (1.0 - a) * _special.digamma(a)


_continuous(globals(), ('a',), support=(0.0, _np.inf), valid=lambda a: a > 0, refused={'a': _INCOMPLETE_GAMMA},
            logpdf=_logpdf, cdf=lambda z, a: _special.gammainc(a, z), sf=lambda z, a: _special.gammaincc(a, z),
            entropy=_entropy)
