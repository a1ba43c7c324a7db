"""Distribution functions of scipy.special and their inverses, in their continuous arguments.

Each is an incomplete gamma or beta function of transformed arguments, so its derivatives are the
normalized integrand (in the variable) and the series of ``series.py`` (in shape parameters). An inverse
``x(p)`` of ``p = F(x, theta)`` has dx/dp = 1 / F_x and dx/dtheta = -F_theta / F_x. Counts (k, n of the
binomial, Poisson and negative binomial functions) are refused.
"""
import math

from ...numpy import wrapper as anp
from .. import special as sp
from .common import NO_CLOSED_FORM, def_partials, in_last
from .gamma import beta_density, gamma_density
from .series import gammainc_da, regularized_beta_partials

SQRT_2PI = math.sqrt(2.0 * math.pi)

# bdtr(k, n, p) = betainc(n - k, k + 1, 1 - p); nbdtr(k, n, p) = betainc(n, k + 1, p);
# pdtr(k, m) = gammaincc(k + 1, m).
in_last(sp.bdtr, lambda ans, k, n, p: -beta_density(n - k, k + 1.0, 1.0 - p), 'k', 'n')
in_last(sp.bdtrc, lambda ans, k, n, p: beta_density(n - k, k + 1.0, 1.0 - p), 'k', 'n')
in_last(sp.bdtri, lambda ans, k, n, y: -1.0 / beta_density(n - k, k + 1.0, 1.0 - ans), 'k', 'n')
in_last(sp.nbdtr, lambda ans, k, n, p: beta_density(n, k + 1.0, p), 'k', 'n')
in_last(sp.nbdtrc, lambda ans, k, n, p: -beta_density(n, k + 1.0, p), 'k', 'n')
in_last(sp.nbdtri, lambda ans, k, n, y: 1.0 / beta_density(n, k + 1.0, ans), 'k', 'n')
in_last(sp.pdtr, lambda ans, k, m: -gamma_density(k + 1.0, m), 'k')
in_last(sp.pdtrc, lambda ans, k, m: gamma_density(k + 1.0, m), 'k')
in_last(sp.pdtri, lambda ans, k, y: -1.0 / gamma_density(k + 1.0, ans), 'k')

# chdtr(v, x) = gammainc(v / 2, x / 2); chdtri inverts chdtrc.
def_partials(sp.chdtr, lambda ans, v, x: 0.5 * gammainc_da(0.5 * v, 0.5 * x),
             lambda ans, v, x: 0.5 * gamma_density(0.5 * v, 0.5 * x))
def_partials(sp.chdtrc, lambda ans, v, x: -0.5 * gammainc_da(0.5 * v, 0.5 * x),
             lambda ans, v, x: -0.5 * gamma_density(0.5 * v, 0.5 * x))
def_partials(sp.chdtri, lambda ans, v, p: -gammainc_da(0.5 * v, 0.5 * ans) / gamma_density(0.5 * v, 0.5 * ans),
             lambda ans, v, p: -2.0 / gamma_density(0.5 * v, 0.5 * ans))

# gdtr(a, b, x) = gammainc(b, a x); gdtrix inverts it in x.
def_partials(sp.gdtr, lambda ans, a, b, x: x * gamma_density(b, a * x), lambda ans, a, b, x: gammainc_da(b, a * x),
             lambda ans, a, b, x: a * gamma_density(b, a * x))
def_partials(sp.gdtrc, lambda ans, a, b, x: -x * gamma_density(b, a * x),
             lambda ans, a, b, x: -gammainc_da(b, a * x), lambda ans, a, b, x: -a * gamma_density(b, a * x))
def_partials(sp.gdtrix, lambda ans, a, b, p: -ans / a,
             lambda ans, a, b, p: -gammainc_da(b, a * ans) / (a * gamma_density(b, a * ans)),
             lambda ans, a, b, p: 1.0 / (a * gamma_density(b, a * ans)))


# fdtr(dfn, dfd, x) = betainc(dfn / 2, dfd / 2, w) with w = dfn x / (dfd + dfn x).
def _fdtr_partials(dfn, dfd, x):
    """(d/d dfn, d/d dfd, d/dx) of fdtr."""
    denominator = dfd + dfn * x
    w = dfn * x / denominator
    density = beta_density(0.5 * dfn, 0.5 * dfd, w)
    da, db = regularized_beta_partials(0.5 * dfn, 0.5 * dfd, w)
    return (0.5 * da + density * x * dfd / denominator ** 2, 0.5 * db - density * dfn * x / denominator ** 2,
            density * dfn * dfd / denominator ** 2)


def_partials(sp.fdtr, *[lambda ans, dfn, dfd, x, i=i: _fdtr_partials(dfn, dfd, x)[i] for i in range(3)])
def_partials(sp.fdtrc, *[lambda ans, dfn, dfd, x, i=i: -_fdtr_partials(dfn, dfd, x)[i] for i in range(3)])
def_partials(sp.fdtri, *[lambda ans, dfn, dfd, p, i=i: -_fdtr_partials(dfn, dfd, ans)[i] / _fdtr_partials(
    dfn, dfd, ans)[2] for i in range(2)], lambda ans, dfn, dfd, p: 1.0 / _fdtr_partials(dfn, dfd, ans)[2])


def t_density(df, t):
    log_norm = sp.gammaln(0.5 * (df + 1.0)) - sp.gammaln(0.5 * df) - 0.5 * anp.log(df * math.pi)
    return anp.exp(log_norm - 0.5 * (df + 1.0) * anp.log1p(t ** 2 / df))


def _stdtr_ddf(df, t):
    # stdtr = 1/2 + sign(t) (1 - betainc(df / 2, 1 / 2, w)) / 2 with w = df / (df + t**2).
    w = df / (df + t ** 2)
    dw = t ** 2 / (df + t ** 2) ** 2
    return -0.5 * anp.sign(t) * (0.5 * regularized_beta_partials(0.5 * df, 0.5, w)[0]
                                 + beta_density(0.5 * df, 0.5, w) * dw)


def_partials(sp.stdtr, lambda ans, df, t: _stdtr_ddf(df, t), lambda ans, df, t: t_density(df, t))
def_partials(sp.stdtrit, lambda ans, df, p: -_stdtr_ddf(df, ans) / t_density(df, ans),
             lambda ans, df, p: 1.0 / t_density(df, ans))

# nrdtrimn(p, std, x) = x - std ndtri(p) and nrdtrisd(mn, p, x) = (x - mn) / ndtri(p).
def_partials(sp.nrdtrimn, lambda ans, p, std, x: -std * SQRT_2PI * anp.exp(0.5 * sp.ndtri(p) ** 2),
             lambda ans, p, std, x: -sp.ndtri(p), lambda ans, p, std, x: anp.ones_like(ans))
def_partials(sp.nrdtrisd, lambda ans, mn, p, x: -1.0 / sp.ndtri(p),
             lambda ans, mn, p, x: -ans * SQRT_2PI * anp.exp(0.5 * sp.ndtri(p) ** 2) / sp.ndtri(p),
             lambda ans, mn, p, x: 1.0 / sp.ndtri(p))

for _fun, _names in [(sp.btdtria, 'p b x'), (sp.btdtrib, 'a p x'), (sp.stdtridf, 'p t'), (sp.chdtriv, 'p x'),
                     (sp.gdtria, 'p b x'), (sp.gdtrib, 'a p x'), (sp.fdtridfd, 'dfn p x')]:
    def_partials(_fun, *[(name, NO_CLOSED_FORM) for name in _names.split()])
