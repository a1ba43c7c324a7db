"""The uniform distribution, ``scipy.stats.uniform``, on [loc, loc + scale].

The density does not depend on x inside the interval (its derivative in x is 0); the jumps at the ends
have no derivative.
"""
from ... import numpy as _anp
from ._family import continuous as _continuous

_continuous(globals(), support=(0.0, 1.0),
            logpdf=lambda z: 0.0, cdf=_anp.positive, sf=lambda z: 1.0 - z,
            ppf=_anp.positive, isf=lambda q: 1.0 - q, entropy=lambda: _anp.float64(0.0))
