"""Rules of the matrix equations: ``solve_sylvester``, the Lyapunov equations and the algebraic Riccati
equations. Each solution X is an implicit function of the coefficients, so its tangent solves the same kind
of linear equation with a right-hand side made of the tangents."""
import numpy as _np

from ...engine import defjvp_argnum, defvjp_argnum, getval
from ...numpy import linalg as anp_linalg
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import shape_of, unbroadcast
from ...numpy.derivatives.matrices import H, T
from ...numpy.wrapper import primitive
from . import namespace as sl
from .namespace import scipy_linalg as _source
from .derived import rules_from, rules_from_jvp


# solve_sylvester: a x + x b = q, so a dx + dx b = dq - da x - x db.

@sl.replaces
@primitive
def solve_sylvester(a, b, q):
    # SciPy 1.17 solves in real arithmetic whenever a is real, returning wrong values for a complex b or
    # q; in a common complex dtype it is right.
    dtype = _np.result_type(a, b, q)
    if dtype.kind == 'c':
        a, b, q = (x.astype(dtype) if type(x) in anp.adapters else _np.asarray(x, dtype) for x in (a, b, q))
    return _source.solve_sylvester(a, b, q)



def _sylvester_rhs(argnum, g, x):
    """The tangent of q that a tangent ``g`` of argument ``argnum`` amounts to; also the transpose of that."""
    if argnum == 0:
        return -g @ x
    if argnum == 1:
        return -x @ g
    return g


def _sylvester_vjp(argnum, ans, args, kwargs):
    a, b, q = args
    return lambda g: unbroadcast(_sylvester_rhs(argnum, sl.solve_sylvester(T(a), T(b), g), T(ans)),
                                 args[argnum])


def _sylvester_jvp(argnum, g, ans, args, kwargs):
    a, b, q = args
    return sl.solve_sylvester(a, b, _sylvester_rhs(argnum, g, ans))


defvjp_argnum(sl.solve_sylvester, _sylvester_vjp)
defjvp_argnum(sl.solve_sylvester, _sylvester_jvp)


# Lyapunov equations. The continuous one, a x + x a^H = q, is a Sylvester equation. The discrete one,
# a x a^H - x + q = 0, becomes a continuous one under the Cayley transform c = inv(a + I) (a - I):
# c y + y c^H = -q / 2 with x = 4 inv(a + I) y inv(a + I)^H (so a must not have the eigenvalue -1).

rules_from(sl.solve_continuous_lyapunov, lambda a, q: sl.solve_sylvester(a, H(a), q))


def _discrete_lyapunov(a, q, method=None):
    eye = anp.on_backend_of(a, anp.eye(shape_of(a)[-1], dtype=getval(a).dtype))
    shifted = a + eye
    c = anp_linalg.solve(shifted, a - eye)
    left = anp_linalg.inv(shifted)
    return 4.0 * left @ sl.solve_continuous_lyapunov(c, -0.5 * q) @ H(left)


rules_from(sl.solve_discrete_lyapunov, _discrete_lyapunov)


# Algebraic Riccati equations (e and s None), with the gain k and closed loop ac = a - b k. Differentiating
# them, the tangent dx solves ac^H dx + dx ac + m = 0 (continuous; k = inv(r) b^H x) or
# ac^H dx ac - dx + m = 0 (discrete; k = inv(r + b^H x b) b^H x a), where m = w + w^H + k^H dr k + dq with
# w = x (da - db k) (continuous) or ac^H x (da - db k) (discrete). q and r are taken to be Hermitian.

def _riccati_tangent(continuous):
    name = 'solve_continuous_are' if continuous else 'solve_discrete_are'

    def jvp(tangents, ans, a, b, q, r, e=None, s=None, balanced=True):
        if e is not None or s is not None:
            sl.refuse(name, 'derivatives are defined for e=None and s=None only')
        x = ans
        da, db, dq, dr = (anp.zeros_like(arg) if t is None else t for t, arg in zip(tangents, (a, b, q, r)))
        if continuous:
            k = anp_linalg.solve(r, H(b) @ x)
            w = x @ (da - db @ k)
        else:
            k = anp_linalg.solve(r + H(b) @ x @ b, H(b) @ x @ a)
            w = H(a - b @ k) @ x @ (da - db @ k)
        m = w + H(w) + H(k) @ dr @ k + dq
        ac_h = H(a - b @ k)
        return sl.solve_continuous_lyapunov(ac_h, -m) if continuous else sl.solve_discrete_lyapunov(ac_h, m)
    return jvp


rules_from_jvp(sl.solve_continuous_are, _riccati_tangent(True))
rules_from_jvp(sl.solve_discrete_are, _riccati_tangent(False))
