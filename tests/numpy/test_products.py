"""dot, tensordot and matmul over every combination of dimensions."""
import pytest

import autograd.numpy as np

from .util import check, rand

DOT_SHAPES = [((), ()), ((3,), ()), ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)),
              ((2, 2, 3), (4, 3, 2)), ((3,), (2, 3, 4))]
MATMUL_SHAPES = [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)), ((5, 2, 3), (3, 4)),
                 ((5, 2, 3), (1, 3, 4)), ((3,), (5, 3, 4)), ((5, 2, 3), (3,))]
TENSORDOT_CASES = [((2, 3, 4), (3, 4, 5), 2), ((2, 3), (3, 4), 1), ((2, 3), (4, 5), 0),
                   ((2, 3, 4), (4, 2, 5), ([0, 2], [1, 0])), ((3, 4), (4, 3), ([1, 0], [0, 1]))]


@pytest.mark.parametrize('shapes', DOT_SHAPES)
def test_dot(shapes):
    check(np.dot, rand(*shapes[0]), rand(*shapes[1]))


@pytest.mark.parametrize('shapes', MATMUL_SHAPES)
def test_matmul(shapes):
    check(np.matmul, rand(*shapes[0]), rand(*shapes[1]))
    check(lambda a, b: a @ b, rand(*shapes[0]), rand(*shapes[1]))


@pytest.mark.parametrize('a_shape, b_shape, axes', TENSORDOT_CASES)
def test_tensordot(a_shape, b_shape, axes):
    check(lambda a, b: np.tensordot(a, b, axes), rand(*a_shape), rand(*b_shape))


def test_complex_products():
    check(np.dot, rand(2, 3, dtype=complex), rand(3, dtype=complex))
    check(np.matmul, rand(2, 3, dtype=complex), rand(3, 2))
