"""The registry of derivative rules: which VJP (reverse) and JVP (forward) belongs to each primitive.

Rule makers keep HIPS Autograd's signatures so existing extensions work unchanged:

* ``defvjp(fun, maker0, maker1, ...)``: ``maker_i(ans, *args, **kwargs)`` returns ``g -> gradient for
  argument i``; ``None`` declares that argument's gradient zero.
* ``defvjp_argnum(fun, maker)``: ``maker(argnum, ans, args, kwargs)`` returns ``g -> gradient``.
* ``defvjp_argnums(fun, maker)``: ``maker(argnums, ans, args, kwargs)`` returns ``g -> gradients``.
* ``defvjp_direct(fun, vjp0, vjp1, ...)``: ``vjp_i(g, ans, *args, **kwargs)`` is the gradient for argument
  i directly (the JVP rules' signature): one call per use, no closure, for rules on the hot path.
* ``defjvp(fun, jvp0, jvp1, ...)``: ``jvp_i(g, ans, *args, **kwargs)`` is the tangent of ``ans`` caused by
  tangent ``g`` of argument i; ``None`` declares it zero, ``'same'`` means ``fun`` itself (linear in it).
* ``defjvp_argnum(fun, jvp)``: ``jvp(argnum, g, ans, args, kwargs)``.
* ``defjvp_argnums(fun, jvp)``: ``jvp(argnums, gs, ans, args, kwargs)``, the summed tangent.
* ``def_linear(fun)``: ``fun`` is linear in each argument separately (``x * y``, ``dot``), so its JVPs are
  ``fun`` itself.
"""
import itertools

from .tracing import speedups
from .vspace import vspace

# Both tables map a primitive to a function of the whole node (as in HIPS Autograd):
# primitive_vjps[fun](argnums, ans, args, kwargs) -> (g -> one gradient per argnum, None for zero)
primitive_vjps = {}
# primitive_jvps[fun](argnums, tangents, ans, args, kwargs) -> tangent of ans, None for zero
primitive_jvps = {}
# Rules given per argument (defvjp, defjvp) are also kept by argnum, so the passes can call them
# directly instead of through a closure over the whole node: {fun: {argnum: maker or None}}.
vjps_by_argnum = {}
jvps_by_argnum = {}

ZERO = None


def _name(fun):
    return getattr(fun, '__name__', repr(fun))


def missing_rule(mode, fun, argnum):
    how = 'defvjp' if mode == 'reverse' else 'defjvp'
    return NotImplementedError(
        "{}-mode derivative of primitive '{}' with respect to argument {} is not defined. Define it with "
        "autograd.extend.{}({}, ...), or compute that argument without autograd.numpy so it is not "
        "traced.".format(mode.capitalize(), _name(fun), argnum, how, _name(fun)))


def defvjp_argnums(fun, vjpmaker):
    """Register ``vjpmaker(argnums, ans, args, kwargs)``, which returns ``g -> [gradient for each of argnums]``:
    the reverse-mode rule of ``fun`` for all its arguments at once. ``g`` is the cotangent of ``ans``; the
    gradient for argument i is g^T d ans / d arg_i (None for zero)."""
    primitive_vjps[fun] = vjpmaker
    vjps_by_argnum.pop(fun, None)


def defvjp_argnum(fun, vjpmaker):
    """Register ``vjpmaker(argnum, ans, args, kwargs)``, which returns ``g -> gradient for argument argnum``
    (g^T d ans / d arg_argnum): one maker for every argument of ``fun``."""
    def vjp_argnums(argnums, ans, args, kwargs):
        vjps = [vjpmaker(argnum, ans, args, kwargs) for argnum in argnums]
        return lambda g: [vjp(g) for vjp in vjps]
    defvjp_argnums(fun, vjp_argnums)


def defvjp(fun, *vjpmakers, **kwargs):
    """Register the reverse-mode rules of ``fun``, one per argument: ``maker_i(ans, *args, **kwargs)``
    returns ``g -> g^T d ans / d arg_i``, the gradient for argument i given the cotangent ``g`` of ``ans``;
    None declares that gradient zero. ``argnums=(...)`` names the arguments the makers are for."""
    argnums = kwargs.pop('argnums', itertools.count())
    if kwargs:
        raise TypeError('defvjp got unexpected keyword arguments {}'.format(sorted(kwargs)))
    makers = dict(vjps_by_argnum.get(fun, {}))
    for argnum, maker in zip(argnums, vjpmakers):
        if maker is not None and not callable(maker) and type(maker) is not DirectVJP:
            raise TypeError('defvjp: the rule for argument {} of {} must be callable or None, got {!r}'
                            .format(argnum, _name(fun), maker))
        makers[argnum] = maker

    defvjp_argnums(fun, lambda argnums, ans, args, kwargs:
                   lambda g: node_vjps(fun, argnums, ans, args, kwargs, g))
    vjps_by_argnum[fun] = makers


class DirectVJP:
    """A rule registered by ``defvjp_direct``: called as ``vjp(g, ans, *args, **kwargs)``."""
    __slots__ = ('vjp',)

    def __init__(self, vjp):
        self.vjp = vjp


def product_rule(derivative):
    """The rule ``(g, ans, *args, **kwargs) -> derivative(ans, *args, **kwargs) * g``, for ``defvjp_direct`` and
    ``defjvp`` where the derivative is a factor (elementwise functions); made in C where the engine is."""
    if speedups:
        return speedups.ProductRule(derivative)
    return lambda g, ans, *args, **kwargs: derivative(ans, *args, **kwargs) * g


def defvjp_direct(fun, *vjps, **kwargs):
    """Like ``defvjp``, but ``vjp_i(g, ans, *args, **kwargs)`` is the gradient g^T d ans / d arg_i itself: one
    call per use and no closure, for rules on the hot path."""
    defvjp(fun, *[None if vjp is None else DirectVJP(vjp) for vjp in vjps], **kwargs)


def defjvp_argnums(fun, jvpmaker):
    """Register ``jvpmaker(argnums, tangents, ans, args, kwargs)``: the tangent of ``ans``, the sum over
    ``argnums`` of d ans / d arg_i applied to that argument's tangent (None for zero)."""
    primitive_jvps[fun] = jvpmaker
    jvps_by_argnum.pop(fun, None)


def defjvp_argnum(fun, jvpfun):
    """Register ``jvpfun(argnum, g, ans, args, kwargs)``: d ans / d arg_argnum applied to the tangent ``g`` of
    argument ``argnum``, one function for every argument; tangents of several arguments are summed."""
    def jvp_argnums(argnums, tangents, ans, args, kwargs):
        total = None
        for argnum, g in zip(argnums, tangents):
            total = add_tangents(total, jvpfun(argnum, g, ans, args, kwargs))
        return total
    defjvp_argnums(fun, jvp_argnums)


def defjvp(fun, *jvpfuns, **kwargs):
    """Register the forward-mode rules of ``fun``, one per argument: ``jvp_i(g, ans, *args, **kwargs)`` is
    d ans / d arg_i applied to the tangent ``g`` of argument i. None declares it zero; 'same' means ``fun``
    itself, for an argument ``fun`` is linear in. ``argnums=(...)`` names the arguments."""
    argnums = kwargs.pop('argnums', itertools.count())
    if kwargs:
        raise TypeError('defjvp got unexpected keyword arguments {}'.format(sorted(kwargs)))
    jvps = dict(jvps_by_argnum.get(fun, {}))
    for argnum, jvp in zip(argnums, jvpfuns):
        if jvp == 'same':
            jvp = _same_jvp(fun, argnum)
        elif jvp is not None and not callable(jvp):
            raise TypeError("defjvp: the rule for argument {} of {} must be callable, None or 'same', got {!r}"
                            .format(argnum, _name(fun), jvp))
        jvps[argnum] = jvp

    defjvp_argnums(fun, lambda argnums, tangents, ans, args, kwargs:
                   node_jvp(fun, argnums, tangents, ans, args, kwargs))
    jvps_by_argnum[fun] = jvps


def node_vjps(fun, argnums, ans, args, kwargs, g):
    """The gradients that ``g`` (for ``ans = fun(*args, **kwargs)``) gives ``argnums``; None where zero."""
    makers = vjps_by_argnum.get(fun)
    if makers is None:
        try:
            vjpmaker = primitive_vjps[fun]
        except KeyError:
            raise missing_rule('reverse', fun, argnums[0]) from None
        return vjpmaker(argnums, ans, tuple(args), kwargs)(g)
    contributions = []
    for argnum in argnums:
        try:
            maker = makers[argnum]
        except KeyError:
            raise missing_rule('reverse', fun, argnum) from None
        if maker is None:
            contributions.append(None)
        elif type(maker) is DirectVJP:
            contributions.append(maker.vjp(g, ans, *args, **kwargs))
        else:
            contributions.append(maker(ans, *args, **kwargs)(g))
    return contributions


def node_jvp(fun, argnums, tangents, ans, args, kwargs):
    """The tangent of ``ans = fun(*args, **kwargs)`` given the tangents of ``argnums``; None if zero."""
    jvps = jvps_by_argnum.get(fun)
    if jvps is None:
        try:
            jvpmaker = primitive_jvps[fun]
        except KeyError:
            raise missing_rule('forward', fun, argnums[0]) from None
        return jvpmaker(argnums, tangents, ans, tuple(args), kwargs)
    total = None
    for argnum, t in zip(argnums, tangents):
        try:
            jvp = jvps[argnum]
        except KeyError:
            raise missing_rule('forward', fun, argnum) from None
        if jvp is not None:
            total = add_tangents(total, jvp(t, ans, *args, **kwargs))
    return total


def _same_jvp(fun, argnum):
    if speedups:
        return speedups.SameRule(fun, argnum)
    return lambda g, ans, *args, **kwargs: fun(*_subval(args, argnum, g), **kwargs)


def _subval(args, i, value):
    args = list(args)
    args[i] = value
    return args


def def_linear(fun):
    """Declare ``fun`` linear in each argument separately, so its JVP is ``fun`` applied to the tangent."""
    defjvp_argnum(fun, lambda argnum, g, ans, args, kwargs: fun(*_subval(args, argnum, g), **kwargs))


def add_tangents(total, tangent):
    """Sum of two tangents where None means zero."""
    if total is None:
        return tangent
    if tangent is None:
        return total
    return vspace(total).add(total, tangent)
