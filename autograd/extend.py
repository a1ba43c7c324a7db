"""What extensions need: defining primitives and their derivative rules, boxes and vector spaces, and the
warning and error that differentiation raises (IndependentOutputWarning, DeadTraceError)."""
from .engine import (Box, DeadTraceError, IndependentOutputWarning, JVPNode, SparseObject, VJPNode, VSpace,
                     def_linear, defjvp, defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum, defvjp_argnums,
                     defvjp_direct, getval, isbox, notrace_primitive, primitive, register_notrace, vspace)

__all__ = ['Box', 'DeadTraceError', 'IndependentOutputWarning', 'JVPNode', 'SparseObject', 'VJPNode', 'VSpace',
           'def_linear', 'defjvp', 'defjvp_argnum', 'defjvp_argnums', 'defvjp', 'defvjp_argnum', 'defvjp_argnums',
           'defvjp_direct', 'getval', 'isbox', 'notrace_primitive', 'primitive', 'register_notrace', 'vspace']
