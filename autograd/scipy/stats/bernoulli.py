"""The Bernoulli distribution, ``scipy.stats.bernoulli``: 1 with probability ``p``, differentiable in ``p``."""
from .. import special as _special
from ._family import discrete as _discrete

_discrete(globals(), ('p',), support=(0.0, 1.0), valid=lambda p: (p >= 0) & (p <= 1),
          logpmf=lambda k, p: _special.xlogy(k, p) + _special.xlog1py(1.0 - k, -p),
          cdf=lambda k, p: 1.0 - p, sf=lambda k, p: p,
          entropy=lambda p: _special.entr(p) + _special.entr(1.0 - p))
