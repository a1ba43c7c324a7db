"""Differences, numerical gradients, integration, interpolation and 1-D convolution.

``diff``, ``interp``, ``convolve`` and ``correlate`` are primitives with rules. ``diff``'s ``prepend`` and
``append``, and ``ediff1d``, ``gradient`` and ``trapezoid`` are hand-written from differentiable pieces
(slices, ``diff``, arithmetic): that differentiates them to any order, and also with respect to the
arguments people pass by keyword (``trapezoid(y, x=...)``) or as spacings (``gradient(f, x)``).
"""
import numpy as _np
from numpy.lib.array_utils import normalize_axis_index, normalize_axis_tuple

from ...engine import defjvp, defvjp, getval, isbox, primitive, vspace
from .. import wrapper as anp
from .helpers import shape_of, unbroadcast, zero_pad


def _along(axis, index):
    return (slice(None),) * axis + (index,)


def _array(x):
    """``x`` as an array: lists, tuples and Python scalars become NumPy arrays; arrays of any backend, NumPy
    scalars and boxes stay as they are."""
    return x if hasattr(x, 'shape') else _np.asarray(x)


@primitive
def diff_along(a, n, axis):
    return _np.diff(a, n, axis)


def _diff_vjp(ans, a, n, axis):
    axis = normalize_axis_index(axis, len(shape_of(a)))
    length = shape_of(a)[axis]
    if n >= length:
        return lambda g: anp.zeros_like(a)
    # Differencing n times moves each sample into n + 1 outputs with binomial signs; its transpose is the
    # n-th difference of the gradient padded with n zeros on both sides, with sign (-1)**n.
    return lambda g: (-1) ** n * diff_along(zero_pad(g, axis, n, n), n, axis)


defvjp(diff_along, _diff_vjp)
defjvp(diff_along, 'same')

_NOT_GIVEN = object()


@anp.define_wrapper('diff', _np.diff)
def diff(a, n=1, axis=-1, prepend=_NOT_GIVEN, append=_NOT_GIVEN):
    a = _array(a)
    if n != 0 and (prepend is not _NOT_GIVEN or append is not _NOT_GIVEN):
        axis = normalize_axis_index(axis, len(shape_of(a)))
        blocks = [_diff_end(prepend, a, axis), a, _diff_end(append, a, axis)]
        a = anp.concatenate([b for b in blocks if b is not None], axis)
    return diff_along(a, n, axis)


def _diff_end(end, a, axis):
    """``prepend`` or ``append`` as a block to join to ``a`` (None if not given); a scalar fills one slice."""
    if end is _NOT_GIVEN:
        return None
    end = _array(end)
    if len(shape_of(end)) == 0:
        shape = shape_of(a)
        end = anp.broadcast_to(end, shape[:axis] + (1,) + shape[axis + 1:])
    return end


@anp.define_wrapper('ediff1d', _np.ediff1d)
def ediff1d(ary, to_end=None, to_begin=None):
    flat = anp.ravel(ary)
    parts = [diff_along(flat, 1, 0)]
    if to_begin is not None:
        parts.insert(0, _flat_end(to_begin, flat, 'to_begin'))
    if to_end is not None:
        parts.append(_flat_end(to_end, flat, 'to_end'))
    return anp.concatenate(parts)


def _flat_end(end, flat, name):
    end = anp.ravel(end)
    if not _np.can_cast(end.dtype, flat.dtype, casting='same_kind'):
        raise TypeError("ediff1d: the dtype of {} ({}) must cast to the dtype of ary ({}) under the "
                        "'same_kind' rule.".format(name, end.dtype, flat.dtype))
    return end if isbox(end) else end.astype(flat.dtype)


@anp.define_wrapper('gradient', _np.gradient)
def gradient(f, *varargs, axis=None, edge_order=1):
    f = _array(f)
    if f.dtype.kind not in 'fc':
        f = f.astype(_np.float64)  # integer samples are differenced in floating point, as NumPy does
    shape = shape_of(f)
    axes = normalize_axis_tuple(range(len(shape)) if axis is None else axis, len(shape))
    if edge_order not in (1, 2):
        raise ValueError("gradient: edge_order must be 1 or 2, got {!r}".format(edge_order))
    if len(varargs) == 0:
        varargs = (1.0,) * len(axes)
    elif len(varargs) == 1 and _np.ndim(varargs[0]) == 0:
        varargs = varargs * len(axes)
    elif len(varargs) != len(axes):
        raise TypeError("gradient: give one spacing for all axes or one per axis ({}); got {}"
                        .format(len(axes), len(varargs)))
    for ax in axes:
        if shape[ax] < edge_order + 1:
            raise ValueError("gradient: axis {} has {} samples; edge_order={} needs at least {}"
                             .format(ax, shape[ax], edge_order, edge_order + 1))
    slopes = tuple(_slope_along(f, _gaps(spacing, shape[ax]), ax, edge_order)
                   for spacing, ax in zip(varargs, axes))
    return slopes[0] if len(slopes) == 1 else slopes


def _gaps(spacing, length):
    """The distance between neighbouring samples: a scalar, or one per gap when coordinates are given."""
    if _np.ndim(spacing) == 0:
        return spacing
    spacing = _array(spacing)
    if _np.ndim(spacing) != 1 or shape_of(spacing)[0] != length:
        raise ValueError("gradient: a spacing must be a scalar or 1-D coordinates as long as its axis "
                         "({}); got shape {}".format(length, shape_of(spacing)))
    if spacing.dtype.kind not in 'fc':
        spacing = spacing.astype(_np.float64)
    return diff(spacing)


def _slope_along(f, gaps, axis, edge_order):
    """Central differences inside, one-sided differences of ``edge_order`` accuracy at both ends."""
    f = anp.moveaxis(f, axis, -1)

    def samples(start, stop):
        return anp.getitem(f, (Ellipsis, slice(start, stop)))

    def gap(start, stop):
        return gaps if _np.ndim(gaps) == 0 else anp.getitem(gaps, slice(start, stop))
    inside = _parabola_slope((samples(None, -2), samples(1, -1), samples(2, None)),
                             gap(None, -1), gap(1, None), 1)
    if edge_order == 1:
        first = (samples(1, 2) - samples(0, 1)) / gap(0, 1)
        last = (samples(-1, None) - samples(-2, -1)) / gap(-1, None)
    else:
        first = _parabola_slope((samples(0, 1), samples(1, 2), samples(2, 3)), gap(0, 1), gap(1, 2), 0)
        last = _parabola_slope((samples(-3, -2), samples(-2, -1), samples(-1, None)),
                               gap(-2, -1), gap(-1, None), 2)
    return anp.moveaxis(anp.concatenate([first, inside, last], -1), -1, axis)


def _parabola_slope(values, gap1, gap2, at):
    """Slope at point ``at`` (0, 1 or 2) of the parabola through three points ``gap1`` and ``gap2`` apart:
    the derivative of its Lagrange form."""
    points = (0.0, gap1, gap1 + gap2)
    t = points[at]
    slope = 0.0
    for k in range(3):
        a, b = (points[j] for j in range(3) if j != k)
        slope = slope + values[k] * ((t - a) + (t - b)) / ((points[k] - a) * (points[k] - b))
    return slope


@anp.define_wrapper('trapezoid', _np.trapezoid)
def trapezoid(y, x=None, dx=1.0, axis=-1):
    y = _array(y)
    ndim = len(shape_of(y))
    axis = normalize_axis_index(axis, ndim)
    if x is None:
        widths = dx
    else:
        x = anp.on_backend_of(y, _array(x))
        if len(shape_of(x)) == 1:
            widths = anp.reshape(diff(x), tuple(-1 if i == axis else 1 for i in range(ndim)))
        else:
            widths = diff(x, axis=axis)
    heights = anp.getitem(y, _along(axis, slice(1, None))) + anp.getitem(y, _along(axis, slice(None, -1)))
    return anp.sum(widths * heights / 2.0, axis)


if anp.numpy_has('trapz'):  # removed in NumPy 2.4
    @anp.define_wrapper('trapz', _np.trapz)
    def trapz(y, x=None, dx=1.0, axis=-1):
        return trapezoid(y, x, dx, axis)


def _interp_segments(x, xp, fp, left, right, period):
    """Where each ``x`` falls among the knots ``xp``: the indices into ``fp`` of its segment's ends, the
    weights of those ends (traced through ``x``), and the segment's slope (traced through ``fp``)."""
    x, xp, fp = _array(x), _array(xp), _array(fp)
    xv = getval(x)
    if period is None:
        knots, shift = xp, 0.0
    else:
        period = abs(period)
        wrapped = xp % period
        order = anp.argsort(wrapped)
        wrapped = wrapped[order]
        knots = anp.concatenate([wrapped[-1:] - period, wrapped, wrapped[:1] + period])
        shift = xv - xv % period  # whole periods, moving x into [0, period) as NumPy does
        xv = xv - shift
    index = anp.searchsorted(knots, xv, side='right') - 1
    index = _np.clip(index, 0, shape_of(knots)[0] - 2)
    if period is None:
        lo, hi = index, index + 1
    else:
        lo, hi = order[(index - 1) % len(order)], order[index % len(order)]
    width = knots[index + 1] - knots[index]
    below, above = xv < knots[0], xv > knots[-1]
    inside = ~(below | above)
    # Below the knots the result is fp[0] (or the constant left), above them fp[-1] (or right); at a knot
    # the slope is that of the segment to its right, and at the last knot that of the last segment.
    fraction = anp.where(inside, (x - shift - knots[index]) / width, 1.0 * above)
    kept = ~((below & (left is not None)) | (above & (right is not None)))
    slope = anp.where(inside, (anp.getitem(fp, hi) - anp.getitem(fp, lo)) / width, 0.0)
    return lo, hi, kept * (1 - fraction), kept * fraction, slope


def _interp_vjp_x(ans, x, xp, fp, left=None, right=None, period=None):
    slope = _interp_segments(x, xp, fp, left, right, period)[4]
    return lambda g: unbroadcast(g * slope, x)


def _interp_vjp_fp(ans, x, xp, fp, left=None, right=None, period=None):
    lo, hi, lo_weight, hi_weight, _ = _interp_segments(x, xp, fp, left, right, period)
    vs = vspace(fp)
    return lambda g: anp.untake(g * lo_weight, lo, vs) + anp.untake(g * hi_weight, hi, vs)


def _interp_jvp_x(g, ans, x, xp, fp, left=None, right=None, period=None):
    return g * _interp_segments(x, xp, fp, left, right, period)[4]


def _interp_jvp_fp(g, ans, x, xp, fp, left=None, right=None, period=None):
    # Linear in fp, with the constants left and right contributing nothing.
    return anp.interp(x, xp, g, None if left is None else 0.0, None if right is None else 0.0, period)


# xp has no rule: differentiating with respect to the knots raises an error instead of a silent zero.
defvjp(anp.interp, _interp_vjp_x, _interp_vjp_fp, argnums=(0, 2))
defjvp(anp.interp, _interp_jvp_x, _interp_jvp_fp, argnums=(0, 2))


def _mode_window(mode, m, n, same_start):
    """Start and length, within the full result, of the part that ``mode`` returns."""
    mode = {'valid': 0, 'same': 1, 'full': 2}.get(mode, mode)
    if mode == 2:
        return 0, m + n - 1
    if mode == 0:
        return min(m, n) - 1, abs(m - n) + 1
    return same_start, max(m, n)


def _convolve_same_start(m, n):
    return (min(m, n) - 1) // 2


def _correlate_same_start(m, n):
    # NumPy centres correlate's 'same' window differently from convolve's when v is the longer one.
    return (n - 1) // 2 if m >= n else m // 2


def _full_gradient(g, a, v, mode, same_start):
    """The gradient of the full result: ``g`` in the window that ``mode`` returned, zeros elsewhere."""
    m, n = _np.size(getval(a)), _np.size(getval(v))
    start, length = _mode_window(mode, m, n, same_start(m, n))
    return zero_pad(g, 0, start, m + n - 1 - start - length)


def _reversed(x):
    return anp.getitem(anp.ravel(x), slice(None, None, -1))


# convolve(a, v) is linear in each argument: its transpose is the 'valid' convolution of the full-mode
# gradient with the other argument reversed.
def _convolve_vjp_a(ans, a, v, mode='full'):
    return lambda g: unbroadcast(
        anp.convolve(_full_gradient(g, a, v, mode, _convolve_same_start), _reversed(v), 'valid'), a)


def _convolve_vjp_v(ans, a, v, mode='full'):
    return lambda g: unbroadcast(
        anp.convolve(_full_gradient(g, a, v, mode, _convolve_same_start), _reversed(a), 'valid'), v)


# correlate(a, v) is convolve(a, reversed conj(v)): linear in a, conjugate-linear in v.
def _correlate_vjp_a(ans, a, v, mode='valid'):
    def vjp(g):
        full = _full_gradient(g, a, v, mode, _correlate_same_start)
        return unbroadcast(anp.convolve(full, anp.conj(anp.ravel(v)), 'valid'), a)
    return vjp


def _correlate_vjp_v(ans, a, v, mode='valid'):
    def vjp(g):
        full = _full_gradient(g, a, v, mode, _correlate_same_start)
        return unbroadcast(anp.conj(anp.convolve(_reversed(full), anp.ravel(a), 'valid')), v)
    return vjp


defvjp(anp.convolve, _convolve_vjp_a, _convolve_vjp_v)
defjvp(anp.convolve, 'same', 'same')
defvjp(anp.correlate, _correlate_vjp_a, _correlate_vjp_v)
defjvp(anp.correlate, 'same', 'same')
