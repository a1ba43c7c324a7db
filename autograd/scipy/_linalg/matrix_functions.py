"""Rules of the matrix functions: ``expm``, ``sqrtm``, ``logm``, the trigonometric and hyperbolic ones,
``signm``, ``fractional_matrix_power`` and ``expm_frechet``.

A primary matrix function f has the Frechet derivative L(A, E) = the top right block of
f([[A, E], [0, A]]), and as f(A^T) = f(A)^T its transpose is E -> L(A^T, E): both are written with f itself,
so they differentiate again. They are exact where f is differentiable at A (e.g. ``logm``,
``fractional_matrix_power`` away from eigenvalues on the closed negative real axis, ``signm`` away from the
imaginary axis). Complex values pair as ``Re(sum(g * v))``: these functions are holomorphic, so plain
transposes, never conjugates.
"""
from ...builtins import isinstance as _isinstance
from ...engine import defjvp, defvjp
from ...numpy import wrapper as anp
from ...numpy.derivatives.helpers import shape_of, unbroadcast
from ...numpy.derivatives.matrices import T
from . import namespace as sl


# sqrtm: X X = A, so X dX + dX X = dA, a Sylvester equation; its transpose has X^T for X.

def _sqrtm_result(ans):
    if _isinstance(ans, tuple):
        sl.refuse('sqrtm', 'derivatives are defined for the default disp=True only')
    return ans


def _sqrtm_vjp(ans, A, *unused_args, **unused_kwargs):  # disp and blocksize (deprecated) are unused
    x_t = T(_sqrtm_result(ans))
    return lambda g: unbroadcast(sl.solve_sylvester(x_t, x_t, g), A)


def _sqrtm_jvp(g, ans, A, *unused_args, **unused_kwargs):
    x = _sqrtm_result(ans)
    return sl.solve_sylvester(x, x, g)


defvjp(sl.sqrtm, _sqrtm_vjp)
defjvp(sl.sqrtm, _sqrtm_jvp)


# expm: its Frechet derivative L(A, E) is the top right block of expm([[A, E], [0, A]]); the transpose of
# E -> L(A, E) is E -> L(A^T, E).

def _expm_frechet(a, e):
    n = shape_of(a)[-1]
    zeros = anp.zeros_like(a + e)  # with the stack shape and dtype of both
    top = anp.concatenate([a + zeros, e + zeros], axis=-1)
    bottom = anp.concatenate([zeros, a + zeros], axis=-1)
    return sl.expm(anp.concatenate([top, bottom], axis=-2))[..., :n, n:]


defvjp(sl.expm, lambda ans, A: lambda g: unbroadcast(_expm_frechet(T(A), g), A))
defjvp(sl.expm, lambda g, ans, A: _expm_frechet(A, g))
