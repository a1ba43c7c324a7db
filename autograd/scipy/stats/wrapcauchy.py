"""The wrapped Cauchy distribution, ``scipy.stats.wrapcauchy``, with shape ``c`` in (0, 1), on [0, 2 pi]."""
import math as _math

from ... import numpy as _anp
from ._family import continuous as _continuous

_TWO_PI = 2.0 * _math.pi


def _cdf(z, c):
    # Each half of the circle by its own arctan, which covers a quarter turn.
    ratio = (1.0 + c) / (1.0 - c)
    lower = _anp.arctan(ratio * _anp.tan(0.5 * z)) / _math.pi
    upper = 1.0 - _anp.arctan(ratio * _anp.tan(0.5 * (_TWO_PI - z))) / _math.pi
    return _anp.where(z < _math.pi, lower, upper)


def _ppf(q, c):
    ratio = (1.0 - c) / (1.0 + c)
    lower = 2.0 * _anp.arctan(ratio * _anp.tan(_math.pi * q))
    upper = _TWO_PI - 2.0 * _anp.arctan(ratio * _anp.tan(_math.pi * (1.0 - q)))
    return _anp.where(q < 0.5, lower, upper)


_continuous(globals(), ('c',), support=(0.0, _TWO_PI), valid=lambda c: (c > 0) & (c < 1),
            logpdf=lambda z, c: (_anp.log1p(-c ** 2) - _anp.log(_TWO_PI)
                                 - _anp.log(1.0 + c ** 2 - 2.0 * c * _anp.cos(z))),
            cdf=_cdf, ppf=_ppf, entropy=lambda c: _anp.log(_TWO_PI * (1.0 - c ** 2)))
