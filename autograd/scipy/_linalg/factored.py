"""``cho_factor``, ``cho_solve``, ``lu_factor`` and ``lu_solve``, written with traced primitives so that
gradients reach the factors and the right-hand sides.

* ``cho_factor`` returns zeros in the triangle it does not use (SciPy leaves arbitrary values there).
* ``lu_factor`` is differentiated for square ``a`` with the row order of its pivoting held fixed, which
  is exact wherever the pivots do not tie.
"""
import numpy as _np

from ...engine import defjvp, defvjp, getval, isbox
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import shape_of, unbroadcast
from ...numpy.derivatives.matrices import T, column, uncolumn
from ...numpy.wrapper import primitive
from . import namespace as sl
from .namespace import scipy_linalg as _source
from .triangular import trans_code


@sl.replaces
def cho_factor(a, lower=False, overwrite_a=False, check_finite=True):
    return sl.cholesky(a, lower=lower, check_finite=check_finite), lower


@sl.replaces
def cho_solve(c_and_lower, b, overwrite_b=False, check_finite=True):
    # The two triangular solves of LAPACK's potrs, traced: gradients reach both the factor and b.
    c, lower = c_and_lower
    lower = getval(lower)
    first, second = (0, 2) if lower else (2, 0)
    y = sl.solve_triangular(c, column(b, b), first, lower, check_finite=check_finite)
    return uncolumn(sl.solve_triangular(c, y, second, lower, check_finite=check_finite), b)


# lu_factor: a = P L U packed as lu = (L - I) + U. With F = inv(L) P^T da inv(U),
# dL = L strict_lower(F) and dU = upper(F) U.

def _permutation_t(piv, dtype):
    """The matrix ``P^T`` of LAPACK's row interchanges ``piv`` (row i swapped with row piv[i], in turn)."""
    piv = getval(piv)
    if type(piv) not in anp.adapters:
        piv = _np.asarray(piv)  # the user's pivots may be a list
    n = piv.shape[-1]
    order = anp.on_backend_of(piv, _np.arange(n)) + _np.zeros_like(piv)  # a fresh copy in piv's shape
    for i in range(n):
        j = piv[..., i:i + 1]
        swapped = _np.take_along_axis(order, j, -1)
        _np.put_along_axis(order, j, order[..., i:i + 1], -1)
        order[..., i:i + 1] = swapped
    return anp.on_backend_of(piv, _np.eye(n, dtype=dtype))[order]


@primitive
def _lu_packed(a, piv, check_finite=True):
    """The first result of ``scipy.linalg.lu_factor(a)``; ``piv``, its second, is held fixed."""
    return _source.lu_factor(a, check_finite=check_finite)[0]


def _square_lu(lu):
    shape = shape_of(lu)
    if shape[-1] != shape[-2]:
        sl.refuse('lu_factor', 'derivatives are defined for square matrices only, got shape {}'.format(shape))


def _lu_packed_jvp(g, ans, a, piv, check_finite=True):
    _square_lu(ans)
    p_t = _permutation_t(piv, _np.result_type(getval(g)))
    left = sl.solve_triangular(ans, p_t @ g, lower=True, unit_diagonal=True)
    f = T(sl.solve_triangular(ans, T(left), trans=1))  # inv(L) P^T da inv(U)
    low = anp.tril(ans, -1) + anp.on_backend_of(ans, anp.eye(shape_of(ans)[-1], dtype=getval(ans).dtype))
    return low @ anp.tril(f, -1) + anp.triu(f) @ anp.triu(ans)


def _lu_packed_vjp(ans, a, piv, check_finite=True):
    _square_lu(ans)
    low = anp.tril(ans, -1) + anp.on_backend_of(ans, anp.eye(shape_of(ans)[-1], dtype=getval(ans).dtype))

    def vjp(g):
        middle = anp.tril(T(low) @ anp.tril(g, -1), -1) + anp.triu(anp.triu(g) @ T(anp.triu(ans)))
        left = sl.solve_triangular(ans, middle, trans=1, lower=True, unit_diagonal=True)  # inv(L)^T middle
        right = T(sl.solve_triangular(ans, T(left)))  # ... inv(U)^T
        return unbroadcast(T(_permutation_t(piv, _np.result_type(getval(right)))) @ right, a)
    return vjp


defvjp(_lu_packed, _lu_packed_vjp, None)
defjvp(_lu_packed, _lu_packed_jvp, None)


@sl.replaces
def lu_factor(a, overwrite_a=False, check_finite=True):
    lu, piv = _source.lu_factor(getval(a), check_finite=check_finite)
    if isbox(a):
        lu = _lu_packed(a, piv, check_finite=check_finite)
    return lu, piv


@sl.replaces
def lu_solve(lu_and_piv, b, trans=0, overwrite_b=False, check_finite=True):
    # The row permutation and two triangular solves of LAPACK's getrs, traced: gradients reach lu and b.
    lu, piv = lu_and_piv
    t = trans_code(trans)
    p_t = _permutation_t(piv, _np.result_type(getval(lu), getval(b)))
    x = column(b, b)
    if t == 0:
        x = sl.solve_triangular(lu, p_t @ x, 0, True, True, check_finite=check_finite)
        return uncolumn(sl.solve_triangular(lu, x, 0, False, check_finite=check_finite), b)
    x = sl.solve_triangular(lu, x, t, False, check_finite=check_finite)
    x = sl.solve_triangular(lu, x, t, True, True, check_finite=check_finite)
    return uncolumn(T(p_t) @ x, b)
