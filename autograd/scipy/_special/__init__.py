"""The derivative rules of ``autograd.scipy.special``, one module per family of functions.

They are kept out of ``autograd.scipy.special`` so that its namespace holds SciPy's names and nothing
else; importing this package registers every rule.
"""
from . import bessel, distributions, elementary, elliptic, gamma, hypergeometric, integrals, logsumexp  # noqa: F401
from . import errors, polynomials  # noqa: F401
