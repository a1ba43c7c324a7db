"""Rules of the inverses, determinants, solvers, pseudo-inverses and norms, which compute what
``autograd.numpy.linalg`` computes, and so take its rules (``rules_from``); and of the functions built on
them (``polar``, ``orthogonal_procrustes``, ``orth``, ``null_space``, ``subspace_angles``).

* ``solve`` and ``inv`` with ``assume_a`` 'sym', 'her' or 'pos' read one triangle of ``a`` (``lower``), and
  with 'diagonal', 'tridiagonal', 'upper triangular' or 'lower triangular' only those entries: the rest get
  no gradient. With ``assume_a=None`` SciPy looks for such a structure; the derivative is the one of the
  general solver, which is the same on the entries read.
* ``lstsq`` differentiates ``x``, the residues and the singular values (its rank is SciPy's, a constant).
* ``pinv``, ``pinvh`` and ``lstsq`` have the derivative of full-rank input (the pseudo-inverse is not
  continuous where the rank drops); ``pinvh`` reads one triangle.
* ``orth`` and ``null_space`` return some orthonormal basis of a subspace; their derivatives are those of
  SciPy's basis for full-rank input with distinct singular values, and exact for functions of the subspace
  only (e.g. the projector ``q @ q.conj().T``) wherever its dimension does not change.
* ``polar`` and ``orthogonal_procrustes`` are differentiable for full-rank input with distinct singular
  values (for ``polar``'s ``u``, distinct sums of pairs of them suffice).
"""
import numpy as _np

from ...engine import getval, isbox
from ...numpy import linalg as anp_linalg
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import shape_of
from ...numpy.derivatives.matrices import H, T, column, hermitian_from_half, uncolumn
from . import namespace as sl
from .namespace import scipy_linalg as _source
from .derived import rules_from


def symmetric_from_half(x, lower):
    """The complex-symmetric matrix made of one triangle of ``x``: what LAPACK's symmetric routines read."""
    half = anp.tril(x) if lower else anp.triu(x)
    return half + T(half) - anp.tril(anp.triu(x))


def _band(x, below, above):
    return anp.triu(anp.tril(x, above), -below)


def hermitian_read(a, lower):
    """The Hermitian matrix that LAPACK reads from the lower (or upper) triangle of ``a``."""
    return hermitian_from_half(a, 'L' if lower else 'U')


_READS = {
    'sym': symmetric_from_half, 'symmetric': symmetric_from_half,
    'her': hermitian_read, 'hermitian': hermitian_read, 'pos': hermitian_read,
    'positive definite': hermitian_read,
    'diagonal': lambda a, lower: _band(a, 0, 0),
    'tridiagonal': lambda a, lower: _band(a, 1, 1),
    'upper triangular': lambda a, lower: anp.triu(a),
    'lower triangular': lambda a, lower: anp.tril(a),
}


def matrix_read(a, assume_a, lower):
    """The matrix that ``solve`` or ``inv`` reads from ``a`` given ``assume_a`` and ``lower``."""
    read = _READS.get(assume_a)
    return a if read is None else read(a, lower)


rules_from(sl.inv, lambda a, overwrite_a=False, check_finite=True, assume_a=None, lower=False:
           anp_linalg.inv(matrix_read(a, assume_a, lower)))
rules_from(sl.det, lambda a, overwrite_a=False, check_finite=True: anp_linalg.det(a))


def _solve(a, b, lower=False, overwrite_a=False, overwrite_b=False, check_finite=True, assume_a=None,
           transposed=False):
    a = matrix_read(a, assume_a, lower)
    return uncolumn(anp_linalg.solve(T(a) if transposed else a, column(b, b)), b)


rules_from(sl.solve, _solve)


def _no_rank(name, return_rank):
    if return_rank:
        sl.refuse(name, 'derivatives are defined for return_rank=False only; call it again with '
                        'return_rank=True on plain values for the rank')


def _pinv(a, atol=None, rtol=None, return_rank=False, check_finite=True):
    _no_rank('pinv', return_rank)
    return anp_linalg.pinv(a)


def _pinvh(a, atol=None, rtol=None, lower=True, return_rank=False, check_finite=True):
    _no_rank('pinvh', return_rank)
    return anp_linalg.pinv(hermitian_read(a, lower))


rules_from(sl.pinv, _pinv)
rules_from(sl.pinvh, _pinvh)
rules_from(sl.norm, lambda a, ord=None, axis=None, keepdims=False, check_finite=True:
           anp_linalg.norm(a, ord=ord, axis=axis, keepdims=keepdims))


def _polar(a, side='right'):
    u, s, vh = sl.svd(a, full_matrices=False)
    if side == 'right':
        return u @ vh, (H(vh) * s[..., None, :]) @ vh
    return u @ vh, (u * s[..., None, :]) @ H(u)


rules_from(sl.polar, _polar)


def _orthogonal_procrustes(a, b, check_finite=True):
    u, s, vh = sl.svd(H(a) @ b, full_matrices=False)
    return u @ vh, anp.sum(s, axis=-1)


rules_from(sl.orthogonal_procrustes, _orthogonal_procrustes)


def _rank(s, rcond, shape):
    """The numerical rank ``orth`` and ``null_space`` find from the singular values ``s``."""
    s = getval(s)
    if rcond is None:
        rcond = _np.finfo(s.dtype).eps * max(shape)
    return int(_np.sum(s > _np.amax(s, initial=0.0) * rcond))


def _orth(a, rcond=None):
    u, s, vh = sl.svd(a, full_matrices=False)
    return u[..., :_rank(s, rcond, shape_of(a))]


def _null_space(a, rcond=None, overwrite_a=False, check_finite=True, lapack_driver='gesdd'):
    u, s, vh = sl.svd(a, full_matrices=True, lapack_driver=lapack_driver)
    return H(vh[..., _rank(s, rcond, shape_of(a)):, :])


rules_from(sl.orth, _orth)
rules_from(sl.null_space, _null_space)


def _subspace_angles(a, b):
    cosines = sl.svdvals(H(sl.orth(a)) @ sl.orth(b))
    return anp.arccos(anp.minimum(cosines, 1.0))[..., ::-1]


rules_from(sl.subspace_angles, _subspace_angles)


@sl.replaces
def lstsq(a, b, cond=None, overwrite_a=False, overwrite_b=False, check_finite=True, lapack_driver=None):
    # SciPy's rank is an integer among arrays: it comes from SciPy on plain values, and the rest is traced.
    x, residues, rank, s = _source.lstsq(getval(a), getval(b), cond, check_finite=check_finite,
                                         lapack_driver=lapack_driver)
    if not (isbox(a) or isbox(b)):
        return x, residues, rank, s
    x = uncolumn(anp_linalg.pinv(a) @ column(b, b), b)
    if _np.size(residues):
        residues = anp.sum(anp.abs(b - a @ x) ** 2, axis=0)
    return x, residues, rank, sl.svdvals(a)


def _clarkson_woodruff_transform(input_matrix, sketch_size, rng=None, *, seed=None):
    # Linear in the input: the product with SciPy's sketch, which an integer seed makes the same each call.
    if not all(isinstance(r, (int, _np.integer)) or r is None for r in (rng, seed)) or (rng, seed) == (None, None):
        sl.refuse('clarkson_woodruff_transform', 'derivatives need the same sketch at each call: give rng (or '
                                                 'seed) as an integer')
    randomness = {'rng': rng} if seed is None else {'seed': seed}  # SciPy takes one of them
    eye = anp.on_backend_of(input_matrix, _np.eye(shape_of(input_matrix)[0]))
    sketch = _source.clarkson_woodruff_transform(eye, sketch_size, **randomness)
    return sketch @ input_matrix


rules_from(sl.clarkson_woodruff_transform, _clarkson_woodruff_transform)
