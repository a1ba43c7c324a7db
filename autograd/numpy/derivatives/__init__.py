"""Derivative rules for ``autograd.numpy``, one module per family of NumPy's documentation."""
from . import (differences, elementwise, fft, indexing, products,  # noqa: F401 (they register the rules)
               reductions, shape)
