"""Rules of the structured-matrix constructors (``block_diag``, ``toeplitz``, ``circulant``, ``hankel``,
``companion``, ``convolution_matrix``, ``khatri_rao``, ``fiedler``, ``leslie``, ``diagsvd``...)."""
import numpy as _np

from ...engine import defjvp_argnum, defvjp_argnum, getval
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import is_complex, shape_of, unbroadcast_to
from . import namespace as sl


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
