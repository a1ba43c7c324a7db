"""HIPS Autograd's ``autograd.numpy.numpy_boxes``."""
from ..builtins import SequenceBox  # noqa: F401
from ..engine import Box, primitive  # noqa: F401
from .array_box import ArrayBox  # noqa: F401
