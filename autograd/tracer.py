"""HIPS Autograd's ``autograd.tracer``, for code built on it; the engine lives in ``autograd.engine``.

``trace_stack``, ``Node`` and ``trace`` record graphs of node objects as HIPS Autograd does (see
``autograd.engine.nodes``); our own operators record tapes, and both kinds of trace nest.
"""
import numpy as _np

from .engine import (Box, getval, isbox, new_box, notrace_primitive, primitive,  # noqa: F401
                     register_notrace)
from .engine.forward import ForwardTrace
from .engine.nodes import JVPNode, Node, NodeTrace, TraceStack, VJPNode, toposort, trace, trace_stack  # noqa: F401
from .engine.reverse import ReverseTrace
from .wrap_util import subvals, wraps  # noqa: F401

box_type_mappings = Box.type_mappings
"""Value type -> the Box class (or box-making callable) that traces its values."""
box_types = Box.types
"""Every registered Box class."""
notrace_primitives = {VJPNode: ReverseTrace.notrace, JVPNode: ForwardTrace.notrace, Node: NodeTrace.notrace}
"""Node type -> the primitives its traces pass through untraced (filled by ``register_notrace``)."""


def find_top_boxed_args(args):
    """``(boxes, trace, node type, ufunc dispatch needed)`` for a primitive's arguments: the ``(argnum,
    box)`` pairs of the highest-ranked running trace among them, that trace (None if no argument is
    boxed), the type of its first box's node, and whether an unboxed argument overrides
    ``__array_ufunc__`` next to a boxed array (NumPy's dispatch then gives it a turn)."""
    from .numpy.array_box import ArrayBox
    top, boxes, any_array_box, any_override = None, [], False, False
    for argnum, arg in enumerate(args):
        if isinstance(arg, Box):
            any_array_box = any_array_box or isinstance(arg, ArrayBox)
            trace = arg._trace
            if top is None or trace.level > top.level:
                top, boxes = trace, [(argnum, arg)]
            elif trace is top:
                boxes.append((argnum, arg))
        elif getattr(type(arg), '__array_ufunc__', None) not in (None, _np.ndarray.__array_ufunc__):
            any_override = True
    node_type = type(boxes[0][1]._node) if boxes else None
    return boxes, top, node_type, any_array_box and any_override
