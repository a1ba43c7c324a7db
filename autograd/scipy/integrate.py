"""``autograd.scipy.integrate``: ``odeint`` with derivatives with respect to ``y0``, ``t`` and ``args``;
``solve_ivp`` and the sampled-data quadratures (``trapezoid``, ``simpson`` and their cumulative forms) are
in private modules of their own.

Reverse mode uses the adjoint method: for ``dy/dt = f(y, t, theta)`` and a cotangent ``g[i]`` for each
``y(t[i])``, the adjoint ``a`` obeys ``da/dt = -a (df/dy)``, and the gradient of ``theta`` gathers
``a (df/dtheta) dt``. The state ``[y, a, gradient of theta]`` is integrated backwards with
``scipy.integrate.odeint`` from each time to the one before, ``a`` receiving ``g[i]`` at ``t[i]``; the
vector-Jacobian products come from ``make_vjp`` of ``func``. Forward mode integrates the sensitivity
equation ``dS/dt = (df/dy) S + (df/dtheta) dtheta`` alongside ``y``, with ``make_jvp`` of ``func``.

So ``func`` must be written with ``autograd.numpy``. The solver options (``rtol``, ``atol``, ``mxstep``,
...) apply to these solves as well; ``Dfun`` and the banded-Jacobian options do not (they describe ``f``
alone). The reverse-mode rule solves the adjoint system with ``odeint`` itself, so it differentiates again
in reverse mode, to any order. The forward-mode rule calls SciPy's solver directly, which cannot be traced:
forward mode is first order, and mixing it with reverse mode at second order raises an error.
"""
import builtins as _py

import numpy as _np
import scipy.integrate as _source

from ..differential_operators import make_jvp, make_vjp
from ..engine import defjvp_argnums, defvjp_argnums, getval, isbox, primitive
from ..misc.flatten import flatten
from ..numpy import wrapper as anp
from ..numpy.backends import scipy_on_backends
from ._integrate_ivp import solve_ivp
from ._integrate_quadrature import cumulative_simpson, cumulative_trapezoid, simpson, trapezoid

__all__ = ['odeint', 'solve_ivp', 'trapezoid', 'simpson', 'cumulative_trapezoid', 'cumulative_simpson']

# The options that still make sense for the augmented systems; array tolerances (one per component of
# y) are replaced by their smallest entry.
SOLVER_OPTIONS = ('rtol', 'atol', 'hmax', 'hmin', 'mxstep', 'mxhnil', 'mxordn', 'mxords')


def odeint(func, y0, t, args=(), **kwargs):
    if not _py.isinstance(getval(args), (tuple, list)):
        raise TypeError("odeint: args must be a tuple of extra arguments for func, got {!r}".format(args))
    args = tuple(args)
    if kwargs.get('full_output') and _py.any(isbox(x) for x in (y0, t) + args):
        raise NotImplementedError("odeint: derivatives are not defined with full_output=True; call it "
                                  "without full_output to differentiate.")
    return _odeint(func, y0, t, *args, **kwargs)


odeint.__doc__ = _source.odeint.__doc__

_scipy_odeint = scipy_on_backends('integrate', 'odeint', _source.odeint)


@primitive
def _odeint(func, y0, t, *args, **kwargs):
    return _scipy_odeint(func, y0, t, args, **kwargs)


def _vector_field(func, kwargs):
    """``f(y, t, *args)``, flat, whichever argument order ``func`` takes."""
    if kwargs.get('tfirst'):
        return lambda y, t, *args: anp.ravel(anp.array(func(t, y, *args)))
    return lambda y, t, *args: anp.ravel(anp.array(func(y, t, *args)))


def _solver_options(kwargs):
    return {name: _np.min(value) if name in ('rtol', 'atol') and value is not None else value
            for name, value in kwargs.items() if name in SOLVER_OPTIONS}


def _refuse_higher_order(*values):
    if _py.any(isbox(v) for v in values):
        raise NotImplementedError("odeint: forward-mode derivatives of order two and higher are not implemented "
                                  "(the forward rule solves its ODE with SciPy, which cannot be traced); "
                                  "differentiate in reverse mode at every order instead.")


class _Problem:
    """The ODE of one ``odeint`` call as plain values: the flat vector field and the parameters that are
    differentiated, gathered into one flat vector ``theta``."""

    def __init__(self, argnums, ans, args, kwargs):
        func, y0, t, *params = args
        _refuse_higher_order(ans, y0, t, *params)
        self.f = _vector_field(func, kwargs)
        self.options = _solver_options(kwargs)
        self.y0_shape = _np.shape(y0)
        self.t = _np.asarray(t, dtype=float)
        self.path = _np.asarray(ans)
        self.n = self.path.shape[1]
        self.params = list(params)
        self.param_argnums = [i for i in argnums if i >= 3]
        self.theta, self.unflatten = flatten(tuple(params[i - 3] for i in self.param_argnums))

    def field(self, y, t, theta):
        """``f`` with the differentiated parameters read from ``theta``."""
        params = list(self.params)
        for i, value in zip(self.param_argnums, self.unflatten(theta)):
            params[i - 3] = value
        return self.f(y, t, *params)

    def plain_field(self, y, t):
        return _np.asarray(self.f(y, t, *self.params))

    def solve(self, dynamics, state, times):
        return _scipy_odeint(dynamics, state, times, **self.options)


def _odeint_vjp(argnums, ans, args, kwargs):
    # Written with traced operations and the _odeint primitive itself, so that it differentiates again in
    # reverse mode (the adjoint of the adjoint system).
    func, y0, t, *params = args
    f, options = _vector_field(func, kwargs), _solver_options(kwargs)
    n, y0_shape = _np.size(getval(y0)), _np.shape(getval(y0))
    param_argnums = [i for i in argnums if i >= 3]
    theta, unflatten = flatten(tuple(params[i - 3] for i in param_argnums))

    def field(y, time, theta):
        """``f`` with the differentiated parameters read from ``theta``."""
        values = list(params)
        for i, value in zip(param_argnums, unflatten(theta)):
            values[i - 3] = value
        return f(y, time, *values)

    def adjoint_dynamics(state, time, theta):
        y, a = state[:n], state[n:2 * n]
        vjp, dy = make_vjp(lambda y, theta: field(y, time, theta), (0, 1))(y, theta)
        g_y, g_theta = vjp(a)
        return anp.concatenate([dy, -g_y, -g_theta])

    def vjp(g):
        a, g_theta, g_t = g[-1], anp.zeros_like(theta), [None] * len(t)
        adjoint = anp.zeros(n)
        for i in range(len(t) - 1, 0, -1):
            g_t[i] = anp.dot(g[i], field(ans[i], t[i], theta))
            start = anp.concatenate([ans[i], a, g_theta])
            state = _odeint(adjoint_dynamics, start, anp.stack([t[i], t[i - 1]]), theta, **options)[1]
            adjoint, g_theta = state[n:2 * n], state[2 * n:]
            a = adjoint + g[i - 1]
        g_t[0] = -anp.dot(adjoint, field(ans[0], t[0], theta))  # y(t[0]) is y0 wherever t[0] is
        grads = {1: anp.reshape(a, y0_shape), 2: anp.stack(g_t)}
        grads.update(zip(param_argnums, unflatten(g_theta)))
        return [grads[i] for i in argnums]
    return vjp


def _odeint_jvp(argnums, tangents, ans, args, kwargs):
    problem = _Problem(argnums, ans, args, kwargs)
    _refuse_higher_order(*tangents)
    n, t = problem.n, problem.t
    given = dict(zip(argnums, tangents))
    dy0 = _np.ravel(given.get(1, _np.zeros(n)))
    dt = _np.asarray(given.get(2, _np.zeros_like(t)), dtype=float)
    d_theta = flatten(tuple(given[i] for i in problem.param_argnums))[0]

    def sensitivity_dynamics(state, time):
        y, s = state[:n], state[n:]
        dy, ds = make_jvp(lambda y, theta: problem.field(y, time, theta), (0, 1))(y, problem.theta)((s, d_theta))
        return _np.concatenate([dy, ds])

    # Moving t[0] moves the start of the trajectory: y(t) shifts by -f(y0, t[0]) dt[0] along the flow.
    s0 = dy0 - problem.plain_field(problem.path[0], t[0]) * dt[0]
    solution = problem.solve(sensitivity_dynamics, _np.concatenate([problem.path[0], s0]), t)
    moved_ends = _np.stack([problem.plain_field(y, time) for y, time in zip(solution[:, :n], t)]) * dt[:, None]
    return solution[:, n:] + moved_ends


defvjp_argnums(_odeint, _odeint_vjp)
defjvp_argnums(_odeint, _odeint_jvp)
