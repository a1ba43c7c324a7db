"""Orthogonal polynomials ``eval_*`` in x, and spherical harmonics in their angles.

Each derivative is another classical polynomial (DLMF 18.9): Gegenbauer C_n^(a)' = 2 a C_(n-1)^(a+1), which
also gives Legendre (a = 1/2) and Chebyshev U (a = 1) without the poles of the recurrences at x = +-1;
T_n' = n U_(n-1); Jacobi P_n^(a,b)' = (n + a + b + 1) / 2 P_(n-1)^(a+1,b+1); H_n' = 2 n H_(n-1);
He_n' = n He_(n-1); L_n^(a)' = -L_(n-1)^(a+1). SciPy gives 0 at degree -1, as the formulas need, except
for Hermite polynomials (NaN), whose degree is kept at 0 or above. The degree
is an integer and the other parameters are refused (their derivatives are sums over the degree).
"""

from ...numpy import wrapper as anp
from .. import special as sp
from .common import INTEGER, NO_CLOSED_FORM, def_partials

_N = ('n', INTEGER)


def _parameters(*names):
    return [(name, NO_CLOSED_FORM) for name in names]


def_partials(sp.eval_legendre, _N, lambda ans, n, x: sp.eval_gegenbauer(n - 1, 1.5, x))
def_partials(sp.eval_sh_legendre, _N, lambda ans, n, x: 2.0 * sp.eval_gegenbauer(n - 1, 1.5, 2.0 * x - 1.0))
def_partials(sp.eval_chebyt, _N, lambda ans, n, x: n * sp.eval_chebyu(n - 1, x))
def_partials(sp.eval_chebyu, _N, lambda ans, n, x: 2.0 * sp.eval_gegenbauer(n - 1, 2.0, x))
# C_n(x) = 2 T_n(x / 2) and S_n(x) = U_n(x / 2).
def_partials(sp.eval_chebyc, _N, lambda ans, n, x: n * sp.eval_chebys(n - 1, x))
def_partials(sp.eval_chebys, _N, lambda ans, n, x: sp.eval_gegenbauer(n - 1, 2.0, 0.5 * x))
def_partials(sp.eval_sh_chebyt, _N, lambda ans, n, x: 2.0 * n * sp.eval_chebyu(n - 1, 2.0 * x - 1.0))
def_partials(sp.eval_sh_chebyu, _N, lambda ans, n, x: 4.0 * sp.eval_gegenbauer(n - 1, 2.0, 2.0 * x - 1.0))
def_partials(sp.eval_gegenbauer, _N, *_parameters('alpha'),
             lambda ans, n, alpha, x: 2.0 * alpha * sp.eval_gegenbauer(n - 1, alpha + 1.0, x))
def_partials(sp.eval_jacobi, _N, *_parameters('alpha', 'beta'),
             lambda ans, n, a, b, x: 0.5 * (n + a + b + 1.0) * sp.eval_jacobi(n - 1, a + 1.0, b + 1.0, x))


def _sh_jacobi_derivative(ans, n, p, q, x):
    # G_n^(p,q)(x) = n! gamma(n + p) / gamma(2n + p) P_n^(p-q, q-1)(2x - 1).
    scale = anp.exp(sp.gammaln(n + 1.0) + sp.gammaln(n + p) - sp.gammaln(2.0 * n + p))
    return scale * (n + p) * sp.eval_jacobi(n - 1, p - q + 1.0, q, 2.0 * x - 1.0)


def_partials(sp.eval_sh_jacobi, _N, *_parameters('p', 'q'), _sh_jacobi_derivative)
def_partials(sp.eval_hermite, _N, lambda ans, n, x: 2.0 * n * sp.eval_hermite(anp.maximum(n - 1, 0), x))
def_partials(sp.eval_hermitenorm, _N, lambda ans, n, x: n * sp.eval_hermitenorm(anp.maximum(n - 1, 0), x))
def_partials(sp.eval_laguerre, _N, lambda ans, n, x: -sp.eval_genlaguerre(n - 1, 1.0, x))
def_partials(sp.eval_genlaguerre, _N, *_parameters('alpha'),
             lambda ans, n, alpha, x: -sp.eval_genlaguerre(n - 1, alpha + 1.0, x))
def_partials(sp.assoc_laguerre, lambda ans, x, n, k=0.0: -sp.assoc_laguerre(x, n - 1, k + 1.0), _N,
             *_parameters('k'))


# Y_n^m(theta, phi) = c P_n^m(cos theta) exp(i m phi): d/dphi = i m Y, and in the polar angle
# d/dtheta = m cot(theta) Y + sqrt((n - m)(n + m + 1)) exp(-i phi) Y_n^(m+1).
def _sph_harm_dtheta(ans, n, m, theta, phi):
    raised = sp.sph_harm_y(n, m + 1, theta, phi)
    return m / anp.tan(theta) * ans + anp.sqrt((n - m) * (n + m + 1.0)) * anp.exp(-1j * phi) * raised


def_partials(sp.sph_harm_y, _N, ('m', INTEGER), _sph_harm_dtheta, lambda ans, n, m, theta, phi: 1j * m * ans)
