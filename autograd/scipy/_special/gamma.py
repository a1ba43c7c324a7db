"""Gamma, beta and zeta functions and their relatives (the incomplete ones are in ``distributions.py``)."""
import math

from ...numpy import wrapper as anp
from .. import special as sp
from .common import NO_CLOSED_FORM, def_partials, in_last

# psi is digamma (the same ufunc, so the same primitive).
def_partials(sp.gamma, lambda ans, x: ans * sp.digamma(x))
def_partials(sp.gammaln, lambda ans, x: sp.digamma(x))
def_partials(sp.loggamma, lambda ans, x: sp.digamma(x))
def_partials(sp.digamma, lambda ans, x: sp.polygamma(1, x))


def _rgamma_derivative(ans, x):
    # -rgamma(x) psi(x) is 0 * inf at the poles x = -n of gamma; there 1/gamma(x) ~ (-1)**n n! (x + n).
    # That slope is exact; the second derivative at a pole (the slope's own derivative) is not.
    pole = (x <= 0) & (anp.floor(x) == x)
    return anp.where(pole, anp.cos(math.pi * x) * sp.gamma(1.0 - x), -ans * sp.digamma(anp.where(pole, 1.0, x)))


def_partials(sp.rgamma, _rgamma_derivative)
in_last(sp.polygamma, lambda ans, n, x: sp.polygamma(n + 1, x), 'n')


def _multidigamma(a, d):
    """d multigammaln(a, d) / da: multigammaln is a sum of gammaln(a - j/2) for j < d."""
    return sum(sp.digamma(a - 0.5 * j) for j in range(d))


def_partials(sp.multigammaln, lambda ans, a, d: _multidigamma(a, d), ('d', 'the dimension is an integer'))
def_partials(sp.beta, lambda ans, a, b: ans * (sp.digamma(a) - sp.digamma(a + b)),
             lambda ans, a, b: ans * (sp.digamma(b) - sp.digamma(a + b)))
def_partials(sp.betaln, lambda ans, a, b: sp.digamma(a) - sp.digamma(a + b),
             lambda ans, a, b: sp.digamma(b) - sp.digamma(a + b))
def_partials(sp.poch, lambda ans, z, m: ans * (sp.digamma(z + m) - sp.digamma(z)),
             lambda ans, z, m: ans * sp.digamma(z + m))
def_partials(sp.binom, lambda ans, n, k: ans * (sp.digamma(n + 1.0) - sp.digamma(n - k + 1.0)),
             lambda ans, n, k: ans * (sp.digamma(n - k + 1.0) - sp.digamma(k + 1.0)))

# Hurwitz zeta(x, q) = sum (n + q)**-x: in q the sum differentiates term by term. In x it has no closed form.
_ZETA_X = ('x', NO_CLOSED_FORM)
def_partials(sp.zeta, _ZETA_X, lambda ans, x, q: -x * sp.zeta(x + 1.0, q))
def_partials(sp.zetac, _ZETA_X)
