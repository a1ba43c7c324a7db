"""Polynomials (NumPy's ``poly*`` functions, highest power first), ``roots``, ``vander`` and ``trim_zeros``.

``polyval``, ``vander`` and ``roots`` are primitives with rules. The others are hand-written from
differentiable pieces (slices, ``convolve``, arithmetic, ``lstsq``) that repeat NumPy's own steps, so they
give NumPy's values and differentiate to any order; without traced arguments NumPy's function runs itself.

When an argument is traced, a ``poly1d`` argument counts as its coefficient array and the result is a
(traced) coefficient array, not a ``poly1d``.

``roots`` differentiates by the implicit function theorem: p(r) = 0 gives dr = -dp(r) / p'(r). At a
multiple root p'(r) = 0 and the roots move like a square root of the perturbation: their derivative is
infinite, and comes out inf or nan.
"""
import warnings

import numpy as _np
from numpy.lib.array_utils import normalize_axis_tuple

from ...engine import Box, defjvp, defvjp, getval
from .. import linalg as anp_linalg
from .. import wrapper as anp
from .helpers import broadcast_like, is_complex, shape_of, unbroadcast, unbroadcast_to, zero_pad


def _traced(*args):
    return any(isinstance(a, Box) for a in args)


def _coeffs(p):
    """A polynomial argument as an array: a poly1d gives its coefficients, lists become NumPy arrays; arrays
    of any backend, and boxes, stay as they are."""
    if isinstance(p, _np.poly1d):
        return p.coeffs
    return p if hasattr(p, 'shape') else _np.asarray(p)


def _float(x):
    return x if x.dtype.kind in 'fc' else x * 1.0


def _derivative_coeffs(p):
    """The coefficients of p' along p's first axis (the axis polyval reads), one fewer than p's."""
    shape = shape_of(p)
    n = max(shape[0] - 1, 0)
    return p[:n] * anp.on_backend_of(p, _np.arange(n, 0, -1).reshape((n,) + (1,) * (len(shape) - 1)))


def _polyval_transpose(g, x, p):
    """The gradient for the coefficients p of a cotangent g of polyval(p, x): g times x**(n - i), summed
    over everything but coefficient i."""
    shape = shape_of(p)
    powers = _float(x)[..., None] ** anp.on_backend_of(x, _np.arange(shape[0] - 1, -1, -1))
    per_power = unbroadcast_to(anp.expand_dims(g, -1) * powers, shape[1:] + shape[:1], is_complex(p))
    return anp.moveaxis(per_power, -1, 0)


def _polyval_slope(p, x):
    return anp.polyval(_derivative_coeffs(_coeffs(p)), x)


defvjp(anp.polyval,
       lambda ans, p, x: lambda g: _polyval_transpose(g, _coeffs(x), p),
       lambda ans, p, x: lambda g: unbroadcast(g * _polyval_slope(p, x), x))
defjvp(anp.polyval, 'same', lambda t, ans, p, x: broadcast_like(t * _polyval_slope(p, x), ans))


def _vander_slopes(ans, increasing):
    """d vander(x) / dx, column by column: the column of x**k becomes k x**(k - 1), k times its neighbour."""
    n = shape_of(ans)[1]
    if n == 0:
        return ans
    if increasing:
        return zero_pad(ans[:, :-1], 1, 1, 0) * anp.on_backend_of(ans, _np.arange(n))
    return zero_pad(ans[:, 1:], 1, 0, 1) * anp.on_backend_of(ans, _np.arange(n - 1, -1, -1))


defvjp(anp.vander, lambda ans, x, N=None, increasing=False:
       lambda g: unbroadcast(anp.sum(g * _vander_slopes(ans, increasing), axis=1), x))
defjvp(anp.vander, lambda t, ans, x, N=None, increasing=False: t[:, None] * _vander_slopes(ans, increasing))


def _root_slopes(ans, p):
    """-1 / p'(r) for each root r: a coefficient tangent dp moves r by dp(r) times this."""
    return -1.0 / _polyval_slope(anp.atleast_1d(p), ans)


defvjp(anp.roots, lambda ans, p: lambda g: unbroadcast(
    _polyval_transpose(g * _root_slopes(ans, p), ans, anp.atleast_1d(p)), p))
defjvp(anp.roots, lambda t, ans, p: anp.polyval(anp.atleast_1d(t), ans) * _root_slopes(ans, p))


@anp.define_wrapper('poly', _np.poly)
def poly(seq_of_zeros):
    if not _traced(seq_of_zeros):
        return _np.poly(seq_of_zeros)
    zeros = anp.atleast_1d(seq_of_zeros)
    shape = shape_of(zeros)
    if len(shape) == 2 and shape[0] == shape[1] and shape[0] != 0:
        zeros = anp_linalg.eigvals(zeros)
    elif len(shape) == 1:
        zeros = _cast(zeros, _np.dtype(_np.mintypecode(zeros.dtype.char)))
    else:
        raise ValueError("poly: input must be 1d or non-empty square 2d array.")
    if shape_of(zeros)[0] == 0:
        return 1.0
    a = anp.on_backend_of(zeros, _np.ones((1,), zeros.dtype))
    for zero in zeros:
        a = anp.convolve(a, anp.stack([anp.ones_like(zero), -zero]))
    if is_complex(a):
        values = _np.asarray(getval(zeros), complex)
        # Roots that come in conjugate pairs give a real polynomial, as in NumPy. Its derivative is the one
        # along the perturbations that keep them paired (the others would leave the real polynomials).
        if _np.all(_np.sort(values) == _np.sort(values.conjugate())):
            a = anp.real(a)
    return a


def _padded(a1, a2):
    """Both coefficient arrays, the shorter one padded with leading zeros to the length of the other."""
    a1, a2 = anp.atleast_1d(_coeffs(a1)), anp.atleast_1d(_coeffs(a2))
    extra = shape_of(a2)[0] - shape_of(a1)[0]
    return zero_pad(a1, 0, max(extra, 0), 0), zero_pad(a2, 0, max(-extra, 0), 0)


@anp.define_wrapper('polyadd', _np.polyadd)
def polyadd(a1, a2):
    if not _traced(a1, a2):
        return _np.polyadd(a1, a2)
    a1, a2 = _padded(a1, a2)
    return a1 + a2


@anp.define_wrapper('polysub', _np.polysub)
def polysub(a1, a2):
    if not _traced(a1, a2):
        return _np.polysub(a1, a2)
    a1, a2 = _padded(a1, a2)
    return a1 - a2


def _poly1d_coeffs(a):
    """The coefficients poly1d(a) holds: 1-d, leading zeros trimmed, at least one."""
    a = anp.atleast_1d(_coeffs(a))
    if len(shape_of(a)) != 1:
        raise ValueError("Polynomial must be 1d only.")
    if shape_of(a)[0] == 0:
        return _np.zeros(1, a.dtype)
    nonzero = _np.flatnonzero(getval(a))
    # The trimmed zeros get no gradient: moving one off zero would lengthen the result.
    return a[nonzero[0] if len(nonzero) else -1:]


@anp.define_wrapper('polymul', _np.polymul)
def polymul(a1, a2):
    if not _traced(a1, a2):
        return _np.polymul(a1, a2)
    return anp.convolve(_poly1d_coeffs(a1), _poly1d_coeffs(a2))


@anp.define_wrapper('polydiv', _np.polydiv)
def polydiv(u, v):
    if not _traced(u, v):
        return _np.polydiv(u, v)
    u = anp.atleast_1d(_coeffs(u)) + 0.0
    v = anp.atleast_1d(_coeffs(v)) + 0.0
    dtype = _np.result_type(u.dtype, v.dtype)
    m, n = shape_of(u)[0] - 1, shape_of(v)[0] - 1
    scale = 1.0 / v[0]
    quotient = []
    r = _cast(u, dtype)
    # Long division, step by step as NumPy does it (so the values agree to the last bit).
    for k in range(m - n + 1):
        d = scale * r[k]
        quotient.append(d)
        r = anp.concatenate([r[:k], r[k:k + n + 1] - d * v, r[k + n + 1:]])
    q = anp.stack(quotient) if quotient else _np.zeros(1, dtype)
    # NumPy drops the leading remainder terms that are zero to within 1e-8; their values decide.
    start = 0
    while start < shape_of(r)[0] - 1 and _np.allclose(getval(r[start]), 0, rtol=1e-14):
        start += 1
    return q, r[start:]


@anp.define_wrapper('polyder', _np.polyder)
def polyder(p, m=1):
    if not _traced(p):
        return _np.polyder(p, m)
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    p = _coeffs(p)
    for _ in range(m):
        n = shape_of(p)[0] - 1
        p = p[:-1] * anp.on_backend_of(p, _np.arange(n, 0, -1))
    return p


@anp.define_wrapper('polyint', _np.polyint)
def polyint(p, m=1, k=None):
    if not _traced(p, k):
        return _np.polyint(p, m, k)
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    k = anp.atleast_1d(anp.on_backend_of(p, _np.zeros(m, float)) if k is None else _coeffs(k))
    if shape_of(k)[0] == 1 and m > 1:
        k = k[0] * anp.on_backend_of(p, _np.ones(m, float))
    if shape_of(k)[0] < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    p = _coeffs(p)
    for i in range(m):
        scaled, constant = p / anp.on_backend_of(p, _np.arange(shape_of(p)[0], 0, -1)), k[i:i + 1]
        # One dtype before joining: concatenate's VJP hands a real part a complex gradient.
        dtype = _np.result_type(scaled.dtype, constant.dtype)
        p = anp.concatenate([_cast(scaled, dtype), _cast(constant, dtype)])
    return p


def _cast(x, dtype):
    return x if x.dtype == dtype else anp.astype(x, dtype)


@anp.define_wrapper('polyfit', _np.polyfit)
def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    if not _traced(x, y, w):
        return _np.polyfit(x, y, deg, rcond, full, w, cov)
    order = int(deg) + 1
    x, y = _coeffs(x) + 0.0, _coeffs(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if len(shape_of(x)) != 1:
        raise TypeError("expected 1D vector for x")
    if shape_of(x)[0] == 0:
        raise TypeError("expected non-empty vector for x")
    if not 1 <= len(shape_of(y)) <= 2:
        raise TypeError("expected 1D or 2D array for y")
    if shape_of(x)[0] != shape_of(y)[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = shape_of(x)[0] * _np.finfo(x.dtype).eps
    lhs, rhs = anp.vander(x, order), y
    if w is not None:
        w = _coeffs(w) + 0.0
        if len(shape_of(w)) != 1:
            raise TypeError("expected a 1-d array for weights")
        if shape_of(w)[0] != shape_of(y)[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = lhs * w[:, None]
        rhs = rhs * (w[:, None] if len(shape_of(rhs)) == 2 else w)
    # Columns scaled to unit length improve the conditioning, as in NumPy.
    scale = anp.sqrt(anp.sum(lhs * lhs, axis=0))
    lhs = lhs / scale
    c, resids, rank, s = anp_linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", _np.exceptions.RankWarning, stacklevel=2)
    if full:
        return c, resids, rank, s, rcond
    if not cov:
        return c
    base = anp_linalg.inv(anp.dot(lhs.T, lhs)) / anp.outer(scale, scale)
    if cov == "unscaled":
        factor = 1
    elif shape_of(x)[0] <= order:
        raise ValueError("the number of data points must exceed order to scale the covariance matrix")
    else:
        factor = resids / (shape_of(x)[0] - order)
    return c, base * factor if len(shape_of(y)) == 1 else base[:, :, None] * factor


@anp.define_wrapper('trim_zeros', _np.trim_zeros)
def trim_zeros(filt, trim='fb', axis=None):
    if not _traced(filt):
        return _np.trim_zeros(filt, trim, axis)
    return filt[_trim_index(getval(filt), trim, axis)]


def _trim_index(values, trim, axis):
    """The slices with which trim_zeros cuts ``values``: to the box around the nonzeros, along ``axis``."""
    trim = trim.lower()
    if trim not in {'fb', 'bf', 'f', 'b'}:
        raise ValueError("unexpected character(s) in `trim`: {!r}".format(trim))
    ndim = values.ndim
    axes = range(ndim) if axis is None else normalize_axis_tuple(axis, ndim, argname='axis')
    nonzero = _np.argwhere(values)
    if nonzero.size == 0:
        start = stop = (0,) * ndim  # all zero: every trimmed axis becomes empty
    else:
        start = nonzero.min(axis=0) if 'f' in trim else (None,) * ndim
        stop = nonzero.max(axis=0) + 1 if 'b' in trim else (None,) * ndim
    return tuple(slice(start[a], stop[a]) if a in axes else slice(None) for a in range(ndim))
