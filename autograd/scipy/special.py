"""``autograd.scipy.special``: every public name of ``scipy.special``, with functions wrapped as primitives.

The differentiable ones have derivative rules in both modes, in every floating-point argument with a known
derivative, written with traced functions so that they differentiate again (``docs/scipy_coverage.md``
lists them). The rest are primitives without rules: differentiating them raises an error that names the
function. Arguments without a derivative here (orders, degrees, counts, and shape parameters whose
derivative has no closed form) raise an error saying which argument and why when they are traced.

The rules live in ``autograd.scipy._special``, so that this namespace holds SciPy's names and no helpers.
"""
import scipy.special as _source

from ..numpy.backends import scipy_on_backends as _on_backends
from ..numpy.wrapper import wrap_namespace as _wrap_namespace

# Functions whose results carry no derivative: signs, error-handling state, integer results (counts,
# combinatorial numbers), quadrature nodes and zeros of functions, and polynomials built from a degree.
_NOTRACE = frozenset("""
    gammasgn geterr seterr bernoulli euler factorial factorial2 factorialk comb perm stirling2 round
    legendre chebyt chebyu chebyc chebys sh_chebyt sh_chebyu sh_legendre sh_jacobi jacobi gegenbauer
    genlaguerre laguerre hermite hermitenorm obl_cv_seq pro_cv_seq
""".split() + [n for n in vars(_source) if n.endswith(('_zeros', '_roots')) or n.startswith('roots_')])

# SciPy's elementwise functions written in Python rather than as ufuncs: on Dask they are applied blockwise.
_ELEMENTWISE = frozenset("""
    polygamma zeta multigammaln softplus spherical_jn spherical_yn spherical_in spherical_kn jvp yvp ivp kvp h1vp
    h2vp lambertw assoc_laguerre diric comb perm factorial factorial2 factorialk stirling2
""".split())

__all__ = _wrap_namespace(vars(_source), globals(), _NOTRACE,
                          forward=lambda name, fun: _on_backends('special', name, fun, name in _ELEMENTWISE))

from ._special.logsumexp import logsumexp  # noqa: E402  (registers every rule; logsumexp is hand-wrapped)
