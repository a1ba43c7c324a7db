"""Rules of ``schur`` and ``hessenberg``: a = Z T Z^H with T upper triangular (Schur) or upper Hessenberg.

With X = Z^H da Z and K = Z^H dZ, which is skew-Hermitian, dT = X + T K - K T. The entries of dT below T's
structure vanish, which is a linear system for the strictly lower part L of K = L - L^H (those entries only
involve L); its diagonal, a phase of each column, is taken to be zero, and ``hessenberg``'s Q keeps its first
column e1, so L's first column is zero there. The system has n^2 / 2 unknowns and is solved densely: meant
for small matrices. The derivatives exist where the eigenvalues are distinct (``schur``) or the subdiagonal
of H has no zero (``hessenberg``).

* Real ``schur`` is differentiated where T is triangular (real eigenvalues); use ``output='complex'``
  otherwise. Complex Schur vectors are defined up to a phase each: the derivative is exact for functions that
  do not depend on those phases (``abs(T)``, ``abs(Z)``, ``diag(T)``), and so is the complex ``hessenberg``'s,
  whose LAPACK convention (a real subdiagonal) it does not keep.
"""
import numpy as _np

from ...engine import getval
from ...numpy import linalg as anp_linalg
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import shape_of
from ...numpy.derivatives.matrices import H
from . import namespace as sl
from .derived import rules_from_jvp


def _generator(t, x, unknown, vanishing):
    """K = L - L^H with L supported on the mask ``unknown`` such that X + T K - K T is zero on ``vanishing``."""
    n = shape_of(t)[-1]
    eye = anp.on_backend_of(t, anp.eye(n, dtype=getval(t).dtype))
    commutator = anp.einsum('...ik,jl->...ijkl', t, eye) - anp.einsum('ik,...lj->...ijkl', eye, t)
    commutator = anp.reshape(commutator, shape_of(t)[:-2] + (n * n, n * n))
    rows, columns = _np.flatnonzero(vanishing), _np.flatnonzero(unknown)
    flat_x = anp.reshape(x, shape_of(x)[:-2] + (n * n,))
    values = anp_linalg.solve(commutator[..., rows, :][..., columns], -flat_x[..., rows, None])[..., 0]
    positions = _np.full(n * n, len(columns))
    positions[columns] = _np.arange(len(columns))
    low = anp.concatenate([values, anp.zeros_like(values[..., :1])], axis=-1)[..., positions.reshape(n, n)]
    return low - H(low)


def _similarity_tangents(da, t, z, unknown, vanishing):
    x = H(z) @ da @ z
    k = _generator(t, x, unknown, vanishing)
    return x + t @ k - k @ t, z @ k


def _schur_jvp(tangents, ans, a, output='real', lwork=None, overwrite_a=False, sort=None, check_finite=True):
    t, z = ans[:2]
    n = shape_of(t)[-1]
    if _np.any(_np.tril(getval(t), -1)):
        sl.refuse('schur', "T has 2 x 2 blocks (complex eigenvalues of a real matrix): differentiate "
                           "output='complex'")
    below = _np.tri(n, k=-1, dtype=bool)
    dt, dz = _similarity_tangents(tangents[0], t, z, below, below)
    return (anp.triu(dt), dz) + tuple(anp.zeros_like(extra) for extra in ans[2:])


def _hessenberg_jvp(tangents, ans, a, calc_q=False, overwrite_a=False, check_finite=True):
    h, q = ans if calc_q else sl.hessenberg(a, calc_q=True)
    n = shape_of(h)[-1]
    unknown = _np.tri(n, k=-1, dtype=bool)
    unknown[:, 0] = False
    dh, dq = _similarity_tangents(tangents[0], h, q, unknown, _np.tri(n, k=-2, dtype=bool))
    dh = anp.triu(dh, -1)
    return (dh, dq) if calc_q else dh


rules_from_jvp(sl.schur, _schur_jvp)
rules_from_jvp(sl.hessenberg, _hessenberg_jvp)
