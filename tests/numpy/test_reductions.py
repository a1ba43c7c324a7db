"""Sums, means and extrema over every axis form, with keepdims."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad

from .util import check, rand

AXES = [None, 0, 1, -1, (0, 2)]


@pytest.mark.parametrize('fun', [np.sum, np.mean, np.max, np.min, np.amax, np.amin])
@pytest.mark.parametrize('axis', AXES)
@pytest.mark.parametrize('keepdims', [False, True])
def test_reductions(fun, axis, keepdims):
    check(lambda x: fun(x, axis=axis, keepdims=keepdims), rand(2, 3, 4))


@pytest.mark.parametrize('fun', [np.sum, np.mean, np.max])
def test_reductions_of_scalars_and_vectors(fun):
    check(fun, rand())
    check(fun, rand(5))


def test_sum_and_mean_complex():
    check(lambda z: np.sum(z, axis=0), rand(3, 2, dtype=complex))
    check(lambda z: np.mean(z, axis=1), rand(3, 2, dtype=complex))


def test_positional_axis():
    check(lambda x: np.sum(x, 1), rand(2, 3))
    check(lambda x: x.sum(1) + x.mean(0).sum(), rand(2, 3))


def test_max_splits_the_gradient_between_ties():
    x = onp.array([1.0, 3.0, 3.0, 2.0])
    assert onp.allclose(grad(np.max)(x), [0, 0.5, 0.5, 0])
