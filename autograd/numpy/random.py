"""``autograd.numpy.random``: ``numpy.random`` itself (random draws are constants to differentiation)."""
import numpy.random as _source

__all__ = [name for name in vars(_source) if not name.startswith('_')]
globals().update({name: getattr(_source, name) for name in __all__})
