"""``autograd.numpy.linalg``: ``numpy.linalg`` with its functions wrapped as primitives."""
import numpy.linalg as _source

from .wrapper import wrap_namespace

__all__ = wrap_namespace(vars(_source), globals(), notrace={'matrix_rank'})
