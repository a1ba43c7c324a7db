"""copy.copy and copy.deepcopy of traced values stay traced, in both modes and at every order."""
import copy

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import deriv, grad

X = onp.array([1.0, 2.0])


@pytest.mark.parametrize('copier', [copy.copy, copy.deepcopy], ids=['copy', 'deepcopy'])
def test_a_copied_array_carries_the_gradient(copier):
    onp.testing.assert_array_equal(grad(lambda x: np.sum(copier(x) * x))(X), 2 * X)


@pytest.mark.parametrize('copier', [copy.copy, copy.deepcopy], ids=['copy', 'deepcopy'])
def test_a_copied_scalar_carries_the_derivative_in_both_modes_and_twice(copier):
    f = lambda t: copier(t) * t ** 2  # noqa: E731
    assert grad(f)(3.0) == deriv(f)(3.0) == 27.0
    assert grad(grad(f))(3.0) == 18.0


def test_deepcopy_of_containers_of_traced_values_keeps_sharing_and_gradients():
    def f(params):
        w = params['w']
        saved = copy.deepcopy([w, w])
        assert saved[0] is saved[1]
        return np.sum(saved[0] * w)
    g = grad(f)({'w': X})
    onp.testing.assert_array_equal(g['w'], 2 * X)


def test_a_copy_is_a_new_array():
    def f(x):
        y = copy.deepcopy(x)
        assert y._value is not x._value
        return np.sum(y)
    onp.testing.assert_array_equal(grad(f)(X), onp.ones(2))
