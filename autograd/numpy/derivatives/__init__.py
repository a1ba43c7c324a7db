"""Derivative rules for ``autograd.numpy``, one module per family of NumPy's documentation."""
from . import elementwise, indexing, products, reductions, shape  # noqa: F401 (registers the rules)
