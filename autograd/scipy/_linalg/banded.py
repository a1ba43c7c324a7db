"""Rules of the solvers and factorizations of Hermitian band matrices (``solveh_banded``,
``cholesky_banded``, ``cho_solve_banded``, ``eig_banded``, ``eigvals_banded``) and of the Toeplitz and circulant
solvers (``solve_toeplitz``, ``matmul_toeplitz``, ``solve_circulant``).

The band routines read the upper (or, with ``lower``, lower) band storage ``ab`` of a Hermitian matrix and the
real part of its diagonal: their derivatives are those of that matrix, so the entries of ``ab`` outside it
(its unused corners, the imaginary part of the diagonal) get no gradient. ``solve_toeplitz`` and
``matmul_toeplitz`` differentiate the dense product or solve with ``toeplitz(c, r)`` (the values are SciPy's
when nothing is traced), ``solve_circulant`` the one through the FFT.
"""
import numpy as _np

from ...builtins import isinstance as _isinstance
from ...engine import isbox
from ...numpy import fft as anp_fft
from ...numpy import linalg as anp_linalg
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import is_complex, shape_of
from ...numpy.derivatives.matrices import column, uncolumn
from . import namespace as sl
from .namespace import scipy_linalg as _source
from .basic import hermitian_read
from .derived import rules_from


def _band_positions(bands, n, lower):
    """For each entry (i, j) of the n x n matrix, its flat position in band storage, or -1 outside the band."""
    i, j = _np.arange(n)[:, None], _np.arange(n)[None, :]
    row = i - j if lower else bands - 1 + i - j
    inside = (i - j >= 0) & (i - j < bands) if lower else (j - i >= 0) & (j - i < bands)
    return _np.where(inside, row * n + j, -1)


def triangle_from_band(ab, lower):
    """The triangle of the matrix whose band storage is ``ab``, zero elsewhere."""
    bands, n = shape_of(ab)[-2:]
    flat = anp.concatenate([anp.reshape(ab, (bands * n,)), anp.zeros_like(ab[0, :1])])
    return flat[_band_positions(bands, n, lower)]


def hermitian_from_band(ab, lower):
    return hermitian_read(triangle_from_band(ab, lower), lower)


def _band_from_triangle(x, ab, lower):
    """The band storage of the triangle of ``x``, with ``ab``'s entries in the unused corners."""
    bands, n = shape_of(ab)[-2:]
    positions = _band_positions(bands, n, lower)
    source = _np.full(bands * n, n * n + _np.arange(bands * n))  # by default, ab's own entry
    inside = positions >= 0
    source[positions[inside]] = _np.arange(n * n).reshape(n, n)[inside]
    flat = anp.concatenate([anp.reshape(x, (n * n,)), anp.reshape(ab, (bands * n,))])
    return anp.reshape(flat[source], (bands, n))


def _solveh_banded(ab, b, overwrite_ab=False, overwrite_b=False, lower=False, check_finite=True):
    return uncolumn(anp_linalg.solve(hermitian_from_band(ab, lower), column(b, b)), b)


def _cholesky_banded(ab, overwrite_ab=False, lower=False, check_finite=True):
    return _band_from_triangle(sl.cholesky(hermitian_from_band(ab, lower), lower=lower), ab, lower)


rules_from(sl.solveh_banded, _solveh_banded)
rules_from(sl.cholesky_banded, _cholesky_banded)


@sl.replaces
def cho_solve_banded(cb_and_lower, b, overwrite_b=False, check_finite=True):
    cb, lower = cb_and_lower
    if not (isbox(cb) or isbox(b)):
        return _source.cho_solve_banded((cb, lower), b, check_finite=check_finite)
    factor = triangle_from_band(cb, lower)
    first, second = (0, 2) if lower else (2, 0)
    y = sl.solve_triangular(factor, column(b, b), first, lower)
    return uncolumn(sl.solve_triangular(factor, y, second, lower), b)


def _toeplitz_parts(c_or_cr):
    return c_or_cr if _isinstance(c_or_cr, tuple) else (c_or_cr, None)


@sl.replaces
def solve_toeplitz(c_or_cr, b, check_finite=True):
    c, r = _toeplitz_parts(c_or_cr)
    if not (isbox(c) or isbox(r) or isbox(b)):
        return _source.solve_toeplitz(c_or_cr, b, check_finite=check_finite)
    return uncolumn(anp_linalg.solve(sl.toeplitz(c, r), column(b, b)), b)


@sl.replaces
def matmul_toeplitz(c_or_cr, x, check_finite=False, workers=None):
    c, r = _toeplitz_parts(c_or_cr)
    if not (isbox(c) or isbox(r) or isbox(x)):
        return _source.matmul_toeplitz(c_or_cr, x, check_finite=check_finite, workers=workers)
    return sl.toeplitz(c, r) @ x


def _solve_circulant(c, b, singular='raise', tol=None, caxis=-1, baxis=0, outaxis=0):
    c_hat = anp_fft.fft(anp.moveaxis(c, caxis, -1), axis=-1)
    b_hat = anp_fft.fft(anp.moveaxis(b, baxis, -1), axis=-1)
    x = anp_fft.ifft(b_hat / c_hat, axis=-1)
    x = x if is_complex(c) or is_complex(b) else anp.real(x)
    return anp.moveaxis(x, -1, outaxis)


rules_from(sl.solve_circulant, _solve_circulant)
