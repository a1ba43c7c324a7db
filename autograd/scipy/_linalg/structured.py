"""Rules of the structured-matrix constructors: ``block_diag``, ``toeplitz``, ``circulant``, ``hankel``,
``companion``, ``fiedler_companion``, ``convolution_matrix``, ``khatri_rao``, ``fiedler``, ``leslie`` and
``diagsvd``."""
import numpy as _np

from ...engine import defjvp_argnum, defvjp_argnum, getval
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import is_complex, shape_of, unbroadcast_to
from . import namespace as sl
from .derived import rules_from


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
    return sl.block_diag(*[g if i == argnum else anp.zeros_like(block) for i, block in enumerate(arrs)])


defvjp_argnum(sl.block_diag, _block_diag_vjp)
defjvp_argnum(sl.block_diag, _block_diag_jvp)


# The other constructors compute, entry by entry, what indexing into their arguments computes: their rules
# are those of the indexing (``rules_from``). Each gathers entries of ``values``, the arguments joined along
# their last axis with a zero (and a one) at the end, at a constant array of positions.

def _joined(*parts, constants=()):
    """``parts`` broadcast against each other's leading axes and joined along the last, then ``constants``."""
    first = parts[0]
    ends = [anp.zeros_like(first[..., :1]) + c for c in constants]
    zeros = sum((anp.zeros_like(p[..., :1]) for p in parts + tuple(ends)), anp.zeros_like(first[..., :1]))
    return anp.concatenate([p + zeros for p in parts + tuple(ends)], axis=-1)


def _positions(rows, cols):
    return _np.arange(rows)[:, None], _np.arange(cols)[None, :]


def _toeplitz(c, r=None):
    r = anp.conj(c) if r is None else r
    m, n = shape_of(c)[-1], shape_of(r)[-1]
    i, j = _positions(m, n)
    return _joined(c, r[..., 1:])[..., _np.where(i >= j, i - j, m - 1 + j - i)]


def _circulant(c):
    n = shape_of(c)[-1]
    i, j = _positions(n, n)
    return c[..., (i - j) % n]


def _hankel(c, r=None):
    c = anp.ravel(c)
    r = anp.zeros_like(c) if r is None else anp.ravel(r)
    m, n = shape_of(c)[-1], shape_of(r)[-1]
    i, j = _positions(m, n)
    return _joined(c, r[..., 1:])[..., i + j]


def _companion(a):
    n = shape_of(a)[-1] - 1
    i, j = _positions(n, n)
    first_row = -a[..., 1:] / a[..., :1]
    return _joined(first_row, constants=(0.0, 1.0))[..., _np.where(i == 0, j, _np.where(j == i - 1, n + 1, n))]


def _fiedler_companion_positions(n):
    """Where each c_k = a_k / a_0 (position k - 1), a zero (n) and a one (n + 1) go: even rows hold -c_(i+1),
    -c_(i+2) and 1 in columns i - 1 (0 for row 0), i + 1 and i + 2; odd rows a 1 in column i - 2 (0 for row 1)."""
    positions = _np.full((n, n), n)
    for i in range(0, n, 2):
        for column, value in ((max(i - 1, 0), i), (i + 1, i + 1), (i + 2, n + 1)):
            if column < n:
                positions[i, column] = value
    for i in range(1, n, 2):
        positions[i, max(i - 2, 0)] = n + 1
    return positions


def _fiedler_companion(a):
    n = shape_of(a)[-1] - 1
    return _joined(-a[..., 1:] / a[..., :1], constants=(0.0, 1.0))[..., _fiedler_companion_positions(n)]


def _leslie(f, s):
    n = shape_of(f)[-1]
    i, j = _positions(n, n)
    return _joined(f, s, constants=(0.0,))[..., _np.where(i == 0, j, _np.where(j == i - 1, n + i - 1, 2 * n - 1))]


def _diagsvd(s, M, N):
    k = shape_of(s)[-1]
    i, j = _positions(M, N)
    return _joined(s, constants=(0.0,))[..., _np.where(i == j, i, k)]  # SciPy: len(s) is M or N


def _convolution_matrix(a, n, mode='full'):
    m = shape_of(a)[-1]
    first = {'full': 0, 'same': (min(m, n) - 1) // 2, 'valid': min(m, n) - 1}[mode]
    rows = {'full': m + n - 1, 'same': max(m, n), 'valid': max(m, n) - min(m, n) + 1}[mode]
    i, j = _positions(rows, n)
    lag = i + first - j
    return _joined(a, constants=(0.0,))[..., _np.where((lag >= 0) & (lag < m), lag, m)]


def _khatri_rao(a, b):
    k = shape_of(a)[-1]
    return anp.reshape(a[:, None, :] * b[None, :, :], (-1, k))


for _fun, _same in ((sl.toeplitz, _toeplitz), (sl.circulant, _circulant), (sl.hankel, _hankel),
                    (sl.companion, _companion), (sl.fiedler_companion, _fiedler_companion),
                    (sl.leslie, _leslie), (sl.diagsvd, _diagsvd),
                    (sl.convolution_matrix, _convolution_matrix), (sl.khatri_rao, _khatri_rao),
                    (sl.fiedler, lambda a: anp.abs(a[..., :, None] - a[..., None, :]))):
    rules_from(_fun, _same)
