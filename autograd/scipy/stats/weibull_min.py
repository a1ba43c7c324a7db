"""The Weibull minimum distribution, ``scipy.stats.weibull_min``, with shape ``c``: sf exp(-z**c), z >= 0."""
import numpy as _np

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_continuous(globals(), ('c',), support=(0.0, _np.inf), valid=lambda c: c > 0,
            logpdf=lambda z, c: _anp.log(c) + _special.xlogy(c - 1.0, z) - z ** c,
            cdf=lambda z, c: -_anp.expm1(-z ** c), logsf=lambda z, c: -z ** c,
            ppf=lambda q, c: (-_anp.log1p(-q)) ** (1.0 / c), isf=lambda q, c: (-_anp.log(q)) ** (1.0 / c),
            entropy=lambda c: _np.euler_gamma * (1.0 - 1.0 / c) - _anp.log(c) + 1.0)
