"""The truncated normal distribution, ``scipy.stats.truncnorm``: a standard normal z restricted to [a, b].

Every method is a closed form in z, a and b. Differences of the normal cdf are taken in the tail where its
values are small (mirrored above 0), so that they keep their digits.
"""
import math as _math

import numpy as _np

from ... import numpy as _anp
from ...engine import getval as _getval
from .. import special as _special
from ._family import continuous as _continuous

_HALF_LOG_2PI = 0.5 * _math.log(2.0 * _math.pi)
_ndtr, _ndtri = _special.ndtr, _special.ndtri


def _mass(a, b):
    return _anp.where(a > 0, _ndtr(-a) - _ndtr(-b), _ndtr(b) - _ndtr(a))


def _cdf(z, a, b):
    return _anp.where(z > 0, _ndtr(-a) - _ndtr(-z), _ndtr(z) - _ndtr(a)) / _mass(a, b)


def _sf(z, a, b):
    return _anp.where(z > 0, _ndtr(-z) - _ndtr(-b), _ndtr(b) - _ndtr(z)) / _mass(a, b)


def _ppf(q, a, b):
    mass = _mass(a, b)
    return _anp.where(a > 0, -_ndtri(_ndtr(-a) - q * mass), _ndtri(_ndtr(a) + q * mass))


def _isf(q, a, b):
    mass = _mass(a, b)
    return _anp.where(a > 0, -_ndtri(_ndtr(-b) + q * mass), _ndtri(_ndtr(b) - q * mass))


def _end_term(t):
    """t times the normal density at t: 0 at an infinite end."""
    t = _anp.where(_np.isinf(_getval(t)), 0.0, t)
    return t * _anp.exp(-0.5 * t ** 2 - _HALF_LOG_2PI)


def _entropy(a, b):
    mass = _mass(a, b)
    return 0.5 + _HALF_LOG_2PI + _anp.log(mass) + (_end_term(a) - _end_term(b)) / (2.0 * mass)


_continuous(globals(), ('a', 'b'), support=lambda a, b: (a, b), valid=lambda a, b: a < b,
            logpdf=lambda z, a, b: -0.5 * z ** 2 - _HALF_LOG_2PI - _anp.log(_mass(a, b)),
            cdf=_cdf, sf=_sf, ppf=_ppf, isf=_isf, entropy=_entropy)
