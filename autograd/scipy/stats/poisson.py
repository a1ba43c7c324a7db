"""The Poisson distribution, ``scipy.stats.poisson``, with mean ``mu``: differentiable in ``mu``.

The counts ``k`` (and the shift ``loc``) are discrete, so they have no derivative: tracing them is an error.
"""
from .. import special as _special
from ._family import discrete as _discrete

_discrete(globals(), ('mu',), valid=lambda mu: mu >= 0,
          logpmf=lambda k, mu: _special.xlogy(k, mu) - mu - _special.gammaln(k + 1.0),
          cdf=lambda k, mu: _special.gammaincc(k + 1.0, mu),
          sf=lambda k, mu: _special.gammainc(k + 1.0, mu))
