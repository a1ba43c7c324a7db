"""Kept for code written against HIPS Autograd's ``autograd.numpy.numpy_vspaces``."""
from .vspaces import ArrayVSpace, ComplexArrayVSpace  # noqa: F401
