"""Kept for code written against HIPS Autograd's ``autograd.core``; the engine lives in ``autograd.engine``."""
from .engine import (JVPNode, SparseObject, VJPNode, VSpace, backward_pass, def_linear, defjvp,  # noqa: F401
                     defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum, defvjp_argnums, make_jvp, make_vjp,
                     primitive_jvps, primitive_vjps, register_notrace, vspace)
