"""The logistic distribution, ``scipy.stats.logistic``: ``z = (x - loc) / scale`` has cdf expit(z)."""
from ... import numpy as _anp
from .. import special as _special
from ._family import continuous as _continuous

_continuous(globals(),
            # The density is expit(z) * expit(-z); in logs neither factor underflows.
            logpdf=lambda z: _special.log_expit(z) + _special.log_expit(-z),
            cdf=_special.expit, sf=lambda z: _special.expit(-z),
            logcdf=_special.log_expit, logsf=lambda z: _special.log_expit(-z),
            ppf=_special.logit, isf=lambda q: -_special.logit(q), entropy=lambda: _anp.float64(2.0))
