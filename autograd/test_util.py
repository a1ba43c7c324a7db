"""Checking derivatives against finite differences.

``check_grads(fun, modes=['fwd', 'rev'], order=2)(*args)`` compares forward-mode (JVP) and reverse-mode
(VJP) derivatives of ``fun`` with central differences along random directions, then does the same for
the derivative functions themselves up to ``order``. A mismatch raises AssertionError saying which mode,
which order and by how much.
"""
import itertools

import numpy as _np

from . import engine
from .differential_operators import _traced_output
from .engine import vspace
from .wrap_util import unary_to_nary

EPS = 1e-6
RTOL = 1e-5
ATOL = 1e-6
# Single precision cannot resolve a 1e-6 step: use a coarser step and looser tolerances for it.
LOW_PRECISION = {'eps': 1e-3, 'rtol': 2e-2, 'atol': 2e-3}


def _leaf_dtypes(vs):
    if hasattr(vs, 'dtype'):
        return [vs.dtype]
    return [d for sub in getattr(vs, 'shape', []) for d in _leaf_dtypes(sub)]


def _tolerances(*spaces):
    if any(_np.dtype(d).itemsize <= (8 if _np.dtype(d).kind == 'c' else 4)
           for vs in spaces for d in _leaf_dtypes(vs)):
        return LOW_PRECISION
    return {'eps': EPS, 'rtol': RTOL, 'atol': ATOL}


def scalar_close(a, b):
    """Whether scalars ``a`` and ``b`` agree: ``|a - b| < 1e-6``, absolutely or relative to ``|a + b|``."""
    return abs(a - b) < 1e-6 or abs(a - b) / abs(a + b) < 1e-6


def make_numerical_jvp(f, x, eps=EPS):
    """``v -> (f(x + eps v / 2) - f(x - eps v / 2)) / eps``, the central-difference directional derivative."""
    x_vs = vspace(x)

    def jvp(v):
        f_plus = f(x_vs.add(x, x_vs.scalar_mul(v, eps / 2)))
        f_minus = f(x_vs.add(x, x_vs.scalar_mul(v, -eps / 2)))
        y_vs = vspace(f_plus)
        return y_vs.scalar_mul(y_vs.add(f_plus, y_vs.scalar_mul(f_minus, -1.0)), 1.0 / eps)
    return jvp


def _pairing(vs, cotangent, tangent):
    """The real number a cotangent assigns to a tangent (``Re(sum(w * v))`` for arrays)."""
    return vs.inner_prod(vs.covector(cotangent), tangent)


def _norm(vs, x):
    return float(_np.sqrt(max(vs.inner_prod(x, x), 0.0)))


def _describe(fun):
    return getattr(fun, '__name__', repr(fun))


def check_vjp(f, x):
    """Assert ``<vjp(u), v> == <u, J v>`` for random ``u``, ``v``, with ``J v`` from finite differences."""
    vjp, y = engine.make_vjp(_traced_output(f), x)
    x_vs, y_vs = vspace(x), vspace(y)
    tol = _tolerances(x_vs, y_vs)
    x_v, y_v = x_vs.randn(), y_vs.randn()
    exact = _pairing(x_vs, vjp(y_v), x_v)
    numeric = _pairing(y_vs, y_v, make_numerical_jvp(f, x, tol['eps'])(x_v))
    if not abs(exact - numeric) <= tol['atol'] + tol['rtol'] * abs(numeric):
        raise AssertionError(
            "(VJP) check of {0} failed. Reverse-mode derivative of {0} disagrees with finite differences: "
            "<vjp(u), v> = {1!r} but <u, (f(x + eps v) - f(x - eps v)) / 2eps> = {2!r}".format(
                _describe(f), exact, numeric))


def check_jvp(f, x):
    """Assert the forward-mode tangent ``J v`` equals its finite-difference estimate for a random ``v``."""
    x_vs = vspace(x)
    x_v = x_vs.randn()
    y, exact = engine.make_jvp(_traced_output(f), x)(x_v)
    y_vs = vspace(y)
    tol = _tolerances(x_vs, y_vs)
    numeric = make_numerical_jvp(f, x, tol['eps'])(x_v)
    error = _norm(y_vs, y_vs.add(exact, y_vs.scalar_mul(numeric, -1.0)))
    if not error <= tol['atol'] + tol['rtol'] * _norm(y_vs, numeric):
        raise AssertionError(
            "(JVP) check of {0} failed. Forward-mode derivative of {0} disagrees with finite differences "
            "by {1:.3g}: jvp gave {2!r}, finite differences {3!r}".format(_describe(f), error, exact, numeric))


def check_equivalent(x, y):
    """Assert ``x`` and ``y`` (arrays, scalars or containers of them) are equal up to rounding."""
    x_vs, y_vs = vspace(x), vspace(y)
    if getattr(x_vs, 'shape', None) != getattr(y_vs, 'shape', None) and hasattr(x_vs, 'dtype'):
        raise AssertionError("Shapes differ: {} and {}".format(x_vs.shape, y_vs.shape))
    error = _norm(x_vs, x_vs.add(x, x_vs.scalar_mul(y, -1.0)))
    if not error <= ATOL + RTOL * _norm(y_vs, y):
        raise AssertionError("Values differ by {:.3g}:\n{!r}\n{!r}".format(error, x, y))


@unary_to_nary
def check_grads(f, x, modes=('fwd', 'rev'), order=2):
    """Check ``f``'s derivatives in ``modes`` ('fwd', 'rev') up to ``order`` against finite differences."""
    unknown = set(modes) - {'fwd', 'rev'}
    if unknown:
        raise ValueError("check_grads: unknown modes {}; use 'fwd' and/or 'rev'".format(sorted(unknown)))
    if 'fwd' in modes:
        check_jvp(f, x)
        if order > 1:
            def jvp_of_f(x, v):
                return engine.make_jvp(_traced_output(f), x)(v)[1]
            jvp_of_f.__name__ = 'jvp_' + _describe(f)
            check_grads(jvp_of_f, (0, 1), modes, order=order - 1)(x, vspace(x).randn())
    if 'rev' in modes:
        check_vjp(f, x)
        if order > 1:
            def vjp_of_f(x, u):
                return engine.make_vjp(_traced_output(f), x)[0](u)
            vjp_of_f.__name__ = 'vjp_' + _describe(f)
            check_grads(vjp_of_f, (0, 1), modes, order=order - 1)(x, vspace(f(x)).randn())


def combo_check(fun, *args, **kwargs):
    """``combo_check(fun, argnums, **check_options)(arg_choices..., kw=[choices])``: check every combination."""
    def check_all(*arg_choices, **kwarg_choices):
        keyword_options = [[(key, value) for value in values] for key, values in kwarg_choices.items()]
        for chosen_args in itertools.product(*arg_choices):
            for chosen_kwargs in itertools.product(*keyword_options):
                check_grads(fun, *args, **kwargs)(*chosen_args, **dict(chosen_kwargs))
    return check_all
