"""Forward mode: carry a tangent alongside every traced value."""
from .rules import node_jvp
from .tracing import Box, Trace, new_box
from .vspace import vspace


class ForwardTrace(Trace):
    """A forward-mode trace: a box's record is its tangent, computed as soon as the value is."""
    __slots__ = ()
    notrace = set()

    def record(self, fun, argvals, kwargs, ans, argnums, tangents):
        tangent = node_jvp(fun, argnums, tangents, ans, argvals, kwargs)
        if tangent is None:
            return ans
        return new_box(ans, self, tangent)


def make_jvp(fun, x):
    """Return ``jvp(g) -> (fun(x), tangent of fun at x in direction g)``."""
    vspace(x)  # fails early, with the reason, for values that carry no derivative

    def jvp(g):
        trace = ForwardTrace()
        start = new_box(x, trace, g)
        try:
            end = fun(start)
        finally:
            trace.active = False
        if isinstance(end, Box) and end._trace is trace:
            return end._value, end._node
        return end, vspace(end).zeros()
    return jvp
