"""``autograd.scipy.special``: every public name of ``scipy.special``, with functions wrapped as primitives.

The functions below have derivative rules in both modes, written with traced functions so that they
differentiate again. The rest are primitives without rules: differentiating them raises an error that
names the function. Orders, degrees and other parameters that are not differentiated here (``n`` of
``polygamma``, ``v`` of ``iv``, ``a`` of ``gammainc``) raise an error saying so when they are traced.

The wrapped functions are module globals made by ``wrap_namespace``; the rules refer to them by name.
"""
import math

import numpy as _np
import scipy.special as _source

from ..engine import defjvp, defvjp
from ..numpy import wrapper as anp
from ..numpy.derivatives.elementwise import def_binary, def_unary
from ..numpy.derivatives.helpers import broadcast_like, is_complex, normalize_axes, shape_of, unbroadcast
from ..numpy.wrapper import notrace_primitive, primitive, wrap_namespace

# Functions whose results carry no derivative: signs, error-handling state, zeros of functions.
NOTRACE = frozenset(['gammasgn', 'geterr', 'seterr'] + [n for n in vars(_source) if n.endswith('_zeros')])

__all__ = wrap_namespace(vars(_source), globals(), NOTRACE)

SQRT_PI = math.sqrt(math.pi)
SQRT_2PI = math.sqrt(2.0 * math.pi)


def _not_differentiable(fun, argname, why):
    """A rule (usable as VJP maker or JVP) raising a clear error for an argument without a derivative here."""
    def refuse(*args, **kwargs):
        raise NotImplementedError("autograd.scipy.special.{}: no derivative with respect to {} ({})."
                                  .format(fun.__name__, argname, why))
    return refuse


def def_last_argument(fun, derivative, constants, why):
    """Rules for ``fun(*constants, x)`` with respect to ``x``: ``derivative(ans, *args)`` is d fun / dx.

    The leading arguments (named in ``constants``) are refused with the reason ``why``.
    """
    refusals = [_not_differentiable(fun, name, why) for name in constants]
    defvjp(fun, *refusals, lambda ans, *args: lambda g: unbroadcast(g * derivative(ans, *args), args[-1]))
    defjvp(fun, *refusals, lambda g, ans, *args: broadcast_like(g * derivative(ans, *args), ans))


# Gamma and related functions. psi is digamma (the same ufunc, so the same primitive).
def_unary(gamma, lambda ans, x: ans * digamma(x))
def_unary(gammaln, lambda ans, x: digamma(x))
def_unary(loggamma, lambda ans, x: digamma(x))
def_unary(digamma, lambda ans, x: polygamma(1, x))


def _rgamma_derivative(ans, x):
    # -rgamma(x) psi(x) is 0 * inf at the poles x = -n of gamma; there 1/gamma(x) ~ (-1)**n n! (x + n).
    # That slope is exact; the second derivative at a pole (the slope's own derivative) is not.
    pole = (x <= 0) & (anp.floor(x) == x)
    return anp.where(pole, anp.cos(math.pi * x) * gamma(1.0 - x), -ans * digamma(anp.where(pole, 1.0, x)))


def_unary(rgamma, _rgamma_derivative)
def_last_argument(polygamma, lambda ans, n, x: polygamma(n + 1, x), ['n'], 'the order is an integer')


def _multidigamma(a, d):
    """d multigammaln(a, d) / da: multigammaln is a sum of gammaln(a - j/2) for j < d."""
    return sum(digamma(a - 0.5 * j) for j in range(d))


_DIMENSION = _not_differentiable(multigammaln, 'd', 'the dimension is an integer')
defvjp(multigammaln, lambda ans, a, d: lambda g: g * _multidigamma(a, d), _DIMENSION)
defjvp(multigammaln, lambda g, ans, a, d: g * _multidigamma(a, d), _DIMENSION)

def_binary(beta, lambda ans, a, b: ans * (digamma(a) - digamma(a + b)),
           lambda ans, a, b: ans * (digamma(b) - digamma(a + b)))
def_binary(betaln, lambda ans, a, b: digamma(a) - digamma(a + b),
           lambda ans, a, b: digamma(b) - digamma(a + b))

# Regularized incomplete gamma and beta functions, in their last argument: the integrands, normalized.
# The derivatives in the shape parameters have no closed form; they are refused.
_SHAPE = 'the derivative in a shape parameter of an incomplete integral is not implemented'


def _gamma_density(ans, a, x):
    return anp.exp(xlogy(a - 1.0, x) - x - gammaln(a))


def _beta_density(ans, a, b, x):
    return anp.exp(xlogy(a - 1.0, x) + xlog1py(b - 1.0, -x) - betaln(a, b))


def _t_density(ans, df, t):
    log_norm = gammaln(0.5 * (df + 1.0)) - gammaln(0.5 * df) - 0.5 * anp.log(df * math.pi)
    return anp.exp(log_norm - 0.5 * (df + 1.0) * anp.log1p(t ** 2 / df))


def_last_argument(gammainc, _gamma_density, ['a'], _SHAPE)
def_last_argument(gammaincc, lambda ans, a, x: -_gamma_density(ans, a, x), ['a'], _SHAPE)
def_last_argument(betainc, _beta_density, ['a', 'b'], _SHAPE)
def_last_argument(betaincc, lambda ans, a, b, x: -_beta_density(ans, a, b, x), ['a', 'b'], _SHAPE)
def_last_argument(stdtr, _t_density, ['df'], _SHAPE)

# Error functions and the normal distribution function.
def_unary(erf, lambda ans, x: 2.0 / SQRT_PI * anp.exp(-x ** 2))
def_unary(erfc, lambda ans, x: -2.0 / SQRT_PI * anp.exp(-x ** 2))
def_unary(erfcx, lambda ans, x: 2.0 * x * ans - 2.0 / SQRT_PI)
def_unary(erfinv, lambda ans, x: SQRT_PI / 2.0 * anp.exp(ans ** 2))
def_unary(erfcinv, lambda ans, x: -SQRT_PI / 2.0 * anp.exp(ans ** 2))
def_unary(ndtr, lambda ans, x: anp.exp(-0.5 * x ** 2) / SQRT_2PI)
# pdf / cdf, as one exponential: both factors underflow far in the left tail, their ratio does not.
def_unary(log_ndtr, lambda ans, x: anp.exp(-0.5 * x ** 2 - ans) / SQRT_2PI)
def_unary(ndtri, lambda ans, x: SQRT_2PI * anp.exp(0.5 * ans ** 2))

# Logistic functions.
def_unary(expit, lambda ans, x: ans * (1.0 - ans))
def_unary(logit, lambda ans, x: 1.0 / (x * (1.0 - x)))
def_unary(log_expit, lambda ans, x: expit(-x))

# x log(y) and x log(1 + y) are 0 where x is 0 whatever y is, so there the derivative in y is 0 too.
def_binary(xlogy, lambda ans, x, y: anp.log(y), lambda ans, x, y: x / anp.where(x == 0, 1.0, y))
def_binary(xlog1py, lambda ans, x, y: anp.log1p(y),
           lambda ans, x, y: x / anp.where(x == 0, 1.0, 1.0 + y))
# -x log(x): the derivative is +inf at 0 and the function is -inf (so no derivative) below it.
def_unary(entr, lambda ans, x: -anp.log(x) - 1.0)


# Bessel functions. The exponentially scaled ones, f(x) exp(-|x|), have a kink at 0 (subgradient: the
# mean of the one-sided derivatives, sign(0) = 0) and are only defined here for real x.
def _real_only(fun, derivative):
    def checked(ans, *args):
        if is_complex(args[-1]):
            raise TypeError("autograd.scipy.special.{}: the exponentially scaled function is not holomorphic; "
                            "its derivative is only defined here for real arguments.".format(fun.__name__))
        return derivative(ans, *args)
    return checked


def_unary(i0, lambda ans, x: i1(x))
def_unary(i1, lambda ans, x: 0.5 * (i0(x) + iv(2, x)))
def_unary(i0e, _real_only(i0e, lambda ans, x: i1e(x) - anp.sign(x) * ans))
def_unary(i1e, _real_only(i1e, lambda ans, x: 0.5 * (i0e(x) + ive(2, x)) - anp.sign(x) * ans))
_ORDER = 'the order is not differentiated here'
def_last_argument(iv, lambda ans, v, z: 0.5 * (iv(v - 1, z) + iv(v + 1, z)), ['v'], _ORDER)
def_last_argument(ive, _real_only(ive, lambda ans, v, z: 0.5 * (ive(v - 1, z) + ive(v + 1, z))
                                  - anp.sign(z) * ans), ['v'], _ORDER)
def_unary(j0, lambda ans, x: -j1(x))
def_unary(j1, lambda ans, x: 0.5 * (j0(x) - jn(2, x)))
def_unary(y0, lambda ans, x: -y1(x))
def_unary(y1, lambda ans, x: 0.5 * (y0(x) - yn(2, x)))
# jn is jv (the same ufunc), so real orders are covered too.
def_last_argument(jn, lambda ans, n, x: 0.5 * (jn(n - 1, x) - jn(n + 1, x)), ['n'], _ORDER)
def_last_argument(yn, lambda ans, n, x: 0.5 * (yn(n - 1, x) - yn(n + 1, x)), ['n'], _ORDER)


# Softmax along `axis` (all elements for None): the Jacobian is diag(s) - s s^T, which is symmetric, so
# the same product serves both passes; log_softmax's is I - 1 s^T, whose transpose is I - s 1^T.
def _softmax_product(s, v, axis):
    return s * (v - anp.sum(v * s, axis=axis, keepdims=True))


defvjp(softmax, lambda ans, x, axis=None: lambda g: _softmax_product(ans, g, axis))
defjvp(softmax, lambda g, ans, x, axis=None: _softmax_product(ans, g, axis))
defvjp(log_softmax, lambda ans, x, axis=None: lambda g: g - anp.exp(ans) * anp.sum(g, axis=axis, keepdims=True))
defjvp(log_softmax, lambda g, ans, x, axis=None: g - anp.sum(anp.exp(ans) * g, axis=axis, keepdims=True))


# logsumexp takes its differentiable weights `b` by keyword, so the wrapper passes them to a primitive
# positionally. With weights, ans = log|sum(b exp(a))|, and return_sign gives the sign separately.
@primitive
def _logsumexp(a, b, axis, keepdims, return_sign):
    ans = _source.logsumexp(a, axis=axis, b=b, keepdims=keepdims, return_sign=return_sign)
    return ans[0] if return_sign else ans


@notrace_primitive
def _logsumexp_sign(a, b, axis, keepdims):
    return _source.logsumexp(a, axis=axis, b=b, keepdims=keepdims, return_sign=True)[1]


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
