"""The beta-binomial distribution, ``scipy.stats.betabinom``: a binomial in ``n`` trials whose probability
is beta(``a``, ``b``). Differentiable in ``a`` and ``b``; the cdf and sf sum the pmf.
"""
import numpy as _np

from .. import special as _special
from ._family import discrete as _discrete
from .binom import _log_choose

_discrete(globals(), ('n', 'a', 'b'), support=lambda n, a, b: (0.0 * n, n + 0.0 * (a + b)), integer_shapes=('n',),
          valid=lambda n, a, b: (n >= 0) & (_np.floor(n) == n) & (a > 0) & (b > 0),
          logpmf=lambda k, n, a, b: (_log_choose(n, k) + _special.betaln(k + a, n - k + b)
                                     - _special.betaln(a, b)))
