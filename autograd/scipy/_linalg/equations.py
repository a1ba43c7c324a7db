"""Rules of the matrix equations: ``solve_sylvester``, the Lyapunov equations and the algebraic Riccati
equations. Each solution X is an implicit function of the coefficients, so its tangent solves the same kind
of linear equation with a right-hand side made of the tangents."""
import numpy as _np
import scipy.linalg as _source

from ...engine import defjvp_argnum, defvjp_argnum
from ...numpy.derivatives.helpers import unbroadcast
from ...numpy.derivatives.matrices import T
from ...numpy.wrapper import primitive
from . import namespace as sl


# solve_sylvester: a x + x b = q, so a dx + dx b = dq - da x - x db.

@sl.replaces
@primitive
def solve_sylvester(a, b, q):
    # SciPy 1.17 solves in real arithmetic whenever a is real, returning wrong values for a complex b or
    # q; in a common complex dtype it is right.
    dtype = _np.result_type(a, b, q)
    if dtype.kind == 'c':
        a, b, q = (_np.asarray(x, dtype) for x in (a, b, q))
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
