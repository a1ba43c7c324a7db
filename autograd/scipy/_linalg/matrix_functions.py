"""Rules of the matrix functions: ``expm``, ``sqrtm``, ``logm``, the trigonometric and hyperbolic ones,
``signm``, ``fractional_matrix_power``, ``expm_frechet`` and ``expm_cond``.

A primary matrix function f has the Frechet derivative L(A, E) = the top right block of
f([[A, E], [0, A]]), and as f(A^T) = f(A)^T its transpose is E -> L(A^T, E): both are written with f itself,
so they differentiate again. They are exact where f is differentiable at A (e.g. ``logm``,
``fractional_matrix_power`` away from eigenvalues on the closed negative real axis, ``signm`` away from the
imaginary axis). Complex values pair as ``Re(sum(g * v))``: these functions are holomorphic, so plain
transposes, never conjugates.
"""
from ...builtins import isinstance as _isinstance
from ...engine import defjvp, defvjp, getval
from ...numpy import linalg as anp_linalg
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import shape_of, unbroadcast
from ...numpy.derivatives.matrices import T
from . import namespace as sl
from .derived import rules_from


# sqrtm: X X = A, so X dX + dX X = dA, a Sylvester equation; its transpose has X^T for X.

def _sqrtm_result(ans):
    _one_result('sqrtm', ans)
    return ans


def _sqrtm_vjp(ans, A, *unused_args, **unused_kwargs):  # disp and blocksize (deprecated) are unused
    x_t = T(_sqrtm_result(ans))
    return lambda g: unbroadcast(sl.solve_sylvester(x_t, x_t, g), A)


def _sqrtm_jvp(g, ans, A, *unused_args, **unused_kwargs):
    x = _sqrtm_result(ans)
    return sl.solve_sylvester(x, x, g)


defvjp(sl.sqrtm, _sqrtm_vjp)
defjvp(sl.sqrtm, _sqrtm_jvp)


def frechet(f, a, e):
    """The Frechet derivative of the primary matrix function ``f`` at ``a`` in direction ``e``: the top right
    block of f([[a, e], [0, a]])."""
    n = shape_of(a)[-1]
    zeros = anp.zeros_like(a + e)  # with the stack shape and dtype of both
    top = anp.concatenate([a + zeros, e + zeros], axis=-1)
    bottom = anp.concatenate([zeros, a + zeros], axis=-1)
    return f(anp.concatenate([top, bottom], axis=-2))[..., :n, n:]


def _one_result(name, ans):
    if _isinstance(ans, tuple):
        sl.refuse(name, 'derivatives are defined for the default disp=True only')


def _def_primary(fun):
    """Rules for ``fun(A, *options)``, a primary matrix function of ``A``."""
    def vjp(ans, a, *args, **kwargs):
        _one_result(fun.__name__, ans)
        return lambda g: unbroadcast(frechet(lambda x: fun(x, *args, **kwargs), T(a), g), a)

    def jvp(g, ans, a, *args, **kwargs):
        _one_result(fun.__name__, ans)
        return frechet(lambda x: fun(x, *args, **kwargs), a, g)
    defvjp(fun, vjp)
    defjvp(fun, jvp)


for _fun in (sl.expm, sl.logm, sl.sinm, sl.cosm, sl.tanm, sl.sinhm, sl.coshm, sl.tanhm):
    _def_primary(_fun)


# fractional_matrix_power(A, t) = expm(t logm(A)): in t its derivative is logm(A) A^t.

def _power_vjp_t(ans, a, t):
    return lambda g: unbroadcast(g * (sl.logm(a) @ ans), t)


defvjp(sl.fractional_matrix_power,
       lambda ans, a, t: lambda g: unbroadcast(frechet(lambda x: sl.fractional_matrix_power(x, t), T(a), g), a),
       _power_vjp_t)
defjvp(sl.fractional_matrix_power,
       lambda g, ans, a, t: frechet(lambda x: sl.fractional_matrix_power(x, t), a, g),
       lambda g, ans, a, t: g * (sl.logm(a) @ ans))


# signm(A) = A (A^2)^(-1/2), away from eigenvalues on the imaginary axis.

def _signm(a, disp=None):
    if disp is False:
        sl.refuse('signm', 'derivatives are defined for the default disp=True only')
    return a @ anp_linalg.inv(sl.sqrtm(a @ a))


rules_from(sl.signm, _signm)


def _expm_frechet(a, e, method=None, compute_expm=True, check_finite=True):
    derivative = frechet(sl.expm, a, e)
    return (sl.expm(a), derivative) if compute_expm else derivative


rules_from(sl.expm_frechet, _expm_frechet)


# expm_cond: ||A||_F ||L(A)|| / ||expm(A)||_F, where ||L(A)|| is the 2-norm of the Kronecker form of E -> L(A, E),
# whose columns are L(A, E) for the n^2 unit matrices E, computed as one stack.

def _expm_cond(a, check_finite=True):
    n = shape_of(a)[-1]
    units = anp.reshape(anp.on_backend_of(a, anp.eye(n * n, dtype=getval(a).dtype)), (n * n, n, n))
    kronecker = T(anp.reshape(frechet(sl.expm, a, units), (n * n, n * n)))
    return anp_linalg.norm(kronecker, 2) * anp_linalg.norm(a) / anp_linalg.norm(sl.expm(a))


rules_from(sl.expm_cond, _expm_cond)
