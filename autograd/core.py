"""HIPS Autograd's ``autograd.core``, for code built on it; the engine lives in ``autograd.engine``.

``backward_pass(g, end_node)`` and ``VJPNode``/``JVPNode`` work on graphs of node objects, as HIPS
Autograd's do (``autograd.engine.nodes``); ``make_vjp`` and ``make_jvp`` are the engine's.
"""
import functools

from .engine import (Box, JVPNode, SparseObject, VJPNode, VSpace, def_linear, defjvp,  # noqa: F401
                     defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum, defvjp_argnums, getval, isbox,
                     make_jvp, make_vjp, primitive_jvps, primitive_vjps, register_notrace, vspace)
from .deprecated import primitive  # noqa: F401 (with HIPS's first rule-defining methods)
from .engine.nodes import Node, backward_pass, toposort, trace  # noqa: F401
from .engine.reverse import _accumulate
from .engine.rules import _same_jvp
from .util import func, subval  # noqa: F401


def add_outgrads(prev_g_flagged, g):
    """Add gradient ``g`` to ``(sum so far, whether that sum may be overwritten)`` (None when there is none
    yet); returns the new pair."""
    if prev_g_flagged is None:
        if isinstance(g, SparseObject):
            return g.densify(), True
        return g, False
    prev, mutable = prev_g_flagged
    return _accumulate(prev, mutable, g), True


def sum_outgrads(gs):
    """The sum of the gradients ``gs`` (SparseObjects included); None for none."""
    return functools.reduce(lambda pair, g: add_outgrads(pair, g), gs, None)[0]


@primitive
def sparse_add(vs, x_prev, x_new):
    """``x_prev + x_new`` for a SparseObject ``x_new``; ``x_prev`` None means zeros of ``vs``."""
    return x_new.mut_add(vs.zeros() if x_prev is None else x_prev)


def identity_vjp(*args, **kwargs):
    """The rule maker whose VJP passes the gradient through unchanged."""
    return lambda g: g


def identity_jvp(g, *args, **kwargs):
    """The JVP that passes the tangent through unchanged."""
    return g


defvjp(sparse_add, None, identity_vjp, identity_vjp)
defjvp(sparse_add, None, identity_jvp, identity_jvp)


class SparseBox(Box):
    """The box of a SparseObject (a gradient traced by a higher-order derivative)."""
    __slots__ = ()


SparseBox.register(SparseObject)
sparse_object_types = {SparseObject, SparseBox}


def translate_vjp(vjpfun, fun, argnum):
    """The rule maker ``defvjp`` stores for ``vjpfun``: itself, or zeros of the argument for None."""
    if vjpfun is None:
        return lambda ans, *args, **kwargs: lambda g: vspace(args[argnum]).zeros()
    if callable(vjpfun):
        return vjpfun
    raise TypeError("Bad VJP {!r} for {}: give a callable or None".format(vjpfun, getattr(fun, '__name__', fun)))


def translate_jvp(jvpfun, fun, argnum):
    """The JVP ``defjvp`` stores for ``jvpfun``: itself, ``fun`` for 'same', zeros of the result for None."""
    if jvpfun is None:
        return lambda g, ans, *args, **kwargs: vspace(ans).zeros()
    if jvpfun == 'same':
        return _same_jvp(fun, argnum)
    if callable(jvpfun):
        return jvpfun
    raise TypeError("Bad JVP {!r} for {}: give a callable, None or 'same'".format(
        jvpfun, getattr(fun, '__name__', fun)))
