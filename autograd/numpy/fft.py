"""``autograd.numpy.fft``: ``numpy.fft`` with its functions wrapped as primitives."""
import numpy.fft as _source

from .wrapper import wrap_namespace

__all__ = wrap_namespace(vars(_source), globals())
