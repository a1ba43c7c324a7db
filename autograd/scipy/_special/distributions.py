"""The incomplete gamma and beta functions, the distribution functions of scipy.special built on them, and
their inverses, in their continuous arguments.

The derivatives of gammainc and betainc are the normalized integrands in the variable, and the series of
``series.py`` in the shape parameters; the distribution functions transform those arguments. An inverse,
the s solving F(..., s, ...) = p, has ds/dp = 1 / F_s and ds/dt = -F_t / F_s in every other argument t.
Counts (k, n of the binomial, Poisson and negative binomial functions) are refused.
"""
import math

from ...numpy import wrapper as anp
from .. import special as sp
from .common import def_partials, in_last
from .series import gammainc_da, regularized_beta_partials

SQRT_2PI = math.sqrt(2.0 * math.pi)


def gamma_density(a, x):
    """x**(a-1) exp(-x) / gamma(a): the derivative of gammainc(a, x) in x."""
    return anp.exp(sp.xlogy(a - 1.0, x) - x - sp.gammaln(a))


def beta_density(a, b, x):
    """x**(a-1) (1-x)**(b-1) / beta(a, b): the derivative of betainc(a, b, x) in x."""
    return anp.exp(sp.xlogy(a - 1.0, x) + sp.xlog1py(b - 1.0, -x) - sp.betaln(a, b))


def _gammainc(a, x):
    return gammainc_da(a, x), gamma_density(a, x)


def _betainc(a, b, x):
    return regularized_beta_partials(a, b, x) + (beta_density(a, b, x),)


def _chdtr(v, x):
    # chdtr(v, x) = gammainc(v / 2, x / 2).
    return tuple(0.5 * d for d in _gammainc(0.5 * v, 0.5 * x))


def _gdtr(a, b, x):
    # gdtr(a, b, x) = gammainc(b, a x).
    in_b, in_ax = _gammainc(b, a * x)
    return x * in_ax, in_b, a * in_ax


def _fdtr(dfn, dfd, x):
    # fdtr(dfn, dfd, x) = betainc(dfn / 2, dfd / 2, w) with w = dfn x / (dfd + dfn x).
    denominator = dfd + dfn * x
    da, db, dw = _betainc(0.5 * dfn, 0.5 * dfd, dfn * x / denominator)
    return (0.5 * da + dw * x * dfd / denominator ** 2, 0.5 * db - dw * dfn * x / denominator ** 2,
            dw * dfn * dfd / denominator ** 2)


def t_density(df, t):
    log_norm = sp.gammaln(0.5 * (df + 1.0)) - sp.gammaln(0.5 * df) - 0.5 * anp.log(df * math.pi)
    return anp.exp(log_norm - 0.5 * (df + 1.0) * anp.log1p(t ** 2 / df))


def _stdtr(df, t):
    # stdtr = 1/2 + sign(t) (1 - betainc(df / 2, 1 / 2, w)) / 2 with w = df / (df + t**2).
    w = df / (df + t ** 2)
    da, _, dw = _betainc(0.5 * df, 0.5, w)
    return -0.5 * anp.sign(t) * (0.5 * da + dw * t ** 2 / (df + t ** 2) ** 2), t_density(df, t)


def _negated(partials):
    return lambda *args: tuple(-d for d in partials(*args))


def def_function(fun, partials, count):
    """Rules for ``fun`` of ``count`` arguments, whose derivatives in them are ``partials(*args)``."""
    def_partials(fun, *[lambda ans, *args, i=i: partials(*args)[i] for i in range(count)])


def def_inverse(fun, partials, slots, solved):
    """Rules for ``fun``, the argument ``solved`` of F that makes F = p, where ``partials`` are F's derivatives.
    ``slots[i]`` is the argument of F that ``fun``'s argument i is, or 'p' for the value of F."""
    def arguments_of_f(ans, args):
        values = [None] * len(slots)
        for slot, value in zip(slots, args):
            if slot != 'p':
                values[slot] = value
        values[solved] = ans
        return values

    def partial(slot):
        def derivative(ans, *args):
            derivatives = partials(*arguments_of_f(ans, args))
            return 1.0 / derivatives[solved] if slot == 'p' else -derivatives[slot] / derivatives[solved]
        return derivative
    def_partials(fun, *[partial(slot) for slot in slots])


def _family(forward, complement, partials, *inverses):
    """Rules for a distribution function F, its complement 1 - F (None if SciPy has none) and the inverses
    ``(fun, slots, solved, of_complement)`` of either, as in ``def_inverse``."""
    count = len(inverses[0][1])
    def_function(forward, partials, count)
    if complement is not None:
        def_function(complement, _negated(partials), count)
    for fun, slots, solved, of_complement in inverses:
        def_inverse(fun, _negated(partials) if of_complement else partials, slots, solved)


_family(sp.gammainc, sp.gammaincc, _gammainc, (sp.gammaincinv, (0, 'p'), 1, False),
        (sp.gammainccinv, (0, 'p'), 1, True))
_family(sp.betainc, sp.betaincc, _betainc, (sp.betaincinv, (0, 1, 'p'), 2, False),
        (sp.betainccinv, (0, 1, 'p'), 2, True), (sp.btdtria, ('p', 1, 2), 0, False),
        (sp.btdtrib, (0, 'p', 2), 1, False))
_family(sp.chdtr, sp.chdtrc, _chdtr, (sp.chdtri, (0, 'p'), 1, True), (sp.chdtriv, ('p', 1), 0, False))
_family(sp.gdtr, sp.gdtrc, _gdtr, (sp.gdtrix, (0, 1, 'p'), 2, False), (sp.gdtria, ('p', 1, 2), 0, False),
        (sp.gdtrib, (0, 'p', 2), 1, False))
_family(sp.fdtr, sp.fdtrc, _fdtr, (sp.fdtri, (0, 1, 'p'), 2, False), (sp.fdtridfd, (0, 'p', 2), 1, False))
_family(sp.stdtr, None, _stdtr, (sp.stdtrit, (0, 'p'), 1, False), (sp.stdtridf, ('p', 1), 0, False))

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

# nrdtrimn(p, std, x) = x - std ndtri(p) and nrdtrisd(mn, p, x) = (x - mn) / ndtri(p).
def_partials(sp.nrdtrimn, lambda ans, p, std, x: -std * SQRT_2PI * anp.exp(0.5 * sp.ndtri(p) ** 2),
             lambda ans, p, std, x: -sp.ndtri(p), lambda ans, p, std, x: anp.ones_like(ans))
def_partials(sp.nrdtrisd, lambda ans, mn, p, x: -1.0 / sp.ndtri(p),
             lambda ans, mn, p, x: -ans * SQRT_2PI * anp.exp(0.5 * sp.ndtri(p) ** 2) / sp.ndtri(p),
             lambda ans, mn, p, x: 1.0 / sp.ndtri(p))


# kolmogorov(y) = 2 sum_(k>=1) (-1)**(k-1) exp(-2 k**2 y**2), the Kolmogorov distribution's survival function.
# Below y = 1 that series cancels, and its Jacobi transform 1 - sqrt(2 pi) / y sum exp(-(2k-1)**2 pi**2 / (8 y**2))
# is used instead; 20 terms of either are exact to rounding. The distribution is 0 below y = 0.
_K = anp.arange(1.0, 21.0)


def _kolmogorov_derivative(ans, y):
    inside = y > 0
    y = anp.where(inside, y, 1.0)
    yk = anp.expand_dims(y, -1)
    k = anp.on_backend_of(y, _K)
    alternating = -8.0 * y * anp.sum((-1.0) ** (k - 1.0) * k ** 2 * anp.exp(-2.0 * k ** 2 * yk ** 2), axis=-1)
    a = (2.0 * k - 1.0) ** 2 * math.pi ** 2 / 8.0
    transformed = -SQRT_2PI * anp.sum(anp.exp(-a / yk ** 2) * (2.0 * a / yk ** 4 - 1.0 / yk ** 2), axis=-1)
    return anp.where(inside, anp.where(y < 1.0, transformed, alternating), 0.0)


def_partials(sp.kolmogorov, _kolmogorov_derivative)
def_partials(sp.kolmogi, lambda ans, p: 1.0 / _kolmogorov_derivative(p, ans))
