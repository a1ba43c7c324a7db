"""The right-skewed Gumbel distribution, ``scipy.stats.gumbel_r``: cdf exp(-exp(-z))."""
import numpy as _np

from ... import numpy as _anp
from ._family import continuous as _continuous

_continuous(globals(),
            logpdf=lambda z: -z - _anp.exp(-z),
            cdf=lambda z: _anp.exp(-_anp.exp(-z)), logcdf=lambda z: -_anp.exp(-z),
            sf=lambda z: -_anp.expm1(-_anp.exp(-z)),
            ppf=lambda q: -_anp.log(-_anp.log(q)), isf=lambda q: -_anp.log(-_anp.log1p(-q)),
            entropy=lambda: _anp.float64(1.0 + _np.euler_gamma))
