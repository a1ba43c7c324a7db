"""Kept for code written against HIPS Autograd's ``autograd.numpy.numpy_boxes``."""
from .array_box import ArrayBox  # noqa: F401
