"""Sorting and partitioning: gradients follow the permutation back."""
import numpy as onp
import pytest

import autograd.numpy as np
import autograd.numpy.derivatives.sorting  # noqa: F401 (until the package registers it)
from autograd import grad, make_jvp

from .util import check, rand

SORT = {
    '1d': ((5,), {}),
    'last_axis': ((3, 4), {}),
    'axis_0': ((3, 4), {'axis': 0}),
    'flat': ((3, 4), {'axis': None}),
    '3d_middle_axis_stable': ((2, 3, 4), {'axis': 1, 'kind': 'stable'}),
    'negative_axis_heapsort': ((2, 3, 4), {'axis': -3, 'kind': 'heapsort'}),
    'stable_keyword': ((4, 3), {'stable': True}),
}


@pytest.mark.parametrize('dtype', [float, complex])
@pytest.mark.parametrize('name', sorted(SORT))
def test_sort(name, dtype):
    shape, kwargs = SORT[name]
    check(lambda x: np.sort(x, **kwargs), rand(*shape, dtype=dtype))


def test_sort_positional_arguments_and_0d_flat():
    check(lambda x: np.sort(x, 0, 'mergesort'), rand(3, 2))
    check(lambda x: np.sort(x, None), rand())


def test_sort_gradient_of_ties_goes_to_the_element_argsort_puts_there():
    x = onp.array([2.0, 1.0, 2.0, 0.0, 2.0, 2.0, 1.0, 2.0, 2.0, 2.0, 1.0, 2.0])
    weights = 10.0 ** onp.arange(12)
    for kwargs in [{'kind': 'stable'}, {'stable': True}, {'kind': 'heapsort'}]:
        perm = onp.argsort(x, **kwargs)
        g = grad(lambda x: np.sum(weights * np.sort(x, **kwargs)))(x)
        assert onp.array_equal(g[perm], weights)
        assert onp.array_equal(make_jvp(lambda x: np.sort(x, **kwargs))(x)(weights)[1], weights[perm])


@pytest.mark.parametrize('shape', [(4,), (3, 4)], ids=['1d', '2d'])
def test_sort_complex(shape):
    check(np.sort_complex, rand(*shape))
    check(np.sort_complex, rand(*shape, dtype=complex))


def test_sort_complex_of_real_values_has_real_gradient():
    g = grad(lambda x: np.real(np.sum(np.sort_complex(x) * (1 + 2j))))(onp.array([3.0, 1.0, 2.0]))
    assert g.dtype == float and g.tolist() == [1.0, 1.0, 1.0]


PARTITION = {
    '1d': ((6,), 2, {}),
    'negative_kth': ((6,), -2, {}),
    'kth_sequence': ((3, 5), [0, 3], {}),
    'axis_0': ((4, 3), 1, {'axis': 0}),
    'flat': ((3, 4), 5, {'axis': None}),
    '3d_middle_axis': ((2, 4, 3), (1, 2), {'axis': 1, 'kind': 'introselect'}),
}


@pytest.mark.parametrize('dtype', [float, complex])
@pytest.mark.parametrize('name', sorted(PARTITION))
def test_partition(name, dtype):
    shape, kth, kwargs = PARTITION[name]
    check(lambda x: np.partition(x, kth, **kwargs), rand(*shape, dtype=dtype))


@pytest.mark.parametrize('name', sorted(PARTITION))
def test_traced_partition_is_a_partition(name):
    shape, kth, kwargs = PARTITION[name]
    x = rand(*shape)
    value, _ = make_jvp(lambda x: np.partition(x, kth, **kwargs))(x)(onp.ones(shape))
    axis = kwargs.get('axis', -1)
    if axis is None:
        x, axis = x.ravel(), 0
    assert onp.array_equal(onp.take(value, kth, axis), onp.take(onp.sort(x, axis), kth, axis))
    assert onp.array_equal(onp.sort(value, axis), onp.sort(x, axis))


def test_plain_partition_is_numpy_partition():
    x = rand(7)
    assert onp.array_equal(np.partition(x, 3), onp.partition(x, 3))
