"""The beta distribution, ``scipy.stats.beta``, with shapes ``a`` and ``b``; ``z = (x - loc) / scale`` in [0, 1].

The cdf family is not differentiable in ``a`` and ``b`` here (an error says so): those derivatives of the
incomplete beta function have no closed form.
"""
from .. import special as _special
from ._family import continuous as _continuous

_INCOMPLETE_BETA = "the incomplete beta function's derivative in its parameters has no closed form here"


def _entropy(a, b):
    digamma = _special.digamma
    return (_special.betaln(a, b) - (a - 1.0) * digamma(a) - (b - 1.0) * digamma(b)
            + (a + b - 2.0) * digamma(a + b))


_continuous(globals(), ('a', 'b'), support=(0.0, 1.0), valid=lambda a, b: (a > 0) & (b > 0),
            refused={'a': _INCOMPLETE_BETA, 'b': _INCOMPLETE_BETA},
            logpdf=lambda z, a, b: _special.xlogy(a - 1.0, z) + _special.xlog1py(b - 1.0, -z) - _special.betaln(a, b),
            cdf=lambda z, a, b: _special.betainc(a, b, z), sf=lambda z, a, b: _special.betaincc(a, b, z),
            entropy=_entropy)
