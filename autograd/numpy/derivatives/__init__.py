"""Derivative rules for ``autograd.numpy``, one module per family of NumPy's documentation."""
from . import (constructors, differences, elementwise, fft, functional, indexing,  # noqa: F401 (register rules)
               linalg, polynomials, products, reductions, shape, sorting, statistics)
