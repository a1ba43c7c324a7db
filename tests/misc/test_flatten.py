"""flatten/unflatten round trips over any nesting, and both directions are differentiable."""
import collections

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad
from autograd.misc import flatten, flatten_func
from autograd.test_util import check_grads

Layer = collections.namedtuple('Layer', 'w b')

STRUCTURES = {
    'list_of_tuples': [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0, 3.0)],
    'arrays': [onp.random.randn(3, 3), onp.random.randn(4), onp.float32(2.0)],
    'dict': {'weights': [1.0, 2.0, 3.0, 4.0], 'biases': [1.0, 2.0]},
    'nested_dict': {'layer1': {'w': onp.ones((2, 2)), 'b': (0.5,)}, 'layer2': [Layer(onp.zeros(3), 1.0)]},
    'scalar': 3.0,
    'empty': [[], {}, ()],
    'complex': [1.0 + 2.0j, onp.array([1j, 2.0])],
}


def same(a, b):
    if isinstance(a, dict):
        return type(a) is type(b) and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, onp.ndarray):
        return type(b) is onp.ndarray and a.dtype == b.dtype and a.shape == b.shape and onp.array_equal(a, b)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize('name', sorted(STRUCTURES))
def test_round_trip(name):
    value = STRUCTURES[name]
    vector, unflatten = flatten(value)
    assert vector.ndim == 1
    assert same(unflatten(vector), value)


def test_order_and_values():
    # Dict values by sorted key, as HIPS Autograd orders them; the rebuilt dict keeps the insertion order.
    vector, unflatten = flatten({'b': [1.0, 2.0], 'a': onp.array([[3.0, 4.0]])})
    assert onp.array_equal(vector, [3.0, 4.0, 1.0, 2.0])
    assert unflatten(vector * 2)['a'].tolist() == [[6.0, 8.0]] and list(unflatten(vector)) == ['b', 'a']
    vector, unflatten = flatten({'z': 1.0, 0: 2.0})  # keys that do not compare: insertion order
    assert vector.tolist() == [1.0, 2.0] and unflatten(vector) == {'z': 1.0, 0: 2.0}


def test_unflatten_does_not_alias_the_vector():
    vector, unflatten = flatten([onp.zeros(2)])
    rebuilt = unflatten(vector)
    vector[0] = 5.0
    assert rebuilt[0][0] == 0.0


def test_flatten_is_differentiable():
    value = {'w': onp.random.randn(2, 2), 'b': [1.5, 0.5]}
    g = grad(lambda v: np.sum(flatten(v)[0] ** 2))(value)
    assert onp.allclose(g['w'], 2 * value['w']) and g['b'] == [3.0, 1.0]


def test_unflatten_is_differentiable():
    vector, unflatten = flatten({'w': onp.ones((2, 2)), 'b': [1.0, 2.0]})
    loss = lambda v: np.sum(unflatten(v)['w'] ** 2) + unflatten(v)['b'][1] ** 3
    assert onp.allclose(grad(loss)(vector), [0.0, 12.0, 2.0, 2.0, 2.0, 2.0])
    check_grads(loss)(vector)


def test_flatten_func():
    example = {'a': onp.ones(2), 'b': 3.0}
    flat_func, unflatten, flat_example = flatten_func(lambda p, k: {'out': p['a'] * p['b'] * k}, example)
    assert onp.allclose(flat_func(flat_example, 2.0), [6.0, 6.0])
    assert same(unflatten(flat_example), example)


def test_non_numeric_leaf_is_refused():
    with pytest.raises(TypeError, match='not a number'):
        flatten(['text'])
