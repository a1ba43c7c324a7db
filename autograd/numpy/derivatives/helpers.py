"""Shape bookkeeping shared by the rules: undoing broadcasting and repeating reduced gradients.

Everything here is written with ``autograd.numpy`` functions, so rules built on it stay differentiable.
"""
import math

import numpy as _np

from ...engine import getval
from .. import wrapper as anp


def shape_of(x):
    shape = getattr(x, 'shape', None)  # arrays, NumPy scalars and their boxes
    return _np.shape(getval(x)) if shape is None else shape


def is_complex(x):
    dtype = getattr(getval(x), 'dtype', None)
    return _np.iscomplexobj(getval(x)) if dtype is None else dtype.kind == 'c'


def unbroadcast(g, target):
    """Sum ``g`` over the axes along which ``target`` was broadcast, giving ``target``'s shape.

    A complex ``g`` flowing to a real ``target`` keeps its real part: that is the gradient of a real
    argument under autograd's complex convention.
    """
    try:
        if g.shape == target.shape and g.dtype.kind != 'c':
            return g  # the common case, decided from attributes alone
    except AttributeError:
        pass
    return unbroadcast_to(g, shape_of(target), is_complex(target))


def unbroadcast_to(g, target_shape, target_is_complex):
    g_shape = shape_of(g)
    if g_shape != target_shape:
        lead = len(g_shape) - len(target_shape)
        axes = tuple(range(lead)) + tuple(
            lead + i for i, n in enumerate(target_shape) if n == 1 and g_shape[lead + i] != 1)
        if axes:
            g = anp.sum(g, axis=axes)
        if shape_of(g) != target_shape:
            g = anp.reshape(g, target_shape)
    if not target_is_complex and is_complex(g):
        g = anp.real(g)
    return g


def broadcast_like(t, ans):
    """The tangent ``t`` of an argument broadcast to the shape of the result ``ans``."""
    try:
        if t.shape == ans.shape:
            return t  # the common case, decided from attributes alone (as in unbroadcast)
    except AttributeError:
        pass
    shape = shape_of(ans)
    return t if shape_of(t) == shape else _spread_like(t, ans, shape)


def reciprocal(y):
    """``1 / y`` as NumPy computes it (inf at 0, with NumPy's warning) also where ``y`` is a plain Python
    number, which Python would refuse; the result stays a Python number, so it promotes as weakly as ``y``."""
    try:
        return 1.0 / y
    except ZeroDivisionError:
        return _np.divide(1.0, y).item()


# From this size on, a pass over an array costs more than the Python that avoids one (NumPy's own threshold
# for reusing temporaries): below it, the helpers here take the plain expression.
LARGE_ARRAY_BYTES = 256 * 1024


def one_minus_square(y):
    """``1 - y ** 2`` (tanh's derivative from its result). For a large plain real NumPy array both steps write
    one new array: the second temporary would cost as much as the arithmetic. The values are the same."""
    if type(y) is _np.ndarray and y.nbytes >= LARGE_ARRAY_BYTES and y.dtype.kind == 'f':
        d = _np.square(y)
        return _np.subtract(1.0, d, out=d)
    return 1.0 - y ** 2


def times_cotangent(d, g):
    """``d * g`` for a derivative ``d``, a plain NumPy array of at least ``LARGE_ARRAY_BYTES`` (the caller
    checks), and a cotangent ``g``. Where ``g`` is a plain NumPy array repeating exactly 1 (every stride 0:
    the cotangent a full sum gives its argument) in ``d``'s shape and real dtype, the product is ``d``'s
    values: a read-only view of ``d`` gives them without a pass over the array, and being read-only it is
    never added into in place nor returned as a gradient (the cast copies it)."""
    if (type(g) is _np.ndarray and not any(g.strides) and g.shape == d.shape and g.dtype == d.dtype
            and g.dtype.kind == 'f' and g.item(0) == 1.0):
        view = d.view()
        view.flags.writeable = False
        return view
    return d * g


def replace_zero(x, value):
    """``x`` with its zeros replaced by ``value`` (to keep a rule finite where a factor vanishes)."""
    return anp.where(x == 0, value, x)


def normalize_axes(axis, ndim):
    """``axis`` (None, an int or a tuple, possibly negative) as a sorted tuple of non-negative axes."""
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (int, _np.integer)):
        axis = (axis,)
    return tuple(sorted(a % ndim if ndim else a for a in axis))


def repeat_to_match_shape(g, x, axis, keepdims):
    """Spread a reduction's gradient ``g`` back over the shape of its input ``x``; also the reduced count."""
    shape = shape_of(x)
    if axis is None:  # a reduction to one number: g broadcasts as it is
        count = math.prod(shape)
        if isinstance(g, _np.generic):
            # The common scalar cotangent of a loss: a read-only view repeating it, made without the
            # general machinery of broadcast_to (which costs more than the rest of this rule).
            return _np.ndarray(shape, g.dtype, g, 0, (0,) * len(shape)), count
        return _spread_like(g, x, shape), count
    axes = normalize_axes(axis, len(shape))
    if not keepdims:
        kept = list(shape)
        for a in axes:
            kept[a] = 1
        g = anp.reshape(g, tuple(kept))
    count = 1
    for a in axes:
        count *= shape[a]
    return _spread_like(g, x, shape), count


def _spread_like(g, x, shape):
    adapter = anp.adapters.get(type(getval(x)))
    return anp.broadcast_to(g, shape) if adapter is None else adapter.spread(anp.on_backend_of(x, g), like=x)


def zero_pad(t, axis, before, after):
    """``t`` with ``before`` zeros in front and ``after`` zeros behind along the (non-negative) ``axis``."""
    shape = shape_of(t)

    def zeros(count):
        return [anp.zeros_like(t, shape=shape[:axis] + (count,) + shape[axis + 1:])] if count else []
    parts = zeros(before) + [t] + zeros(after)
    return anp.concatenate(parts, axis) if len(parts) > 1 else t
