"""The Cauchy distribution, ``scipy.stats.cauchy``: ``z = (x - loc) / scale`` has density 1 / (pi (1 + z**2))."""
import math as _math

from ... import numpy as _anp
from ._family import continuous as _continuous

def _ppf(q):
    # tan(pi (q - 1/2)), as a cotangent in the tails, where pi (q - 1/2) would round next to the pole.
    return _anp.where(q < 0.25, -1.0 / _anp.tan(_math.pi * q),
                      _anp.where(q > 0.75, 1.0 / _anp.tan(_math.pi * (1.0 - q)), _anp.tan(_math.pi * (q - 0.5))))


_continuous(globals(),
            logpdf=lambda z: -_math.log(_math.pi) - _anp.log1p(z ** 2),
            cdf=lambda z: 0.5 + _anp.arctan(z) / _math.pi,
            sf=lambda z: 0.5 - _anp.arctan(z) / _math.pi,
            ppf=_ppf, isf=lambda q: -_ppf(q),
            entropy=lambda: _anp.float64(_math.log(4.0 * _math.pi)))
