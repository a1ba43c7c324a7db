"""The von Mises distribution, ``scipy.stats.vonmises``, with concentration ``kappa``: density
exp(kappa cos z) / (2 pi I0(kappa)), periodic in z; SciPy's cdf counts whole turns, as here.

The cdf is SciPy's series, differentiable in x (its derivative is the density) but not in ``kappa`` (an
error says so), nor then the ppf and isf.
"""
import math as _math

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous, scipy_function as _scipy_function

_LOG_2PI = _math.log(2.0 * _math.pi)


def _logpdf(z, kappa):
    # i0e(kappa) = exp(-kappa) I0(kappa): no overflow for large kappa.
    return kappa * (_anp.cos(z) - 1.0) - _LOG_2PI - _anp.log(_special.i0e(kappa))


_continuous(globals(), ('kappa',), valid=lambda kappa: kappa > 0,
            refused={'kappa': "SciPy's cdf is a numerical series; no closed-form derivative in kappa"},
            logpdf=_logpdf,
            cdf=_scipy_function('vonmises', 'cdf', [lambda ans, z, kappa: _anp.exp(_logpdf(z, kappa))]),
            entropy=lambda kappa: (-kappa * _special.i1e(kappa) / _special.i0e(kappa) + _LOG_2PI
                                   + _anp.log(_special.i0e(kappa)) + kappa))
