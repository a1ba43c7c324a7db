"""Hypergeometric functions and Wright's generalized Bessel function, in their argument.

In their parameters the derivatives are double series with no closed form; they are refused.
"""
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import reciprocal
from .. import special as sp
from .common import NO_CLOSED_FORM, def_partials, def_tuple_partials

_A, _B, _C = ('a', NO_CLOSED_FORM), ('b', NO_CLOSED_FORM), ('c', NO_CLOSED_FORM)

# d/dz pFq(a; b; z) = prod(a) / prod(b) pFq(a + 1; b + 1; z); U(a, b, x)' = -a U(a + 1, b + 1, x).
def_partials(sp.hyp0f1, ('v', NO_CLOSED_FORM), lambda ans, v, z: sp.hyp0f1(v + 1.0, z) * reciprocal(v))
def_partials(sp.hyp1f1, _A, _B, lambda ans, a, b, x: a * reciprocal(b) * sp.hyp1f1(a + 1.0, b + 1.0, x))
def_partials(sp.hyp2f1, _A, _B, _C,
             lambda ans, a, b, c, z: a * b * reciprocal(c) * sp.hyp2f1(a + 1.0, b + 1.0, c + 1.0, z))
def_partials(sp.hyperu, _A, _B, lambda ans, a, b, x: -a * sp.hyperu(a + 1.0, b + 1.0, x))

# Phi(a, b, x) = sum x**k / (k! gamma(a k + b)), so Phi' = Phi(a, a + b, x).
def_partials(sp.wright_bessel, ('a', NO_CLOSED_FORM), ('b', NO_CLOSED_FORM),
             lambda ans, a, b, x: sp.wright_bessel(a, a + b, x))
def_partials(sp.log_wright_bessel, ('a', NO_CLOSED_FORM), ('b', NO_CLOSED_FORM),
             lambda ans, a, b, x: anp.exp(sp.log_wright_bessel(a, a + b, x) - ans))

# Parabolic cylinder functions solve f'' = (x**2 / 4 - v - 1/2) f; pbdv and pbvv return (f, f').
def_tuple_partials(sp.pbdv, ('v', NO_CLOSED_FORM), lambda ans, v, x: (ans[1], (0.25 * x ** 2 - v - 0.5) * ans[0]))
def_tuple_partials(sp.pbvv, ('v', NO_CLOSED_FORM), lambda ans, v, x: (ans[1], (0.25 * x ** 2 - v - 0.5) * ans[0]))
