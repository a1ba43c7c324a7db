"""The differentiation engine: tracing, the rule registry, vector spaces, reverse and forward passes.

It knows nothing about NumPy; the layers above register box types, vector spaces and rules.
"""
from .forward import ForwardTrace, make_jvp
from .nodes import JVPNode, Node, NodeTrace, VJPNode
from .reverse import IndependentOutputWarning, ReverseTrace, backward_pass, make_vjp, make_vjp_once
from .rules import (def_linear, defjvp, defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum,
                    defvjp_argnums, defvjp_direct, primitive_jvps, primitive_vjps, product_rule)
from .tracing import (CONSTANT, Box, BoxIfKind, DeadTraceError, Trace, TracedConversionError, active_traces,
                      constant_value, contains_box, finished, getval, in_pass, isbox, new_box, notrace_primitive,
                      primitive, strip_finished, tracing_active)
from .vspace import SparseObject, VSpace, vspace
from . import copying as _copying, forward as _forward, reverse as _reverse, rules as _rules, tracing as _tracing


def register_notrace(trace_type, primitive_fun):
    """Let ``trace_type``'s traces (VJPNode: reverse, JVPNode: forward) pass through ``primitive_fun``."""
    getattr(trace_type, 'trace_type', trace_type).notrace.add(primitive_fun)
    NodeTrace.notrace.add(primitive_fun)


if _tracing.speedups:
    _tracing.speedups.configure(
        box_makers=Box.type_mappings, box_type_of=_tracing.box_type_of, reverse_record=ReverseTrace.record,
        vjps_by_argnum=_rules.vjps_by_argnum, direct_vjp=_rules.DirectVJP, sparse=SparseObject,
        node_vjps=_rules.node_vjps, missing_rule=_rules.missing_rule, accumulate=_reverse._accumulate,
        accumulators=_reverse.accumulators, forward_record=ForwardTrace.record,
        jvps_by_argnum=_rules.jvps_by_argnum, node_jvp=_rules.node_jvp, add_tangents=_rules.add_tangents,
        constant=CONSTANT)
    _tracing.speedups.set_conversion_retry(_tracing.TracedConversionError, _tracing.retry_packed)
