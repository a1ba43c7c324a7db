"""Lists, tuples, namedtuples and dicts as differentiable values."""
import collections

import numpy as onp
import pytest

import autograd
import autograd.numpy as np
from autograd import deriv, grad, make_jvp
from autograd.test_util import check_grads

Point = collections.namedtuple('Point', 'x y')


def test_gradient_structure_and_types():
    params = [(1.0, onp.ones(2)), {'w': 2.0, 'b': [3.0]}, Point(1.0, 2.0)]

    def loss(p):
        (a, v), d, pt = p
        return a * np.sum(v) + d['w'] * d['b'][0] + pt.x * pt.y
    g = grad(loss)(params)
    assert type(g) is list and type(g[0]) is tuple and type(g[1]) is dict and type(g[2]) is Point
    assert g[0][0] == 2.0 and onp.allclose(g[0][1], 1.0)
    assert g[1] == {'w': 3.0, 'b': [2.0]} and g[2] == Point(2.0, 1.0)


def test_gradient_types_are_the_same_under_an_enclosing_trace():
    rows, extra = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], {'w': [[7.0, 8.0, 9.0]]}
    loss = lambda rows, extra: np.sum(np.append(rows, extra['w'], axis=0) ** 2)
    plain = grad(loss, (0, 1))(rows, extra)

    def checked(scale):
        g_rows, g_extra = grad(lambda r, e: scale * loss(r, e), (0, 1))(rows, extra)
        assert [len(r) for r in g_rows] == [3, 3] and len(g_extra['w'][0]) == 3  # lists, not arrays
        return np.sum(np.array(g_rows)) + np.sum(np.array(g_extra['w']))
    assert onp.isclose(deriv(checked)(1.0), onp.sum(plain[0]) + onp.sum(plain[1]['w']))
    assert onp.isclose(grad(checked)(1.0), onp.sum(plain[0]) + onp.sum(plain[1]['w']))
    check_grads(np.append, argnum=(0, 1))(rows, extra['w'], axis=0)


def test_check_grads_on_containers():
    check_grads(lambda p: p[0] * np.sin(p[1]['z']) + np.sum(p[2] ** 2))([1.3, {'z': 0.2}, onp.ones(3)])


def test_forward_mode_through_containers():
    ans, tangent = make_jvp(lambda p: p['a'] * p['b'])({'a': 2.0, 'b': 3.0})({'a': 1.0, 'b': 0.0})
    assert ans == 6.0 and tangent == 3.0


def test_building_containers_from_traced_values():
    def f(x):
        pair = autograd.tuple([x, 2 * x])
        items = autograd.list([x, x ** 2])
        table = autograd.dict(a=x, b=3 * x)
        return pair[1] + items[1] + table['b']
    assert grad(f)(2.0) == 2.0 + 4.0 + 3.0
    assert deriv(f)(2.0) == 9.0


def test_plain_containers_with_traced_values_flow_through():
    assert grad(lambda x: sum([x, x * 2, x * 3]))(1.0) == 6.0


def test_slicing_and_iterating_traced_sequences():
    f = lambda p: sum(v * i for i, v in enumerate(p[1:])) + len(p)
    assert grad(f)([1.0, 2.0, 3.0]) == [0.0, 0.0, 1.0]
    check_grads(lambda p: np.sum(np.stack(p[::2])) * p[1])([1.0, 2.0, 3.0])


def test_elements_read_several_ways_add_up():
    # Integer dict keys, negative indices and a container read both whole and by element: the sparse
    # per-element gradients must land on the right slots and add to the dense ones.
    def loss(p):
        d, seq = p
        whole = np.sum(np.stack([seq[0], seq[1], seq[2]]))
        return d[3] * d[-1] + np.sum(d[7] ** 2) * seq[-1] + whole * seq[0]
    params = ({3: 1.5, -1: -0.5, 7: onp.arange(1.0, 3.0)}, [0.3, 0.7, 1.1])
    g = grad(loss)(params)
    assert type(g) is tuple and list(g[0]) == [3, -1, 7] and type(g[1]) is list
    assert g[0][3] == -0.5 and g[0][-1] == 1.5 and onp.allclose(g[0][7], 2 * 1.1 * onp.arange(1.0, 3.0))
    check_grads(loss, modes=['fwd', 'rev'], order=2)(params)


def test_dict_box_methods():
    def f(d):
        assert set(d.keys()) == {'a', 'b'} and 'a' in d and len(d) == 2
        return sum(v for v in d.values()) * d.get('a') + sum(v for k, v in d.items())
    assert grad(f)({'a': 1.0, 'b': 2.0}) == {'a': 5.0, 'b': 2.0}


def test_sequence_concatenation():
    assert grad(lambda p: (p + [p[0]])[2] * 3)([1.0, 2.0]) == [3.0, 0.0]


def test_isinstance_and_type_see_through_boxes():
    def f(p):
        assert autograd.isinstance(p, list) and autograd.isinstance(p, autograd.list)
        assert autograd.type(p) is list and not isinstance(p, list)
        assert autograd.isinstance(p[0], float)
        return p[0]
    grad(f)([1.0])
    assert isinstance([], autograd.list) and isinstance((), autograd.tuple) and isinstance({}, autograd.dict)


def test_unknown_attribute_of_traced_namedtuple():
    with pytest.raises(AttributeError, match="'Point' object has no attribute 'z'"):
        grad(lambda p: p.z)(Point(1.0, 2.0))


def test_primitive_results_may_hold_constants():
    from autograd.extend import defjvp, defvjp, primitive

    @primitive
    def scaled_with_count(x):
        return (x * 2.0, 3, 'label')
    defvjp(scaled_with_count, lambda ans, x: lambda g: g[0] * 2.0)
    defjvp(scaled_with_count, lambda g, ans, x: (g * 2.0, None, None))
    assert grad(lambda x: scaled_with_count(x)[0] * 3.0)(1.0) == 6.0
    assert deriv(lambda x: scaled_with_count(x)[0] + scaled_with_count(x)[1])(1.0) == 2.0
    check_grads(lambda x: scaled_with_count(x)[0] ** 2)(1.5)

    def two_takes(x):  # each sends a gradient back at second order: their sum has None at the constants
        result = scaled_with_count(x)
        return result[0] * np.sin(result[0][0])
    check_grads(two_takes, order=2)(onp.ones(2))


def test_integers_inside_arguments_are_still_refused():
    with pytest.raises(TypeError, match='integer'):
        grad(lambda p: p[0] * 2.0)([1.0, 2])
