"""Reverse mode: record a tape during the forward pass, walk it backwards to pull gradients to the input."""
import warnings
from threading import get_ident as _get_ident

from .rules import DirectVJP, missing_rule, node_vjps, vjps_by_argnum
from .tracing import (Box, Trace, box_type_of, constant_value, in_pass, new_box, output_of, speedups,
                      strip_finished)
from .vspace import SparseObject, accumulators, in_precision_of, vspace


_MISSING = object()
_box_makers = Box.type_mappings


class ReverseTrace(Trace):
    """A reverse-mode trace. Its tape is in creation order, which is already a topological order.

    The tape holds plain tuples ``(fun, args, kwargs, ans, argnums, parents)``: they are the cheapest record
    Python can make, and one is made for every primitive call.
    """
    __slots__ = ()
    notrace = set()

    def __init__(self):
        super().__init__()
        self.tape = [None]  # position 0 is the input

    def record(self, fun, argvals, kwargs, ans, argnums, nodes):
        if _get_ident() != self.thread:
            self.check_thread(fun)
        ans = constant_value(ans)  # an array the body made while tracing (see ConstantTrace)
        make_box = _box_makers.get(type(ans)) or box_type_of(type(ans))
        if make_box is None:
            return ans
        tape = self.tape
        tape.append((fun, argvals, kwargs, ans, argnums, nodes))
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
    trace.argument = x
    end = in_pass(trace, output_of, fun, new_box(strip_finished(x), trace, 0))
    if not (isinstance(end, Box) and end._trace is trace):
        def vjp(g):
            warn_independent()
            return x_vs.zeros()
        return vjp, constant_value(end)

    tape, out, value = trace.tape, end._node, end._value
    del trace.tape

    def vjp(g):
        grad = in_pass(None, backward_pass, tape, out, in_precision_of(g, value), release)
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
        fun, args, kwargs, ans, argnums, parents = tape[i]
        if release:
            tape[i] = None
        if isinstance(g, SparseObject):
            g = g.densify()
        makers = vjps_by_argnum.get(fun)
        if makers is not None and len(argnums) == 1:  # the common case, without building a list
            maker = makers.get(argnums[0], _MISSING)
            if maker is None:
                continue
            if maker is _MISSING:
                raise missing_rule('reverse', fun, argnums[0])
            if type(maker) is DirectVJP:
                contributions = (maker.vjp(g, ans, *args, **kwargs),)
            else:
                contributions = (maker(ans, *args, **kwargs)(g),)
        else:
            contributions = node_vjps(fun, argnums, ans, args, kwargs, g)
        for parent, c in zip(parents, contributions):
            if c is None:
                continue
            prev = grads[parent]
            if prev is None:
                grads[parent] = c
            else:
                grads[parent] = _accumulate(prev, owned[parent], c)
                owned[parent] = 1
    g = grads[0]
    return g.densify() if isinstance(g, SparseObject) else g


def _accumulate(prev, prev_owned, c):
    """``prev + c``, in place into ``prev`` when we own it; the result is always ours."""
    if isinstance(c, SparseObject):
        if isinstance(prev, SparseObject):
            return prev.merge(c)
        if prev_owned:
            return c.mut_add(prev)
        return vspace(prev).mut_add(c.densify(), prev)
    if isinstance(prev, SparseObject):
        return vspace(c).mut_add(prev.densify(), c)
    fast = accumulators.get(type(prev))
    if fast is not None:
        return fast(prev, c, prev_owned)
    vs = vspace(prev)
    return vs.mut_add(prev, c) if prev_owned else vs.add(prev, c)


if speedups:
    backward_pass = speedups.backward_pass  # noqa: F811 (the same loop in C; configured in __init__.py)
