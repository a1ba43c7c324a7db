"""``autograd.scipy.stats``: densities, distribution functions and quantiles of ``scipy.stats`` distributions.

Each distribution is a module (``from autograd.scipy.stats import norm``, or
``import autograd.scipy.stats.norm as norm``) of plain functions with SciPy's signatures, e.g.
``norm.logpdf(x, loc=0, scale=1)``; parameters may be passed positionally or by keyword. They are
compositions of differentiable ``autograd.numpy`` and ``autograd.scipy.special`` functions, so they
differentiate in both modes, to any order, with respect to the variable and every continuous parameter.
The quantiles (``ppf``, ``isf``) that SciPy finds numerically are differentiated as inverses of the cdf.
The exceptions raise an error that names the distribution, method and parameter: vonmises' cdf family in
``kappa`` (SciPy computes it numerically), and discrete arguments (counts, ``n`` of binom, ``loc`` of
discrete distributions). Parameters out of range give NaN,
like SciPy. The members that carry no derivative (``rvs``, ``fit``, ``mean``, ``interval``, ...) are
SciPy's, served on plain values. ``gaussian_kde`` is a class, as in SciPy.
"""
from . import (bernoulli, beta, betabinom, binom, cauchy, chi2, dirichlet, expon, gamma, gennorm,  # noqa: F401
               geom, gumbel_l, gumbel_r, halfcauchy, halfnorm, invgamma, invwishart, laplace, loggamma, logistic,
               lognorm, matrix_normal, multinomial, multivariate_normal, multivariate_t, nbinom, norm, pareto,
               poisson, skewnorm, t, truncnorm, uniform, vonmises, weibull_min, wishart, wrapcauchy)
from ._common import scipy_members as _scipy_members
from ._kde import gaussian_kde  # noqa: F401

for _module in (bernoulli, beta, betabinom, binom, cauchy, chi2, dirichlet, expon, gamma, gennorm, geom, gumbel_l,
                gumbel_r, halfcauchy, halfnorm, invgamma, invwishart, laplace, loggamma, logistic, lognorm,
                matrix_normal, multinomial, multivariate_normal, multivariate_t, nbinom, norm, pareto, poisson,
                skewnorm, t, truncnorm, uniform, vonmises, weibull_min, wishart, wrapcauchy):
    _module.__getattr__ = _scipy_members(_module)
del _module
