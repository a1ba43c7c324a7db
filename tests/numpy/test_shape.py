"""Reshaping, transposing, broadcasting and joining."""
import pytest

import autograd.numpy as np

from .util import check, rand

CASES = {
    'reshape': (lambda x: np.reshape(x, (4, 6)), (2, 3, 4)),
    'reshape_method': (lambda x: x.reshape(6, -1), (2, 3, 4)),
    'ravel': (np.ravel, (2, 3, 4)),
    'flatten_method': (lambda x: x.flatten(), (2, 3)),
    'transpose': (np.transpose, (2, 3, 4)),
    'transpose_axes': (lambda x: np.transpose(x, (1, 2, 0)), (2, 3, 4)),
    'T': (lambda x: x.T, (2, 3)),
    'mT': (lambda x: x.mT, (2, 3, 4)),
    'swapaxes': (lambda x: np.swapaxes(x, 0, 2), (2, 3, 4)),
    'moveaxis': (lambda x: np.moveaxis(x, 0, -1), (2, 3, 4)),
    'expand_dims': (lambda x: np.expand_dims(x, 1), (2, 3)),
    'squeeze': (np.squeeze, (2, 1, 3)),
    'atleast_2d': (np.atleast_2d, ()),
    'broadcast_to': (lambda x: np.broadcast_to(x, (4, 2, 3)), (2, 1)),
    'stack': (lambda x: np.stack([x, 2 * x, x ** 2], axis=1), (2, 3)),
    'stack_scalars': (lambda x: np.stack([x, 2 * x]), ()),
    'concatenate': (lambda x: np.concatenate([x, x[:1], 3 * x], axis=0), (2, 3)),
    'concatenate_axis_none': (lambda x: np.concatenate([x, x], axis=None), (2, 3)),
    'full': (lambda x: np.full((2, 3), x), ()),
    'full_broadcast': (lambda x: np.full((4, 3), x), (3,)),
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_shape_rules(name):
    fun, shape = CASES[name]
    check(fun, rand(*shape))


def test_concatenate_mixes_constants_and_traced():
    c = rand(1, 3)
    check(lambda x: np.concatenate([c, x, c]), rand(2, 3))
