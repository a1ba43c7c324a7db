"""HIPS Autograd's ``autograd.numpy.numpy_vspaces``."""
from ..builtins import NamedTupleVSpace  # noqa: F401
from ..engine import VSpace  # noqa: F401
from .vspaces import ArrayVSpace, ComplexArrayVSpace  # noqa: F401
