"""The geometric distribution, ``scipy.stats.geom``: the trial of the first success, probability ``p``;
differentiable in ``p``."""
import numpy as _np

from ... import numpy as _anp
from .. import special as _special
from ._family import discrete as _discrete

_discrete(globals(), ('p',), support=(1.0, _np.inf), valid=lambda p: (p > 0) & (p <= 1),
          logpmf=lambda k, p: _special.xlog1py(k - 1.0, -p) + _anp.log(p),
          cdf=lambda k, p: -_anp.expm1(k * _anp.log1p(-p)), logsf=lambda k, p: k * _anp.log1p(-p),
          entropy=lambda p: (_special.entr(p) + _special.entr(1.0 - p)) / p)
