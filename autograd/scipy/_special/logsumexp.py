"""softmax, log_softmax and logsumexp, with every keyword.

Softmax along ``axis`` (all elements for None) has the Jacobian diag(s) - s s^T, which is symmetric, so the
same product serves both passes; log_softmax's is I - 1 s^T, whose transpose is I - s 1^T.
"""
import numpy as _np
import scipy.special as _source

from ...engine import defjvp, defvjp
from ...numpy.backends import scipy_on_backends
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import normalize_axes, shape_of, unbroadcast
from ...numpy.wrapper import notrace_primitive, primitive
from .. import special as sp


def _softmax_product(s, v, axis):
    return s * (v - anp.sum(v * s, axis=axis, keepdims=True))


defvjp(sp.softmax, lambda ans, x, axis=None: lambda g: _softmax_product(ans, g, axis))
defjvp(sp.softmax, lambda g, ans, x, axis=None: _softmax_product(ans, g, axis))
defvjp(sp.log_softmax, lambda ans, x, axis=None: lambda g: g - anp.exp(ans) * anp.sum(g, axis=axis, keepdims=True))
defjvp(sp.log_softmax, lambda g, ans, x, axis=None: g - anp.sum(anp.exp(ans) * g, axis=axis, keepdims=True))
_scipy_logsumexp = scipy_on_backends('special', 'logsumexp', _source.logsumexp)


# logsumexp takes its differentiable weights `b` by keyword, so the wrapper passes them to a primitive
# positionally. With weights, ans = log|sum(b exp(a))|, and return_sign gives the sign separately.
@primitive
def _logsumexp(a, b, axis, keepdims, return_sign):
    ans = _scipy_logsumexp(a, axis=axis, b=b, keepdims=keepdims, return_sign=return_sign)
    return ans[0] if return_sign else ans


@notrace_primitive
def _logsumexp_sign(a, b, axis, keepdims):
    return _scipy_logsumexp(a, axis=axis, b=b, keepdims=keepdims, return_sign=True)[1]


def logsumexp(a, axis=None, b=None, keepdims=False, return_sign=False):
    ans = _logsumexp(a, b, axis, keepdims, return_sign)
    return (ans, _logsumexp_sign(a, b, axis, keepdims)) if return_sign else ans


logsumexp.__doc__ = _source.logsumexp.__doc__
logsumexp.__wrapped__ = _source.logsumexp


def _keep_reduced_axes(ans, a, b, axis, keepdims):
    """``ans`` reshaped so that it broadcasts against the (broadcast) input it was reduced from."""
    if keepdims:
        return ans
    shape = _np.broadcast_shapes(shape_of(a), shape_of(b))
    kept = list(shape)
    for ax in normalize_axes(axis, len(shape)):
        kept[ax] = 1
    return anp.reshape(ans, tuple(kept))


def _logsumexp_partials(ans, a, b, axis, keepdims, return_sign):
    """d ans / d b = exp(a - ans) * sign(sum), and d ans / d a = b times that (b = 1 when None)."""
    e = anp.exp(a - _keep_reduced_axes(ans, a, b, axis, keepdims))
    if return_sign:
        e = e * anp.sign(anp.sum(e if b is None else e * b, axis=axis, keepdims=True))
    return e if b is None else e * b, e


def _logsumexp_vjp(argnum):
    def maker(ans, a, b, axis, keepdims, return_sign):
        partial = _logsumexp_partials(ans, a, b, axis, keepdims, return_sign)[argnum]
        return lambda g: unbroadcast(_keep_reduced_axes(g, a, b, axis, keepdims) * partial, (a, b)[argnum])
    return maker


def _logsumexp_jvp(argnum):
    def jvp(t, ans, a, b, axis, keepdims, return_sign):
        partial = _logsumexp_partials(ans, a, b, axis, keepdims, return_sign)[argnum]
        return anp.sum(t * partial, axis=axis, keepdims=keepdims)
    return jvp


defvjp(_logsumexp, _logsumexp_vjp(0), _logsumexp_vjp(1))
defjvp(_logsumexp, _logsumexp_jvp(0), _logsumexp_jvp(1))
