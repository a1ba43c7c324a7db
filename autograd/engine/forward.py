"""Forward mode: carry a tangent alongside every traced value."""
from threading import get_ident as _get_ident

from .rules import jvps_by_argnum, missing_rule, node_jvp
from .tracing import Box, Trace, box_type_of, constant_value, in_pass, new_box, output_of, strip_finished
from .vspace import in_precision_of, vspace


_MISSING = object()


class ForwardTrace(Trace):
    """A forward-mode trace: a box's record is its tangent, computed as soon as the value is."""
    __slots__ = ()
    notrace = set()

    def record(self, fun, argvals, kwargs, ans, argnums, tangents):
        if _get_ident() != self.thread:
            self.check_thread(fun)
        ans = constant_value(ans)  # an array the body made while tracing (see ConstantTrace)
        if box_type_of(type(ans)) is None:  # an integer or boolean result carries no tangent
            return ans
        jvps = jvps_by_argnum.get(fun)
        if jvps is not None and len(argnums) == 1:  # the common case, without node_jvp's loop
            jvp = jvps.get(argnums[0], _MISSING)
            if jvp is None:
                return ans
            if jvp is _MISSING:
                raise missing_rule('forward', fun, argnums[0])
            tangent = jvp(tangents[0], ans, *argvals, **kwargs)
        else:
            tangent = node_jvp(fun, argnums, tangents, ans, argvals, kwargs)
        if tangent is None:
            return ans
        return new_box(ans, self, tangent)


def make_jvp(fun, x):
    """Return ``jvp(g) -> (fun(x), tangent of fun at x in direction g)``."""
    vspace(x)  # fails early, with the reason, for values that carry no derivative

    def jvp(g):
        trace = ForwardTrace()
        trace.argument = x
        end = in_pass(trace, output_of, fun, new_box(strip_finished(x), trace, in_precision_of(g, x)))
        if isinstance(end, Box) and end._trace is trace:
            return end._value, constant_value(end._node)
        end = constant_value(end)
        try:
            return end, vspace(end).zeros()
        except TypeError:
            raise TypeError("The differentiated function must return a float, complex number, array or a "
                            "container of them; it returned {!r}{}.".format(
                                end, ' (is a return statement missing?)' if end is None else '')) from None
    return jvp
