"""How the rules of ``autograd.scipy.special`` are declared: partial derivatives, one per argument.

Most special functions are elementwise in several broadcast arguments, so a rule is a list of partial
derivatives ``d(ans, *args, **kwargs)``, or, for an argument without one, the reason it is refused.
Refusals are recorded in ``REFUSED`` for the coverage table.
"""
from ...builtins import make_sequence
from ...engine import defjvp, defvjp, defvjp_direct, getval
from ...numpy.derivatives.elementwise import def_unary
from ...numpy.derivatives.helpers import broadcast_like, is_complex, unbroadcast

REFUSED = {}
"""Primitive -> {argument name: why it has no derivative here}."""

RULED_ARGUMENTS = {}
"""Primitive -> how many of its arguments have a derivative (0: every argument is refused)."""

INTEGER = 'it is an integer (an order, degree or count)'
NO_CLOSED_FORM = 'its derivative has no closed form, and no series for it is implemented here'


def _refusal(fun, argname, why):
    REFUSED.setdefault(fun, {})[argname] = why

    def refuse(*args, **kwargs):
        raise NotImplementedError("autograd.scipy.special.{}: no derivative with respect to {}: {}."
                                  .format(fun.__name__, argname, why))
    return refuse


def def_partials(fun, *partials):
    """Rules for an elementwise ``fun``: ``partials[i]`` is ``d(ans, *args, **kwargs)``, the derivative of ``fun``
    in argument i, or ``(argname, why)`` for an argument that is refused."""
    if len(partials) == 1 and not isinstance(partials[0], tuple):
        # One argument, so nothing to unbroadcast: the engine's product rule, compiled where it can be.
        RULED_ARGUMENTS[fun] = 1
        def_unary(fun, partials[0])
        return
    _define(fun, partials, _vjp, _jvp, defvjp_direct)


def def_tuple_partials(fun, *partials):
    """Rules for an elementwise ``fun`` returning a tuple, as ``def_partials``: each partial gives a tuple, the
    derivative of every output in that argument."""
    _define(fun, partials, _tuple_vjp_maker, _tuple_jvp, defvjp)


def in_last(fun, partial, *constants, why=INTEGER):
    """Rules for ``fun(*constants, x)`` in ``x`` alone; the leading arguments are refused for ``why``."""
    def_partials(fun, *[(name, why) for name in constants], partial)


def _define(fun, partials, vjp, jvp, define_vjps):
    """Registers the rules, ``vjp(partial, argnum)`` and ``jvp(partial)`` made from each partial derivative, the
    reverse ones by ``define_vjps`` (``defvjp`` or ``defvjp_direct``); refused arguments raise in both modes."""
    vjps, jvps = [], []
    for argnum, partial in enumerate(partials):
        if isinstance(partial, tuple):
            vjps.append(_refusal(fun, *partial))
            jvps.append(vjps[-1])
        else:
            vjps.append(vjp(partial, argnum))
            jvps.append(jvp(partial))
    RULED_ARGUMENTS[fun] = sum(not isinstance(partial, tuple) for partial in partials)
    define_vjps(fun, *vjps)
    defjvp(fun, *jvps)


# The derivative comes first in each product, as in def_unary (its box's operator then applies).
def _vjp(partial, argnum):
    return lambda g, ans, *args, **kwargs: unbroadcast(partial(ans, *args, **kwargs) * g, args[argnum])


def _jvp(partial):
    return lambda t, ans, *args, **kwargs: broadcast_like(partial(ans, *args, **kwargs) * t, ans)


def _tuple_vjp_maker(partial, argnum):
    def maker(ans, *args, **kwargs):
        derivatives = partial(ans, *args, **kwargs)
        return lambda g: unbroadcast(sum(d * gi for gi, d in zip(g, derivatives)), args[argnum])
    return maker


def _tuple_jvp(partial):
    def jvp(t, ans, *args, **kwargs):
        derivatives = partial(ans, *args, **kwargs)
        return make_sequence(type(getval(ans)), *[broadcast_like(d * t, a) for d, a in zip(derivatives, ans)])
    return jvp


def real_only(fun, partial):
    """``partial`` for a function that is not holomorphic (an exponential scaling by |z| or Im z): refused for
    complex arguments."""
    def checked(ans, *args, **kwargs):
        if is_complex(args[-1]):
            raise TypeError("autograd.scipy.special.{}: the exponentially scaled function is not holomorphic; "
                            "its derivative is only defined here for real arguments.".format(fun.__name__))
        return partial(ans, *args, **kwargs)
    return checked
