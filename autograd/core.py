"""Kept for code written against HIPS Autograd's ``autograd.core``; the engine lives in ``autograd.engine``."""
from .engine import (Box, JVPNode, SparseObject, VJPNode, VSpace, backward_pass, def_linear,  # noqa: F401
                     defjvp, defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum, defvjp_argnums, getval, isbox,
                     make_jvp, make_vjp, primitive_jvps, primitive_vjps, register_notrace, vspace)
from .deprecated import primitive  # noqa: F401 (with HIPS's first rule-defining methods)
from .util import func, subval, toposort  # noqa: F401
