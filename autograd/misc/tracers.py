"""Traces other than differentiation: recording a function's graph of primitives once to replay it."""
from functools import partial, wraps

from ..engine import Box, Trace, new_box
from ..engine.nodes import Node, trace


class _GraphTrace(Trace):
    """Records each primitive call as (fun, args, kwargs, argnums, parents); position 0 is the input."""
    __slots__ = ('nodes',)
    notrace = set()

    def __init__(self):
        super().__init__()
        self.nodes = [None]

    def record(self, fun, argvals, kwargs, ans, argnums, parents):
        self.nodes.append((fun, list(argvals), kwargs, argnums, parents))
        return new_box(ans, self, len(self.nodes) - 1)


def const_graph_unary(fun):
    """``fun`` of one argument, traced on its first call and replayed from the recorded graph after.

    Only valid when ``fun`` always performs the same primitive calls: Python control flow that depends
    on the input's values is frozen at the first call.
    """
    recorded = []

    def replay(x):
        nodes, out = recorded
        values = [x]
        for node in nodes[1:]:
            fun_, args, kwargs, argnums, parents = node
            args = list(args)
            for argnum, parent in zip(argnums, parents):
                args[argnum] = values[parent]
            values.append(fun_(*args, **kwargs))
        return values[out]

    def maybe_cached(x):
        if recorded:
            return replay(x)
        trace = _GraphTrace()
        try:
            end = fun(new_box(x, trace, 0))
        finally:
            trace.active = False
        if not (isinstance(end, Box) and end._trace is trace):
            return end
        recorded.extend([trace.nodes, end._node])
        return end._value
    return maybe_cached


def const_graph(fun, *args, **kwargs):
    """``fun`` (with ``args``/``kwargs`` fixed in front) recorded once and replayed on later calls."""
    partial_fun = partial(fun, *args, **kwargs)
    cached = const_graph_unary(lambda all_args: partial_fun(*all_args))

    @wraps(fun)
    def replayed(*args):
        return cached(args)
    return replayed


class FullGraphNode(Node):
    """A node that keeps the whole computation: its ``value`` and its ``recipe``, ``(fun, args, kwargs,
    (argnum, parent node) pairs)`` (the root's fun is the identity)."""
    __slots__ = ('value', 'recipe')

    def __init__(self, value, fun, args, kwargs, parent_argnums, parents):
        self.value = value
        self.recipe = (fun, args, kwargs, list(zip(parent_argnums, parents)))

    def initialize_root(self):
        self.value = None
        self.recipe = (lambda x: x, (), {}, [])


def full_graph(fun, *args, **kwargs):
    """The ``FullGraphNode`` of ``fun(*args, **kwargs)``: its computation, node by node back to the root
    (whose value stands for the tuple ``args``). None when the result does not depend on ``args``."""
    return trace(FullGraphNode.new_root(), lambda args: fun(*args, **kwargs), args)[1]
