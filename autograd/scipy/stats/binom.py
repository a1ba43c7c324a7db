"""The binomial distribution, ``scipy.stats.binom``: successes in ``n`` trials of probability ``p``.

Differentiable in ``p``; the counts ``k``, ``n`` and ``loc`` are discrete (tracing them is an error).
"""
import numpy as _np

from .. import special as _special
from ._family import discrete as _discrete


def _log_choose(n, k):
    return _special.gammaln(n + 1.0) - _special.gammaln(k + 1.0) - _special.gammaln(n - k + 1.0)


_discrete(globals(), ('n', 'p'), support=lambda n, p: (0.0 * n, n + 0.0 * p), integer_shapes=('n',),
          valid=lambda n, p: (n >= 0) & (_np.floor(n) == n) & (p >= 0) & (p <= 1),
          logpmf=lambda k, n, p: _log_choose(n, k) + _special.xlogy(k, p) + _special.xlog1py(n - k, -p),
          cdf=lambda k, n, p: _special.betainc(n - k, k + 1.0, 1.0 - p),
          sf=lambda k, n, p: _special.betainc(k + 1.0, n - k, p))
