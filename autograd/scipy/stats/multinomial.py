"""The multinomial distribution, ``scipy.stats.multinomial``: counts ``x`` (along the last axis) of ``n`` draws
among categories of probabilities ``p``. Differentiable in ``p``; ``x`` and ``n`` are discrete.

As SciPy 1.17 does, the last probability is taken to be 1 minus the sum of the others, so it gets no
derivative (the others carry it). The entropy is SciPy's, without derivative.
"""
import numpy as _np

from ... import numpy as _anp
from ...engine import getval as _getval
from ..special import gammaln as _gammaln, xlogy as _xlogy
from ._family import discrete_argument as _discrete_argument


def logpmf(x, n, p):
    for name, value in (('x', x), ('n', n)):
        _discrete_argument('multinomial.logpmf', name, value)
    p = _anp.asarray(p)
    p = _anp.concatenate([p[..., :-1], 1.0 - _anp.sum(p[..., :-1], axis=-1, keepdims=True)], axis=-1)
    x, n = _np.asarray(x, dtype=float), _np.asarray(n, dtype=float)
    counted = (_np.sum(x, axis=-1) == n) & _np.all((x >= 0) & (_np.floor(x) == x), axis=-1)
    plain_p = _getval(p)
    valid = (n >= 0) & (_np.floor(n) == n) & _np.all((plain_p >= 0) & (plain_p <= 1), axis=-1)
    value = _gammaln(n + 1.0) - _anp.sum(_gammaln(x + 1.0) - _xlogy(x, p), axis=-1)
    with _np.errstate(invalid='ignore'):
        return _anp.where(valid, _anp.where(counted, value, -_np.inf), _np.nan)


def pmf(x, n, p):
    return _anp.exp(logpmf(x, n, p))
