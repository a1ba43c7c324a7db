"""Elementwise math (NumPy's "Mathematical functions"): each rule is the function's derivative.

For a function holomorphic in its argument the same derivative serves both passes: the VJP multiplies the
incoming gradient by it, the JVP multiplies the tangent. Functions that are not holomorphic (``abs``,
``real``, ``conj``, ...) have explicit pairs below.
"""
from ...engine import defjvp, defvjp
from .. import wrapper as anp
from .helpers import broadcast_like, replace_zero, unbroadcast


def def_unary(fun, derivative):
    """``derivative(ans, x)`` is d fun / dx at x, where ``ans = fun(x)``."""
    defvjp(fun, lambda ans, x: lambda g: g * derivative(ans, x))
    defjvp(fun, lambda g, ans, x: g * derivative(ans, x))


UNARY = {
    anp.exp: lambda ans, x: ans,
    anp.log: lambda ans, x: 1.0 / x,
    anp.sin: lambda ans, x: anp.cos(x),
    anp.cos: lambda ans, x: -anp.sin(x),
    anp.tan: lambda ans, x: 1.0 + ans ** 2,
    anp.tanh: lambda ans, x: 1.0 - ans ** 2,
    anp.sqrt: lambda ans, x: 0.5 / ans,
    anp.square: lambda ans, x: 2.0 * x,
    anp.reciprocal: lambda ans, x: -ans ** 2,
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
    """``d_i(ans, x, y)`` is d fun / d(argument i); results are summed back over broadcast axes."""
    defvjp(fun, lambda ans, x, y: lambda g: unbroadcast(g * d0(ans, x, y), x),
           lambda ans, x, y: lambda g: unbroadcast(g * d1(ans, x, y), y))
    defjvp(fun, lambda g, ans, x, y: broadcast_like(g * d0(ans, x, y), ans),
           lambda g, ans, x, y: broadcast_like(g * d1(ans, x, y), ans))


def _power_d0(ans, x, y):
    # y * x**(y-1), written so that y == 0 gives 0 rather than 0 * x**-1 (inf at x == 0).
    return y * x ** anp.where(y == 0, 1.0, y - 1.0)


def _power_d1(ans, x, y):
    # log(x) * x**y; at x == 0 the derivative in y is 0 for y > 0, not log(0) * 0.
    return anp.log(replace_zero(x, 1.0)) * ans


BINARY = {
    anp.multiply: (lambda ans, x, y: y, lambda ans, x, y: x),
    anp.true_divide: (lambda ans, x, y: 1.0 / y, lambda ans, x, y: -ans / y),
    anp.power: (_power_d0, _power_d1),
}
for _fun, (_d0, _d1) in BINARY.items():
    def_binary(_fun, _d0, _d1)

# Sums and differences pass the gradient through unscaled.
defvjp(anp.add, lambda ans, x, y: lambda g: unbroadcast(g, x), lambda ans, x, y: lambda g: unbroadcast(g, y))
defjvp(anp.add, lambda g, ans, x, y: broadcast_like(g, ans), lambda g, ans, x, y: broadcast_like(g, ans))
defvjp(anp.subtract, lambda ans, x, y: lambda g: unbroadcast(g, x),
       lambda ans, x, y: lambda g: unbroadcast(-g, y))
defjvp(anp.subtract, lambda g, ans, x, y: broadcast_like(g, ans), lambda g, ans, x, y: broadcast_like(-g, ans))
defvjp(anp.negative, lambda ans, x: lambda g: -g)
defjvp(anp.negative, lambda g, ans, x: -g)
