"""Rules of the triangular and banded solvers and of ``cholesky``.

* ``solve_triangular`` reads one triangle of ``a`` (without the diagonal when ``unit_diagonal``): the other
  entries get zero gradient, as they do not change the result.
* ``cholesky`` reads one triangle of ``a`` and the real part of its diagonal, taking the rest to be its
  mirror image; its derivatives are those of the Hermitian matrix read, so the other triangle gets no
  gradient.
* ``solve_banded`` is not stacked, as SciPy's is not.
"""
from ...engine import defjvp, defvjp
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import shape_of, unbroadcast
from ...numpy.derivatives.matrices import H, T, column, half_gradient, hermitian_from_half, lower_half, uncolumn
from . import namespace as sl


# solve_triangular: x = inv(op(A)) b with A the triangle of a that is read and op(A) = A, A^T or A^H.

_TRANS = {0: 0, 1: 1, 2: 2, 'N': 0, 'T': 1, 'C': 2}


def trans_code(trans):
    try:
        return _TRANS[trans]
    except (KeyError, TypeError):
        raise ValueError("autograd.scipy.linalg.solve_triangular: trans must be 0, 1, 2, 'N', 'T' or 'C', "
                         "got {!r}".format(trans)) from None


def _triangle(x, lower, unit_diagonal):
    """The part of ``x`` that ``solve_triangular`` reads."""
    if lower:
        return anp.tril(x, -1 if unit_diagonal else 0)
    return anp.triu(x, 1 if unit_diagonal else 0)


def _op(x, trans):
    return (x, T(x), H(x))[trans]


def _transpose_solve(a, g, b, t, lower, unit_diagonal):
    """The transpose of ``g -> sl.solve_triangular(a, g, t, ...)`` applied to ``g``: inv(op(A))^T is inv(A^T)
    for op = N, inv(A) for T and inv(conj(A)) for C."""
    if t == 2:
        return sl.solve_triangular(anp.conj(a), column(g, b), 0, lower, unit_diagonal)
    return sl.solve_triangular(a, column(g, b), 1 - t, lower, unit_diagonal)


def _solve_triangular_vjp_b(ans, a, b, trans=0, lower=False, unit_diagonal=False, **unused):
    t = trans_code(trans)
    return lambda g: unbroadcast(uncolumn(_transpose_solve(a, g, b, t, lower, unit_diagonal), b), b)


def _solve_triangular_vjp_a(ans, a, b, trans=0, lower=False, unit_diagonal=False, **unused):
    t = trans_code(trans)

    def vjp(g):
        g_op = -_transpose_solve(a, g, b, t, lower, unit_diagonal) @ T(column(ans, b))  # of op(A)
        return unbroadcast(_triangle(_op(g_op, t), lower, unit_diagonal), a)
    return vjp


def _solve_triangular_jvp_a(g, ans, a, b, trans=0, lower=False, unit_diagonal=False, **unused):
    t = trans_code(trans)
    da = _op(_triangle(g, lower, unit_diagonal), t)
    return -uncolumn(sl.solve_triangular(a, da @ column(ans, b), t, lower, unit_diagonal), b)


defvjp(sl.solve_triangular, _solve_triangular_vjp_a, _solve_triangular_vjp_b)
defjvp(sl.solve_triangular, _solve_triangular_jvp_a, 'same')


# solve_banded: A x = b with A stored by diagonals, A[i, j] = ab[u + i - j, j]. Row r of ab is the diagonal
# j - i = u - r, so products with A and A^T, and the band of an outer product, are shifts of those rows.

def _shifted(v, k):
    """``w[j] = v[j + k]`` along the first axis, zero where ``j + k`` falls outside."""
    m = shape_of(v)[0]
    if abs(k) >= m:
        return anp.zeros_like(v)
    pad = [(max(0, -k), max(0, k))] + [(0, 0)] * (len(shape_of(v)) - 1)
    return anp.pad(v, pad)[max(0, k):max(0, k) + m]


def _band_transposed(l_and_u, ab):
    """The band storage of A^T (l and u swapped): abT[r, j] = ab[l + u - r, j + r - l]."""
    lower, upper = l_and_u
    return anp.stack([_shifted(ab[lower + upper - r], r - lower) for r in range(lower + upper + 1)])


def _band_of_outer(l_and_u, left, right):
    """The band of ``left right^T`` (summed over right-hand sides): ab[r, j] = left[j + r - u] right[j]."""
    lower, upper = l_and_u
    rows = [_shifted(left, r - upper) * right for r in range(lower + upper + 1)]
    return anp.stack([row if len(shape_of(row)) == 1 else anp.sum(row, axis=1) for row in rows])


def _band_times(l_and_u, ab, x):
    """A x for A stored as ``ab``: (A x)[i] = sum over rows r of ab[r, i + u - r] x[i + u - r]."""
    lower, upper = l_and_u
    column_of = (lambda row: row) if len(shape_of(x)) == 1 else (lambda row: row[:, None])
    return sum(_shifted(column_of(ab[r]) * x, upper - r) for r in range(lower + upper + 1))


def _solve_banded_vjp_b(ans, l_and_u, ab, b, *args, **kwargs):
    lower, upper = l_and_u
    return lambda g: sl.solve_banded((upper, lower), _band_transposed(l_and_u, ab), g)


def _solve_banded_vjp_ab(ans, l_and_u, ab, b, *args, **kwargs):
    lower, upper = l_and_u
    return lambda g: -_band_of_outer(l_and_u, sl.solve_banded((upper, lower), _band_transposed(l_and_u, ab), g), ans)


defvjp(sl.solve_banded, _solve_banded_vjp_ab, _solve_banded_vjp_b, argnums=(1, 2))
defjvp(sl.solve_banded,
       lambda g, ans, l_and_u, ab, b, *args, **kwargs: -sl.solve_banded(l_and_u, ab, _band_times(l_and_u, g, ans)),
       lambda g, ans, l_and_u, ab, b, *args, **kwargs: sl.solve_banded(l_and_u, ab, g), argnums=(1, 2))


# cholesky: a = L L^H, so dL = L lower_half(inv(L) da inv(L)^H), lower_half keeping the strictly lower
# triangle and half the diagonal.

def _lower_factor(ans, lower):
    return ans if lower else H(ans)


def _cholesky_jvp(g, ans, a, lower=False, **unused):
    low = _lower_factor(ans, lower)
    left = sl.solve_triangular(low, hermitian_from_half(g, 'L' if lower else 'U'), lower=True)  # inv(L) da
    d_low = low @ lower_half(sl.solve_triangular(low, H(left), lower=True))
    return d_low if lower else H(d_low)


def _cholesky_vjp(ans, a, lower=False, **unused):
    low = _lower_factor(ans, lower)

    def vjp(g):
        # Derived for the standard inner product Re(sum(conj(x) * y)), in which the cotangent is conj(g),
        # and conjugated back at the end.
        g_low = anp.conj(g) if lower else T(g)
        middle = lower_half(H(low) @ g_low)
        left = sl.solve_triangular(low, middle, trans=2, lower=True)  # inv(L)^H middle
        standard = H(sl.solve_triangular(low, H(left), trans=2, lower=True))  # ... inv(L)
        return unbroadcast(anp.conj(half_gradient(standard, 'L' if lower else 'U')), a)
    return vjp


defvjp(sl.cholesky, _cholesky_vjp)
defjvp(sl.cholesky, _cholesky_jvp)
