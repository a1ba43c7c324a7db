"""First-order optimizers with HIPS Autograd's signatures: ``sgd``, ``rmsprop`` and ``adam``.

Each takes ``grad(x, i)``, the gradient at parameters ``x`` on iteration ``i``, and a start ``x0`` that may
be any nesting of lists, tuples, dicts, arrays and scalars; they return the final parameters in ``x0``'s
structure. ``callback(x, i, g)``, if given, is called on every iteration with the parameters, the iteration
number and the gradient just taken there (in ``x0``'s structure), before the step. The updates are written
with ``autograd.numpy``, so an optimization can itself be differentiated (e.g. with respect to the step
size or the start).

Lazy values (Dask) work as they are: a step's gradient, running averages and parameters are computed
together, once, with one ``dask.persist`` (``backends.settle``) before the callback sees them, so each step
builds on the last one's results and its graph does not grow with the iterations; on a cluster they stay in
the workers' memory.
"""
from functools import wraps

from .. import numpy as anp
from ..numpy.backends import settle
from .flatten import flatten

__all__ = ['sgd', 'rmsprop', 'adam', 'unflatten_optimizer']


def unflatten_optimizer(optimizer):
    """``optimizer`` written for one flat parameter vector, made to take and return any structure.

    >>> @unflatten_optimizer
    ... def gradient_descent(grad, x, callback=None, num_iters=10, step_size=0.1):
    ...     for i in range(num_iters):
    ...         x = x - step_size * grad(x, i)
    ...     return x
    >>> gradient_descent(lambda p, i: {'w': 2 * p['w']}, {'w': 1.0})
    {'w': 0.10737418240000003}
    """
    @wraps(optimizer)
    def structured(grad, x0, callback=None, *args, **kwargs):
        x0_flat, unflatten = flatten(x0)

        def flat_grad(x, i):
            return flatten(grad(unflatten(x), i))[0]

        flat_callback = None if callback is None else lambda x, i, g: callback(unflatten(x), i, unflatten(g))
        return unflatten(optimizer(flat_grad, x0_flat, flat_callback, *args, **kwargs))
    return structured


@unflatten_optimizer
def sgd(grad, x0, callback=None, num_iters=200, step_size=0.1, mass=0.9):
    """Gradient descent with momentum: the velocity is a running average of -grad with weight ``mass``."""
    x, velocity = x0, anp.zeros_like(x0)
    for i in range(num_iters):
        g = grad(x, i)
        velocity = mass * velocity - (1.0 - mass) * g
        g, velocity, x_next = settle(g, velocity, x + step_size * velocity)
        if callback is not None:
            callback(x, i, g)
        x = x_next
    return x


@unflatten_optimizer
def rmsprop(grad, x0, callback=None, num_iters=100, step_size=0.1, gamma=0.9, eps=10**-8):
    """Steps of -grad scaled by the root of a running average (weight ``gamma``) of its square, from 1."""
    x, mean_square = x0, anp.ones_like(x0)
    for i in range(num_iters):
        g = grad(x, i)
        mean_square = gamma * mean_square + (1.0 - gamma) * g ** 2
        g, mean_square, x_next = settle(g, mean_square, x - step_size * g / (anp.sqrt(mean_square) + eps))
        if callback is not None:
            callback(x, i, g)
        x = x_next
    return x


@unflatten_optimizer
def adam(grad, x0, callback=None, num_iters=100, step_size=0.001, b1=0.9, b2=0.999, eps=10**-8):
    """Adam (Kingma and Ba, 2015): running averages of the gradient and its square, corrected for their
    start at zero, give the step ``-step_size * m / (sqrt(v) + eps)``."""
    x, m, v = x0, anp.zeros_like(x0), anp.zeros_like(x0)
    for i in range(num_iters):
        g = grad(x, i)
        m = b1 * m + (1.0 - b1) * g
        v = b2 * v + (1.0 - b2) * g ** 2
        m_hat = m / (1.0 - b1 ** (i + 1))
        v_hat = v / (1.0 - b2 ** (i + 1))
        g, m, v, x_next = settle(g, m, v, x - step_size * m_hat / (anp.sqrt(v_hat) + eps))
        if callback is not None:
            callback(x, i, g)
        x = x_next
    return x
