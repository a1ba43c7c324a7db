"""Products of arrays (NumPy's "Linear algebra" products): tensordot, dot and matmul.

Each is linear in each argument, so its JVPs are the product itself with a tangent in place of an
argument. A VJP contracts the gradient with the other argument over the axes the product left free, then
puts the axes back in the argument's order.
"""
import numpy as _np

from ...engine import defjvp, defvjp
from .. import wrapper as anp
from .helpers import shape_of, unbroadcast, unbroadcast_to


def _tensordot_axes(axes, a_ndim, b_ndim):
    if isinstance(axes, (int, _np.integer)):
        return list(range(a_ndim - axes, a_ndim)), list(range(axes))
    a_axes, b_axes = axes
    a_axes = [a_axes] if isinstance(a_axes, (int, _np.integer)) else list(a_axes)
    b_axes = [b_axes] if isinstance(b_axes, (int, _np.integer)) else list(b_axes)
    return [i % a_ndim for i in a_axes], [i % b_ndim for i in b_axes]


def _tensordot_grad_a(g, b, a_ndim, a_axes, b_axes):
    b_ndim = len(shape_of(b))
    b_free = [j for j in range(b_ndim) if j not in b_axes]
    a_free = [i for i in range(a_ndim) if i not in a_axes]
    n_a_free = len(a_free)
    contracted = anp.tensordot(g, b, (list(range(n_a_free, n_a_free + len(b_free))), b_free))
    b_summed_order = sorted(b_axes)
    position = {i: k for k, i in enumerate(a_free)}
    for a_axis, b_axis in zip(a_axes, b_axes):
        position[a_axis] = n_a_free + b_summed_order.index(b_axis)
    return anp.transpose(contracted, [position[i] for i in range(a_ndim)])


def _tensordot_grad_b(g, a, b_ndim, a_axes, b_axes):
    a_ndim = len(shape_of(a))
    a_free = [i for i in range(a_ndim) if i not in a_axes]
    b_free = [j for j in range(b_ndim) if j not in b_axes]
    contracted = anp.tensordot(a, g, (a_free, list(range(len(a_free)))))
    a_summed_order = sorted(a_axes)
    position = {j: len(a_axes) + k for k, j in enumerate(b_free)}
    for a_axis, b_axis in zip(a_axes, b_axes):
        position[b_axis] = a_summed_order.index(a_axis)
    return anp.transpose(contracted, [position[j] for j in range(b_ndim)])


def _tensordot_vjp_a(ans, a, b, axes=2):
    a_ndim, b_ndim = len(shape_of(a)), len(shape_of(b))
    a_axes, b_axes = _tensordot_axes(axes, a_ndim, b_ndim)
    return lambda g: unbroadcast(_tensordot_grad_a(g, b, a_ndim, a_axes, b_axes), a)


def _tensordot_vjp_b(ans, a, b, axes=2):
    a_ndim, b_ndim = len(shape_of(a)), len(shape_of(b))
    a_axes, b_axes = _tensordot_axes(axes, a_ndim, b_ndim)
    return lambda g: unbroadcast(_tensordot_grad_b(g, a, b_ndim, a_axes, b_axes), b)


defvjp(anp.tensordot, _tensordot_vjp_a, _tensordot_vjp_b)
defjvp(anp.tensordot, 'same', 'same')


def _dot_axes(a, b):
    a_ndim, b_ndim = len(shape_of(a)), len(shape_of(b))
    return a_ndim, b_ndim, [a_ndim - 1], [max(b_ndim - 2, 0)]


def _dot_vjp_a(ans, a, b):
    a_ndim, b_ndim, a_axes, b_axes = _dot_axes(a, b)
    if a_ndim == 0 or b_ndim == 0:
        return lambda g: unbroadcast(g * b, a)
    return lambda g: unbroadcast(_tensordot_grad_a(g, b, a_ndim, a_axes, b_axes), a)


def _dot_vjp_b(ans, a, b):
    a_ndim, b_ndim, a_axes, b_axes = _dot_axes(a, b)
    if a_ndim == 0 or b_ndim == 0:
        return lambda g: unbroadcast(g * a, b)
    return lambda g: unbroadcast(_tensordot_grad_b(g, a, b_ndim, a_axes, b_axes), b)


defvjp(anp.dot, _dot_vjp_a, _dot_vjp_b)
defjvp(anp.dot, 'same', 'same')


def _as_matrices(g, a, b):
    """Views of matmul's operands (and gradient) with 1-D operands promoted to matrices, as matmul does."""
    a_shape, b_shape = shape_of(a), shape_of(b)
    if len(b_shape) == 1:
        b = anp.reshape(b, b_shape + (1,))
        g = anp.expand_dims(g, -1)
    if len(a_shape) == 1:
        a = anp.reshape(a, (1,) + a_shape)
        g = anp.expand_dims(g, -2)
    return g, a, b


def _matmul_vjp_a(ans, a, b):
    def vjp(g):
        g, a2, b2 = _as_matrices(g, a, b)
        grad = anp.matmul(g, anp.swapaxes(b2, -1, -2))
        grad = unbroadcast_to(grad, shape_of(a2), anp.iscomplexobj(a))
        return anp.reshape(grad, shape_of(a))
    return vjp


def _matmul_vjp_b(ans, a, b):
    def vjp(g):
        g, a2, b2 = _as_matrices(g, a, b)
        grad = anp.matmul(anp.swapaxes(a2, -1, -2), g)
        grad = unbroadcast_to(grad, shape_of(b2), anp.iscomplexobj(b))
        return anp.reshape(grad, shape_of(b))
    return vjp


defvjp(anp.matmul, _matmul_vjp_a, _matmul_vjp_b)
defjvp(anp.matmul, 'same', 'same')
