"""Reverse mode: record a tape during the forward pass, walk it backwards to pull gradients to the input."""
import warnings

from .rules import missing_rule, primitive_vjps
from .tracing import Box, Trace, box_type_of, new_box
from .vspace import SparseObject, vspace


class VJPNode:
    """One tape entry: ``ans = fun(*args, **kwargs)`` with the boxed ``argnums`` recorded at ``parents``."""
    __slots__ = ('fun', 'args', 'kwargs', 'ans', 'argnums', 'parents')

    def __init__(self, fun, args, kwargs, ans, argnums, parents):
        self.fun = fun
        self.args = args
        self.kwargs = kwargs
        self.ans = ans
        self.argnums = argnums
        self.parents = parents


class ReverseTrace(Trace):
    """A reverse-mode trace. Its tape is in creation order, which is already a topological order."""
    __slots__ = ('tape',)
    notrace = set()

    def __init__(self):
        super().__init__()
        self.tape = [None]  # position 0 is the input

    def record(self, fun, argvals, kwargs, ans, argnums, nodes):
        make_box = Box.type_mappings.get(type(ans)) or box_type_of(type(ans))
        if make_box is None:
            return ans
        tape = self.tape
        tape.append(VJPNode(fun, tuple(argvals), kwargs, ans, argnums, nodes))
        return make_box(ans, self, len(tape) - 1)


class IndependentOutputWarning(UserWarning):
    pass


def warn_independent(what='Output'):
    warnings.warn("{} seems independent of the input: its derivative is zero.".format(what),
                  IndependentOutputWarning, stacklevel=4)


def make_vjp(fun, x):
    """Run ``fun(x)`` under a reverse-mode trace; return ``(vjp, fun(x))``.

    ``vjp(g)`` pulls the output cotangent ``g`` back to a gradient with ``x``'s type. It may be called any
    number of times.
    """
    return _trace_reverse(fun, x)


def make_vjp_once(fun, x):
    """Like ``make_vjp``, but the tape's entries are freed as the single backward pass consumes them."""
    return _trace_reverse(fun, x, release=True)


def _trace_reverse(fun, x, release=False):
    x_vs = vspace(x)
    trace = ReverseTrace()
    start = new_box(x, trace, 0)
    try:
        end = fun(start)
    finally:
        trace.active = False
    if not (isinstance(end, Box) and end._trace is trace):
        def vjp(g):
            warn_independent()
            return x_vs.zeros()
        return vjp, end

    tape, out = trace.tape, end._node
    del trace.tape

    def vjp(g):
        grad = backward_pass(tape, out, g, release)
        return x_vs.zeros() if grad is None else x_vs.cast(grad)
    return vjp, end._value


def backward_pass(tape, out, g, release=False):
    """Gradient at tape position 0 given cotangent ``g`` at position ``out``; None if it got none."""
    grads = [None] * (out + 1)
    owned = bytearray(out + 1)  # 1 where grads[i] is a sum we made, so may be added into in place
    grads[out] = g
    for i in range(out, 0, -1):
        g = grads[i]
        if g is None:
            continue
        grads[i] = None
        node = tape[i]
        if release:
            tape[i] = None
        if type(g) is SparseObject:
            g = g.densify()
        try:
            vjpmaker = primitive_vjps[node.fun]
        except KeyError:
            raise missing_rule('reverse', node.fun, node.argnums[0]) from None
        contributions = vjpmaker(node.argnums, node.ans, node.args, node.kwargs)(g)
        for parent, c in zip(node.parents, contributions):
            if c is None:
                continue
            prev = grads[parent]
            if prev is None:
                grads[parent] = c
            else:
                grads[parent] = _accumulate(prev, owned[parent], c)
                owned[parent] = 1
    g = grads[0]
    return g.densify() if type(g) is SparseObject else g


def _accumulate(prev, prev_owned, c):
    if type(c) is SparseObject:
        if type(prev) is SparseObject:
            prev, prev_owned = prev.densify(), True
        if prev_owned:
            return c.mut_add(prev)
        return vspace(prev).mut_add(c.densify(), prev)
    if type(prev) is SparseObject:
        return vspace(c).mut_add(prev.densify(), c)
    vs = vspace(prev)
    return vs.mut_add(prev, c) if prev_owned else vs.add(prev, c)
