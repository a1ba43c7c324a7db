"""Derivatives without a closed form, as power series: the regularized incomplete gamma and beta functions
in their shape parameters, and the hypergeometric functions in their parameters (``hypergeometric_partials``).

Both incomplete functions are power series with positive terms (Abramowitz & Stegun 6.5.29
and 26.5.4), whose terms' logarithms are differentiated term by term:

    gammainc(a, x)   = sum_n exp((a + n) log x - x - gammaln(a + n + 1))
    betainc(a, b, x) = sum_n exp((a + n) log x + b log(1 - x) + gammaln(a + b + n) - gammaln(a + 1 + n)
                                 - gammaln(b))

A fixed number of terms is summed (no branch on the data), written with traced functions so the result
differentiates again. The beta series is summed in whichever of x and 1 - x converges faster
(betainc(a, b, x) = 1 - betainc(b, a, 1 - x)). Where the last term summed is not negligible (below 1e-14
times the sum) the result is NaN, never a wrong number: for gammainc that is where x exceeds a + 400 by less
than a few sqrt(x) (further out every term summed, and the derivative, are negligible); for betainc, where a
or b is in the thousands. Elsewhere the absolute error is about 1e-13 (the terms are positive, and their
factors change sign once); tests compare with finite differences of SciPy's own functions. Each derivative
holds its ``TERMS`` terms at once, so it takes 400 times the memory of its arguments.
"""
from ...numpy import wrapper as anp
from .. import special as sp

TERMS = 400
TOLERANCE = 1e-14


def _series(log_terms, factors):
    """sum_n exp(log_terms) * factors over the last axis, NaN where the last term is not negligible."""
    terms = anp.exp(log_terms) * factors
    total = anp.sum(terms, axis=-1)
    converged = anp.abs(terms[..., -1]) <= TOLERANCE * (1.0 + anp.abs(total))
    return anp.where(converged, total, anp.nan)


def _with_terms(*values):
    """``values`` with a last axis for the terms, then the term numbers 0, 1, ..., TERMS - 1, all on the array
    library of ``values`` (a number among them would otherwise become a NumPy array)."""
    like = anp.foreign_array(values)
    expanded = [anp.expand_dims(anp.on_backend_of(like, v), -1) for v in values]
    return expanded + [anp.on_backend_of(like, anp.arange(TERMS, dtype=float))]


def gammainc_da(a, x):
    """d gammainc(a, x) / da (0 at x = 0, where gammainc is 0 for every a)."""
    positive = x > 0
    a, x, n = _with_terms(a, anp.where(positive, x, 1.0))
    a = a + n
    log_x = anp.log(x)
    derivative = _series(a * log_x - x - sp.gammaln(a + 1.0), log_x - sp.digamma(a + 1.0))
    return anp.where(positive, derivative, 0.0)


def _beta_series(a, b, x):
    """(d/da, d/db) of betainc(a, b, x) by its series at x (0 < x < 1)."""
    a, b, x, n = _with_terms(a, b, x)
    log_terms = (a + n) * anp.log(x) + b * anp.log1p(-x) + sp.gammaln(a + b + n) - sp.gammaln(a + 1.0 + n) \
        - sp.gammaln(b)
    common = sp.digamma(a + b + n)
    return (_series(log_terms, anp.log(x) + common - sp.digamma(a + 1.0 + n)),
            _series(log_terms, anp.log1p(-x) + common - sp.digamma(b)))


def regularized_beta_partials(a, b, x):
    """(d/da, d/db) of betainc(a, b, x); 0 at x = 0 and x = 1, where betainc is 0 or 1 for all a, b."""
    inside = (x > 0) & (x < 1)
    x = anp.where(inside, x, 0.5)
    direct = x < (a + 1.0) / (a + b + 2.0)
    da, db = _beta_series(a, b, anp.where(direct, x, 0.5))
    swapped_db, swapped_da = _beta_series(b, a, anp.where(direct, 0.5, 1.0 - x))
    return (anp.where(inside, anp.where(direct, da, -swapped_da), 0.0),
            anp.where(inside, anp.where(direct, db, -swapped_db), 0.0))


CANCELLATION = 1e6


def hypergeometric_partials(numerators, denominators, z):
    """The derivatives of pFq(numerators; denominators; z) = sum_n prod (p)_n / prod (q)_n z**n / n! in each
    numerator, then each denominator parameter.

    d (p)_n / dp = (p)_n h_n(p) with h_n(p) = sum_(k<n) 1 / (p + k), so each derivative is the series with its
    terms weighted by h_n (negated for denominators). The terms come from their ratios, so nothing overflows.
    Besides converging, the terms must not cancel much: where they are more than ``CANCELLATION`` times larger
    than the result (or than 1, for results below 1), which happens with alternating terms and large |z|, the
    result is NaN, since rounding could leave an error above 1e-10 (relative, or absolute below 1).
    """
    *parameters, z, n = _with_terms(*numerators, *denominators, z)
    ratio = z / (n + 1.0)
    for i, p in enumerate(parameters):
        ratio = ratio * (p + n) if i < len(numerators) else ratio / (p + n)
    terms = anp.concatenate([anp.ones_like(ratio[..., :1]), anp.cumprod(ratio[..., :-1], axis=-1)], axis=-1)
    partials = []
    for i, p in enumerate(parameters):
        steps = 1.0 / (p + n)
        weights = anp.concatenate([anp.zeros_like(steps[..., :1]), anp.cumsum(steps[..., :-1], axis=-1)], axis=-1)
        weighted = terms * weights if i < len(numerators) else -terms * weights
        total = anp.sum(weighted, axis=-1)
        size = anp.sum(anp.abs(weighted), axis=-1)
        settled = (anp.abs(weighted[..., -1]) <= TOLERANCE * size) & \
            (size <= CANCELLATION * anp.maximum(anp.abs(total), 1.0))
        partials.append(anp.where(settled, total, anp.nan))
    return partials
