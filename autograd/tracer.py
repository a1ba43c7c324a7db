"""Kept for code written against HIPS Autograd's ``autograd.tracer``; the engine lives in ``autograd.engine``."""
from .engine import Box, getval, isbox, new_box, notrace_primitive, primitive, register_notrace  # noqa: F401
from .util import toposort  # noqa: F401
