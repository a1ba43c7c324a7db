"""Error functions and their relatives: erf, Dawson's and Faddeeva's functions, Fresnel integrals, the normal
and logistic distribution functions, Owen's T and the Voigt profile."""
import cmath
import math

from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import reciprocal
from .. import special as sp
from .common import def_partials, def_tuple_partials

SQRT_PI = math.sqrt(math.pi)
SQRT_2PI = math.sqrt(2.0 * math.pi)

def_partials(sp.erf, lambda ans, x: 2.0 / SQRT_PI * anp.exp(-x ** 2))
def_partials(sp.erfc, lambda ans, x: -2.0 / SQRT_PI * anp.exp(-x ** 2))
def_partials(sp.erfcx, lambda ans, x: 2.0 * x * ans - 2.0 / SQRT_PI)
def_partials(sp.erfi, lambda ans, x: 2.0 / SQRT_PI * anp.exp(x ** 2))
def_partials(sp.erfinv, lambda ans, x: SQRT_PI / 2.0 * anp.exp(ans ** 2))
def_partials(sp.erfcinv, lambda ans, x: -SQRT_PI / 2.0 * anp.exp(ans ** 2))
def_partials(sp.dawsn, lambda ans, x: 1.0 - 2.0 * x * ans)
# w(z) = exp(-z**2) erfc(-iz) solves w' = -2 z w + 2i / sqrt(pi).
def_partials(sp.wofz, lambda ans, z: -2.0 * z * ans + 2.0j / SQRT_PI)
def_tuple_partials(sp.fresnel, lambda ans, z: (anp.sin(0.5 * math.pi * z ** 2), anp.cos(0.5 * math.pi * z ** 2)))

def_partials(sp.ndtr, lambda ans, x: anp.exp(-0.5 * x ** 2) / SQRT_2PI)
# pdf / cdf, as one exponential: both factors underflow far in the left tail, their ratio does not.
def_partials(sp.log_ndtr, lambda ans, x: anp.exp(-0.5 * x ** 2 - ans) / SQRT_2PI)
def_partials(sp.ndtri, lambda ans, x: SQRT_2PI * anp.exp(0.5 * ans ** 2))
# x = ndtri(exp(y)): dx/dy = exp(y) / pdf(x).
def_partials(sp.ndtri_exp, lambda ans, y: SQRT_2PI * anp.exp(y + 0.5 * ans ** 2))

def_partials(sp.expit, lambda ans, x: ans * (1.0 - ans))
def_partials(sp.logit, lambda ans, x: 1.0 / (x * (1.0 - x)))
def_partials(sp.log_expit, lambda ans, x: sp.expit(-x))
def_partials(sp.softplus, lambda ans, x: sp.expit(x))

# T(h, a) = int_0^a exp(-h**2 (1 + t**2) / 2) / (2 pi (1 + t**2)) dt.
def_partials(sp.owens_t, lambda ans, h, a: -anp.exp(-0.5 * h ** 2) / (2.0 * SQRT_2PI) * sp.erf(a * h / math.sqrt(2.0)),
             lambda ans, h, a: anp.exp(-0.5 * h ** 2 * (1.0 + a ** 2)) / (2.0 * math.pi * (1.0 + a ** 2)))


# The Voigt profile is Re w(z) / (sigma sqrt(2 pi)) at z = (x + i gamma) / (sigma sqrt 2), so with
# dw = w'(z) / (2 sqrt(pi) sigma**2) its derivatives are Re dw in x, Re(i dw) in gamma and, as dz/dsigma is
# -z / sigma, -sqrt(2) Re(z dw) - ans / sigma in sigma.
def _voigt_dw(x, sigma, gamma):
    z = (x + 1j * gamma) * reciprocal(sigma * math.sqrt(2.0))
    return z, (-2.0 * z * sp.wofz(z) + 2.0j / SQRT_PI) / (sigma ** 2 * 2.0 * SQRT_PI)


def _voigt_in_sigma(ans, x, sigma, gamma):
    z, dw = _voigt_dw(x, sigma, gamma)
    return -math.sqrt(2.0) * anp.real(z * dw) - ans / sigma


def_partials(sp.voigt_profile, lambda ans, x, sigma, gamma: anp.real(_voigt_dw(x, sigma, gamma)[1]), _voigt_in_sigma,
             lambda ans, x, sigma, gamma: -anp.imag(_voigt_dw(x, sigma, gamma)[1]))

# Modified Fresnel integrals F+-(x) = int_x^inf exp(+-i t**2) dt and K+-(x) = exp(-+i (x**2 + pi/4)) F+-(x) /
# sqrt(pi).
_EIGHTH_TURN = cmath.exp(0.25j * math.pi)
def_tuple_partials(sp.modfresnelp, lambda ans, x: (-anp.exp(1j * x ** 2),
                                                   -2j * x * ans[1] - 1.0 / (_EIGHTH_TURN * SQRT_PI)))
def_tuple_partials(sp.modfresnelm, lambda ans, x: (-anp.exp(-1j * x ** 2), 2j * x * ans[1] - _EIGHTH_TURN / SQRT_PI))
