"""SciPy's linear filters, differentiable in the signal, the coefficients and the initial state:
``lfilter``, ``lfilter_zi``, ``filtfilt``, ``sosfilt``, ``sosfilt_zi`` and ``sosfiltfilt``.

``lfilter(b, a, x, zi=zi)`` computes the ``y`` with ``sum_k a[k] y[n-k] = sum_k b[k] x[n-k] + a[0] zi[n]``
(``zi`` taken as zero past its end). The right-hand side is a short moving sum, written with traced
functions; the recursion is the one primitive, ``_all_pole(a, u)``, the ``y`` with ``sum_k a[k] y[n-k] =
u[n]``. It is linear in ``u`` with a lower-triangular Toeplitz matrix, whose transpose is the same recursion
run backwards in time, so the gradient in ``u`` is ``flip(_all_pole(a, flip(g)))``; differentiating the
recursion in ``a`` gives ``dy = -_all_pole(a, da * y)`` (``*`` the moving sum). Both rules call
``_all_pole`` again and differentiate to any order, in both modes. Complex coefficients and signals pair
as ``Re(sum(g * v))`` (plain transposes, no conjugates), as in ``autograd.numpy``.

Every other function here is built from ``lfilter``: second-order sections are a cascade of ``lfilter``
calls and ``filtfilt`` pads, filters forwards and backwards from the steady state of ``lfilter_zi``
(``method='pad'`` only; ``'gust'`` is refused).
"""
import numpy as _np
import scipy.signal as _source

from ..engine import defjvp_argnum, defvjp_argnum, getval
from ..numpy import linalg as _linalg, wrapper as anp
from ..numpy.backends import scipy_on_backends
from ..numpy.derivatives.helpers import is_complex, shape_of
from ..numpy.wrapper import primitive

__all__ = ['lfilter', 'lfilter_zi', 'filtfilt', 'sosfilt', 'sosfilt_zi', 'sosfiltfilt']


_scipy_lfilter = scipy_on_backends('signal', 'lfilter', _source.lfilter)


@primitive
def _all_pole(a, u):
    return _scipy_lfilter(anp.on_backend_of(anp.foreign_array((a, u)), _np.ones(1)), a, u, axis=-1)


def _moving_sum(c, x):
    """``sum_k c[k] x[..., n-k]`` along the last axis, ``x`` taken as zero before its start."""
    n = shape_of(x)[-1]
    total = c[0] * x
    for k in range(1, min(len(c), n)):
        total = total + c[k] * anp.concatenate([anp.zeros_like(x[..., :k]), x[..., :n - k]], axis=-1)
    return total


def _real_unless_complex(grad, like):
    return grad if is_complex(like) else anp.real(grad)


def _all_pole_vjp(argnum, ans, args, kwargs):
    a, u = args

    def backwards(g):
        return anp.flip(_all_pole(a, anp.flip(g, axis=-1)), axis=-1)
    if argnum == 1:
        return lambda g: _real_unless_complex(backwards(g), u)

    def vjp(g):
        w, n = backwards(g), shape_of(ans)[-1]
        return _real_unless_complex(anp.stack([-anp.sum(w[..., k:] * ans[..., :n - k]) for k in range(len(a))]), a)
    return vjp


def _all_pole_jvp(argnum, t, ans, args, kwargs):
    a = args[0]
    return _all_pole(a, t) if argnum == 1 else -_all_pole(a, _moving_sum(t, ans))


defvjp_argnum(_all_pole, _all_pole_vjp)
defjvp_argnum(_all_pole, _all_pole_jvp)


def _coefficients(name, b, a):
    if len(shape_of(b)) != 1 or len(shape_of(a)) != 1 or not len(a):
        raise ValueError("{}: b and a must be non-empty 1-D coefficient arrays, got shapes {} and {}".format(
            name, shape_of(b), shape_of(a)))


def lfilter(b, a, x, axis=-1, zi=None):
    _coefficients('lfilter', b, a)
    x = anp.moveaxis(x, axis, -1)
    n, order = shape_of(x)[-1], max(len(a), len(b)) - 1
    u = _moving_sum(b, x)
    if zi is not None:
        expected = shape_of(x)[:-1] + (order,)
        if len(shape_of(zi)) == len(expected):
            zi = anp.moveaxis(zi, axis, -1)
        if len(shape_of(zi)) != len(expected) or any(m not in (1, e) for m, e in zip(shape_of(zi), expected)):
            raise ValueError("lfilter: zi must have x's shape with max(len(a), len(b)) - 1 = {} along axis {}, "
                             "got shape {}".format(order, axis, shape_of(zi)))
        zi = anp.broadcast_to(zi, expected)
        start = zi[..., :n] if order >= n else anp.concatenate([zi, anp.zeros_like(u[..., order:])], axis=-1)
        u = u + a[0] * start
    y = _all_pole(a, u)
    if zi is None:
        return anp.moveaxis(y, -1, axis)
    return anp.moveaxis(y, -1, axis), anp.moveaxis(_final_state(b, a, x, y, zi, order), -1, axis)


def _final_state(b, a, x, y, zi, order):
    """The filter's state after the last sample: ``zf[i] = sum_{j > i} (b[j] x[n+i-j] - a[j] y[n+i-j]) / a[0]``,
    plus the part of ``zi`` not yet used when ``x`` is shorter than the filter."""
    n = shape_of(x)[-1]
    coefficient = lambda c, j: c[j] if j < len(c) else 0.0
    states = []
    for i in range(order):
        state = zi[..., n + i] if n + i < order else anp.zeros_like(zi[..., 0])
        for j in range(i + 1, order + 1):
            if n + i - j >= 0:
                state = state + (coefficient(b, j) * x[..., n + i - j] - coefficient(a, j) * y[..., n + i - j]) / a[0]
        states.append(state)
    return anp.stack(states, axis=-1) if states else zi


def lfilter_zi(b, a):
    _coefficients('lfilter_zi', b, a)
    # The steady state of a unit step: zi = (I - A)^-1 B for the transposed direct form's companion A.
    order = max(len(a), len(b)) - 1
    b = anp.concatenate([b, anp.zeros_like(b[:1] * a[:1], shape=order + 1 - len(b))]) / a[0]
    a = anp.concatenate([a, anp.zeros_like(a[:1], shape=order + 1 - len(a))]) / a[0]
    eye = anp.on_backend_of(a, anp.eye(order))
    system = eye - anp.on_backend_of(a, anp.eye(order, k=1)) + anp.outer(a[1:], eye[0])
    return _linalg.solve(system, b[1:] - a[1:] * b[0])


def _extend(name, x, padtype, padlen):
    """``x`` (filtered along its last axis) extended at both ends as ``filtfilt`` does."""
    if padtype not in ('odd', 'even', 'constant', None):
        raise ValueError("{}: padtype must be 'odd', 'even', 'constant' or None, got {!r}".format(name, padtype))
    edge = 0 if padtype is None else padlen
    if edge and shape_of(x)[-1] <= edge:
        raise ValueError("{}: x must be longer than padlen = {} along the filtered axis, got {}; pass a smaller "
                         "padlen".format(name, edge, shape_of(x)[-1]))
    if not edge:
        return x, 0
    first, last = x[..., :1], x[..., -1:]
    left, right = x[..., edge:0:-1], x[..., -2:-edge - 2:-1]
    if padtype == 'odd':
        left, right = 2 * first - left, 2 * last - right
    elif padtype == 'constant':
        left, right = first + 0 * left, last + 0 * right
    return anp.concatenate([left, x, right], axis=-1), edge


def _forward_backward(step, x, steady, edge):
    """Run ``step(signal, zi)`` forwards from the steady state at the first sample, then backwards from
    the one at the last, and cut off the extension."""
    y = step(x, steady * x[..., :1])
    y = anp.flip(step(anp.flip(y, axis=-1), steady * y[..., -1:]), axis=-1)
    return y[..., edge:shape_of(y)[-1] - edge]


def filtfilt(b, a, x, axis=-1, padtype='odd', padlen=None, method='pad', irlen=None):
    _coefficients('filtfilt', b, a)
    if method != 'pad':
        raise NotImplementedError("filtfilt: only method='pad' is differentiable here, got method={!r}".format(method))
    x = anp.moveaxis(x, axis, -1)
    x, edge = _extend('filtfilt', x, padtype, 3 * max(len(a), len(b)) if padlen is None else padlen)
    y = _forward_backward(lambda s, zi: lfilter(b, a, s, zi=zi)[0], x, lfilter_zi(b, a), edge)
    return anp.moveaxis(y, -1, axis)


def _sections(name, sos):
    if len(shape_of(sos)) != 2 or shape_of(sos)[1] != 6:
        raise ValueError("{}: sos must have shape (n_sections, 6), got {}".format(name, shape_of(sos)))
    return [(sos[s, :3], sos[s, 3:]) for s in range(shape_of(sos)[0])]


def sosfilt(sos, x, axis=-1, zi=None):
    sections = _sections('sosfilt', sos)
    if zi is None:
        for b, a in sections:
            x = lfilter(b, a, x, axis=axis)
        return x
    states = []
    for s, (b, a) in enumerate(sections):
        x, state = lfilter(b, a, x, axis=axis, zi=zi[s])
        states.append(state)
    return x, anp.stack(states)


def sosfilt_zi(sos):
    # Each section starts in the steady state of the step that the sections before it pass on.
    states, gain = [], 1.0
    for b, a in _sections('sosfilt_zi', sos):
        states.append(gain * lfilter_zi(b, a))
        gain = gain * anp.sum(b) / anp.sum(a)
    return anp.stack(states)


def sosfiltfilt(sos, x, axis=-1, padtype='odd', padlen=None):
    sections = _sections('sosfiltfilt', sos)
    # SciPy's default extension counts the trailing zeros of the sections' coefficients.
    plain = getval(sos)
    order = 2 * len(sections) + 1 - min(int(_np.sum(plain[:, 2] == 0)), int(_np.sum(plain[:, 5] == 0)))
    x = anp.moveaxis(x, axis, -1)
    x, edge = _extend('sosfiltfilt', x, padtype, 3 * order if padlen is None else padlen)
    steady = anp.reshape(sosfilt_zi(sos), (len(sections),) + (1,) * (len(shape_of(x)) - 1) + (2,))
    y = _forward_backward(lambda s, zi: sosfilt(sos, s, zi=zi)[0], x, steady, edge)
    return anp.moveaxis(y, -1, axis)


for _name in __all__:
    globals()[_name].__doc__ = getattr(_source, _name).__doc__
