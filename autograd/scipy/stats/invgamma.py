"""The inverse gamma distribution, ``scipy.stats.invgamma``, with shape ``a``: 1 / z is gamma(a), z > 0.

Like gamma's, its cdf family is differentiable in ``a``.
"""
import numpy as _np

from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_continuous(globals(), ('a',), support=(0.0, _np.inf), closed=False, valid=lambda a: a > 0,
            logpdf=lambda z, a: -(a + 1.0) * _anp.log(z) - 1.0 / z - _special.gammaln(a),
            cdf=lambda z, a: _special.gammaincc(a, 1.0 / z), sf=lambda z, a: _special.gammainc(a, 1.0 / z),
            entropy=lambda a: a - (a + 1.0) * _special.digamma(a) + _special.gammaln(a))
