"""Reading with every kind of index, and selecting with where."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad

from .util import check, rand

INDICES = {
    'int': 1,
    'negative': -1,
    'slice': slice(1, None),
    'step': (slice(None), slice(None, None, 2)),
    'ellipsis': (Ellipsis, 0),
    'newaxis': (None, 1),
    'fancy': [0, 2, 0],
    'fancy_2d': (onp.array([0, 1, 1]), onp.array([2, 0, 2])),
    'mask': onp.array([True, False, True]),
}


@pytest.mark.parametrize('name', sorted(INDICES))
def test_getitem(name):
    idx = INDICES[name]
    check(lambda x: x[idx], rand(3, 3))


def test_repeated_index_gradients_add_up():
    assert onp.allclose(grad(lambda x: np.sum(x[[0, 0, 1]]))(onp.zeros(3)), [2.0, 1.0, 0.0])


def test_iteration_and_len():
    check(lambda x: sum(row * i for i, row in enumerate(x)) * len(x), rand(3, 2))


def test_where():
    c = onp.array([True, False, True])
    check(lambda x, y: np.where(c, x, y), rand(3), rand(2, 3))
    check(lambda x: np.where(x > 0, x, 0.0), rand(2, 3))


def test_complex_getitem():
    check(lambda z: z[1:, 0], rand(3, 2, dtype=complex))
