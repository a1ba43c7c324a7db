"""autograd.scipy.linalg: every rule against finite differences (both modes, order 2), on single matrices and
stacks, real and complex; the composed solvers' values against SciPy's.

Matrices are kept well conditioned (``n * I`` added); ``cholesky`` reads one triangle of a Hermitian matrix,
so it is checked on ``hermitian_part(a)`` and on matrices whose other triangle is arbitrary.
"""
import numpy as onp
import pytest
import scipy.linalg

import autograd.numpy as np
import autograd.scipy.linalg as L
from autograd import grad, make_jvp

from ..numpy.util import check, hermitian_part, ids, invertible, positive_definite, rand

DTYPES = [float, complex]


SOLVE_SHAPES = [((3, 3), (3,)), ((3, 3), (3, 2)), ((2, 3, 3), (3,)), ((2, 3, 3), (2, 3, 2)),
                ((3, 3), (2, 3, 2))]
MIXED_DTYPES = [(float, float), (complex, complex), (float, complex), (complex, float)]


@pytest.mark.parametrize('dtypes', MIXED_DTYPES, ids=ids)
@pytest.mark.parametrize('shapes', SOLVE_SHAPES, ids=ids)
def test_solve_triangular_shapes(shapes, dtypes):
    check(L.solve_triangular, invertible(*shapes[0], dtype=dtypes[0]), rand(*shapes[1], dtype=dtypes[1]))


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('unit_diagonal', [False, True])
@pytest.mark.parametrize('lower', [False, True])
@pytest.mark.parametrize('trans', [0, 1, 2, 'N', 'T', 'C'])
def test_solve_triangular_options(trans, lower, unit_diagonal, dtype):
    a, b = invertible(3, 3, dtype=dtype), rand(3, 2, dtype=dtype)
    check(lambda a, b: L.solve_triangular(a, b, trans, lower=lower, unit_diagonal=unit_diagonal), a, b)


def test_solve_triangular_gradient_lives_on_the_triangle_it_reads():
    a, b = invertible(3, 3), rand(3)
    g = grad(lambda a: np.sum(L.solve_triangular(a, b, lower=True, unit_diagonal=True)))(a)
    assert onp.all(onp.triu(g) == 0) and onp.any(g != 0)


def test_solve_triangular_refuses_an_unknown_trans():
    with pytest.raises(ValueError, match='trans'):
        grad(lambda a: np.sum(L.solve_triangular(a, onp.ones(3), trans='X')))(invertible(3, 3))


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(3, 3), (2, 3, 3)], ids=ids)
@pytest.mark.parametrize('lower', [False, True])
def test_cholesky(lower, shape, dtype):
    a = positive_definite(*shape, dtype=dtype)
    onp.testing.assert_allclose(L.cholesky(a, lower), scipy.linalg.cholesky(a, lower))
    check(lambda a: L.cholesky(hermitian_part(a), lower=lower), a)
    unread = onp.triu(rand(*shape, dtype=dtype), 1) if lower else onp.tril(rand(*shape, dtype=dtype), -1)
    onp.testing.assert_allclose(L.cholesky(a + unread, lower), scipy.linalg.cholesky(a, lower))
    check(lambda a: L.cholesky(a, lower=lower), a + unread)
    g = grad(lambda a: np.sum(np.abs(L.cholesky(a, lower=lower))))(a + unread)
    assert onp.all(g[unread != 0] == 0)


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shapes', [((3, 3), (3,)), ((3, 3), (3, 2)), ((2, 3, 3), (3,)), ((2, 3, 3), (2, 3, 1))],
                         ids=ids)
@pytest.mark.parametrize('lower', [False, True])
def test_cho_factor_and_cho_solve(lower, shapes, dtype):
    a, b = positive_definite(*shapes[0], dtype=dtype), rand(*shapes[1], dtype=dtype)
    factor = L.cho_factor(a, lower)
    onp.testing.assert_allclose(L.cho_solve(factor, b), scipy.linalg.cho_solve(scipy.linalg.cho_factor(a, lower), b))
    check(lambda a, b: L.cho_solve(L.cho_factor(hermitian_part(a), lower=lower), b), a, b)
    check(lambda c, b: L.cho_solve((c, lower), b), factor[0], b)  # with respect to the factor itself


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(3, 3), (4, 4), (2, 3, 3)], ids=ids)
def test_lu_factor(shape, dtype):
    a = rand(*shape, dtype=dtype)  # not diagonally dominant, so rows get interchanged
    lu, piv = L.lu_factor(a)
    expected = scipy.linalg.lu_factor(a)
    onp.testing.assert_allclose(lu, expected[0])
    onp.testing.assert_array_equal(piv, expected[1])
    check(lambda a: L.lu_factor(a)[0], a)


def test_lu_factor_refuses_to_differentiate_a_rectangular_matrix():
    with pytest.raises(NotImplementedError, match='square'):
        grad(lambda a: np.sum(L.lu_factor(a)[0]))(rand(3, 2))


@pytest.mark.parametrize('dtypes', MIXED_DTYPES, ids=ids)
@pytest.mark.parametrize('shapes', SOLVE_SHAPES, ids=ids)
@pytest.mark.parametrize('trans', [0, 1, 2])
def test_lu_solve(trans, shapes, dtypes):
    a, b = rand(*shapes[0], dtype=dtypes[0]), rand(*shapes[1], dtype=dtypes[1])
    lu, piv = L.lu_factor(a)
    onp.testing.assert_allclose(L.lu_solve((lu, piv), b, trans),
                                scipy.linalg.lu_solve(scipy.linalg.lu_factor(a), b, trans), rtol=1e-10)
    check(lambda a, b: L.lu_solve(L.lu_factor(a), b, trans=trans), a, b)
    check(lambda lu, b: L.lu_solve((lu, piv), b, trans), lu, b)


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(1, 1), (3, 3), (2, 3, 3)], ids=ids)
def test_sqrtm(shape, dtype):
    a = positive_definite(*shape, dtype=dtype)
    onp.testing.assert_allclose(L.sqrtm(a), scipy.linalg.sqrtm(a))
    check(L.sqrtm, a)


def test_sqrtm_of_a_real_matrix_with_a_complex_root_has_a_real_gradient():
    a = onp.array([[-2.0, 0.5], [0.3, 1.5]])
    g = grad(lambda a: np.real(np.sum(L.sqrtm(a) * onp.array([[1.0, 2.0], [3.0, 1j]]))))(a)
    assert g.dtype == float
    check(lambda a: L.sqrtm(a), a, order=1)


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(1, 1), (3, 3), (2, 3, 3)], ids=ids)
def test_expm(shape, dtype):
    a = rand(*shape, dtype=dtype)
    onp.testing.assert_allclose(L.expm(a), scipy.linalg.expm(a))
    check(L.expm, a)


def test_expm_derivative_is_the_frechet_derivative():
    a, e = rand(3, 3), rand(3, 3)
    onp.testing.assert_allclose(make_jvp(L.expm)(a)(e)[1], scipy.linalg.expm_frechet(a, e)[1])


SYLVESTER_SHAPES = [((3, 3), (2, 2), (3, 2)), ((1, 1), (1, 1), (1, 1)), ((2, 3, 3), (2, 2), (3, 2))]


@pytest.mark.parametrize('dtypes', [(float, float, float), (complex, complex, complex), (float, float, complex)],
                         ids=ids)
@pytest.mark.parametrize('shapes', SYLVESTER_SHAPES, ids=ids)
def test_solve_sylvester(shapes, dtypes):
    (sa, sb, sq), (da, db, dq) = shapes, dtypes
    a, b, q = invertible(*sa, dtype=da), invertible(*sb, dtype=db), rand(*sq, dtype=dq)
    x = L.solve_sylvester(a, b, q)
    onp.testing.assert_allclose(a @ x + x @ b, q + 0 * x, atol=1e-12)  # SciPy alone gets mixed dtypes wrong
    check(L.solve_sylvester, a, b, q)


BLOCKS = {
    'matrices': [(2, 2), (3, 1)],
    'scalar_vector_matrix': [(), (3,), (2, 2)],
    'empty_vector': [(2, 2), (0,), (1, 3)],
    'stacked': [(2, 2, 2), (2, 1, 3)],
    'stack_and_matrix': [(2, 2, 2), (1, 3)],
}


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shapes', list(BLOCKS.values()), ids=list(BLOCKS))
def test_block_diag(shapes, dtype):
    blocks = [rand(*shape, dtype=dtype if i == 0 else float) for i, shape in enumerate(shapes)]
    onp.testing.assert_array_equal(L.block_diag(*blocks), scipy.linalg.block_diag(*blocks))
    check(L.block_diag, *blocks)


@pytest.mark.parametrize('rhs', [(), (2,)], ids=['vector', 'matrix'])
@pytest.mark.parametrize('l_and_u', [(1, 1), (2, 0), (0, 2), (1, 2)], ids=str)
def test_solve_banded(l_and_u, rhs):
    n = 5
    ab = rand(sum(l_and_u) + 1, n)
    ab[l_and_u[1]] += 5.0  # a dominant main diagonal
    b = rand(n, *rhs)
    onp.testing.assert_allclose(L.solve_banded(l_and_u, ab, b), scipy.linalg.solve_banded(l_and_u, ab, b))
    check(lambda ab, b: L.solve_banded(l_and_u, ab, b), ab, b)
    # The corners of ab outside the matrix are never read: they get no gradient.
    g = grad(lambda ab: np.sum(L.solve_banded(l_and_u, ab, b)))(ab)
    lower, upper = l_and_u
    assert all(g[r, j] == 0 for r in range(upper) for j in range(upper - r))


def test_functions_without_rules_say_which_function():
    with pytest.raises(NotImplementedError, match='qz'):
        grad(lambda a: np.sum(L.qz(a, a)[0]))(invertible(3, 3))

