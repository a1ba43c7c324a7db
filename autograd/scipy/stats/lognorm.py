"""The log-normal distribution, ``scipy.stats.lognorm``: log(z) / s is standard normal, z = (x - loc) / scale > 0."""
import math as _math

import numpy as _np

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_HALF_LOG_2PI = 0.5 * _math.log(2.0 * _math.pi)

_continuous(globals(), ('s',), support=(0.0, _np.inf), closed=False, valid=lambda s: s > 0,
            logpdf=lambda z, s: -0.5 * (_anp.log(z) / s) ** 2 - _HALF_LOG_2PI - _anp.log(s) - _anp.log(z),
            cdf=lambda z, s: _special.ndtr(_anp.log(z) / s),
            sf=lambda z, s: _special.ndtr(-_anp.log(z) / s),
            logcdf=lambda z, s: _special.log_ndtr(_anp.log(z) / s),
            logsf=lambda z, s: _special.log_ndtr(-_anp.log(z) / s),
            ppf=lambda q, s: _anp.exp(s * _special.ndtri(q)),
            isf=lambda q, s: _anp.exp(-s * _special.ndtri(q)),
            entropy=lambda s: 0.5 + _HALF_LOG_2PI + _anp.log(s))
