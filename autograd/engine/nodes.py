"""Graphs of node objects: HIPS Autograd's model of a trace, for libraries and tools built on it.

HIPS Autograd records a primitive call as a node object whose class its root chose (``VJPNode`` keeps
parents and a VJP, ``JVPNode`` a tangent, a tool's own ``Node`` subclass whatever it likes), linked to
its parents' nodes. Code written for it starts such a graph itself::

    with trace_stack.new_trace() as t:
        end = fun(new_box(x, t, VJPNode.new_root()))
    gradient = backward_pass(g, end._node)

Our own operators record a flat tape instead (``reverse.py``), which is cheaper; a ``NodeTrace`` records
node objects, and ranks with every other trace, so both kinds nest in either order.
"""
import threading
from contextlib import contextmanager

from .forward import ForwardTrace
from .reverse import ReverseTrace, _accumulate, warn_independent
from .rules import node_jvp, node_vjps
from .tracing import Box, Trace, active_traces, box_type_of, constant_value, new_box, strip_finished
from .vspace import SparseObject, vspace


class Node:
    """A record of one primitive call, made by ``NodeTrace`` as ``type(parent)(value, fun, args, kwargs,
    parent_argnums, parents)``: ``value`` is the call's result, ``args`` its plain arguments, ``parents``
    the nodes of the traced ones (at positions ``parent_argnums``). ``new_root`` makes the node of a
    trace's input through ``initialize_root``."""
    __slots__ = ()

    def __init__(self, value, fun, args, kwargs, parent_argnums, parents):
        raise NotImplementedError('{} must define __init__(value, fun, args, kwargs, parent_argnums, parents)'
                                  .format(type(self).__name__))

    def initialize_root(self, *args, **kwargs):
        raise NotImplementedError('{} must define initialize_root to be a root'.format(type(self).__name__))

    @classmethod
    def new_root(cls, *args, **kwargs):
        root = cls.__new__(cls)
        root.initialize_root(*args, **kwargs)
        return root


class VJPNode(Node):
    """A reverse-mode node: ``vjp(g)`` gives one gradient per parent (None where it is zero)."""
    __slots__ = ('parents', 'vjp')
    trace_type = ReverseTrace  # register_notrace(VJPNode, fun) applies to reverse mode

    def __init__(self, value, fun, args, kwargs, parent_argnums, parents):
        self.parents = parents
        self.vjp = lambda g: node_vjps(fun, parent_argnums, value, args, kwargs, g)

    def initialize_root(self):
        self.parents = ()
        self.vjp = lambda g: ()


class JVPNode(Node):
    """A forward-mode node: ``g`` is the tangent of its value."""
    __slots__ = ('g',)
    trace_type = ForwardTrace  # register_notrace(JVPNode, fun) applies to forward mode

    def __init__(self, value, fun, args, kwargs, parent_argnums, parents):
        g = node_jvp(fun, parent_argnums, [parent.g for parent in parents], value, args, kwargs)
        self.g = vspace(value).zeros() if g is None else g

    def initialize_root(self, g):
        self.g = g


class NodeTrace(Trace):
    """A trace whose records are node objects, of the class of the first traced argument's node."""
    __slots__ = ()
    notrace = set()  # register_notrace adds to it too: these traces serve both modes

    def record(self, fun, argvals, kwargs, ans, argnums, nodes):
        if threading.get_ident() != self.thread:
            self.check_thread(fun)
        ans = constant_value(ans)  # an array the body made while tracing (see ConstantTrace)
        if box_type_of(type(ans)) is None:  # integer and boolean results carry no derivative
            return ans
        node = type(nodes[0])(ans, fun, tuple(argvals), kwargs, tuple(argnums), tuple(nodes))
        return new_box(ans, self, node)


class TraceStack:
    """``trace_stack.new_trace()`` runs its block under a new ``NodeTrace``, above every running trace."""

    @contextmanager
    def new_trace(self):
        trace = NodeTrace()
        stack = active_traces()
        stack.append(trace)
        try:
            yield trace
        finally:
            trace.active = False
            stack.remove(trace)


trace_stack = TraceStack()


def trace(start_node, fun, x):
    """Run ``fun(x)`` with ``x`` boxed at ``start_node``; ``(result, its node)``, the node None (with an
    IndependentOutputWarning) when the result does not depend on ``x``."""
    with trace_stack.new_trace() as t:
        end = strip_finished(fun(new_box(strip_finished(x), t, start_node)))
        if isinstance(end, Box) and end._trace is t:
            return end._value, end._node
    warn_independent()
    return end, None


def toposort(end_node, parents=lambda node: node.parents):
    """The nodes reachable from ``end_node`` through ``parents``, each after every node that depends on it."""
    child_counts = {}
    stack = [end_node]
    while stack:
        node = stack.pop()
        if node in child_counts:
            child_counts[node] += 1
        else:
            child_counts[node] = 1
            stack.extend(parents(node))
    childless = [end_node]
    while childless:
        node = childless.pop()
        yield node
        for parent in parents(node):
            if child_counts[parent] == 1:
                childless.append(parent)
            else:
                child_counts[parent] -= 1


def backward_pass(g, end_node):
    """The gradient that cotangent ``g`` of ``end_node`` gives the root of its ``VJPNode`` graph."""
    outgrads = {end_node: g}
    owned = set()
    for node in toposort(end_node):
        g = outgrads.pop(node, None)
        if g is None:
            continue
        for parent, contribution in zip(node.parents, node.vjp(g)):
            if contribution is None:
                continue
            prev = outgrads.get(parent)
            if prev is None:
                outgrads[parent] = contribution
            else:
                outgrads[parent] = _accumulate(prev, parent in owned, contribution)
                owned.add(parent)
    # Arrays made inside the traced block are constants of that block: the gradient is their plain value.
    return strip_finished(g.densify() if isinstance(g, SparseObject) else g)
