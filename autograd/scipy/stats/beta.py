"""The beta distribution, ``scipy.stats.beta``, with shapes ``a`` and ``b``; ``z = (x - loc) / scale`` in [0, 1].

The cdf family is differentiable in ``a`` and ``b`` through ``autograd.scipy.special.betainc``'s series in
its parameters, and ``ppf``/``isf`` as the inverse of the cdf.
"""
from .. import special as _special
from ._family import continuous as _continuous


def _entropy(a, b):
    digamma = _special.digamma
    return (_special.betaln(a, b) - (a - 1.0) * digamma(a) - (b - 1.0) * digamma(b)
            + (a + b - 2.0) * digamma(a + b))


_continuous(globals(), ('a', 'b'), support=(0.0, 1.0), valid=lambda a, b: (a > 0) & (b > 0),
            logpdf=lambda z, a, b: _special.xlogy(a - 1.0, z) + _special.xlog1py(b - 1.0, -z) - _special.betaln(a, b),
            cdf=lambda z, a, b: _special.betainc(a, b, z), sf=lambda z, a, b: _special.betaincc(a, b, z),
            entropy=_entropy)
