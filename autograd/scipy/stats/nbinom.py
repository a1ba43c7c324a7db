"""The negative binomial distribution, ``scipy.stats.nbinom``: failures before the ``n``-th success, each
of probability ``p``. ``n`` may be any positive number, as in SciPy.

Differentiable in ``n`` and ``p`` (the cdf family in ``n`` through ``autograd.scipy.special.betainc``'s
series in its parameters).
"""
from .. import special as _special
from ._family import discrete as _discrete

_discrete(globals(), ('n', 'p'), valid=lambda n, p: (n > 0) & (p > 0) & (p <= 1),
          logpmf=lambda k, n, p: (_special.gammaln(n + k) - _special.gammaln(k + 1.0) - _special.gammaln(n)
                                  + _special.xlogy(n, p) + _special.xlog1py(k, -p)),
          cdf=lambda k, n, p: _special.betainc(n, k + 1.0, p), sf=lambda k, n, p: _special.betaincc(n, k + 1.0, p))
