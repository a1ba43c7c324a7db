"""``autograd.scipy.integrate``: ``odeint`` with derivatives with respect to ``y0``, ``t`` and ``args``.

Reverse mode uses the adjoint method: for ``dy/dt = f(y, t, theta)`` and a cotangent ``g[i]`` for each
``y(t[i])``, the adjoint ``a`` obeys ``da/dt = -a (df/dy)``, and the gradient of ``theta`` gathers
``a (df/dtheta) dt``. The state ``[y, a, gradient of theta]`` is integrated backwards with
``scipy.integrate.odeint`` from each time to the one before, ``a`` receiving ``g[i]`` at ``t[i]``; the
vector-Jacobian products come from ``make_vjp`` of ``func``. Forward mode integrates the sensitivity
equation ``dS/dt = (df/dy) S + (df/dtheta) dtheta`` alongside ``y``, with ``make_jvp`` of ``func``.

So ``func`` must be written with ``autograd.numpy``. The solver options (``rtol``, ``atol``, ``mxstep``,
...) apply to these solves as well; ``Dfun`` and the banded-Jacobian options do not (they describe ``f``
alone). Derivatives of order two and higher are not available: the rules call SciPy's solver, which
cannot be traced.
"""
import builtins as _py

import numpy as _np
import scipy.integrate as _source

from ..differential_operators import make_jvp, make_vjp
from ..engine import defjvp_argnums, defvjp_argnums, getval, isbox, primitive
from ..misc.flatten import flatten
from ..numpy import wrapper as anp

__all__ = ['odeint']

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


@primitive
def _odeint(func, y0, t, *args, **kwargs):
    return _source.odeint(func, y0, t, args, **kwargs)


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
        raise NotImplementedError("odeint: derivatives of order two and higher are not implemented (the "
                                  "derivative rules solve their ODEs with SciPy, which cannot be traced).")


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
        return _source.odeint(dynamics, state, times, **self.options)


def _odeint_vjp(argnums, ans, args, kwargs):
    problem = _Problem(argnums, ans, args, kwargs)
    n, t, path = problem.n, problem.t, problem.path

    def adjoint_dynamics(state, time):
        y, a = state[:n], state[n:2 * n]
        vjp, dy = make_vjp(lambda y, theta: problem.field(y, time, theta), (0, 1))(y, problem.theta)
        g_y, g_theta = vjp(a)
        return _np.concatenate([dy, -g_y, -g_theta])

    def vjp(g):
        _refuse_higher_order(g)
        g = _np.asarray(g)
        a, g_theta, g_t = g[-1], _np.zeros_like(problem.theta), _np.zeros_like(t)
        adjoint = _np.zeros(n)
        for i in range(len(t) - 1, 0, -1):
            g_t[i] = g[i] @ problem.plain_field(path[i], t[i])
            state = problem.solve(adjoint_dynamics, _np.concatenate([path[i], a, g_theta]), [t[i], t[i - 1]])[1]
            adjoint, g_theta = state[n:2 * n], state[2 * n:]
            a = adjoint + g[i - 1]
        g_t[0] = -adjoint @ problem.plain_field(path[0], t[0])  # y(t[0]) is y0 wherever t[0] is
        grads = {1: _np.reshape(a, problem.y0_shape), 2: g_t}
        grads.update(zip(problem.param_argnums, problem.unflatten(g_theta)))
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
