"""The chi-squared distribution, ``scipy.stats.chi2``: a gamma distribution with ``a = df / 2`` and twice
the scale, differentiable in ``df`` as gamma is in ``a``.
"""
import math as _math

import numpy as _np

from .. import special as _special
from ._family import continuous as _continuous
from .gamma import _entropy as _gamma_entropy, _logpdf as _gamma_logpdf

_LOG_2 = _math.log(2.0)

_continuous(globals(), ('df',), support=(0.0, _np.inf), valid=lambda df: df > 0,
            logpdf=lambda z, df: _gamma_logpdf(0.5 * z, 0.5 * df) - _LOG_2,
            cdf=lambda z, df: _special.gammainc(0.5 * df, 0.5 * z),
            sf=lambda z, df: _special.gammaincc(0.5 * df, 0.5 * z),
            entropy=lambda df: _gamma_entropy(0.5 * df) + _LOG_2)
