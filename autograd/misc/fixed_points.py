"""``fixed_point(f, a, x0, distance, tol)``: iterate ``x = f(a)(x)`` from ``x0`` to a fixed point, with
derivatives with respect to ``a`` by the implicit function theorem.

At the fixed point ``x* = F(a, x*)`` (``F(a, x) = f(a)(x)``), so ``dx* = F_a da + F_x dx*``: the tangent
``dx*`` is itself the fixed point of ``t -> F_a da + F_x t``, and the gradient ``g_a = F_a^T w`` with ``w``
the fixed point of ``w -> g + F_x^T w``. Both are found by ``fixed_point`` again (with the same ``distance``
and ``tol``), from products with ``F``'s Jacobians made by ``make_jvp``/``make_vjp``, never by
differentiating through the iterations; being ``fixed_point`` calls, they differentiate again. Both converge
where the forward iteration converges linearly (``F_x`` a contraction at ``x*``). ``x0`` and the stopping
rule carry no derivative.
"""
from ..builtins import tuple as traced_tuple
from ..differential_operators import make_jvp, make_vjp
from ..engine import defjvp, defvjp, primitive, vspace

__all__ = ['fixed_point']


@primitive
def fixed_point(f, a, x0, distance, tol):
    """Iterate ``x = f(a)(x)`` from ``x0`` until ``distance(x_previous, x) <= tol``; return the last ``x``."""
    step = f(a)
    x_previous, x = x0, step(x0)
    while distance(x_previous, x) > tol:
        x_previous, x = x, step(x)
    return x


def _fixed_point_vjp(ans, f, a, x0, distance, tol):
    vjp_a = make_vjp(lambda a: f(a)(ans))(a)[0]

    def adjoint_step(params):
        a, x_star, g = params
        vjp_x = make_vjp(f(a))(x_star)[0]
        return lambda w: vspace(g).add(g, vjp_x(w))

    # a, x* and g go in as traced arguments, so that this fixed point has derivatives too.
    return lambda g: vjp_a(fixed_point(adjoint_step, traced_tuple((a, ans, g)), vspace(ans).zeros(), distance, tol))


def _fixed_point_jvp(g, ans, f, a, x0, distance, tol):
    def tangent_step(params):
        a, x_star, u = params
        jvp_x = make_jvp(f(a))(x_star)
        return lambda t: vspace(u).add(u, jvp_x(t)[1])

    u = make_jvp(lambda a: f(a)(ans))(a)(g)[1]
    return fixed_point(tangent_step, traced_tuple((a, ans, u)), vspace(ans).zeros(), distance, tol)


defvjp(fixed_point, None, _fixed_point_vjp, None, None, None)
defjvp(fixed_point, None, _fixed_point_jvp, None, None, None)
