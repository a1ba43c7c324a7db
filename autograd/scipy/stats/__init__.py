"""``autograd.scipy.stats``: densities and distribution functions of ``scipy.stats`` distributions.

Each distribution is a module (``from autograd.scipy.stats import norm``, or
``import autograd.scipy.stats.norm as norm``) of plain functions with SciPy's signatures, e.g.
``norm.logpdf(x, loc=0, scale=1)``. They are compositions of differentiable ``autograd.numpy`` and
``autograd.scipy.special`` functions, so they differentiate in both modes, to any order, with respect to
``x`` and every parameter, which may be passed positionally or by keyword. The exceptions are the shape
parameters of the incomplete integrals in the ``cdf``/``sf`` of t, gamma, chi2 and beta (a clear error)
and the discrete ``k`` of poisson. Parameters out of range give NaN, like SciPy.
"""
from . import (beta, cauchy, chi2, dirichlet, expon, gamma, laplace, logistic, lognorm,  # noqa: F401
               multivariate_normal, norm, poisson, t, uniform)
from ._common import scipy_members

for _module in (beta, cauchy, chi2, dirichlet, expon, gamma, laplace, logistic, lognorm, multivariate_normal,
                norm, poisson, t, uniform):
    _module.__getattr__ = scipy_members(_module)
del _module
