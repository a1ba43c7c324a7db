"""autograd.scipy.linalg: the rules added beside the triangular solvers, from one table of cases (function,
argument makers, SciPy's function to compare values with), each checked against finite differences in both
modes at order 2, on single matrices, stacks and complex input where SciPy takes them. Eigenvectors and
singular vectors are checked through functions that do not depend on their sign or phase.

A test also checks that every scipy.linalg function with rules has a case here.
"""
import warnings

import numpy as onp
import pytest
import scipy.linalg

import autograd.numpy as np
import autograd.scipy.linalg as L
from autograd import grad
from autograd.numpy.coverage import has_rules

from ..numpy.util import check, hermitian_part, invertible, positive_definite, rand


def symmetric(*shape, dtype=float):
    return hermitian_part(rand(*shape, dtype=dtype))


def stable(*shape, dtype=float):
    """Matrices with spectral radius below one (discrete Lyapunov and Riccati equations)."""
    return 0.3 * rand(*shape, dtype=dtype)


def with_band(n, dtype=float, lower=False):
    """The band storage (one off-diagonal) of a Hermitian positive-definite tridiagonal matrix."""
    off = rand(n - 1, dtype=dtype)
    diagonal = 4.0 + rand(n, positive=True)
    return onp.stack([diagonal, onp.r_[off, 0]]) if lower else onp.stack([onp.r_[0, off], diagonal])


def magnitudes(*vectors):
    """Sign- and phase-free views of eigenvectors or singular vectors."""
    return tuple(np.abs(v) for v in vectors)


def eigh_invariant(result):
    w, v = result
    return (w,) + magnitudes(v)


def svd_invariant(result):
    u, s, vh = result
    return (s,) + magnitudes(u, vh)


def projector(q):
    return q @ np.conj(q.T)


def riccati_inputs(dtype=float):
    return [rand(3, 3, dtype=dtype), rand(3, 2, dtype=dtype), rand(3, 3, dtype=dtype), rand(2, 2, dtype=dtype)]


def riccati(solver):
    def solve(a, b, q, r):
        return solver(a, b, hermitian_part(q) + 4 * np.eye(3), hermitian_part(r) + 3 * np.eye(2))
    return solve


def real_spectrum(n):
    """A nonsymmetric matrix with the real, distinct eigenvalues 1, 2, 4, ..."""
    p = invertible(n, n)
    return p @ onp.diag(2.0 ** onp.arange(n)) @ onp.linalg.inv(p)


def interchanged(lower):
    """A symmetric matrix whose LDL^T factorization interchanges rows, with 1 x 1 pivots only."""
    while True:
        a = rand(4, 4)
        lu, d, perm = scipy.linalg.ldl(a + a.T, lower=lower)
        if not onp.any(onp.tril(d, -1)) and onp.any(perm != onp.arange(4)):
            return [a + a.T]


ISOLATING = onp.array([[1, 300, 0], [0.001, 1, 0], [1, 1, 1]])
"""A pattern of zeros that makes matrix_balance permute; perturbations keep it, as the permutation depends on it."""


def tridiagonal_inputs():
    return [rand(4), rand(3)]


# (case id, function of the arguments, argument maker, SciPy function whose values must match or None)
CASES = [
    ('inv', L.inv, lambda: [invertible(3, 3)], scipy.linalg.inv),
    ('inv-stack-complex', L.inv, lambda: [invertible(2, 3, 3, dtype=complex)], scipy.linalg.inv),
    ('inv-pos', lambda a: L.inv(a, assume_a='pos', lower=True), lambda: [positive_definite(3, 3)], None),
    ('det', L.det, lambda: [invertible(2, 3, 3, dtype=complex)], scipy.linalg.det),
    ('solve', L.solve, lambda: [invertible(3, 3), rand(3)], scipy.linalg.solve),
    ('solve-stack', L.solve, lambda: [invertible(2, 3, 3, dtype=complex), rand(2, 3, 2)], scipy.linalg.solve),
    ('solve-sym', lambda a, b: L.solve(a, b, assume_a='sym'), lambda: [invertible(3, 3, dtype=complex), rand(3, 2)],
     None),
    ('solve-her-lower', lambda a, b: L.solve(a, b, assume_a='her', lower=True),
     lambda: [positive_definite(3, 3, dtype=complex), rand(3)], None),
    ('solve-pos', lambda a, b: L.solve(a, b, assume_a='pos'), lambda: [positive_definite(3, 3), rand(3)], None),
    ('solve-diagonal', lambda a, b: L.solve(a, b, assume_a='diagonal'), lambda: [invertible(3, 3), rand(3)], None),
    ('solve-tridiagonal', lambda a, b: L.solve(a, b, assume_a='tridiagonal'), lambda: [invertible(4, 4), rand(4)],
     None),
    ('solve-lower-triangular', lambda a, b: L.solve(a, b, assume_a='lower triangular'),
     lambda: [invertible(3, 3), rand(3)], None),
    ('solve-transposed', lambda a, b: L.solve(a, b, transposed=True), lambda: [invertible(3, 3), rand(3, 2)], None),
    ('lstsq', lambda a, b: L.lstsq(a, b)[:2] + L.lstsq(a, b)[3:], lambda: [rand(4, 2), rand(4)], None),
    ('lstsq-complex-wide', lambda a, b: L.lstsq(a, b)[0], lambda: [rand(2, 3, dtype=complex), rand(2, 2)], None),
    ('pinv', L.pinv, lambda: [rand(4, 3, dtype=complex)], scipy.linalg.pinv),
    ('pinv-stack', L.pinv, lambda: [rand(2, 2, 3)], scipy.linalg.pinv),
    ('pinvh', L.pinvh, lambda: [positive_definite(3, 3, dtype=complex)], scipy.linalg.pinvh),
    ('norm', L.norm, lambda: [rand(3, 3, dtype=complex)], scipy.linalg.norm),
    ('norm-nuc-axis', lambda a: L.norm(a, 'nuc', axis=(1, 2)), lambda: [rand(2, 3, 3)], None),
    ('polar', L.polar, lambda: [rand(3, 3)], scipy.linalg.polar),
    ('polar-left-complex', lambda a: L.polar(a, 'left'), lambda: [rand(3, 2, dtype=complex)], None),
    ('orthogonal_procrustes', L.orthogonal_procrustes, lambda: [rand(4, 3), rand(4, 3)],
     scipy.linalg.orthogonal_procrustes),
    ('orth', lambda a: projector(L.orth(a)), lambda: [rand(4, 2)], None),
    ('null_space', lambda a: projector(L.null_space(a)), lambda: [rand(2, 4, dtype=complex)], None),
    ('subspace_angles', L.subspace_angles, lambda: [rand(4, 2), rand(4, 2)], scipy.linalg.subspace_angles),
    ('eigh', lambda a: eigh_invariant(L.eigh(a)), lambda: [symmetric(3, 3)], None),
    ('eigh-stack-complex-upper', lambda a: eigh_invariant(L.eigh(a, lower=False)),
     lambda: [rand(2, 3, 3, dtype=complex)], None),
    ('eigh-generalized', lambda a, b: eigh_invariant(L.eigh(a, b)), lambda: [symmetric(3, 3), positive_definite(3, 3)],
     None),
    ('eigh-generalized-complex', lambda a, b: eigh_invariant(L.eigh(a, b)),
     lambda: [rand(3, 3, dtype=complex), positive_definite(3, 3, dtype=complex)], None),
    ('eigh-subset', lambda a: eigh_invariant(L.eigh(a, subset_by_index=[1, 2])), lambda: [symmetric(4, 4)], None),
    ('eigh-values-only', lambda a: L.eigh(a, eigvals_only=True), lambda: [rand(3, 3, dtype=complex)], None),
    ('eigvalsh', L.eigvalsh, lambda: [rand(3, 3), positive_definite(3, 3)], scipy.linalg.eigvalsh),
    ('eig', lambda a: eigh_invariant(L.eig(a)), lambda: [rand(3, 3)], None),
    ('eig-stack-complex', lambda a: eigh_invariant(L.eig(a)), lambda: [rand(2, 3, 3, dtype=complex)], None),
    ('eigvals', L.eigvals, lambda: [rand(3, 3)], scipy.linalg.eigvals),
    ('eigh_tridiagonal', lambda d, e: eigh_invariant(L.eigh_tridiagonal(d, e)), tridiagonal_inputs, None),
    ('eigvalsh_tridiagonal', lambda d, e: L.eigvalsh_tridiagonal(d, e, select='i', select_range=(1, 2)),
     tridiagonal_inputs, None),
    ('eig_banded', lambda ab: eigh_invariant(L.eig_banded(ab)), lambda: [with_band(4)], None),
    ('eigvals_banded', lambda ab: L.eigvals_banded(ab, lower=True), lambda: [with_band(4, complex, lower=True)],
     None),
    ('svd', lambda a: svd_invariant(L.svd(a, full_matrices=False)), lambda: [rand(4, 3)], None),
    ('svd-full-stack-complex', lambda a: svd_invariant(L.svd(a)), lambda: [rand(2, 2, 3, dtype=complex)], None),
    ('svdvals', L.svdvals, lambda: [rand(3, 4, dtype=complex)], scipy.linalg.svdvals),
    ('qr', L.qr, lambda: [rand(4, 3)], scipy.linalg.qr),
    ('qr-economic-complex', lambda a: L.qr(a, mode='economic'), lambda: [rand(4, 3, dtype=complex)], None),
    ('qr-r-wide', lambda a: L.qr(a, mode='r'), lambda: [rand(2, 3)], None),
    ('qr-pivoting', lambda a: L.qr(a, pivoting=True)[:2], lambda: [rand(3, 3)], None),
    ('qr_multiply', lambda a, c: L.qr_multiply(a, c), lambda: [rand(4, 3), rand(2, 4)], scipy.linalg.qr_multiply),
    ('qr_multiply-left-pivoting', lambda a, c: L.qr_multiply(a, c, mode='left', pivoting=True)[:2],
     lambda: [rand(4, 3), rand(3, 2)], None),
    ('rq', L.rq, lambda: [rand(3, 3)], scipy.linalg.rq),
    ('rq-r', lambda a: L.rq(a, mode='r'), lambda: [rand(3, 3)], None),
    ('rq-economic-complex', lambda a: L.rq(a, mode='economic'), lambda: [rand(2, 4, dtype=complex)], None),
    ('lu', L.lu, lambda: [rand(3, 3)], scipy.linalg.lu),
    ('lu-stack-indices', lambda a: L.lu(a, p_indices=True)[1:], lambda: [rand(2, 3, 3)], None),
    ('lu-permute-l-complex', lambda a: L.lu(a, permute_l=True), lambda: [rand(3, 3, dtype=complex)], None),
    ('schur', L.schur, lambda: [real_spectrum(3)], scipy.linalg.schur),
    ('schur-complex-output', lambda a: magnitudes(*L.schur(a, output='complex')), lambda: [rand(3, 3)], None),
    ('schur-stack-complex', lambda a: magnitudes(*L.schur(a)), lambda: [rand(2, 3, 3, dtype=complex)], None),
    ('hessenberg', L.hessenberg, lambda: [rand(3, 3)], scipy.linalg.hessenberg),
    ('hessenberg-stack-with-q', lambda a: L.hessenberg(a, calc_q=True), lambda: [rand(2, 4, 4)], None),
    ('hessenberg-complex', lambda a: magnitudes(*L.hessenberg(a, calc_q=True)), lambda: [rand(4, 4, dtype=complex)],
     None),
    ('ldl', lambda a: L.ldl(a)[:2], lambda: [positive_definite(3, 3)], None),
    ('ldl-stack', lambda a: L.ldl(a)[:2], lambda: [positive_definite(2, 3, 3)], None),
    ('ldl-upper-complex', lambda a: L.ldl(a, lower=False)[:2], lambda: [positive_definite(3, 3, dtype=complex)],
     None),
    ('ldl-complex-symmetric', lambda a: L.ldl(a, hermitian=False)[:2],
     lambda: [symmetric(3, 3) + 1j * symmetric(3, 3) + 6 * onp.eye(3)], None),
    ('ldl-interchanged', lambda a: L.ldl(a)[:2], lambda: interchanged(True), None),
    ('ldl-interchanged-upper', lambda a: L.ldl(a, lower=False)[:2], lambda: interchanged(False), None),
    ('matrix_balance', L.matrix_balance, lambda: [rand(3, 3) * [1, 100, 0.01]], scipy.linalg.matrix_balance),
    ('matrix_balance-permuted', lambda a: L.matrix_balance(a * ISOLATING, separate=True)[0], lambda: [rand(3, 3)],
     None),
    ('cdf2rdf', lambda a: L.cdf2rdf(*L.eig(a))[0], lambda: [rand(4, 4)], None),
    ('logm', L.logm, lambda: [positive_definite(3, 3)], scipy.linalg.logm),
    ('logm-complex', L.logm, lambda: [invertible(3, 3, dtype=complex)], scipy.linalg.logm),
    ('sinm-stack-complex', L.sinm, lambda: [rand(2, 3, 3, dtype=complex)], scipy.linalg.sinm),
    ('cosm', L.cosm, lambda: [rand(3, 3)], scipy.linalg.cosm),
    ('tanm', L.tanm, lambda: [0.3 * rand(3, 3)], scipy.linalg.tanm),
    ('sinhm', L.sinhm, lambda: [rand(3, 3)], scipy.linalg.sinhm),
    ('coshm', L.coshm, lambda: [rand(3, 3, dtype=complex)], scipy.linalg.coshm),
    ('tanhm', L.tanhm, lambda: [rand(3, 3)], scipy.linalg.tanhm),
    ('signm', L.signm, lambda: [onp.diag([2.0, -2.0, 3.0]) + 0.3 * rand(3, 3)], scipy.linalg.signm),
    ('fractional_matrix_power', L.fractional_matrix_power, lambda: [positive_definite(3, 3), 0.3],
     scipy.linalg.fractional_matrix_power),
    ('expm_cond', L.expm_cond, lambda: [rand(3, 3)], None),
    ('expm_frechet', L.expm_frechet, lambda: [rand(3, 3), rand(3, 3)], scipy.linalg.expm_frechet),
    ('solve_continuous_lyapunov', L.solve_continuous_lyapunov, lambda: [invertible(3, 3), rand(3, 3)],
     scipy.linalg.solve_continuous_lyapunov),
    ('solve_lyapunov-complex', L.solve_lyapunov, lambda: [invertible(3, 3, dtype=complex), rand(3, 3)], None),
    ('solve_discrete_lyapunov-stack', L.solve_discrete_lyapunov, lambda: [stable(2, 3, 3), rand(2, 3, 3)],
     scipy.linalg.solve_discrete_lyapunov),
    ('solve_discrete_lyapunov', L.solve_discrete_lyapunov, lambda: [stable(3, 3, dtype=complex), rand(3, 3)],
     scipy.linalg.solve_discrete_lyapunov),
    ('solve_continuous_are', riccati(L.solve_continuous_are), riccati_inputs, None),
    ('solve_continuous_are-complex', riccati(L.solve_continuous_are), lambda: riccati_inputs(complex), None),
    ('solve_discrete_are', riccati(L.solve_discrete_are), riccati_inputs, None),
    ('solveh_banded', L.solveh_banded, lambda: [with_band(4, complex), rand(4, 2)], scipy.linalg.solveh_banded),
    ('solveh_banded-lower', lambda ab, b: L.solveh_banded(ab, b, lower=True), lambda: [with_band(4, lower=True),
                                                                                       rand(4)], None),
    ('cholesky_banded', L.cholesky_banded, lambda: [with_band(4, complex)], scipy.linalg.cholesky_banded),
    ('cho_solve_banded', lambda cb, b: L.cho_solve_banded((cb, True), b),
     lambda: [scipy.linalg.cholesky_banded(with_band(4, lower=True), lower=True), rand(4)], None),
    ('solve_toeplitz', lambda c, r, b: L.solve_toeplitz((c, r), b), lambda: [rand(3) + [4, 0, 0], rand(3), rand(3)],
     None),
    ('matmul_toeplitz', L.matmul_toeplitz, lambda: [rand(3), rand(3, 2)], scipy.linalg.matmul_toeplitz),
    ('solve_circulant', L.solve_circulant, lambda: [rand(3) + [4, 0, 0], rand(3, 2, dtype=complex)],
     scipy.linalg.solve_circulant),
    ('toeplitz', L.toeplitz, lambda: [rand(3), rand(4, dtype=complex)], scipy.linalg.toeplitz),
    ('toeplitz-stack-complex', L.toeplitz, lambda: [rand(2, 3, dtype=complex)], scipy.linalg.toeplitz),
    ('circulant', L.circulant, lambda: [rand(2, 3)], scipy.linalg.circulant),
    ('hankel', L.hankel, lambda: [rand(3), rand(2, dtype=complex)], scipy.linalg.hankel),
    ('companion', L.companion, lambda: [rand(2, 4) + 3], scipy.linalg.companion),
    ('fiedler_companion', L.fiedler_companion, lambda: [rand(2, 6) + 3], scipy.linalg.fiedler_companion),
    ('leslie', L.leslie, lambda: [rand(3), rand(2)], scipy.linalg.leslie),
    ('diagsvd', lambda s: L.diagsvd(s, 3, 4), lambda: [rand(3)], None),
    ('convolution_matrix', lambda a: L.convolution_matrix(a, 4, 'same'), lambda: [rand(3, dtype=complex)], None),
    ('convolution_matrix-valid', lambda a: L.convolution_matrix(a, 2, 'valid'), lambda: [rand(3)], None),
    ('khatri_rao', L.khatri_rao, lambda: [rand(2, 3), rand(4, 3)], scipy.linalg.khatri_rao),
    ('fiedler', L.fiedler, lambda: [rand(2, 3)], scipy.linalg.fiedler),
    ('clarkson_woodruff_transform', lambda x: L.clarkson_woodruff_transform(x, 3, rng=7), lambda: [rand(5, 2)],
     None),
]


@pytest.mark.parametrize('fun, make_args, scipy_fun', [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_rule(fun, make_args, scipy_fun):
    args = make_args()
    if scipy_fun is not None:
        for ours, theirs in zip(*(np.atleast_1d(r) if not isinstance(r, tuple) else r
                                  for r in (fun(*args), scipy_fun(*args)))):
            onp.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', FutureWarning)  # hankel of 2-D input
        warnings.simplefilter('ignore', onp.exceptions.ComplexWarning)  # ldl of the steps off Hermitian a
        check(fun, *args, argnums=[i for i, a in enumerate(args) if not isinstance(a, (int, float))] or None)


CASE_NAMES = {case[0].split('-')[0] for case in CASES}
WITHOUT_OWN_CASE = {'solve_triangular', 'solve_banded', 'cholesky', 'expm', 'sqrtm', 'solve_sylvester', 'block_diag'}


def test_every_function_with_rules_has_a_case():
    ruled = {name for name, fun in vars(L).items() if callable(fun) and has_rules(fun)}
    assert ruled - CASE_NAMES - WITHOUT_OWN_CASE == set()  # those have theirs in test_linalg.py


def test_the_namespace_is_scipys():
    public = {name for name in vars(L) if not name.startswith('_')}
    assert public == {name for name in vars(scipy.linalg) if not name.startswith('_')} - {
        name for name, value in vars(scipy.linalg).items() if type(value).__name__ == 'module'}


@pytest.mark.parametrize('call, message', [
    (lambda a: L.eigh(a, type=2)[0], 'type=1'),
    (lambda a: L.eig(a, left=True)[0], 'right eigenvectors only'),
    (lambda a: L.qr(a, mode='raw')[1], 'raw'),
    (lambda a: L.rq(a[:2].T)[0], 'square'),
    (lambda a: L.lu(a[:2])[1], 'square'),
    (lambda a: L.pinv(a, return_rank=True)[0], 'return_rank'),
    (lambda a: L.clarkson_woodruff_transform(a, 2), 'integer'),
    (lambda a: L.schur(0.1 * a + onp.array([[0, 9, 0], [-9, 0, 0], [0, 0, 1]]))[0], 'complex'),
    (lambda a: L.solve_continuous_are(a, a, a, a, onp.eye(3)), 'e=None'),
])
def test_refusals_name_the_function_and_the_fix(call, message):
    with pytest.raises(NotImplementedError, match=message):
        grad(lambda a: np.sum(np.real(call(a))))(positive_definite(3, 3))
