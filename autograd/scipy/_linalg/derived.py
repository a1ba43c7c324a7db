"""Rules obtained from other rules, for the many SciPy functions whose derivative is already known:

* ``rules_from(fun, same)``: ``fun`` computes what the traced function ``same`` computes (e.g. SciPy's ``inv``
  and ``autograd.numpy.linalg.inv``, or a constructor and the indexing that builds the same matrix), so
  ``fun``'s derivatives in both modes are ``same``'s. ``same`` must give the very values ``fun`` gives, signs
  of eigenvectors included.
* ``rules_from_jvp(fun, jvp)``: ``jvp`` is the forward-mode rule, and the reverse-mode rule is its transpose
  (``vjp_by_transposing``), as the forward rule is linear in the tangents: reverse mode through it computes
  that transpose.
"""
from ...builtins import pack
from ...engine import defjvp_argnums, defvjp_argnums
from ...engine.forward import make_jvp
from ...engine.reverse import make_vjp
from ...engine.rules import primitive_jvps
from ...numpy import wrapper as anp


def _replaced(args, argnums, values):
    full = list(args)
    for argnum, value in zip(argnums, values):
        full[argnum] = value
    return full


def rules_from(fun, same):
    def vjp_argnums(argnums, ans, args, kwargs):
        vjp = make_vjp(lambda xs: pack(same(*_replaced(args, argnums, xs), **kwargs)),
                       tuple(args[i] for i in argnums))[0]
        return lambda g: list(vjp(g))

    def jvp_argnums(argnums, tangents, ans, args, kwargs):
        at = tuple(args[i] for i in argnums)
        return make_jvp(lambda xs: pack(same(*_replaced(args, argnums, xs), **kwargs)), at)(tuple(tangents))[1]
    defvjp_argnums(fun, vjp_argnums)
    defjvp_argnums(fun, jvp_argnums)


def vjp_by_transposing(fun):
    jvp_argnums = primitive_jvps[fun]

    def vjp_argnums(argnums, ans, args, kwargs):
        zeros = tuple(anp.zeros_like(args[i]) for i in argnums)
        vjp = make_vjp(lambda tangents: pack(jvp_argnums(argnums, list(tangents), ans, args, kwargs)), zeros)[0]
        return lambda g: list(vjp(g))
    defvjp_argnums(fun, vjp_argnums)


def _tangent_of(argnum, argnums, tangents):
    return tangents[argnums.index(argnum)] if argnum in argnums else None


def rules_from_jvp(fun, jvp):
    """``jvp(tangents, ans, *args, **kwargs)`` gets a tangent (None for zero) for every positional argument."""
    def jvp_argnums(argnums, tangents, ans, args, kwargs):
        return jvp([_tangent_of(i, argnums, tangents) for i in range(len(args))], ans, *args, **kwargs)
    defjvp_argnums(fun, jvp_argnums)
    vjp_by_transposing(fun)
