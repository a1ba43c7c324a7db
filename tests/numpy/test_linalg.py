"""numpy.linalg: every rule against finite differences, on stacks of matrices, real and complex.

Inputs are kept well conditioned (``n * I`` added, positive-definite matrices for ``cholesky``), with
distinct eigenvalues and singular values. Functions reading half of a Hermitian matrix are checked on
``hermitian_part(a)``; complex eigen- and singular vectors (defined up to a phase) through functions that do
not depend on the phase, such as ``abs(v)``.
"""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad, make_jvp

from .util import check, hermitian_part, ids, invertible, positive_definite, rand

L = np.linalg
DTYPES = [float, complex]


def real_eigenvalues(*shape):
    """A non-symmetric real matrix with eigenvalues 1, 2, ..., n."""
    n = shape[-1]
    vectors = invertible(*shape)
    return vectors @ (onp.arange(1.0, n + 1)[:, None] * onp.linalg.inv(vectors))


def away_from_zero(*shape, dtype=float):
    """Entries of modulus at least 0.5, where the norms' derivatives (|x|^(p - 1)) are tame."""
    x = rand(*shape, dtype=dtype)
    return x + 0.5 * x / onp.abs(x)


SQUARE_SHAPES = [(3, 3), (2, 3, 3), (2, 1, 2, 2)]


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', SQUARE_SHAPES, ids=ids)
@pytest.mark.parametrize('fun', [L.inv, L.det, L.slogdet, lambda a: L.slogdet(a)[1]],
                         ids=['inv', 'det', 'slogdet', 'logabsdet'])
def test_inverse_and_determinants(fun, shape, dtype):
    check(fun, invertible(*shape, dtype=dtype))


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(3, 3), (2, 3, 3)], ids=ids)
@pytest.mark.parametrize('n', [-3, -1, 0, 1, 2, 4])
def test_matrix_power(n, shape, dtype):
    check(lambda a: L.matrix_power(a, n) * 1.0 + a, invertible(*shape, dtype=dtype))


SOLVE_SHAPES = [((3, 3), (3,)), ((2, 3, 3), (3,)), ((3, 3), (3, 2)), ((2, 3, 3), (2, 3, 2)),
                ((3, 3), (2, 3, 4)), ((2, 1, 3, 3), (4, 3, 1))]


@pytest.mark.parametrize('dtypes', [(float, float), (complex, complex), (float, complex), (complex, float)],
                         ids=ids)
@pytest.mark.parametrize('shapes', SOLVE_SHAPES, ids=ids)
def test_solve(shapes, dtypes):
    check(L.solve, invertible(*shapes[0], dtype=dtypes[0]), rand(*shapes[1], dtype=dtypes[1]))


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(3, 3), (4, 3), (3, 5), (2, 4, 3)], ids=ids)
def test_pinv(shape, dtype):
    check(L.pinv, rand(*shape, dtype=dtype))
    check(lambda a: L.pinv(a, rcond=1e-10), rand(*shape, dtype=dtype))


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
def test_pinv_hermitian(dtype):
    check(lambda a: L.pinv(hermitian_part(a), hermitian=True), invertible(2, 3, 3, dtype=dtype))


@pytest.mark.parametrize('upper', [False, True])
@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(1, 1), (3, 3), (2, 3, 3)], ids=ids)
def test_cholesky(shape, dtype, upper):
    check(lambda a: L.cholesky(hermitian_part(a), upper=upper), positive_definite(*shape, dtype=dtype))


def phase_free(result):
    """The parts of an eigen-decomposition that do not depend on the phase of each vector."""
    values, vectors = result
    return values, np.abs(vectors)


@pytest.mark.parametrize('UPLO', ['L', 'U'])
@pytest.mark.parametrize('shape', [(1, 1), (3, 3), (2, 4, 4)], ids=ids)
def test_eigh(shape, UPLO):
    check(lambda a: L.eigh(hermitian_part(a), UPLO), rand(*shape))
    check(lambda a: phase_free(L.eigh(hermitian_part(a), UPLO)), rand(*shape, dtype=complex))
    for dtype in DTYPES:
        check(lambda a: L.eigvalsh(hermitian_part(a), UPLO), rand(*shape, dtype=dtype))


# NumPy's Hermitian routines read one triangle and the real part of the diagonal: the derivative is that of
# the matrix read, so the other triangle (and the diagonal's imaginary part) get none.
READS_ONE_TRIANGLE = {
    'eigvalsh': (lambda a, uplo: L.eigvalsh(a, uplo), ['L', 'U']),
    'eigh': (lambda a, uplo: phase_free(L.eigh(a, uplo)), ['L', 'U']),
    'cholesky': (lambda a, uplo: L.cholesky(a, upper=uplo == 'U'), ['L', 'U']),
    'pinv': (lambda a, uplo: L.pinv(a, hermitian=True), ['L']),
    'svd': (lambda a, uplo: phase_free_svd(L.svd(a, hermitian=True)), ['L']),
    'svdvals': (lambda a, uplo: L.svd(a, hermitian=True, compute_uv=False), ['L']),
}


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('name', sorted(READS_ONE_TRIANGLE))
def test_hermitian_routines_differentiate_the_triangle_they_read(name, dtype):
    fun, triangles = READS_ONE_TRIANGLE[name]
    parts = (lambda a, uplo: fun(a, uplo)) if name in ('eigh', 'svd') else (lambda a, uplo: [fun(a, uplo)])
    for uplo in triangles:
        read = positive_definite(2, 3, 3, dtype=dtype)
        unread = onp.triu(rand(3, 3, dtype=dtype), 1) if uplo == 'L' else onp.tril(rand(3, 3, dtype=dtype), -1)
        a = read + unread + (1j * onp.diag(rand(3)) if onp.dtype(dtype).kind == 'c' else 0)
        for value, expected in zip(parts(a, uplo), parts(read, uplo)):
            onp.testing.assert_allclose(value, expected, atol=1e-12)
        check(lambda a: fun(a, uplo), a)
        g = grad(lambda a: sum(np.sum(np.abs(part)) for part in parts(a, uplo)))(a)
        assert onp.all(g[..., unread != 0] == 0)
        assert onp.all(onp.imag(onp.diagonal(g, axis1=-2, axis2=-1)) == 0)


def test_eigh_reconstructs_a_hermitian_input():
    def rebuild(a):
        w, v = L.eigh(hermitian_part(a))
        return (v * w[..., None, :]) @ np.conj(np.swapaxes(v, -1, -2))
    check(rebuild, rand(2, 3, 3, dtype=complex))


@pytest.mark.parametrize('shape', [(3, 3), (2, 4, 4)], ids=ids)
def test_eig(shape):
    check(L.eig, real_eigenvalues(*shape))  # real results: the vectors' own derivative
    check(L.eigvals, real_eigenvalues(*shape))
    for dtype in DTYPES:
        a = rand(*shape, dtype=dtype)
        check(lambda a: phase_free(L.eig(a)), a)
        check(L.eigvals, a)


def test_eig_reconstructs_the_input():
    def rebuild(a):
        w, v = L.eig(a)
        return v @ (w[..., :, None] * L.inv(v))
    check(rebuild, rand(3, 3))
    check(rebuild, rand(2, 3, 3, dtype=complex))


def phase_free_svd(result):
    """SVD parts that do not depend on the phases shared by u's columns and vh's rows."""
    u, s, vh = result
    k = s.shape[-1]
    return np.abs(u), s, np.abs(vh), u[..., :k] @ vh[..., :k, :]


SVD_SHAPES = [(3, 3), (4, 3), (3, 5), (2, 4, 3), (2, 2, 3)]


@pytest.mark.parametrize('shape', SVD_SHAPES, ids=ids)
def test_svd(shape):
    check(lambda a: L.svd(a, full_matrices=False), rand(*shape))
    check(lambda a: phase_free_svd(L.svd(a, full_matrices=False)), rand(*shape, dtype=complex))
    for dtype in DTYPES:
        check(lambda a: L.svd(a, compute_uv=False), rand(*shape, dtype=dtype))
        check(L.svdvals, rand(*shape, dtype=dtype))


@pytest.mark.parametrize('shape', [(3, 3), (2, 3, 3)], ids=ids)
def test_svd_full_matrices_square(shape):
    check(L.svd, rand(*shape))


def complement_free_svd(result):
    """Full SVD parts that do not depend on the basis chosen for the extra columns or rows."""
    u, s, vh = result
    k = s.shape[-1]
    u_rest, vh_rest = u[..., k:], vh[..., k:, :]
    return (phase_free_svd((u[..., :k], s, vh[..., :k, :])),
            u_rest @ np.conj(np.swapaxes(u_rest, -1, -2)), np.conj(np.swapaxes(vh_rest, -1, -2)) @ vh_rest)


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(4, 2), (2, 4), (2, 3, 2)], ids=ids)
def test_svd_full_matrices_rectangular(shape, dtype):
    check(lambda a: complement_free_svd(L.svd(a)), rand(*shape, dtype=dtype))


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
def test_svd_hermitian(dtype):
    check(lambda a: L.svd(hermitian_part(a), hermitian=True, compute_uv=False), invertible(3, 3, dtype=dtype))
    check(lambda a: phase_free_svd(L.svd(hermitian_part(a), hermitian=True)), invertible(3, 3, dtype=dtype))


@pytest.mark.parametrize('mode', ['reduced', 'complete', 'r'])
@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape', [(3, 3), (4, 3), (3, 5), (2, 4, 3), (2, 2, 2)], ids=ids)
def test_qr(shape, dtype, mode):
    m, n = shape[-2:]
    if mode == 'complete' and m > n:
        def fun(a):
            q, r = L.qr(a, mode)
            rest = q[..., n:]  # any basis of the complement: check only what does not depend on it
            return q[..., :n], r, rest @ np.conj(np.swapaxes(rest, -1, -2))
    else:
        def fun(a):
            return L.qr(a, mode)
    check(fun, rand(*shape, dtype=dtype))


def test_qr_raw_mode_is_refused():
    with pytest.raises(NotImplementedError, match="mode='raw'"):
        grad(lambda a: L.qr(a, 'raw')[0].sum())(rand(3, 3))


VECTOR_ORDS = [None, 2, 1, onp.inf, -onp.inf, 3, 0.5, -1.5]
MATRIX_ORDS = [None, 'fro', 'nuc', onp.inf, -onp.inf, 1, -1, 2, -2]
NORM_CASES = (
    [((4,), ord, None, False) for ord in VECTOR_ORDS]
    + [((3, 4), ord, -1, keepdims) for ord in VECTOR_ORDS for keepdims in (False, True)]
    + [((3, 4), ord, None, False) for ord in MATRIX_ORDS]
    + [((2, 3, 4), ord, (2, 0), keepdims) for ord in MATRIX_ORDS for keepdims in (False, True)]
    + [((2, 3, 4), None, None, False), ((2, 3, 4), None, (0, -1), True), ((), None, None, False)])


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('shape, ord, axis, keepdims', NORM_CASES, ids=ids)
def test_norm(shape, ord, axis, keepdims, dtype):
    check(lambda x: L.norm(x, ord, axis, keepdims), away_from_zero(*shape, dtype=dtype))


@pytest.mark.parametrize('axis', [None, 1, -1, (0, 2), (2, 0, 1)], ids=ids)
@pytest.mark.parametrize('ord', [2, 1, onp.inf, -onp.inf, 3, 0.5], ids=ids)
def test_vector_norm(ord, axis):
    for dtype in DTYPES:
        check(lambda x: L.vector_norm(x, axis=axis, keepdims=True, ord=ord), away_from_zero(2, 3, 4, dtype=dtype))
    check(lambda x: L.vector_norm(x, axis=axis, ord=ord), away_from_zero(2, 3, 4))


@pytest.mark.parametrize('ord', MATRIX_ORDS[1:], ids=ids)
def test_matrix_norm(ord):
    check(lambda x: L.matrix_norm(x, ord=ord), rand(2, 3, 4))
    check(lambda x: L.matrix_norm(x, keepdims=True, ord=ord), rand(3, 3, dtype=complex))


@pytest.mark.filterwarnings('ignore::autograd.engine.reverse.IndependentOutputWarning')
@pytest.mark.parametrize('fun', [lambda x: L.norm(x, 0, axis=1), lambda x: L.norm(x, 0, axis=-1, keepdims=True),
                                 lambda x: L.vector_norm(x, axis=(0, 2), ord=0)], ids=['norm', 'axis', 'vector'])
def test_zero_norm_counts_so_has_zero_derivative(fun):
    x = rand(2, 3, 4)
    check(lambda x: fun(x) + np.sum(x), x)
    assert onp.array_equal(grad(lambda x: np.sum(fun(x)))(x), onp.zeros_like(x))


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('p', [None, 2, -2, 'fro', 'nuc', 1, -1, onp.inf, -onp.inf], ids=ids)
def test_cond(p, dtype):
    check(lambda x: L.cond(x, p), invertible(2, 3, 3, dtype=dtype))
    if p in (None, 2, -2):
        check(lambda x: L.cond(x, p), rand(4, 3, dtype=dtype))


def test_norm_subgradients_at_kinks():
    assert onp.array_equal(grad(L.norm)(onp.zeros(3)), onp.zeros(3))
    assert onp.array_equal(grad(lambda x: L.norm(x, 1))(onp.array([0.0, -2.0])), [0.0, -1.0])
    assert onp.allclose(grad(lambda x: L.norm(x, onp.inf))(onp.array([3.0, -3.0, 1.0])), [0.5, -0.5, 0.0])


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('ind, shape', [(1, (6, 2, 3)), (2, (2, 3, 6)), (2, (2, 3, 3, 2))], ids=ids)
def test_tensorinv(ind, shape, dtype):
    n = int(onp.prod(shape[:ind]))
    check(lambda a: L.tensorinv(a, ind), invertible(n, n, dtype=dtype).reshape(shape))


@pytest.mark.parametrize('dtypes', [(float, float), (complex, float), (float, complex)], ids=ids)
@pytest.mark.parametrize('axes', [None, (0,), (2, 0)], ids=ids)
def test_tensorsolve(axes, dtypes):
    a = invertible(6, 6, dtype=dtypes[0]).reshape(2, 3, 2, 3)
    if axes is not None:  # a as NumPy reads it once ``axes`` are moved to the end
        order = [i for i in range(4) if i not in axes] + list(axes)
        a = onp.transpose(a, onp.argsort(order))
    check(lambda a, b: L.tensorsolve(a, b, axes), a, rand(2, 3, dtype=dtypes[1]))


LSTSQ_SHAPES = [((5, 3), (5,)), ((5, 3), (5, 2)), ((3, 3), (3,)), ((3, 5), (3,)), ((3, 5), (3, 2))]


@pytest.mark.parametrize('dtypes', [(float, float), (complex, complex), (float, complex)], ids=ids)
@pytest.mark.parametrize('shapes', LSTSQ_SHAPES, ids=ids)
def test_lstsq(shapes, dtypes):
    a, b = rand(*shapes[0], dtype=dtypes[0]), rand(*shapes[1], dtype=dtypes[1])
    check(lambda a, b: L.lstsq(a, b)[0], a, b)
    check(lambda a, b: [part for i, part in enumerate(L.lstsq(a, b, rcond=None)) if i != 2], a, b)


@pytest.mark.parametrize('rcond', [None, -1, 1e-3, 0.5])
def test_lstsq_results_match_numpy(rcond):
    for a, b in [(rand(5, 3), rand(5)), (rand(3, 5), rand(3, 2)), (onp.outer(rand(4), rand(3)), rand(4)),
                 (onp.zeros((2, 2)), rand(2))]:
        ours, theirs = L.lstsq(a, b, rcond), onp.linalg.lstsq(a, b, rcond)
        assert type(ours[2]) is type(theirs[2]) and ours[2] == theirs[2]
        for mine, numpys in zip(ours, theirs):
            onp.testing.assert_allclose(mine, numpys)


def test_lstsq_is_reached_from_numpy_on_traced_arrays():
    a, b = rand(4, 3), rand(4)
    assert onp.allclose(grad(lambda a: onp.linalg.lstsq(a, b)[0].sum())(a), grad(lambda a: L.lstsq(a, b)[0].sum())(a))


@pytest.mark.parametrize('offset', [0, 1, -2])
@pytest.mark.parametrize('shape', [(3, 3), (3, 4), (2, 4, 3)], ids=ids)
def test_linalg_trace_diagonal_transpose(shape, offset):
    x = rand(*shape)
    assert onp.allclose(L.trace(x, offset=offset), onp.linalg.trace(x, offset=offset))
    check(lambda x: L.trace(x, offset=offset), x)
    check(lambda x: L.diagonal(x, offset=offset), x)
    check(L.matrix_transpose, rand(*shape, dtype=complex))


def test_matrix_rank_is_a_constant():
    assert grad(lambda a: L.matrix_rank(a) * np.sum(a))(rand(3, 3)).tolist() == onp.full((3, 3), 3.0).tolist()
    assert make_jvp(lambda a: L.matrix_rank(a) + 0.0 * a)(rand(2, 2))(rand(2, 2))[1].tolist() == [[0, 0], [0, 0]]


def test_results_keep_their_named_tuple_types():
    a = invertible(3, 3)
    value, tangent = make_jvp(L.slogdet)(a)(rand(3, 3))
    assert type(value) is type(tangent) is type(onp.linalg.slogdet(a))
    assert onp.all(tangent.sign == 0)
    value, tangent = make_jvp(lambda a: L.svd(a))(a)(rand(3, 3))
    assert type(tangent) is type(onp.linalg.svd(a))
    unused_parts = grad(lambda a: L.eigh(hermitian_part(a)).eigenvalues.sum())(a)
    assert onp.allclose(unused_parts, onp.eye(3))


def test_hips_helpers_of_autograd_numpy_linalg():
    a, b = rand(2, 3, 4), rand(2, 4, 5)
    onp.testing.assert_allclose(L._dot(a, b), a @ b)
    onp.testing.assert_array_equal(L.T(a), onp.swapaxes(a, -1, -2))
    check(lambda a, b: L.pinv(L._dot(L.T(a), b)), rand(4, 3), rand(4, 3))
    import numpy
    assert np.__version__ == numpy.__version__
