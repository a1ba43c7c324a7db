"""Elementwise math (NumPy's "Mathematical functions"): each rule is the function's derivative.

For a function holomorphic in its argument the same derivative serves both passes: the VJP multiplies the
incoming gradient by it, the JVP multiplies the tangent. Functions that are not holomorphic (``abs``,
``real``, ``conj``, ``angle``, ...) have explicit pairs below.

Piecewise-constant functions (``floor``, ``rint``, ...) are notrace in ``wrapper.NOTRACE``; so is ``sign``
of a real value, while ``sign`` of a complex value, z / |z|, is traced (see the wrapper below).
"""
import math

import numpy as _np

from ...engine import defjvp, defvjp, defvjp_direct, getval, isbox, primitive, product_rule
from .. import wrapper as anp
from .helpers import (LARGE_ARRAY_BYTES, broadcast_like, is_complex, one_minus_square, reciprocal, replace_zero,
                      times_cotangent, unbroadcast)

LN2 = math.log(2.0)
LN10 = math.log(10.0)
DEG_PER_RAD = 180.0 / math.pi


def def_unary(fun, derivative):
    """``derivative(ans, x)`` is d fun / dx at x, where ``ans = fun(x)``."""
    # The derivative comes first in the product: when only it is traced (forward-over-reverse), its
    # box's own operator is called rather than NumPy's dispatch to it. VJP and JVP are the same product.
    rule = product_rule(derivative)
    defvjp_direct(fun, rule)
    defjvp(fun, rule)


def _sinc_derivative(ans, x):
    # (cos(pi x) - sinc(x)) / x cancels to nothing near 0; there its Taylor series is exact to rounding
    # (the next term, pi**6 x**5 / 840, is below 1e-14 for |x| < 1e-3), also in higher derivatives.
    small = anp.abs(x) < 1e-3
    series = x * (-math.pi ** 2 / 3.0 + math.pi ** 4 / 30.0 * x ** 2)
    return anp.where(small, series, (anp.cos(math.pi * x) - ans) / anp.where(small, 1.0, x))


# The trapezoidal rule on a whole period of an analytic periodic function converges geometrically: with
# 128 intervals on [0, pi] its error is below 1e-19 relative up to x = 710, where sinh overflows (as i0).
_I1_COSINES = [math.cos(math.pi * j / 128) for j in range(1, 64)]


@primitive
def bessel_i1(x):
    """The modified Bessel function I1 = d i0 / dx, from I1(x) = (2/pi) * int_0^(pi/2) sinh(x cos t) cos t dt.

    All terms share the sign of x, so nothing cancels; the error is a few units in the last place.
    """
    total = _np.sinh(x)
    for c in _I1_COSINES:
        total = total + 2.0 * c * _np.sinh(c * x)
    return total / 128


# d I1 / dx = I0(x) - I1(x) / x, which is 1/2 at x = 0.
def_unary(bessel_i1, lambda ans, x: anp.where(x == 0, 0.5, anp.i0(x) - ans / replace_zero(x, 1.0)))


UNARY = {
    anp.exp: lambda ans, x: ans,
    anp.log: lambda ans, x: 1.0 / x,
    anp.sin: lambda ans, x: anp.cos(x),
    anp.cos: lambda ans, x: -anp.sin(x),
    anp.tan: lambda ans, x: 1.0 + ans ** 2,
    anp.tanh: lambda ans, x: one_minus_square(ans),
    anp.sqrt: lambda ans, x: 0.5 / ans,
    anp.square: lambda ans, x: 2.0 * x,
    anp.reciprocal: lambda ans, x: -ans ** 2,
    anp.arcsin: lambda ans, x: 1.0 / anp.sqrt(1.0 - x ** 2),
    anp.arccos: lambda ans, x: -1.0 / anp.sqrt(1.0 - x ** 2),
    anp.arctan: lambda ans, x: 1.0 / (1.0 + x ** 2),
    anp.sinh: lambda ans, x: anp.cosh(x),
    anp.cosh: lambda ans, x: anp.sinh(x),
    anp.arcsinh: lambda ans, x: 1.0 / anp.sqrt(x ** 2 + 1.0),
    # Two square roots rather than sqrt(x**2 - 1): that is the branch NumPy's complex arccosh takes.
    anp.arccosh: lambda ans, x: 1.0 / (anp.sqrt(x - 1.0) * anp.sqrt(x + 1.0)),
    anp.arctanh: lambda ans, x: 1.0 / (1.0 - x ** 2),
    anp.log2: lambda ans, x: 1.0 / (LN2 * x),
    anp.log10: lambda ans, x: 1.0 / (LN10 * x),
    anp.log1p: lambda ans, x: 1.0 / (1.0 + x),
    anp.expm1: lambda ans, x: ans + 1.0,
    anp.exp2: lambda ans, x: LN2 * ans,
    # Infinite at 0, like sqrt: the derivative does not exist there.
    anp.cbrt: lambda ans, x: 1.0 / (3.0 * ans ** 2),
    anp.deg2rad: lambda ans, x: 1.0 / DEG_PER_RAD,
    anp.radians: lambda ans, x: 1.0 / DEG_PER_RAD,
    anp.rad2deg: lambda ans, x: DEG_PER_RAD,
    anp.degrees: lambda ans, x: DEG_PER_RAD,
    # sign(x), taken as 0 at x = 0 like abs.
    anp.fabs: lambda ans, x: anp.sign(x),
    anp.sinc: _sinc_derivative,
    anp.i0: lambda ans, x: bessel_i1(x),
}


for _fun, _derivative in UNARY.items():
    def_unary(_fun, _derivative)


# |x|: the gradient conj(x)/|x| (sign(x) for reals) is taken as 0 at x = 0.
defvjp(anp.absolute, lambda ans, x: lambda g: g * anp.conj(x) / replace_zero(ans, 1.0))
defjvp(anp.absolute, lambda g, ans, x: anp.real(anp.conj(x) * g) / replace_zero(ans, 1.0))

defvjp(anp.conjugate, lambda ans, x: lambda g: anp.conj(g))
defjvp(anp.conjugate, 'same')
defvjp(anp.real, lambda ans, x: lambda g: g)
defjvp(anp.real, 'same')
defvjp(anp.imag, lambda ans, x: lambda g: -1j * g)
defjvp(anp.imag, 'same')


def def_binary(fun, d0, d1):
    """``d_i(ans, x, y)`` is d fun / d(argument i), None where it is zero; results are summed back over
    broadcast axes."""
    defvjp_direct(fun, _binary_vjp(d0, 0), _binary_vjp(d1, 1))
    defjvp(fun, _binary_jvp(d0), _binary_jvp(d1))


def _binary_vjp(d, argnum):
    if d is None:
        return None

    def vjp(g, ans, x, y):
        derivative = d(ans, x, y)
        # Only a large array can skip its product: others (a divisor's reciprocal, small arrays) cost no call.
        product = (times_cotangent(derivative, g)
                   if type(derivative) is _np.ndarray and derivative.nbytes >= LARGE_ARRAY_BYTES
                   else derivative * g)
        return unbroadcast(product, (x, y)[argnum])
    return vjp


def _binary_jvp(d):
    if d is None:
        return None
    return lambda g, ans, x, y: broadcast_like(d(ans, x, y) * g, ans)


def _power_d0(ans, x, y):
    # y * x**(y-1), written so that y == 0 gives 0 rather than 0 * x**-1 (inf at x == 0).
    if type(y) in (int, float):  # the common constant exponent (x ** 2) needs no elementwise choice
        if y == 2:
            return x * 2.0  # not 2 * x ** 1: one traced operation instead of two in higher derivatives
        return y * x ** (y - 1) if y else 0.0 * x
    return y * x ** anp.where(y == 0, 1.0, y - 1.0)


def _power_d1(ans, x, y):
    # log(x) * x**y; at x == 0 the derivative in y is 0 for y > 0, not log(0) * 0.
    return anp.log(replace_zero(x, 1.0)) * ans


def _over_squared_radius(v, x, y):
    """``v / (x**2 + y**2)``; at the origin, where there is no gradient, the gradient is taken as 0."""
    return v / replace_zero(x ** 2 + y ** 2, 1.0)


def _quotient(ans, x, y):
    """The integer n with ``ans = x - n * y`` (fmod, remainder): piecewise constant, so untraced."""
    return anp.rint((x - ans) / y)


def _share(ans, a, b):
    """The part of the gradient of ``ans = maximum(a, b)`` (or minimum, fmax, fmin) that goes to ``a``.

    At ties the gradient is split half and half (the derivative of the mean of the tied values);
    an argument that was not chosen, NaN included, gets none.
    """
    return anp.where(a == ans, anp.where(b == ans, 0.5, 1.0), 0.0)


def _one(ans, x, y):
    return 1.0


BINARY = {
    anp.multiply: (lambda ans, x, y: y, lambda ans, x, y: x),
    anp.true_divide: (lambda ans, x, y: reciprocal(y), lambda ans, x, y: -ans / y),
    anp.power: (_power_d0, _power_d1),
    anp.float_power: (_power_d0, _power_d1),
    anp.arctan2: (lambda ans, y, x: _over_squared_radius(x, x, y),
                  lambda ans, y, x: _over_squared_radius(-y, x, y)),
    # x / hypot(x, y), taken as 0 at the origin like abs.
    anp.hypot: (lambda ans, x, y: x / replace_zero(ans, 1.0), lambda ans, x, y: y / replace_zero(ans, 1.0)),
    anp.logaddexp: (lambda ans, x, y: anp.exp(x - ans), lambda ans, x, y: anp.exp(y - ans)),
    anp.logaddexp2: (lambda ans, x, y: anp.exp2(x - ans), lambda ans, x, y: anp.exp2(y - ans)),
    anp.fmod: (_one, lambda ans, x, y: -_quotient(ans, x, y)),
    anp.remainder: (_one, lambda ans, x, y: -_quotient(ans, x, y)),
    anp.maximum: (_share, lambda ans, x, y: _share(ans, y, x)),
    anp.minimum: (_share, lambda ans, x, y: _share(ans, y, x)),
    anp.fmax: (_share, lambda ans, x, y: _share(ans, y, x)),
    anp.fmin: (_share, lambda ans, x, y: _share(ans, y, x)),
    # |x| with the sign of y: d/dx is sign(x) * sign(ans), 0 at x = 0 like abs; constant in y.
    anp.copysign: (lambda ans, x, y: anp.sign(x) * anp.sign(ans), None),
    # Only where x == 0 does the result depend on h0, and there it is h0 itself.
    anp.heaviside: (None, lambda ans, x, h0: x == 0),
    # The neighbouring float moves with x; y only picks the direction.
    anp.nextafter: (_one, None),
}
for _fun, (_d0, _d1) in BINARY.items():
    def_binary(_fun, _d0, _d1)

# ldexp(x, n) = x * 2**n with integer n: linear in x, exactly.
defvjp(anp.ldexp, lambda ans, x, n: lambda g: unbroadcast(anp.ldexp(g, n), x), None)
defjvp(anp.ldexp, 'same', None)



@anp.define_wrapper('frexp', _np.frexp)
def frexp(x, /, **kwargs):
    """frexp whose mantissa is traced: it is ``ldexp(x, -exponent)`` exactly; the exponent is an integer."""
    mantissa, exponent = _np.frexp(getval(x), **kwargs)
    if not isbox(x):
        return mantissa, exponent
    return anp.ldexp(x, -exponent, **kwargs), exponent


# The two-output ufuncs: modf = (fractional part, integral part), divmod = (floor quotient, remainder).
# The integral part and the floor quotient are piecewise constant.
defvjp(anp.modf, lambda ans, x: lambda g: g[0])
defjvp(anp.modf, lambda g, ans, x: (g, anp.zeros_like(g)))
defvjp(anp.divmod, lambda ans, x, y: lambda g: unbroadcast(g[1], x),
       lambda ans, x, y: lambda g: unbroadcast(-ans[0] * g[1], y))
defjvp(anp.divmod, lambda g, ans, x, y: (anp.zeros_like(ans[0]), broadcast_like(g, ans[1])),
       lambda g, ans, x, y: (anp.zeros_like(ans[0]), -ans[0] * g))

# Sums and differences pass the gradient through unscaled.
defvjp_direct(anp.add, lambda g, ans, x, y: unbroadcast(g, x), lambda g, ans, x, y: unbroadcast(g, y))
defjvp(anp.add, lambda g, ans, x, y: broadcast_like(g, ans), lambda g, ans, x, y: broadcast_like(g, ans))
defvjp_direct(anp.subtract, lambda g, ans, x, y: unbroadcast(g, x), lambda g, ans, x, y: unbroadcast(-g, y))
defjvp(anp.subtract, lambda g, ans, x, y: broadcast_like(g, ans), lambda g, ans, x, y: broadcast_like(-g, ans))
defvjp_direct(anp.negative, lambda g, ans, x: -g)
defjvp(anp.negative, lambda g, ans, x: -g)
defvjp(anp.positive, lambda ans, x: lambda g: g)
defjvp(anp.positive, lambda g, ans, x: g)

# unwrap adds whole periods, constant between the jumps it removes.
defvjp(anp.unwrap, lambda ans, p, *options, **keywords: lambda g: g)
defjvp(anp.unwrap, lambda g, ans, p, *options, **keywords: g)


complex_sign = primitive(_np.sign)


@anp.define_wrapper('sign', _np.sign)
def sign(x, /, **kwargs):
    """sign, untraced for real x (piecewise constant) and traced for complex x, where it is z / |z|."""
    if isbox(x) and is_complex(x):
        return complex_sign(x, **kwargs)
    return _np.sign(getval(x), **kwargs)


def _over_modulus(v, z):
    """``v / |z|``, taken as 0 at z = 0 where z / |z| jumps."""
    return v / replace_zero(anp.abs(z), _np.inf)


# d(z/|z|) = (dz - s * Re(conj(s) dz)) / |z| with s = z/|z|: only the part of dz that turns z.
defvjp(complex_sign, lambda ans, z: lambda g: _over_modulus(g - anp.real(g * ans) * anp.conj(ans), z))
defjvp(complex_sign, lambda g, ans, z: _over_modulus(g - ans * anp.real(anp.conj(ans) * g), z))


def _angle_rate(z, deg):
    """d angle = Im(rate * dz): ``rate = conj(z) / |z|**2``, taken as 0 at z = 0 where angle jumps."""
    rate = anp.conj(z) / replace_zero(anp.abs(z) ** 2, 1.0)
    return rate * DEG_PER_RAD if deg else rate


# A real z has a locally constant angle (0 or pi): unbroadcast keeps the real part of -1j * ..., zero.
defvjp(anp.angle, lambda ans, z, deg=False: lambda g: unbroadcast(-1j * _angle_rate(z, deg) * g, z))
defjvp(anp.angle, lambda g, ans, z, deg=False: anp.imag(_angle_rate(z, deg) * g))


def _where_finite(g, x):
    """``g`` where ``x`` is finite and 0 where nan_to_num replaced it; complex parts are replaced apart."""
    if is_complex(x):
        return _where_finite(anp.real(g), anp.real(x)) + 1j * _where_finite(anp.imag(g), anp.imag(x))
    return anp.where(anp.isfinite(x), g, 0.0)


defvjp(anp.nan_to_num, lambda ans, x, *options, **keywords: lambda g: _where_finite(g, x))
defjvp(anp.nan_to_num, lambda g, ans, x, *options, **keywords: _where_finite(g, x))

# Either the identity or, when it dropped a negligible imaginary part, real (whose VJP passes g on).
defvjp(anp.real_if_close, lambda ans, a, tol=100: lambda g: g)
defjvp(anp.real_if_close, lambda g, ans, a, tol=100: g if is_complex(ans) else anp.real(g))


def _cast_like(g, x):
    """``g`` in the dtype of ``x``, keeping only its real part when ``x`` is real."""
    if is_complex(g) and not is_complex(x):
        g = anp.real(g)
    dtype = anp.result_type(x)
    if not hasattr(getval(g), 'astype'):  # a Python number (a tangent of a Python float, say)
        return dtype.type(g)
    return anp.astype(g, dtype)


# A cast to an integer dtype gives an untraced result, so the rules only see float and complex casts.
defvjp(anp.astype, lambda ans, x, dtype, **kwargs: lambda g: _cast_like(g, x))
defjvp(anp.astype, lambda g, ans, x, dtype, **kwargs: _cast_like(g, ans))
