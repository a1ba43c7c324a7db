"""The half-normal distribution, ``scipy.stats.halfnorm``: |N(0, 1)|, z >= 0."""
import math as _math

import numpy as _np

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_LOG_2 = _math.log(2.0)

_continuous(globals(), support=(0.0, _np.inf),
            logpdf=lambda z: 0.5 * _math.log(2.0 / _math.pi) - 0.5 * z ** 2,
            cdf=lambda z: _special.erf(z / _math.sqrt(2.0)), sf=lambda z: 2.0 * _special.ndtr(-z),
            logsf=lambda z: _LOG_2 + _special.log_ndtr(-z),
            ppf=lambda q: _special.ndtri(0.5 * (1.0 + q)), isf=lambda q: -_special.ndtri(0.5 * q),
            entropy=lambda: _anp.float64(0.5 * _math.log(0.5 * _math.pi) + 0.5))
