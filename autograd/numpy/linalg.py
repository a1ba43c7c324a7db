"""``autograd.numpy.linalg``: ``numpy.linalg`` with its functions wrapped as primitives."""
import numpy.linalg as _source

from . import wrapper as _anp
from .wrapper import wrap_namespace

__all__ = wrap_namespace(vars(_source), globals(), notrace={'matrix_rank'})


# Helpers HIPS Autograd's autograd.numpy.linalg has, which code written for it uses.

def T(x):
    """``x`` with its last two axes swapped: the transpose of each matrix in a stack."""
    return _anp.swapaxes(x, -1, -2)


def _dot(a, b):
    """The matrix product of stacks of matrices."""
    return _anp.einsum('...ij,...jk->...ik', a, b)
