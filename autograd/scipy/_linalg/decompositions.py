"""Rules of the decompositions: ``eigh``, ``eigvalsh``, ``eigh_tridiagonal``, ``eigvalsh_tridiagonal``,
``eig_banded``, ``eigvals_banded``, ``eig``, ``eigvals``, ``cdf2rdf``, ``svd``, ``svdvals``, ``qr``,
``qr_multiply``, ``rq``, ``lu``, ``ldl`` and ``matrix_balance`` (its permutation and scaling held fixed).

Each forward-mode rule is written from the factors SciPy returned (so it follows SciPy's choice of signs and
phases); each reverse-mode rule is its transpose (``vjp_by_transposing``).

* Eigenvectors and singular vectors are defined up to a sign (real) or a phase (complex). Real ones get the
  exact derivative of SciPy's choice; for complex ones the derivative fixes the phase (``v_i^H B dv_i`` real,
  or the whole phase change on ``u`` for ``svd``), exact for functions that do not depend on the phase.
  Repeated eigenvalues make their vectors non-differentiable: those pairs get weight zero, exact for
  functions of the invariant subspaces only.
* ``eig_banded`` and ``eigvals_banded`` read the band of a Hermitian matrix, as ``solveh_banded`` does.
* ``eigh`` and ``eigvalsh`` read one triangle of ``a`` (and of ``b``), ``lower``, taking the rest to be its
  mirror image: the other triangle gets no gradient. The generalized problem (``b``) is ``type=1`` only; with
  ``subset_by_index`` or ``subset_by_value`` the derivative of the eigenvalues returned is exact where none of
  them crosses the edge of the subset.
* ``eig`` and ``eigvals``: the standard problem, right eigenvectors only (no ``b``, ``left`` or
  ``homogeneous_eigvals``).
* ``qr``: every mode but 'raw'; with ``pivoting`` the column order is held fixed. ``rq``: square ``a``, or
  wide ``a`` with ``mode='economic'``. ``lu``: square ``a``, with the row order held fixed, as indices too
  (``p_indices``). ``ldl``: 1 x 1 pivots (no 2 x 2 blocks in D), their order held fixed. These are exact
  wherever the pivots do not tie.
"""
import numpy as _np

from ...engine import getval
from ...numpy import linalg as anp_linalg
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import is_complex, shape_of
from ...numpy.derivatives.linalg import _eig_tangents, _pair_inverse, _qr_jvp, _svd_jvp
from ...numpy.derivatives.matrices import H, T, lower_half
from . import namespace as sl
from .namespace import scipy_linalg as _source
from .basic import hermitian_read, symmetric_from_half
from .banded import hermitian_from_band
from .derived import rules_from, rules_from_jvp


# The Hermitian-definite problem A v = w B v with V^H B V = I: with X = V^H dA V and Y = V^H dB V,
# dw_k = Re(X_kk - w_k Y_kk) and dv_k = sum over j != k of u_j (u_j^H (dA - w_k dB) v_k) / (w_k - w_j)
# - v_k Y_kk / 2, the u_j and w_j running over the whole spectrum.

def _matching(w, w_all):
    """Ones where ``w_all[i]`` is the eigenvalue ``w[j]`` (a subset of them, in order), zeros elsewhere."""
    w, w_all = getval(w), getval(w_all)
    nearest = _np.argmin(_np.abs(w_all[..., :, None] - w[..., None, :]), axis=-2)
    return anp.on_backend_of(w_all, _np.arange(w_all.shape[-1]))[:, None] == nearest[..., None, :]


def _hermitian_eigen_tangents(da, db, w, v, w_all, u):
    """Tangents of eigenvalues ``w`` and vectors ``v`` given read tangents ``da``, ``db`` (None for zero)."""
    weights = _pair_inverse(w[..., None, :] - w_all[..., :, None]) * (1 - _matching(w, w_all))
    dw = anp.real(anp.sum(anp.conj(v) * (da @ v), axis=-2))
    dv = u @ (weights * (H(u) @ (da @ v)))
    if db is not None:
        y = anp.real(anp.sum(anp.conj(v) * (db @ v), axis=-2))
        dw = dw - w * y
        dv = dv - u @ (weights * (H(u) @ (db @ v)) * w[..., None, :]) - 0.5 * v * y[..., None, :]
    return dw, dv


def _eigh_jvp(tangents, ans, a, b=None, lower=True, eigvals_only=False, type=1, subset_by_index=None,
              subset_by_value=None, driver=None, **unused):
    if type != 1:
        sl.refuse('eigh', 'derivatives are defined for type=1 only (A v = w B v), got type={}'.format(type))
    subset = dict(subset_by_index=subset_by_index, subset_by_value=subset_by_value)
    w, v = (ans, sl.eigh(a, b, lower=lower, driver=driver, **subset)[1]) if eigvals_only else ans
    w_all, u = sl.eigh(a, b, lower=lower) if subset_by_index or subset_by_value else (w, v)
    da, db = tangents[0], tangents[1] if len(tangents) > 1 else None
    dw, dv = _hermitian_eigen_tangents(anp.zeros_like(a) if da is None else hermitian_read(da, lower),
                                       None if db is None else hermitian_read(db, lower),
                                       w, v, w_all, u)
    return dw if eigvals_only else (dw, dv)


rules_from_jvp(sl.eigh, _eigh_jvp)
rules_from_jvp(sl.eigvalsh, lambda tangents, ans, a, b=None, **kwargs:
               _eigh_jvp(tangents, ans, a, b, eigvals_only=True, **kwargs))


def _tridiagonal_tangent(tangents, d, e):
    dd, de = (anp.zeros_like(x) if t is None else t for t, x in zip(tangents, (d, e)))
    return anp.diag(dd) + anp.diag(de, 1) + anp.diag(de, -1)


def _eigh_tridiagonal_jvp(tangents, ans, d, e, eigvals_only=False, select='a', select_range=None, check_finite=True,
                          tol=0.0, lapack_driver='auto'):
    w, v = (ans, sl.eigh_tridiagonal(d, e, select=select, select_range=select_range, tol=tol)[1]) \
        if eigvals_only else ans
    w_all, u = (w, v) if select == 'a' else sl.eigh_tridiagonal(d, e, tol=tol)
    dw, dv = _hermitian_eigen_tangents(_tridiagonal_tangent(tangents, d, e), None, w, v, w_all, u)
    return dw if eigvals_only else (dw, dv)


rules_from_jvp(sl.eigh_tridiagonal, _eigh_tridiagonal_jvp)
rules_from_jvp(sl.eigvalsh_tridiagonal, lambda tangents, ans, d, e, select='a', select_range=None, check_finite=True,
               tol=0.0, lapack_driver='auto': _eigh_tridiagonal_jvp(tangents, ans, d, e, True, select, select_range,
                                                                   tol=tol))


def _eig_banded_jvp(tangents, ans, a_band, lower=False, eigvals_only=False, overwrite_a_band=False, select='a',
                    select_range=None, max_ev=0, check_finite=True):
    w, v = (ans, sl.eig_banded(a_band, lower, select=select, select_range=select_range)[1]) \
        if eigvals_only else ans
    w_all, u = (w, v) if select == 'a' else sl.eig_banded(a_band, lower)
    dw, dv = _hermitian_eigen_tangents(hermitian_from_band(tangents[0], lower), None, w, v, w_all, u)
    return dw if eigvals_only else (dw, dv)


rules_from_jvp(sl.eig_banded, _eig_banded_jvp)
rules_from_jvp(sl.eigvals_banded, lambda tangents, ans, a_band, lower=False, overwrite_a_band=False, select='a',
               select_range=None, check_finite=True:
               _eig_banded_jvp(tangents, ans, a_band, lower, True, select=select, select_range=select_range))


def _standard_eig(name, b, left=False, right=True, homogeneous_eigvals=False):
    if b is not None or left or not right or homogeneous_eigvals:
        sl.refuse(name, 'derivatives are defined for the standard problem with right eigenvectors only '
                        '(no b, left, right=False or homogeneous_eigvals)')


def _eig_jvp(tangents, ans, a, b=None, left=False, right=True, overwrite_a=False, overwrite_b=False, check_finite=True,
            homogeneous_eigvals=False):
    _standard_eig('eig', b, left, right, homogeneous_eigvals)
    w, v = ans
    dw, dv = _eig_tangents(tangents[0], w, v)
    return dw, dv if is_complex(v) else anp.real(dv)


def _eigvals_jvp(tangents, ans, a, b=None, overwrite_a=False, check_finite=True, homogeneous_eigvals=False):
    _standard_eig('eigvals', b, homogeneous_eigvals=homogeneous_eigvals)
    return _eig_tangents(tangents[0], ans, sl.eig(a)[1])[0]


rules_from_jvp(sl.eig, _eig_jvp)
rules_from_jvp(sl.eigvals, _eigvals_jvp)


def _svd_tangent(tangents, ans, a, full_matrices=True, compute_uv=True, overwrite_a=False, check_finite=True,
                 lapack_driver='gesdd'):
    return _svd_jvp(tangents[0], ans, a, full_matrices=full_matrices, compute_uv=compute_uv)


rules_from_jvp(sl.svd, _svd_tangent)
rules_from_jvp(sl.svdvals, lambda tangents, ans, a, overwrite_a=False, check_finite=True:
               _svd_jvp(tangents[0], ans, a, compute_uv=False))


# qr: numpy.linalg's rule on SciPy's factors; 'full' is NumPy's 'complete', 'economic' its 'reduced'. With
# pivoting, a[:, P] = Q R is the factorization of the permuted columns.

def _qr_tangent(tangents, ans, a, overwrite_a=False, lwork=None, mode='full', pivoting=False, check_finite=True):
    if mode == 'raw':
        sl.refuse('qr', "derivatives are not defined for mode='raw', whose results are LAPACK's Householder "
                        "reflectors; use mode='full', 'economic' or 'r'")
    g = tangents[0]
    if pivoting:
        order = getval(ans[-1])
        a, g = a[..., order], g[..., order]
    factors = sl.qr(a, mode='full') if mode == 'r' else ans[:2]
    dq, dr = _qr_jvp(g, tuple(factors), a, 'reduced' if mode == 'economic' else 'complete')
    parts = (dr,) if mode == 'r' else (dq, dr)  # SciPy returns (R,) for mode='r'
    return parts + (anp.zeros_like(ans[-1]),) if pivoting else parts


rules_from_jvp(sl.qr, _qr_tangent)


# rq: a = R Q with R square upper triangular and Q's rows orthonormal. With C = inv(R) da Q^H = U + dQ Q^H,
# U = inv(R) dR is C's upper triangle with the real part of its diagonal, so dR = R U and dQ = inv(R) da - U Q.

def _rq_tangent(tangents, ans, a, overwrite_a=False, lwork=None, mode='full', check_finite=True):
    m, n = shape_of(a)[-2:]
    if mode == 'raw' or (m != n and (m > n or mode != 'economic')):
        sl.refuse('rq', "derivatives are defined for square a, or wide a with mode='economic'; got shape {} "
                        "and mode={!r}".format(shape_of(a), mode))
    r, q = sl.rq(a, mode='economic') if mode == 'r' else ans
    left = anp_linalg.solve(r, tangents[0])
    c = left @ H(q)
    low = lower_half(c)
    upper = c - low + H(low)
    dr = r @ upper
    return dr if mode == 'r' else (dr, left - upper @ q)


rules_from_jvp(sl.rq, _rq_tangent)


# lu: a = P L U, so with F = inv(L) P^T da inv(U), dL = L strict_lower(F) and dU = upper(F) U.

def _lu_tangent(tangents, ans, a, permute_l=False, overwrite_a=False, check_finite=True, p_indices=False):
    m, n = shape_of(a)[-2:]
    if m != n:
        sl.refuse('lu', 'derivatives are defined for square matrices only, got shape {}'.format(shape_of(a)))
    p = _source.lu(getval(a), p_indices=p_indices)[0] if permute_l else ans[0]
    p_matrix = anp.on_backend_of(a, _np.eye(n))[getval(p)] if p_indices else getval(p)
    low = T(p_matrix) @ ans[0] if permute_l else ans[1]
    upper = ans[-1]
    f = T(anp_linalg.solve(T(upper), T(anp_linalg.solve(low, T(p_matrix) @ tangents[0]))))
    d_low, d_upper = low @ anp.tril(f, -1), anp.triu(f) @ upper
    if permute_l:
        return p_matrix @ d_low, d_upper
    return anp.zeros_like(ans[0]), d_low, d_upper


rules_from_jvp(sl.lu, _lu_tangent)


def _qr_multiply(a, c, mode='right', pivoting=False, conjugate=False, overwrite_a=False, overwrite_c=False):
    factors = sl.qr(a, mode='economic', pivoting=pivoting)
    q, r = factors[:2]  # one slice, which leaves the integer pivots out of the cotangents
    q = anp.conj(q) if conjugate else q
    return (q @ c if mode == 'left' else c @ q, r) + tuple(getval(factors[2:]))


rules_from(sl.qr_multiply, _qr_multiply)


# cdf2rdf: each conjugate pair w_j, w_k = conj(w_j) (k = j + 1) becomes the block [[Re w_j, Im w_j], [Im w_k, Re w_k]],
# gathered from the real and imaginary parts, and vr = Re(v u) with u mixing columns j and k of v into
# -Im v_j and Re v_j.

def _cdf2rdf(w, v):
    n = shape_of(w)[-1]
    j = _np.flatnonzero(_np.imag(getval(w)))[::2]
    k = j + 1
    entries = anp.on_backend_of(w, _np.where(_np.eye(n, dtype=bool), _np.arange(n), 2 * n))
    entries[j, k], entries[k, j] = n + j, n + k
    mixing = anp.on_backend_of(w, _np.eye(n, dtype=complex))
    mixing[j, j], mixing[j, k], mixing[k, j], mixing[k, k] = 0.5j, 0.5, -0.5j, 0.5
    parts = anp.concatenate([anp.real(w), anp.imag(w), anp.zeros_like(anp.real(w[..., :1]))], axis=-1)
    return parts[..., entries], anp.real(v @ mixing)


rules_from(sl.cdf2rdf, _cdf2rdf)


# ldl: a[perm][:, perm] = F D F^H with F = lu[perm] triangular (unit diagonal) and D diagonal (1 x 1 pivots; the
# order held fixed). With G = inv(F) da[perm][:, perm] inv(F)^H = M D + dD + D M^H, M = inv(F) dF strictly
# triangular: dD = diag(G) and M = strict_triangle(G) inv(D). Complex symmetric (hermitian=False): T for H.

def _ldl_jvp(tangents, ans, a, lower=True, hermitian=True, overwrite_a=False, check_finite=True):
    lu, d, perm = ans
    if _np.any(_np.tril(getval(d), -1)):
        sl.refuse('ldl', 'D has 2 x 2 blocks, where the derivative is not implemented; it exists for 1 x 1 '
                         'pivots only, as for positive-definite a')
    adjoint = H if hermitian else T
    rows = getval(perm)[..., :, None]
    factor = anp.take_along_axis(lu, rows, axis=-2)
    da = (hermitian_read if hermitian else symmetric_from_half)(tangents[0], lower)
    da = anp.take_along_axis(anp.take_along_axis(da, rows, axis=-2), T(rows), axis=-1)
    g = anp_linalg.solve(factor, adjoint(anp_linalg.solve(factor, adjoint(da))))
    pivots = _diag_of(d)
    strict = anp.tril(g, -1) if lower else anp.triu(g, 1)
    d_factor = factor @ (strict / pivots[..., None, :])
    d_lu = anp.take_along_axis(d_factor, _np.argsort(rows, axis=-2), axis=-2)
    return d_lu, _diag_of(g)[..., None] * anp.on_backend_of(g, anp.eye(shape_of(g)[-1])), anp.zeros_like(ans[2])


def _diag_of(x):
    return anp.diagonal(x, axis1=-2, axis2=-1)


rules_from_jvp(sl.ldl, _ldl_jvp)


# matrix_balance: b = inv(t) a t with t = P D, a permutation and a diagonal scaling held fixed, so
# b[i, j] = a[perm[i], perm[j]] scale[j] / scale[i]; t, scale and perm are constants. The permutation depends on
# which entries are zero: the derivative is exact for changes that keep them zero.

def _matrix_balance(a, permute=True, scale=True, separate=False, overwrite_a=False):
    scaling, perm = _source.matrix_balance(getval(a), permute=permute, scale=scale, separate=True)[1]
    b = a[..., perm, :][..., perm] * (scaling[None, :] / scaling[:, None])
    if separate:
        return b, (scaling, perm)
    t = _np.zeros_like(scaling, shape=(len(perm), len(perm)))
    t[perm, _np.arange(len(perm))] = scaling
    return b, t


rules_from(sl.matrix_balance, _matrix_balance)
