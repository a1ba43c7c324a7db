"""The half-Cauchy distribution, ``scipy.stats.halfcauchy``: |Cauchy(0, 1)|, z >= 0."""
import math as _math

import numpy as _np

from ... import numpy as _anp
from ._family import continuous as _continuous

_continuous(globals(), support=(0.0, _np.inf),
            logpdf=lambda z: _math.log(2.0 / _math.pi) - _anp.log1p(z ** 2),
            cdf=lambda z: 2.0 / _math.pi * _anp.arctan(z), sf=lambda z: 2.0 / _math.pi * _anp.arctan(1.0 / z),
            ppf=lambda q: _anp.tan(0.5 * _math.pi * q), isf=lambda q: 1.0 / _anp.tan(0.5 * _math.pi * q),
            entropy=lambda: _anp.float64(_math.log(2.0 * _math.pi)))
