"""Helpers for the table-driven derivative tests."""
import numpy as onp

import autograd.numpy as anp
from autograd.test_util import check_grads


def rand(*shape, dtype=float, positive=False, low=None):
    """Random values of ``shape``; ``positive`` keeps them in [0.5, 2) (logs, roots, powers)."""
    if positive:
        x = onp.random.uniform(0.5, 2.0, shape)
    elif low is not None:
        x = onp.random.uniform(low, low + 1.0, shape)
    else:
        x = onp.random.randn(*shape)
    if onp.dtype(dtype).kind == 'c':
        x = x + 1j * (onp.random.uniform(0.5, 2.0, shape) if positive else onp.random.randn(*shape))
    x = onp.asarray(x, dtype)
    return x if shape else x[()]


def check(fun, *args, modes=('fwd', 'rev'), order=2, argnums=None):
    """check_grads of ``fun`` with respect to each float argument in turn (or ``argnums``)."""
    if argnums is None:
        argnums = [i for i, a in enumerate(args) if onp.asarray(a).dtype.kind in 'fc']
    for argnum in argnums:
        check_grads(fun, argnum, modes=list(modes), order=order)(*args)


def invertible(*shape, dtype=float):
    """Random matrices (or stacks) made well conditioned by a multiple of the identity."""
    return rand(*shape, dtype=dtype) + shape[-1] * onp.eye(shape[-1])


def positive_definite(*shape, dtype=float):
    """Random Hermitian positive-definite matrices (or stacks)."""
    x = rand(*shape, dtype=dtype)
    return x @ onp.conj(onp.swapaxes(x, -1, -2)) + shape[-1] * onp.eye(shape[-1])


def hermitian_part(a):
    """The Hermitian part of (stacks of) matrices, traced when ``a`` is."""
    return 0.5 * (a + anp.conj(anp.swapaxes(a, -1, -2)))


def ids(value):
    """A readable parametrize id: type names for dtypes, repr for the rest."""
    if isinstance(value, type):
        return value.__name__
    if isinstance(value, tuple) and all(isinstance(v, type) for v in value):
        return '-'.join(v.__name__ for v in value)
    return repr(value)
