"""The skew-normal distribution, ``scipy.stats.skewnorm``, with shape ``a``: density 2 phi(z) Phi(a z).

The cdf is Phi(z) - 2 T(z, a) with Owen's T: its values (and the sf's) are SciPy's; its derivatives are closed forms:
d/dz is the density and d/da is -exp(-z**2 (1 + a**2) / 2) / (pi (1 + a**2)). The ppf and isf are
SciPy's, differentiated as the inverse of the cdf. The entropy has no closed form: it is SciPy's,
without derivative.
"""
import math as _math

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous, scipy_function as _scipy_function

_LOG_2 = _math.log(2.0)
_HALF_LOG_2PI = 0.5 * _math.log(2.0 * _math.pi)


def _logpdf(z, a):
    return _LOG_2 - 0.5 * z ** 2 - _HALF_LOG_2PI + _special.log_ndtr(a * z)


def _cdf_in_a(z, a):
    spread = 1.0 + a ** 2
    return -_anp.exp(-0.5 * z ** 2 * spread) / (_math.pi * spread)


def _density(ans, z, a):
    return _anp.exp(_logpdf(z, a))


_continuous(globals(), ('a',), cdf_partials={'a': _cdf_in_a},
            logpdf=_logpdf,
            cdf=_scipy_function('skewnorm', 'cdf', [_density, lambda ans, z, a: _cdf_in_a(z, a)]),
            sf=_scipy_function('skewnorm', 'sf', [lambda ans, z, a: -_density(ans, z, a),
                                                  lambda ans, z, a: -_cdf_in_a(z, a)]))
