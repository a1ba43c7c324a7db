"""Hypergeometric functions in their argument and, by series (``series.py``), in their parameters; Wright's
generalized Bessel function and parabolic cylinder functions in their argument.

The series in the parameters converge for every z in 0F1 and 1F1 and for |z| < 1 in 2F1; beyond that, or
where their terms cancel too much (large |z| of the wrong sign), the derivative is NaN. Tricomi's U, Wright's
function and the parabolic cylinder functions have no such series here: their parameters are refused.
"""
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import reciprocal
from .. import special as sp
from .common import NO_CLOSED_FORM, def_partials, def_tuple_partials
from .series import hypergeometric_partials


def _in_parameter(count, i):
    """The partial derivative in parameter i of a function with ``count`` parameters before z."""
    return lambda ans, *args: hypergeometric_partials(args[:count - 1], args[count - 1:count], args[-1])[i]


def _parameters_then_z(fun, count, in_z):
    """Rules for fun(*parameters, z): the last parameter is the denominator, the rest numerators."""
    def_partials(fun, *[_in_parameter(count, i) for i in range(count)], in_z)


# d/dz pFq(a; b; z) = prod(a) / prod(b) pFq(a + 1; b + 1; z); U(a, b, x)' = -a U(a + 1, b + 1, x).
_parameters_then_z(sp.hyp0f1, 1, lambda ans, v, z: sp.hyp0f1(v + 1.0, z) * reciprocal(v))
_parameters_then_z(sp.hyp1f1, 2, lambda ans, a, b, x: a * reciprocal(b) * sp.hyp1f1(a + 1.0, b + 1.0, x))
_parameters_then_z(sp.hyp2f1, 3,
                   lambda ans, a, b, c, z: a * b * reciprocal(c) * sp.hyp2f1(a + 1.0, b + 1.0, c + 1.0, z))
def_partials(sp.hyperu, ('a', NO_CLOSED_FORM), ('b', NO_CLOSED_FORM),
             lambda ans, a, b, x: -a * sp.hyperu(a + 1.0, b + 1.0, x))

# Phi(a, b, x) = sum x**k / (k! gamma(a k + b)), so Phi' = Phi(a, a + b, x).
def_partials(sp.wright_bessel, ('a', NO_CLOSED_FORM), ('b', NO_CLOSED_FORM),
             lambda ans, a, b, x: sp.wright_bessel(a, a + b, x))
def_partials(sp.log_wright_bessel, ('a', NO_CLOSED_FORM), ('b', NO_CLOSED_FORM),
             lambda ans, a, b, x: anp.exp(sp.log_wright_bessel(a, a + b, x) - ans))

# Parabolic cylinder functions solve f'' = (x**2 / 4 - v - 1/2) f; pbdv and pbvv return (f, f').
def_tuple_partials(sp.pbdv, ('v', NO_CLOSED_FORM), lambda ans, v, x: (ans[1], (0.25 * x ** 2 - v - 0.5) * ans[0]))
def_tuple_partials(sp.pbvv, ('v', NO_CLOSED_FORM), lambda ans, v, x: (ans[1], (0.25 * x ** 2 - v - 0.5) * ans[0]))
