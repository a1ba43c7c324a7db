"""Derivative rules for ``autograd.numpy``, one module per family of NumPy's documentation."""
from . import (constructors, differences, elementwise, fft, indexing,  # noqa: F401 (they register rules)
               products, reductions, shape, sorting)
