"""Covariance and correlation: ``cov`` and ``corrcoef``, hand-written from differentiable pieces.

They repeat NumPy's steps (centre, weight, ``dot``, normalise), so they give NumPy's values and
differentiate to any order with respect to ``m``, ``y`` and the observation weights ``aweights``. Frequency
weights (``fweights``) are integer counts and carry no derivative: traced ones are refused. Without
traced arguments NumPy's function runs itself.
"""
import warnings

import numpy as _np

from ...engine import Box, getval
from .. import wrapper as anp
from .helpers import is_complex, shape_of


def _array(x):
    return x if hasattr(x, 'shape') else _np.asarray(x)


def _two_dimensional(x, dtype):
    """``x`` in ``dtype``, with a leading axis of length 1 added when it has fewer than two."""
    if x.dtype != dtype:
        x = anp.astype(x, dtype)
    return anp.reshape(x, (1, -1)) if len(shape_of(x)) < 2 else x


def _weights(weights, name, n, x):
    """Checked frequency or observation weights for ``n`` observations ``x`` (None when not given), in ``x``'s
    array library."""
    if weights is None:
        return None
    weights = _array(weights)
    if weights.dtype != float:
        weights = anp.astype(weights, float)
    values = getval(weights)
    if name == 'fweights' and not _np.all(values == _np.around(values)):
        raise TypeError("fweights must be integer")
    if len(shape_of(weights)) > 1:
        raise RuntimeError("cannot handle multidimensional {}".format(name))
    if shape_of(weights)[0] != n:
        raise RuntimeError("incompatible numbers of samples and {}".format(name))
    if _np.any(values < 0):
        raise ValueError("{} cannot be negative".format(name))
    return anp.on_backend_of(x, weights)


@anp.define_wrapper('cov', _np.cov)
def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    if isinstance(fweights, Box):
        raise TypeError("cov: fweights are integer counts and carry no derivative; pass them as constants "
                        "(autograd.tracer.getval), or pass differentiable weights as aweights")
    if not (isinstance(m, Box) or isinstance(y, Box) or isinstance(aweights, Box)):
        return _np.cov(m, y, rowvar, bias, ddof, fweights, aweights, dtype=dtype)
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    m = _array(m)
    if len(shape_of(m)) > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None:
        y = _array(y)
        if len(shape_of(y)) > 2:
            raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        dtype = _np.result_type(m.dtype, _np.float64) if y is None else _np.result_type(m.dtype, y.dtype,
                                                                                         _np.float64)
    dtype = _np.dtype(dtype)
    x = _two_dimensional(m, dtype)
    if not rowvar and len(shape_of(m)) != 1:
        x = x.T
    if shape_of(x)[0] == 0:
        return _np.array([]).reshape(0, 0)
    if y is not None:
        y = _two_dimensional(y, dtype)
        x = anp.concatenate([x, y if rowvar or shape_of(y)[0] == 1 else y.T], axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    n = shape_of(x)[1]
    fweights = _weights(fweights, 'fweights', n, x)
    aweights = _weights(aweights, 'aweights', n, x)
    w = fweights if aweights is None else aweights if fweights is None else fweights * aweights
    if w is None:
        mean, factor = anp.mean(x, axis=1), n - ddof
    else:
        w_sum = anp.sum(w)
        mean = anp.sum(x * w, axis=1) / w_sum
        if ddof == 0:
            factor = w_sum
        elif aweights is None:
            factor = w_sum - ddof
        else:
            factor = w_sum - ddof * anp.sum(w * aweights) / w_sum
    if getval(factor) <= 0:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
        factor = 0.0
    x = x - mean[:, None]
    x_t = x.T if w is None else (x * w).T
    return anp.squeeze(anp.dot(x, anp.conj(x_t)) * anp.true_divide(1, factor))


@anp.define_wrapper('corrcoef', _np.corrcoef)
def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    if not (isinstance(x, Box) or isinstance(y, Box)):
        return _np.corrcoef(x, y, rowvar, dtype=dtype)
    c = cov(x, y, rowvar, dtype=dtype)
    if len(shape_of(c)) == 0:
        return c / c  # one variable: 1, or nan where its variance is 0, inf or nan
    stddev = anp.sqrt(anp.real(anp.diagonal(c)))
    c = c / stddev[:, None] / stddev[None, :]
    # Rounding can take the quotients just past +-1; NumPy clips the real and imaginary parts back.
    if is_complex(c):
        return anp.clip(anp.real(c), -1, 1) + 1j * anp.clip(anp.imag(c), -1, 1)
    return anp.clip(c, -1, 1)
