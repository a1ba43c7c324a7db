"""The exponential distribution, ``scipy.stats.expon``: ``z = (x - loc) / scale`` >= 0 has density exp(-z)."""
import numpy as _np

from ... import numpy as _anp
from ._family import continuous as _continuous

_continuous(globals(), support=(0.0, _np.inf),
            logpdf=_anp.negative, cdf=lambda z: -_anp.expm1(-z), sf=lambda z: _anp.exp(-z), logsf=_anp.negative,
            ppf=lambda q: -_anp.log1p(-q), isf=lambda q: -_anp.log(q), entropy=lambda: _anp.float64(1.0))
