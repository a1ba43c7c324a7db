"""The Pareto distribution, ``scipy.stats.pareto``, with shape ``b``: sf z**-b for z >= 1."""
import numpy as _np

from ... import numpy as _anp
from ._family import continuous as _continuous

_continuous(globals(), ('b',), support=(1.0, _np.inf), valid=lambda b: b > 0,
            logpdf=lambda z, b: _anp.log(b) - (b + 1.0) * _anp.log(z),
            cdf=lambda z, b: -_anp.expm1(-b * _anp.log(z)), logsf=lambda z, b: -b * _anp.log(z),
            ppf=lambda q, b: _anp.exp(-_anp.log1p(-q) / b), isf=lambda q, b: _anp.exp(-_anp.log(q) / b),
            entropy=lambda b: 1.0 + 1.0 / b - _anp.log(b))
