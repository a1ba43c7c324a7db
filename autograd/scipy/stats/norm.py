"""The normal distribution, ``scipy.stats.norm``: ``z = (x - loc) / scale`` is standard normal."""
import math as _math

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_HALF_LOG_2PI = 0.5 * _math.log(2.0 * _math.pi)

_continuous(globals(),
            logpdf=lambda z: -0.5 * z ** 2 - _HALF_LOG_2PI,
            cdf=_special.ndtr,
            sf=lambda z: _special.ndtr(-z),
            logcdf=_special.log_ndtr,
            logsf=lambda z: _special.log_ndtr(-z),
            ppf=_special.ndtri,
            isf=lambda q: -_special.ndtri(q),
            entropy=lambda: _anp.float64(0.5 + _HALF_LOG_2PI))
