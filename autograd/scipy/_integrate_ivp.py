"""SciPy's ``solve_ivp``, with ``y`` differentiable in ``y0``, ``t_span``, ``t_eval`` and the ``args`` of ``fun``.

The result is SciPy's (``t``, ``y``, ``success``, ``status``, ``nfev``, ...), with ``y`` replaced, when any
input is traced, by the output of the primitive ``_path``: the solution at a list of times, solved by
SciPy with the method and options of the call. Those times are ``t_eval`` or, without it, the steps SciPy
took, of which only the ends (``t_span``) are differentiated: the interior steps are the solver's choice,
held fixed. Computing the result and its path solves the problem twice.

Reverse mode is the adjoint method: for ``dy/dt = f(t, y, p)`` and a cotangent ``g[i]`` of each ``y(t[i])``,
the adjoint ``a`` obeys ``da/dt = -a df/dy`` and the gradient of ``p`` gathers ``-a df/dp dt``. The state
``[y, a, gradient of p]`` is solved backwards between consecutive times with ``_path`` itself, ``a``
receiving ``g[i]`` at ``t[i]``, so the gradient differentiates again. Forward mode solves the sensitivity
``dS/dt = df/dy S + df/dp dp`` beside ``y``, with ``_path`` too. Both use ``make_vjp``/``make_jvp`` of
``fun``, which must therefore be written with ``autograd.numpy``.

Accuracy: the adjoint and sensitivity systems are solved to the call's ``rtol`` and ``atol`` (SciPy's
defaults 1e-3 and 1e-6 unless given), so derivatives are as accurate as ``y`` is, no more; pass tight
tolerances when derivatives matter; tolerances given per component of ``y`` apply their smallest entry
there. ``jac`` and the Jacobian's band and sparsity options serve ``y``'s solve only. ``dense_output``'s
``sol`` is SciPy's, not differentiated; ``events`` are refused when differentiating.
"""
import builtins as _py

import numpy as _np
import scipy.integrate as _source

from ..differential_operators import make_jvp, make_vjp
from ..engine import defjvp_argnums, defvjp_argnums, getval, isbox, primitive
from ..misc.flatten import flatten
from ..numpy import wrapper as anp
from ..numpy.backends import scipy_on_backends
from ..numpy.derivatives.helpers import is_complex

__all__ = ['solve_ivp']

# Options that describe f alone (its Jacobian), wrong for the augmented systems of the derivatives.
_JACOBIAN_OPTIONS = ('jac', 'jac_sparsity', 'lband', 'uband')

_scipy_solve_ivp = scipy_on_backends('integrate', 'solve_ivp', _source.solve_ivp)


def solve_ivp(fun, t_span, y0, method='RK45', t_eval=None, dense_output=False, events=None, vectorized=False,
              args=None, **options):
    params = () if args is None else args
    if not _py.isinstance(params, (tuple, list)):
        raise TypeError("solve_ivp: args must be a tuple of extra arguments for fun, got {!r}".format(args))
    params = tuple(params)
    plain_eval = None if t_eval is None else getval(t_eval)
    result = _scipy_solve_ivp(fun, (getval(t_span[0]), getval(t_span[1])), getval(y0), method=method,
                               t_eval=plain_eval, dense_output=dense_output, events=events, vectorized=vectorized,
                               args=tuple(getval(p) for p in params) or None, **options)
    if not _py.any(isbox(v) for v in (y0, t_span[0], t_span[1], t_eval) + params):
        return result
    if events is not None or not result.success:
        raise NotImplementedError("solve_ivp: derivatives need an integration that reaches t_span[1] without "
                                  "events; got events={!r} and status {} ({})".format(events, result.status,
                                                                                      result.message))
    if is_complex(y0):
        raise NotImplementedError("solve_ivp: derivatives are defined for real y0 only; split a complex state "
                                  "into its real and imaginary parts")
    if t_eval is None:
        times = anp.concatenate([anp.stack([t_span[0]]), result.t[1:-1], anp.stack([t_span[1]])])
        path = _path(fun, y0, times, *params, method=method, options=tuple(sorted(options.items())))
    else:
        times = anp.concatenate([anp.stack([t_span[0]]), anp.ravel(t_eval)])
        # Solved to t_span[1], not to the last of t_eval, so that the steps, and the values, are SciPy's.
        path = _path(fun, y0, times, *params, method=method, options=tuple(sorted(options.items())),
                     stop=getval(t_span[1]))[1:]
    result.y = anp.transpose(path)
    return result


solve_ivp.__doc__ = _source.solve_ivp.__doc__


@primitive
def _path(fun, y0, times, *params, method='RK45', options=(), stop=None):
    """The solution (one row per time) at ``times``, starting from ``y0`` at ``times[0]``, solving up to
    ``stop`` (by default the last time)."""
    rows = [_np.asarray(y0, dtype=float)]
    if len(times) > 1:
        stop = times[-1] if stop is None else stop
        solution = _scipy_solve_ivp(fun, (times[0], stop), y0, method=method, t_eval=times[1:],
                                     args=params or None, **dict(options))
        if not solution.success:
            raise RuntimeError("solve_ivp: the solver failed while differentiating: {}".format(solution.message))
        rows.extend(solution.y.T)
    return _np.stack(rows)


def _field(fun):
    """``f(t, y, *params)`` as a flat array."""
    return lambda t, y, *params: anp.ravel(anp.array(fun(t, y, *params)))


def _augmented(kwargs, **changes):
    """``_path``'s keywords for an augmented system: without the options about f's Jacobian, and with
    one tolerance for all its components."""
    options = tuple((k, _np.min(v) if k in ('rtol', 'atol') else v) for k, v in kwargs.get('options', ())
                    if k not in _JACOBIAN_OPTIONS)
    return dict(kwargs, options=options, **changes)


def _replace(values, positions, new):
    values = list(values)
    for position, value in zip(positions, new):
        values[position] = value
    return values


def _path_vjp(argnums, ans, args, kwargs):
    fun, y0, times, *params = args
    f, n = _field(fun), len(ans[0])
    chosen = [i - 3 for i in argnums if i >= 3]
    zero_gradient, unflatten = flatten(tuple(params[i] for i in chosen))

    def adjoint_dynamics(t, state, *params):
        y, a = state[:n], state[n:2 * n]

        def at_t(y, *moving):
            return f(t, y, *_replace(params, chosen, moving))
        vjp, dy = make_vjp(at_t, tuple(range(1 + len(chosen))))(y, *[params[i] for i in chosen])
        gradients = vjp(a)
        return anp.concatenate([dy, -gradients[0], -flatten(tuple(gradients[1:]))[0]])

    between = _augmented(kwargs, stop=None)

    def vjp(g):
        a, g_params, g_times = g[-1], anp.zeros_like(zero_gradient), [None] * len(times)
        adjoint = anp.zeros_like(g[0])
        for i in range(len(times) - 1, 0, -1):
            g_times[i] = anp.dot(g[i], f(times[i], ans[i], *params))
            start = anp.concatenate([ans[i], a, g_params])
            state = _path(adjoint_dynamics, start, anp.stack([times[i], times[i - 1]]), *params, **between)[1]
            adjoint, g_params = state[n:2 * n], state[2 * n:]
            a = adjoint + g[i - 1]
        g_times[0] = -anp.dot(adjoint, f(times[0], ans[0], *params))  # y(times[0]) is y0 wherever it is
        gradients = {1: a, 2: anp.stack(g_times)}
        gradients.update((i + 3, value) for i, value in zip(chosen, unflatten(g_params)))
        return [gradients[i] for i in argnums]
    return vjp


def _path_jvp(argnums, tangents, ans, args, kwargs):
    fun, y0, times, *params = args
    f, n, given = _field(fun), len(ans[0]), dict(zip(argnums, tangents))
    chosen = [i - 3 for i in argnums if i >= 3]
    moves, count = tuple(given[i + 3] for i in chosen), len(params)

    def sensitivity_dynamics(t, state, *values):
        params, moves = values[:count], values[count:]
        y, s = state[:n], state[n:]

        def at_t(y, *moving):
            return f(t, y, *_replace(params, chosen, moving))
        dy, ds = make_jvp(at_t, tuple(range(1 + len(chosen))))(y, *[params[i] for i in chosen])((s,) + moves)
        return anp.concatenate([dy, ds])

    dy0 = given.get(1, anp.zeros_like(ans[0]))
    dt = given.get(2, anp.zeros_like(times))
    # Moving a time moves the solution along the flow: by f dt at t[i], and by -f dt[0] at the start.
    start = anp.concatenate([ans[0], dy0 - f(times[0], ans[0], *params) * dt[0]])
    solved = _path(sensitivity_dynamics, start, times, *params, *moves, **_augmented(kwargs))
    along_flow = anp.stack([f(times[i], ans[i], *params) for i in range(len(times))]) * dt[:, None]
    return solved[:, n:] + along_flow


defvjp_argnums(_path, _path_vjp)
defjvp_argnums(_path, _path_jvp)
