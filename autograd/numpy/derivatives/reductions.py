"""Reductions and statistics (NumPy's "Sums, products, differences" and "Statistics"), nan* variants included.

A reduction's ``where=`` and the NaNs a nan* function skips are one thing to a rule: a mask of the elements
the reduction includes (``_included``). Each rule is written once with that mask, so the nan* variants
share it, and their gradient is zero at NaN inputs.
"""
import functools
import inspect
import math

import numpy as _np

from ...engine import defjvp, defvjp, getval, primitive
from .. import wrapper as anp
from .helpers import is_complex, normalize_axes, repeat_to_match_shape, replace_zero, shape_of, unbroadcast_to

_NoValue = _np._NoValue


def _given(value):
    return value is not None and value is not _NoValue


def _keepdims(keepdims):
    return keepdims is not _NoValue and bool(keepdims)


def _spread(g, x, axis, keepdims):
    return repeat_to_match_shape(g, x, axis, _keepdims(keepdims))[0]


def _included(x, where=True, nan=False):
    """The elements of ``x`` a reduction includes, broadcast to ``x`` (None for all of them)."""
    mask = None if where is True or where is _NoValue else anp.broadcast_to(anp.on_backend_of(x, where),
                                                                            shape_of(x))
    if nan:
        present = anp.logical_not(anp.isnan(x))
        mask = present if mask is None else anp.logical_and(mask, present)
    return mask


def _masked(v, mask, fill=0):
    return v if mask is None else anp.where(mask, v, fill)


def _count(x, axis, mask):
    """How many elements each reduction group includes, shaped to broadcast against ``x``."""
    if mask is None:
        shape = shape_of(x)
        return math.prod(shape[a] for a in normalize_axes(axis, len(shape)))
    # An all-NaN group counts as 1: it is all masked, so its gradient comes out 0 instead of NaN.
    return replace_zero(anp.sum(mask, axis=axis, keepdims=True), 1)


def _real_part(v):
    return anp.real(v) if is_complex(v) else v


# Sums and means: linear, so the VJP spreads the gradient over the included elements.

def _sum_rules(nan):
    def vjp(ans, x, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
        mask = _included(x, where, nan)
        if mask is None:
            return lambda g: _spread(g, x, axis, keepdims)
        return lambda g: _masked(_spread(g, x, axis, keepdims), mask)

    def jvp(t, ans, x, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
        # Not the function itself: `initial` is a constant and must not be added to the tangent.
        if where is True and not nan:
            return anp.sum(t, axis=axis, keepdims=_keepdims(keepdims))
        return anp.sum(_masked(t, _included(x, where, nan)), axis=axis, keepdims=_keepdims(keepdims))
    return vjp, jvp


def _mean_rules(nan):
    def vjp(ans, x, axis=None, dtype=None, out=None, keepdims=False, where=True):
        mask = _included(x, where, nan)
        count = _count(x, axis, mask)
        return lambda g: _masked(_spread(g, x, axis, keepdims) / count, mask)

    def jvp(t, ans, x, axis=None, dtype=None, out=None, keepdims=False, where=True):
        mask = _included(x, where, nan)
        return anp.sum(_masked(t, mask) / _count(x, axis, mask), axis=axis, keepdims=_keepdims(keepdims))
    return vjp, jvp


# Variance and standard deviation. For complex x the variance is real: mean |x - mean|^2, whose gradient
# under autograd's pairing Re(sum(w * v)) is 2 conj(x - mean) / (N - ddof).

def _var_derivative(x, axis, ddof, where, mean, correction, nan):
    mask = _included(x, where, nan)
    count = _count(x, axis, mask)
    if _given(correction):
        ddof = correction
    if not _given(mean):
        mean = anp.sum(_masked(x, mask), axis=axis, keepdims=True) / count
    centered = _masked(x - mean, mask)
    return 2.0 * (anp.conj(centered) if is_complex(centered) else centered) / (count - ddof)


def _var_rules(nan, root):
    """Rules for var (std when ``root``: std = sqrt(var), its gradient taken as 0 where std = 0)."""
    def vjp(ans, x, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=_NoValue,
            correction=_NoValue):
        derivative = _var_derivative(x, axis, ddof, where, mean, correction, nan)
        scale = 2.0 * replace_zero(ans, 1.0) if root else 1.0
        return lambda g: _spread(g / scale, x, axis, keepdims) * derivative

    def jvp(t, ans, x, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=_NoValue,
            correction=_NoValue):
        derivative = _var_derivative(x, axis, ddof, where, mean, correction, nan)
        tangent = anp.sum(_real_part(derivative * t), axis=axis, keepdims=_keepdims(keepdims))
        return tangent / (2.0 * replace_zero(ans, 1.0)) if root else tangent
    return vjp, jvp


# Products. d prod / dx_i is the product of the other elements: prod / x_i while no element is zero. With a
# zero, the rules switch to products of the elements before times products of the elements after
# (exclusive cumulative products), a polynomial in x, so every order of derivative is exact there (dividing,
# or counting the zeros, would get the second derivatives wrong). Near a zero the division loses precision
# in third and higher derivatives.

def _along(axis, item):
    return (slice(None),) * axis + (item,)


def _shift(a, axis, k, pad):
    """``a`` moved ``k`` places along ``axis`` (to the end for k > 0, to the start for k < 0), ``pad`` coming in.

    ``pad`` is ``anp.zeros_like`` or ``anp.ones_like``.
    """
    if k > 0:
        return anp.concatenate([pad(a[_along(axis, slice(None, k))]), a[_along(axis, slice(None, -k))]], axis)
    return anp.concatenate([a[_along(axis, slice(-k, None))], pad(a[_along(axis, slice(None, -k))])], axis)


def _flip(a, axis):
    return a[_along(axis, slice(None, None, -1))]


def _product_of_others(x, axis, keepdims, ans, initial):
    """For each element of ``x`` the product of the others in its reduction group, times ``initial``."""
    if not anp.any(x == 0):
        return _spread(ans, x, axis, keepdims) / x
    ndim = len(shape_of(x))
    axes = normalize_axes(axis, ndim)
    last = tuple(range(ndim - len(axes), ndim))
    moved = anp.moveaxis(x, axes, last)
    grouped_shape = shape_of(moved)
    rows = anp.reshape(moved, grouped_shape[:ndim - len(axes)] + (math.prod(grouped_shape[ndim - len(axes):]),))
    end = len(shape_of(rows)) - 1
    before = _shift(anp.cumprod(rows, end), end, 1, anp.ones_like)
    after = _flip(_shift(anp.cumprod(_flip(rows, end), end), end, 1, anp.ones_like), end)
    others = anp.moveaxis(anp.reshape(before * after, grouped_shape), last, axes)
    return others * initial if _given(initial) else others


def _prod_rules(nan):
    def others(ans, x, axis, keepdims, initial, where):
        mask = _included(x, where, nan)
        return _masked(_product_of_others(_masked(x, mask, 1), axis, keepdims, ans, initial), mask)

    def vjp(ans, x, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
        derivative = others(ans, x, axis, keepdims, initial, where)
        return lambda g: _spread(g, x, axis, keepdims) * derivative

    def jvp(t, ans, x, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
        derivative = others(ans, x, axis, keepdims, initial, where)
        return anp.sum(t * derivative, axis=axis, keepdims=_keepdims(keepdims))
    return vjp, jvp


# Extrema. Ties share the gradient equally, which is the derivative of the mean of the tied values. An
# `initial=` value that beats every element leaves x a zero gradient; one that ties lets x's ties share it.

def _extremum_share(x, extremum, axis, mask):
    hits = x == extremum
    if mask is not None:
        hits = anp.logical_and(hits, mask)
    return hits / replace_zero(anp.sum(hits, axis=axis, keepdims=True), 1)


def _extremum_rules(nan):
    def share(ans, x, axis, keepdims, where):
        return _extremum_share(x, _spread(ans, x, axis, keepdims), axis, _included(x, where, nan))

    def vjp(ans, x, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
        weights = share(ans, x, axis, keepdims, where)
        return lambda g: _spread(g, x, axis, keepdims) * weights

    def jvp(t, ans, x, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
        return anp.sum(t * share(ans, x, axis, keepdims, where), axis=axis, keepdims=_keepdims(keepdims))
    return vjp, jvp


def _ptp_weights(x, axis):
    """d ptp / dx: the max's tie-shares minus the min's (zero where all of a group are equal)."""
    value = getval(x)
    return (_extremum_share(x, anp.max(value, axis=axis, keepdims=True), axis, None)
            - _extremum_share(x, anp.min(value, axis=axis, keepdims=True), axis, None))


def _ptp_vjp(ans, x, axis=None, out=None, keepdims=False):
    weights = _ptp_weights(x, axis)
    return lambda g: _spread(g, x, axis, keepdims) * weights


def _ptp_jvp(t, ans, x, axis=None, out=None, keepdims=False):
    return anp.sum(t * _ptp_weights(x, axis), axis=axis, keepdims=_keepdims(keepdims))


# Cumulative sums and products, along one axis (the flattened array for axis=None).

def _axis_of(x, axis):
    """The (non-negative) axis a cumulative function runs along; 0 of the flattened array for None."""
    return 0 if axis is None else axis % max(len(shape_of(x)), 1)


def _flat(x, axis):
    return anp.ravel(x) if axis is None else x


def _shaped_like(v, x):
    return v if shape_of(v) == shape_of(x) else anp.reshape(v, shape_of(x))


def _reverse_cumsum(g, axis):
    return _flip(anp.cumsum(_flip(g, axis), axis), axis)


def _linear_recurrence(c, b, axis, reverse):
    """``r`` with ``r[i] = b[i] + c[i] * r[i - 1]`` along ``axis`` (``r[i + 1]`` if ``reverse``), 0 past the ends.

    Solved by recursive doubling, so ``r`` is a polynomial in ``b`` and ``c`` and its derivatives stay
    exact where ``c`` vanishes.
    """
    step = -1 if reverse else 1
    span = 1
    while span < shape_of(b)[axis]:
        b = b + c * _shift(b, axis, step * span, anp.zeros_like)
        c = c * _shift(c, axis, step * span, anp.zeros_like)
        span *= 2
    return b


def _cumprod_vjp_along(g, x, ans, axis):
    """The gradient of ``ans = cumprod(x, axis)``: sum over i >= k of g[i] prod(x[j] for j <= i, j != k)."""
    if not anp.any(x == 0):
        return _reverse_cumsum(g * ans, axis) / x
    before = _shift(ans, axis, 1, anp.ones_like)
    return before * _linear_recurrence(_shift(x, axis, -1, anp.zeros_like), g, axis, reverse=True)


def _cumprod_jvp_along(t, x, ans, axis):
    if not anp.any(x == 0):
        return ans * anp.cumsum(t / x, axis)
    return _linear_recurrence(x, _shift(ans, axis, 1, anp.ones_like) * t, axis, reverse=False)


def _cumsum_rules(nan):
    def vjp(ans, x, axis=None, dtype=None, out=None):
        mask = _included(x, nan=nan)
        return lambda g: _masked(_shaped_like(_reverse_cumsum(g, _axis_of(x, axis)), x), mask)

    def jvp(t, ans, x, axis=None, dtype=None, out=None):
        return anp.cumsum(_masked(t, _included(x, nan=nan)), axis)
    return vjp, jvp


def _cumprod_rules(nan):
    def vjp(ans, x, axis=None, dtype=None, out=None):
        mask = _included(x, nan=nan)
        factors = _flat(_masked(x, mask, 1), axis)
        return lambda g: _masked(_shaped_like(_cumprod_vjp_along(g, factors, ans, _axis_of(x, axis)), x), mask)

    def jvp(t, ans, x, axis=None, dtype=None, out=None):
        mask = _included(x, nan=nan)
        factors = _flat(_masked(x, mask, 1), axis)
        return _cumprod_jvp_along(_flat(_masked(t, mask), axis), factors, ans, _axis_of(x, axis))
    return vjp, jvp


def _drop_initial(a, axis, include_initial):
    """The results of a cumulative_* call after the initial one it prepends with ``include_initial``."""
    return a[_along(axis, slice(1, None))] if include_initial else a


def _scalar_as_vector(vjp_maker):
    """NumPy's cumulative_* take a scalar as a one-element vector (the result has shape (1,)); so do their
    rules, giving the gradient the scalar's shape back."""
    @functools.wraps(vjp_maker)
    def maker(ans, x, *args, **kwargs):
        if len(shape_of(x)) > 0:
            return vjp_maker(ans, x, *args, **kwargs)
        vjp = vjp_maker(ans, anp.reshape(x, (1,)), *args, **kwargs)
        return lambda g: anp.reshape(vjp(g), ())
    return maker


@_scalar_as_vector
def _cumulative_sum_vjp(ans, x, axis=None, dtype=None, out=None, include_initial=False):
    along = _axis_of(x, axis)
    return lambda g: _reverse_cumsum(_drop_initial(g, along, include_initial), along)


@_scalar_as_vector
def _cumulative_prod_vjp(ans, x, axis=None, dtype=None, out=None, include_initial=False):
    along = _axis_of(x, axis)
    products = _drop_initial(ans, along, include_initial)
    return lambda g: _cumprod_vjp_along(_drop_initial(g, along, include_initial), x, products, along)


def _cumulative_prod_jvp(t, ans, x, axis=None, dtype=None, out=None, include_initial=False):
    if len(shape_of(x)) == 0:
        t, x = anp.reshape(t, (1,)), anp.reshape(x, (1,))
    along = _axis_of(x, axis)
    tangent = _cumprod_jvp_along(t, x, _drop_initial(ans, along, include_initial), along)
    if include_initial:
        tangent = anp.concatenate([anp.zeros_like(ans[_along(along, slice(None, 1))]), tangent], along)
    return tangent


# Order statistics: median, quantile, percentile and their nan* variants. Near x (away from ties) each
# result interpolates two order statistics, so it is sum(W * x) over the reduced axes for constant
# weights W. NumPy itself says where: the same call on the ranks of x returns each result's fractional
# rank, whatever the `method`. Tied elements get distinct ranks in argsort's order, so one of them takes
# the gradient (a valid subgradient).

_ORDER_STATISTICS = {
    # function: (the NumPy function, d(fractional rank) / dq per (count - 1) for method='linear', skips NaN)
    anp.median: (_np.median, None, False),
    anp.nanmedian: (_np.nanmedian, None, True),
    anp.quantile: (_np.quantile, 1.0, False),
    anp.nanquantile: (_np.nanquantile, 1.0, True),
    anp.percentile: (_np.percentile, 0.01, False),
    anp.nanpercentile: (_np.nanpercentile, 0.01, True),
}
# Methods whose result jumps between order statistics as q moves: piecewise constant in q.
_STEP_METHODS = frozenset(['lower', 'higher', 'nearest', 'midpoint', 'inverted_cdf', 'averaged_inverted_cdf',
                           'closest_observation'])
_signature = functools.lru_cache(maxsize=None)(inspect.signature)


def _ranks(value, axes):
    """The rank of each element of ``value`` within its reduction group; NaN (sorted last) stays NaN."""
    ndim = _np.ndim(value)
    last = tuple(range(ndim - len(axes), ndim))
    moved = _np.moveaxis(value, axes, last)
    rows = _np.reshape(moved, moved.shape[:ndim - len(axes)] + (math.prod(moved.shape[ndim - len(axes):]),))
    ranks = _np.where(_np.isnan(rows), _np.nan, _np.argsort(_np.argsort(rows, axis=-1), axis=-1))
    return _np.moveaxis(_np.reshape(ranks, moved.shape), last, axes)


class _OrderWeights:
    """The linear map that a median/quantile/percentile call is near ``x``, and its derivative in q."""

    def __init__(self, fun, x, args, kwargs):
        numpy_fun, self.q_slope, self.nan = _ORDER_STATISTICS[fun]
        call = _signature(numpy_fun).bind(x, *args, **kwargs)
        params = call.arguments
        if params.get('overwrite_input'):
            raise ValueError("{}: overwrite_input=True reorders the array being differentiated; leave it False "
                             "under autograd".format(fun.__name__))
        self.keepdims = _keepdims(params.get('keepdims', False))
        self.method = params.get('method', 'linear')
        x_ndim = len(shape_of(x))
        self.axes = normalize_axes(params.get('axis'), x_ndim)
        self.ranks = _ranks(getval(x), self.axes)
        params.update(a=self.ranks, keepdims=True, out=None, overwrite_input=False)
        if 'q' in params:
            params['q'] = getval(params['q'])
        rank = numpy_fun(*call.args, **call.kwargs)  # an array or a NumPy scalar: both have a shape
        expected = (_np.shape(params['q']) if 'q' in params else ()) + tuple(
            1 if i in self.axes else n for i, n in enumerate(shape_of(x)))
        if rank.shape != expected:
            raise NotImplementedError(
                "{}: NumPy returns shape {} here instead of q's shape followed by the kept axes {}, so autograd "
                "cannot tell which result is which; pass a q of at most one dimension or reduce one axis"
                .format(fun.__name__, rank.shape, expected))
        self.low = _np.floor(rank)
        above = rank - self.low
        self.weights = (_np.where(self.ranks == self.low, 1.0 - above, 0.0)
                        + _np.where(self.ranks == self.low + 1, above, 0.0))
        self.kept_shape = rank.shape
        self.q_ndim = rank.ndim - x_ndim
        self.reduced = tuple(self.q_ndim + a for a in self.axes)

    def apply(self, t, keepdims):
        return anp.sum(self.weights * t, axis=self.reduced, keepdims=keepdims)

    def transpose(self, g):
        spread = anp.reshape(g, self.kept_shape) * self.weights
        return anp.sum(spread, axis=tuple(range(self.q_ndim))) if self.q_ndim else spread

    def q_derivative(self, x):
        """d result / dq (keepdims shape) for method='linear', where the rank is (count - 1) * q_slope * q.

        At the top (q = 1) the last segment's slope is taken, i.e. the derivative from below.
        """
        count = _np.sum(~_np.isnan(self.ranks), axis=self.axes, keepdims=True)
        low = _np.minimum(self.low, count - 2)
        slopes = (count - 1) * self.q_slope * (1.0 * (self.ranks == low + 1) - (self.ranks == low))
        values = anp.where(anp.isnan(x), 0.0, x) if self.nan else x
        return anp.sum(slopes * values, axis=self.reduced, keepdims=True)


def _order_vjp_x(fun):
    def vjp(ans, x, *args, **kwargs):
        return _OrderWeights(fun, x, args, kwargs).transpose
    return vjp


def _order_jvp_x(fun):
    def jvp(t, ans, x, *args, **kwargs):
        weights = _OrderWeights(fun, x, args, kwargs)
        return weights.apply(t, weights.keepdims)
    return jvp


def _q_derivative(fun, x, args, kwargs):
    """(d result / dq in the keepdims shape, or None where it is 0, and the weights)."""
    weights = _OrderWeights(fun, x, args, kwargs)
    if weights.method in _STEP_METHODS:
        return None, weights
    if weights.method != 'linear':
        raise NotImplementedError(
            "{}: the derivative with respect to q is implemented for method='linear' (and is 0 for the "
            "step methods {}), not for method={!r}.".format(fun.__name__, sorted(_STEP_METHODS), weights.method))
    return weights.q_derivative(x), weights


def _order_vjp_q(fun):
    def vjp(ans, x, q, *args, **kwargs):
        derivative, weights = _q_derivative(fun, x, (q,) + args, kwargs)
        if derivative is None:
            return lambda g: None
        per_q = tuple(range(weights.q_ndim, len(weights.kept_shape)))
        return lambda g: anp.sum(anp.reshape(g, weights.kept_shape) * derivative, axis=per_q)
    return vjp


def _order_jvp_q(fun):
    def jvp(t, ans, x, q, *args, **kwargs):
        derivative, weights = _q_derivative(fun, x, (q,) + args, kwargs)
        if derivative is None:
            return None
        # A scalar q's tangent broadcasts as it is; reshaped, a NumPy scalar would be a NumPy array, which
        # other libraries refuse to multiply with their own.
        per_q = anp.reshape(t, shape_of(t) + (1,) * (len(weights.kept_shape) - weights.q_ndim)) if shape_of(t) else t
        return anp.reshape(per_q * derivative, shape_of(ans))
    return jvp


# average(a, weights=w) = sum(a * w) / sum(w). NumPy takes the weights by keyword, so `average` is a wrapper
# handing them to a primitive positionally.

@primitive
def average_weighted(a, weights, axis=None, keepdims=False):
    return _np.average(a, axis, weights, keepdims=keepdims)


def _weight_axes(a, axis):
    """The axes of ``a`` that weights of another shape run along, in the order of their dimensions."""
    axes = axis if isinstance(axis, tuple) else (axis,)
    return tuple(ax % len(shape_of(a)) for ax in axes)


def _weights_like(weights, a, axis):
    """``weights`` broadcast to ``a``; NumPy lets weights of shape ``a.shape[axis]`` run along ``axis``."""
    shape = shape_of(a)
    if shape_of(weights) != shape:
        ndim = len(shape_of(weights))
        weights = anp.reshape(weights, shape_of(weights) + (1,) * (len(shape) - ndim))
        weights = anp.moveaxis(weights, tuple(range(ndim)), _weight_axes(a, axis))
    return anp.broadcast_to(weights, shape)


def _weights_back(g, weights, a, axis):
    """The gradient for the weights broadcast by ``_weights_like``, summed back to their own shape."""
    if shape_of(weights) != shape_of(a):
        ndim = len(shape_of(weights))
        g = anp.moveaxis(g, _weight_axes(a, axis), tuple(range(ndim)))
        g = anp.sum(g, axis=tuple(range(ndim, len(shape_of(g)))))
    return unbroadcast_to(g, shape_of(weights), is_complex(weights))


def _average_parts(ans, a, weights, axis, keepdims):
    spread_weights = _weights_like(weights, a, axis)
    total = anp.sum(spread_weights, axis=axis, keepdims=True)
    return spread_weights, total, a - _spread(ans, a, axis, keepdims)


def _average_vjp_a(ans, a, weights, axis=None, keepdims=False):
    spread_weights, total, _ = _average_parts(ans, a, weights, axis, keepdims)
    return lambda g: _spread(g, a, axis, keepdims) * spread_weights / total


def _average_vjp_weights(ans, a, weights, axis=None, keepdims=False):
    _, total, deviation = _average_parts(ans, a, weights, axis, keepdims)
    return lambda g: _weights_back(_spread(g, a, axis, keepdims) * deviation / total, weights, a, axis)


def _average_jvp_weights(t, ans, a, weights, axis=None, keepdims=False):
    spread_tangent = _weights_like(t, a, axis)
    _, total, deviation = _average_parts(ans, a, weights, axis, keepdims)
    return anp.sum(spread_tangent * deviation / total, axis=axis, keepdims=keepdims)


@anp.define_wrapper('average', _np.average)
def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    if weights is None:
        result = anp.mean(a, axis=axis, keepdims=keepdims)
        if not returned:
            return result
        return result, _np.average(getval(a), axis, returned=True, keepdims=keepdims)[1]
    result = average_weighted(a, weights, axis, keepdims)
    if not returned:
        return result
    total = anp.sum(_weights_like(weights, a, axis), axis=axis, keepdims=keepdims)
    return result, anp.broadcast_to(total, shape_of(result))


def _define(fun, rules):
    vjp, jvp = rules
    defvjp(fun, vjp)
    defjvp(fun, jvp)


for _nan, _suffix in ((False, ''), (True, 'nan')):
    _define(getattr(anp, _suffix + 'sum'), _sum_rules(_nan))
    _define(getattr(anp, _suffix + 'mean'), _mean_rules(_nan))
    _define(getattr(anp, _suffix + 'var'), _var_rules(_nan, root=False))
    _define(getattr(anp, _suffix + 'std'), _var_rules(_nan, root=True))
    _define(getattr(anp, _suffix + 'prod'), _prod_rules(_nan))
    _define(getattr(anp, _suffix + 'max'), _extremum_rules(_nan))
    _define(getattr(anp, _suffix + 'min'), _extremum_rules(_nan))
    _define(getattr(anp, _suffix + 'cumsum'), _cumsum_rules(_nan))
    _define(getattr(anp, _suffix + 'cumprod'), _cumprod_rules(_nan))
_define(anp.amax, _extremum_rules(False))
_define(anp.amin, _extremum_rules(False))
_define(anp.ptp, (_ptp_vjp, _ptp_jvp))
if hasattr(anp, 'cumulative_sum'):  # NumPy >= 2.1
    defvjp(anp.cumulative_sum, _cumulative_sum_vjp)
    defjvp(anp.cumulative_sum, 'same')
    _define(anp.cumulative_prod, (_cumulative_prod_vjp, _cumulative_prod_jvp))
for _fun, (_, _q_slope, _) in _ORDER_STATISTICS.items():
    defvjp(_fun, _order_vjp_x(_fun), *([_order_vjp_q(_fun)] if _q_slope else []))
    defjvp(_fun, _order_jvp_x(_fun), *([_order_jvp_q(_fun)] if _q_slope else []))
defvjp(average_weighted, _average_vjp_a, _average_vjp_weights)
defjvp(average_weighted, 'same', _average_jvp_weights)
