"""Kept for code written against HIPS Autograd's ``autograd.numpy.numpy_wrapper``."""
from .wrapper import concatenate_args, wrap_namespace  # noqa: F401
