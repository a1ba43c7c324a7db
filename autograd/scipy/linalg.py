"""``autograd.scipy.linalg``: every public function of ``scipy.linalg``, wrapped as a primitive.

These have derivative rules in both modes, written with traced functions so that they differentiate again:
``solve_triangular``, ``solve_banded``, ``cholesky``, ``cho_factor``, ``cho_solve``, ``lu_factor``,
``lu_solve``, ``sqrtm``, ``expm``, ``solve_sylvester`` and ``block_diag``. The rest are primitives without
rules: differentiating them raises an error that names the function. Like SciPy, the rules work on stacks of
matrices (the last two axes), except ``solve_banded``, which SciPy does not stack.

Conventions (those of ``autograd.numpy.linalg``):

* Complex values pair as ``Re(sum(g * v))``: holomorphic functions (``expm``, ``sqrtm``, the solvers,
  ``lu_factor``) take plain transposes in their VJPs, never conjugates.
* ``solve_triangular`` reads one triangle of ``a`` (without the diagonal when ``unit_diagonal``): the
  other entries get zero gradient, as they do not change the result.
* ``cholesky`` (and ``cho_factor``) read one triangle of ``a`` and the real part of its diagonal, taking
  the rest to be its mirror image; their derivatives are those of the Hermitian matrix read, so the other
  triangle gets no gradient.
* ``cho_factor`` returns zeros in the triangle it does not use (SciPy leaves arbitrary values there).
* ``lu_factor`` is differentiated for square ``a`` with the row order of its pivoting held fixed, which
  is exact wherever the pivots do not tie.
"""
import numpy as _np
import scipy.linalg as _source

from ..builtins import isinstance as _isinstance
from ..engine import defjvp, defjvp_argnum, defvjp, defvjp_argnum, getval, isbox
from ..numpy import wrapper as anp
from ..numpy.derivatives.helpers import is_complex, shape_of, unbroadcast, unbroadcast_to
from ..numpy.derivatives.matrices import H, T, column, half_gradient, hermitian_from_half, lower_half, uncolumn
from ..numpy.wrapper import primitive, wrap_namespace

# Functions whose results carry no derivative: LAPACK/BLAS lookups, structure tests, matrices built
# from sizes alone.
NOTRACE = frozenset("""
    get_blas_funcs get_lapack_funcs find_best_blas_type issymmetric ishermitian bandwidth
    hilbert invhilbert pascal invpascal dft hadamard helmert
""".split())

__all__ = wrap_namespace(vars(_source), globals(), NOTRACE)


def _refuse(name, why):
    raise NotImplementedError("autograd.scipy.linalg.{}: {}".format(name, why))


# solve_triangular: x = inv(op(A)) b with A the triangle of a that is read and op(A) = A, A^T or A^H.

_TRANS = {0: 0, 1: 1, 2: 2, 'N': 0, 'T': 1, 'C': 2}


def _trans(trans):
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
    """The transpose of ``g -> solve_triangular(a, g, t, ...)`` applied to ``g``: inv(op(A))^T is inv(A^T)
    for op = N, inv(A) for T and inv(conj(A)) for C."""
    if t == 2:
        return solve_triangular(anp.conj(a), column(g, b), 0, lower, unit_diagonal)
    return solve_triangular(a, column(g, b), 1 - t, lower, unit_diagonal)


def _solve_triangular_vjp_b(ans, a, b, trans=0, lower=False, unit_diagonal=False, **unused):
    t = _trans(trans)
    return lambda g: unbroadcast(uncolumn(_transpose_solve(a, g, b, t, lower, unit_diagonal), b), b)


def _solve_triangular_vjp_a(ans, a, b, trans=0, lower=False, unit_diagonal=False, **unused):
    t = _trans(trans)

    def vjp(g):
        g_op = -_transpose_solve(a, g, b, t, lower, unit_diagonal) @ T(column(ans, b))  # of op(A)
        return unbroadcast(_triangle(_op(g_op, t), lower, unit_diagonal), a)
    return vjp


def _solve_triangular_jvp_a(g, ans, a, b, trans=0, lower=False, unit_diagonal=False, **unused):
    t = _trans(trans)
    da = _op(_triangle(g, lower, unit_diagonal), t)
    return -uncolumn(solve_triangular(a, da @ column(ans, b), t, lower, unit_diagonal), b)


defvjp(solve_triangular, _solve_triangular_vjp_a, _solve_triangular_vjp_b)
defjvp(solve_triangular, _solve_triangular_jvp_a, 'same')


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
    return lambda g: solve_banded((upper, lower), _band_transposed(l_and_u, ab), g)


def _solve_banded_vjp_ab(ans, l_and_u, ab, b, *args, **kwargs):
    lower, upper = l_and_u
    return lambda g: -_band_of_outer(l_and_u, solve_banded((upper, lower), _band_transposed(l_and_u, ab), g), ans)


defvjp(solve_banded, _solve_banded_vjp_ab, _solve_banded_vjp_b, argnums=(1, 2))
defjvp(solve_banded,
       lambda g, ans, l_and_u, ab, b, *args, **kwargs: -solve_banded(l_and_u, ab, _band_times(l_and_u, g, ans)),
       lambda g, ans, l_and_u, ab, b, *args, **kwargs: solve_banded(l_and_u, ab, g), argnums=(1, 2))


# cholesky: a = L L^H, so dL = L lower_half(inv(L) da inv(L)^H), lower_half keeping the strictly lower
# triangle and half the diagonal.

def _lower_factor(ans, lower):
    return ans if lower else H(ans)


def _cholesky_jvp(g, ans, a, lower=False, **unused):
    low = _lower_factor(ans, lower)
    left = solve_triangular(low, hermitian_from_half(g, 'L' if lower else 'U'), lower=True)  # inv(L) da
    d_low = low @ lower_half(solve_triangular(low, H(left), lower=True))
    return d_low if lower else H(d_low)


def _cholesky_vjp(ans, a, lower=False, **unused):
    low = _lower_factor(ans, lower)

    def vjp(g):
        # Derived for the standard inner product Re(sum(conj(x) * y)), in which the cotangent is conj(g),
        # and conjugated back at the end.
        g_low = anp.conj(g) if lower else T(g)
        middle = lower_half(H(low) @ g_low)
        left = solve_triangular(low, middle, trans=2, lower=True)  # inv(L)^H middle
        standard = H(solve_triangular(low, H(left), trans=2, lower=True))  # ... inv(L)
        return unbroadcast(anp.conj(half_gradient(standard, 'L' if lower else 'U')), a)
    return vjp


defvjp(cholesky, _cholesky_vjp)
defjvp(cholesky, _cholesky_jvp)


def _documented_as(source_fun):
    """Decorator: give a function written here in place of a SciPy one that function's documentation."""
    def decorate(fun):
        fun.__doc__ = source_fun.__doc__
        fun.__wrapped__ = source_fun
        return fun
    return decorate


@_documented_as(_source.cho_factor)
def cho_factor(a, lower=False, overwrite_a=False, check_finite=True):
    return cholesky(a, lower=lower, check_finite=check_finite), lower


@_documented_as(_source.cho_solve)
def cho_solve(c_and_lower, b, overwrite_b=False, check_finite=True):
    # The two triangular solves of LAPACK's potrs, traced: gradients reach both the factor and b.
    c, lower = c_and_lower
    lower = getval(lower)
    first, second = (0, 2) if lower else (2, 0)
    y = solve_triangular(c, column(b, b), first, lower, check_finite=check_finite)
    return uncolumn(solve_triangular(c, y, second, lower, check_finite=check_finite), b)


# lu_factor: a = P L U packed as lu = (L - I) + U. With F = inv(L) P^T da inv(U),
# dL = L strict_lower(F) and dU = upper(F) U.

def _permutation_t(piv, dtype):
    """The matrix ``P^T`` of LAPACK's row interchanges ``piv`` (row i swapped with row piv[i], in turn)."""
    piv = _np.asarray(getval(piv))
    n = piv.shape[-1]
    order = _np.array(_np.broadcast_to(_np.arange(n), piv.shape))
    for i in range(n):
        j = piv[..., i:i + 1]
        swapped = _np.take_along_axis(order, j, -1)
        _np.put_along_axis(order, j, order[..., i:i + 1], -1)
        order[..., i:i + 1] = swapped
    return _np.eye(n, dtype=dtype)[order]


@primitive
def _lu_packed(a, piv, check_finite=True):
    """The first result of ``scipy.linalg.lu_factor(a)``; ``piv``, its second, is held fixed."""
    return _source.lu_factor(a, check_finite=check_finite)[0]


def _square_lu(lu):
    shape = shape_of(lu)
    if shape[-1] != shape[-2]:
        _refuse('lu_factor', 'derivatives are defined for square matrices only, got shape {}'.format(shape))


def _lu_packed_jvp(g, ans, a, piv, check_finite=True):
    _square_lu(ans)
    p_t = _permutation_t(piv, _np.result_type(getval(g)))
    left = solve_triangular(ans, p_t @ g, lower=True, unit_diagonal=True)
    f = T(solve_triangular(ans, T(left), trans=1))  # inv(L) P^T da inv(U)
    low = anp.tril(ans, -1) + anp.eye(shape_of(ans)[-1], dtype=getval(ans).dtype)
    return low @ anp.tril(f, -1) + anp.triu(f) @ anp.triu(ans)


def _lu_packed_vjp(ans, a, piv, check_finite=True):
    _square_lu(ans)
    low = anp.tril(ans, -1) + anp.eye(shape_of(ans)[-1], dtype=getval(ans).dtype)

    def vjp(g):
        middle = anp.tril(T(low) @ anp.tril(g, -1), -1) + anp.triu(anp.triu(g) @ T(anp.triu(ans)))
        left = solve_triangular(ans, middle, trans=1, lower=True, unit_diagonal=True)  # inv(L)^T middle
        right = T(solve_triangular(ans, T(left)))  # ... inv(U)^T
        return unbroadcast(T(_permutation_t(piv, _np.result_type(getval(right)))) @ right, a)
    return vjp


defvjp(_lu_packed, _lu_packed_vjp, None)
defjvp(_lu_packed, _lu_packed_jvp, None)


@_documented_as(_source.lu_factor)
def lu_factor(a, overwrite_a=False, check_finite=True):
    lu, piv = _source.lu_factor(getval(a), check_finite=check_finite)
    if isbox(a):
        lu = _lu_packed(a, piv, check_finite=check_finite)
    return lu, piv


@_documented_as(_source.lu_solve)
def lu_solve(lu_and_piv, b, trans=0, overwrite_b=False, check_finite=True):
    # The row permutation and two triangular solves of LAPACK's getrs, traced: gradients reach lu and b.
    lu, piv = lu_and_piv
    t = _trans(trans)
    p_t = _permutation_t(piv, _np.result_type(getval(lu), getval(b)))
    x = column(b, b)
    if t == 0:
        x = solve_triangular(lu, p_t @ x, 0, True, True, check_finite=check_finite)
        return uncolumn(solve_triangular(lu, x, 0, False, check_finite=check_finite), b)
    x = solve_triangular(lu, x, t, False, check_finite=check_finite)
    x = solve_triangular(lu, x, t, True, True, check_finite=check_finite)
    return uncolumn(T(p_t) @ x, b)


# sqrtm: X X = A, so X dX + dX X = dA, a Sylvester equation; its transpose has X^T for X.

def _sqrtm_result(ans):
    if _isinstance(ans, tuple):
        _refuse('sqrtm', 'derivatives are defined for the default disp=True only')
    return ans


def _sqrtm_vjp(ans, A, *unused_args, **unused_kwargs):  # disp and blocksize (deprecated) are unused
    x_t = T(_sqrtm_result(ans))
    return lambda g: unbroadcast(solve_sylvester(x_t, x_t, g), A)


def _sqrtm_jvp(g, ans, A, *unused_args, **unused_kwargs):
    x = _sqrtm_result(ans)
    return solve_sylvester(x, x, g)


defvjp(sqrtm, _sqrtm_vjp)
defjvp(sqrtm, _sqrtm_jvp)


# expm: its Frechet derivative L(A, E) is the top right block of expm([[A, E], [0, A]]); the transpose of
# E -> L(A, E) is E -> L(A^T, E).

def _expm_frechet(a, e):
    n = shape_of(a)[-1]
    zeros = anp.zeros_like(a + e)  # with the stack shape and dtype of both
    top = anp.concatenate([a + zeros, e + zeros], axis=-1)
    bottom = anp.concatenate([zeros, a + zeros], axis=-1)
    return expm(anp.concatenate([top, bottom], axis=-2))[..., :n, n:]


defvjp(expm, lambda ans, A: lambda g: unbroadcast(_expm_frechet(T(A), g), A))
defjvp(expm, lambda g, ans, A: _expm_frechet(A, g))


# solve_sylvester: a x + x b = q, so a dx + dx b = dq - da x - x db.

@primitive
def solve_sylvester(a, b, q):
    # SciPy 1.17 solves in real arithmetic whenever a is real, returning wrong values for a complex b or
    # q; in a common complex dtype it is right.
    dtype = _np.result_type(a, b, q)
    if dtype.kind == 'c':
        a, b, q = (_np.asarray(x, dtype) for x in (a, b, q))
    return _source.solve_sylvester(a, b, q)


solve_sylvester.__doc__ = _source.solve_sylvester.__doc__


def _sylvester_rhs(argnum, g, x):
    """The tangent of q that a tangent ``g`` of argument ``argnum`` amounts to; also the transpose of that."""
    if argnum == 0:
        return -g @ x
    if argnum == 1:
        return -x @ g
    return g


def _sylvester_vjp(argnum, ans, args, kwargs):
    a, b, q = args
    return lambda g: unbroadcast(_sylvester_rhs(argnum, solve_sylvester(T(a), T(b), g), T(ans)),
                                 args[argnum])


def _sylvester_jvp(argnum, g, ans, args, kwargs):
    a, b, q = args
    return solve_sylvester(a, b, _sylvester_rhs(argnum, g, ans))


defvjp_argnum(solve_sylvester, _sylvester_vjp)
defjvp_argnum(solve_sylvester, _sylvester_jvp)


# block_diag: each block lands on the diagonal, 0-d and 1-d blocks as 1 x n rows.

def _block_slices(arrs, argnum):
    rows = cols = 0
    for i, block in enumerate(arrs):
        shape = _np.shape(getval(block))
        r, c = (1, 1) if len(shape) == 0 else (1, shape[0]) if len(shape) == 1 else shape[-2:]
        if i == argnum:
            return (Ellipsis, slice(rows, rows + r), slice(cols, cols + c))
        rows, cols = rows + r, cols + c


def _block_diag_vjp(argnum, ans, arrs, kwargs):
    block = arrs[argnum]
    idx = _block_slices(arrs, argnum)
    return lambda g: unbroadcast_to(g[idx], shape_of(block), is_complex(block))


def _block_diag_jvp(argnum, g, ans, arrs, kwargs):
    return block_diag(*[g if i == argnum else anp.zeros_like(block) for i, block in enumerate(arrs)])


defvjp_argnum(block_diag, _block_diag_vjp)
defjvp_argnum(block_diag, _block_diag_jvp)
