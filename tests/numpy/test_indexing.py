"""Reading with every kind of index; take, take_along_axis, compress, extract; picking with where, choose,
select and clip."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad, make_jvp
from autograd.tracer import isbox

from .util import check, rand

MASK_3 = onp.array([True, False, True])
MASK_4 = onp.array([True, False, True, True])
MASK_3x4 = onp.array([[True, False, True, False], [False, False, True, True], [True, True, False, True]])

# Index kinds, by the number of dimensions of the array (1-D: (4,), 2-D: (3, 4), 3-D: (2, 3, 4)) they read.
INDICES = {
    1: {
        'int': 1,
        'negative': -1,
        'numpy_int': onp.int64(2),
        'zero_d_array': onp.array(-2),
        'slice': slice(1, None),
        'step': slice(None, None, 2),
        'negative_step': slice(3, 0, -2),
        'ellipsis': Ellipsis,
        'newaxis': (None, Ellipsis),
        'fancy_repeats': [0, 2, 0, -1, 0],
        'fancy_2d': onp.array([[0, 1], [3, 3]]),
        'fancy_empty': onp.array([], int),
        'mask': MASK_4,
        'bool_scalar': True,
    },
    2: {
        'int': (1, -1),
        'row': -2,
        'zero_d_arrays': (onp.array(1), onp.array(-1)),
        'step': (slice(None), slice(None, None, -2)),
        'ellipsis': (Ellipsis, 1),
        'newaxis': (None, 1, Ellipsis, None),
        'fancy_rows_repeats': [2, 0, 2],
        'fancy_pairs': (onp.array([0, 1, 1, 0]), onp.array([2, 0, 2, 2])),
        'fancy_broadcast': (onp.array([[0], [2]]), onp.array([1, 1, 3])),
        'mask': MASK_3x4,
        'row_mask': MASK_3,
        'mask_and_slice': (MASK_3, slice(1, 3)),
        'fancy_and_slice': ([0, 0, 2], slice(1, None, 2)),
        'slice_and_fancy': (slice(None, None, -1), [3, 0, 3]),
    },
    3: {
        'int': (1, -1, 0),
        'int_ellipsis': (1, Ellipsis, -1),
        'zero_d_array_and_slice': (onp.array(0), slice(None), onp.array(3)),
        'steps': (slice(None, None, -1), slice(0, 3, 2), slice(None, None, 3)),
        'newaxis_fancy_slice': (slice(None, None, -1), None, [0, 2, 2], slice(1, None)),
        'fancy_split_by_slice': ([0, 1, 1], slice(None), [3, 3, 0]),
        'fancy_adjacent': (slice(None), [2, 2], [0, -1]),
        'fancy_ellipsis': (Ellipsis, [1, 1, 0]),
        'mask_2d': onp.array([[True, False, True], [False, True, True]]),
        'int_and_mask': (0, MASK_3),
        'mask_last_axes': (Ellipsis, MASK_3x4),
    },
}
SHAPES = {1: (4,), 2: (3, 4), 3: (2, 3, 4)}
GETITEM_CASES = [(ndim, name) for ndim in sorted(INDICES) for name in sorted(INDICES[ndim])]


@pytest.mark.parametrize('dtype', [float, complex])
@pytest.mark.parametrize('ndim, name', GETITEM_CASES, ids=['{}d-{}'.format(*c) for c in GETITEM_CASES])
def test_getitem(ndim, name, dtype):
    idx = INDICES[ndim][name]
    x = rand(*SHAPES[ndim], dtype=dtype)
    check(lambda x: x[idx], x)


def test_getitem_of_0d_array():
    for idx in [(), Ellipsis, None, (None, Ellipsis, None)]:
        check(lambda x: x[idx], rand())


def test_repeated_index_gradients_add_up():
    assert onp.allclose(grad(lambda x: np.sum(x[[0, 0, 1]]))(onp.zeros(3)), [2.0, 1.0, 0.0])
    g = grad(lambda x: np.sum(x[onp.array([[0, 2], [0, 0]]), 1:]))(onp.zeros((3, 2)))
    assert onp.allclose(g, [[0.0, 3.0], [0.0, 0.0], [0.0, 1.0]])


def test_iteration_and_len():
    check(lambda x: sum(row * i for i, row in enumerate(x)) * len(x), rand(3, 2))


TAKE = {
    'flat': ((5,), [0, 4, -1, 0], {}),
    'flat_2d_indices': ((3, 4), [[0, 5], [11, -3]], {}),
    'scalar_index': ((3, 4), 2, {'axis': 0}),
    'axis': ((3, 4), [0, 2, 2], {'axis': 1}),
    'negative_axis': ((2, 3, 4), [1, -1, 1], {'axis': -2}),
    'wrap': ((3, 4), [0, 5, -7], {'axis': 0, 'mode': 'wrap'}),
    'clip': ((3, 4), [[0, 9], [-2, 1]], {'axis': 1, 'mode': 'clip'}),
    'flat_wrap': ((2, 3), [7, -8], {'mode': 'wrap'}),
    'zero_d': ((), 0, {}),
    'zero_d_repeated': ((), [0, -1, 0], {}),
}


@pytest.mark.parametrize('dtype', [float, complex])
@pytest.mark.parametrize('name', sorted(TAKE))
def test_take(name, dtype):
    shape, indices, kwargs = TAKE[name]
    check(lambda x: np.take(x, indices, **kwargs), rand(*shape, dtype=dtype))


def test_take_method_and_repeats():
    check(lambda x: x.take([1, 1, 0], 1), rand(2, 3))
    g = grad(lambda x: np.sum(np.take(x, [0, -3, 1], mode='wrap')))(onp.zeros(3))
    assert g.tolist() == [2.0, 1.0, 0.0]


TAKE_ALONG_AXIS = {
    '1d': ((4,), [3, 0, 0, 1], -1),
    'rows': ((3, 4), [[0, 3], [1, 1], [-1, 2]], 1),
    'broadcast_indices': ((3, 4), [[2, 0, 1, 2]], 0),
    '3d_negative': ((2, 3, 4), [[[-1], [0], [1]], [[3], [3], [-4]]], -1),
    'flat': ((3, 4), [11, 0, 0, -1], None),
}


@pytest.mark.parametrize('dtype', [float, complex])
@pytest.mark.parametrize('name', sorted(TAKE_ALONG_AXIS))
def test_take_along_axis(name, dtype):
    shape, indices, axis = TAKE_ALONG_AXIS[name]
    check(lambda x: np.take_along_axis(x, onp.array(indices), axis), rand(*shape, dtype=dtype))


COMPRESS = {
    '1d': ([True, False, True], (3,), None),
    'short_condition': ([False, True], (3, 4), 0),
    'columns': ([True, False, True, True], (3, 4), 1),
    'flat': ([True, False, True, False, False, True], (2, 3), None),
    '3d_negative_axis': ([1, 0, 2, 0], (2, 3, 4), -1),
}


@pytest.mark.parametrize('dtype', [float, complex])
@pytest.mark.parametrize('name', sorted(COMPRESS))
def test_compress(name, dtype):
    condition, shape, axis = COMPRESS[name]
    check(lambda x: np.compress(condition, x, axis), rand(*shape, dtype=dtype))


@pytest.mark.parametrize('condition', [MASK_3, MASK_3x4, onp.arange(24).reshape(2, 3, 4) % 3],
                         ids=['1d', '2d', '3d_integer'])
def test_extract(condition):
    check(lambda x: np.extract(condition, x), rand(*onp.shape(condition)))
    check(lambda x: np.extract(condition, x), rand(*onp.shape(condition), dtype=complex))


def test_where():
    c = onp.array([True, False, True])
    check(lambda x, y: np.where(c, x, y), rand(3), rand(2, 3))
    check(lambda x, y: np.where(MASK_3x4, x, y), rand(3, 1), rand())
    check(lambda x: np.where(x > 0, x, 0.0), rand(2, 3))
    check(lambda x: np.where(x, 2.0, 3.0 * x), rand(3))  # a float condition carries no derivative
    check(lambda x, y: np.where(c, x, y), rand(3, dtype=complex), rand(2, 3))


def test_where_by_keyword_and_with_plain_python_operands():
    c = [True, False, True]
    check(lambda x, y: np.where(condition=c, x=x, y=y), rand(3), rand(3))
    check(lambda x, y: np.where(c, x, y=y), rand(3), rand(3))
    # Python numbers and lists in, Python numbers and lists out (as in HIPS Autograd); NumPy values in, NumPy out.
    assert np.where(True, 1, 2) == 1 and type(np.where(True, 1, 2)) is int
    assert type(np.where(False, 1, 2.0)) is float
    assert np.where([True, False], [1, 2], [3, 4]) == [1, 4]
    assert np.where(True, onp.float32(1.0), onp.float32(2.0)).dtype == onp.float32
    assert type(np.where(True, onp.ones(1), 2.0)) is onp.ndarray
    with pytest.raises(ValueError, match='both x and y'):
        np.where(c, rand(3))


def test_where_with_only_a_condition_is_untraced():
    def f(x):
        positions = np.where(x)
        assert not any(isbox(p) for p in positions)
        assert [p.tolist() for p in positions] == [[0, 2]]
        return np.sum(x[positions] ** 2)
    assert onp.allclose(grad(f)(onp.array([1.0, 0.0, 3.0])), [2.0, 0.0, 6.0])


CHOOSE = {
    'same_shapes': ([0, 2, 1], [(3,), (3,), (3,)], {}),
    'broadcast_choices': ([[0, 1, 2], [2, 2, 0]], [(2, 3), (3,), ()], {}),
    'wrap': ([[0, 4, -1], [5, 2, 3]], [(2, 3), (2, 1), (3,)], {'mode': 'wrap'}),
    'clip': ([-2, 0, 7], [(3,), (3,)], {'mode': 'clip'}),
    'scalar_index': (1, [(2, 3), (3,)], {}),
}


@pytest.mark.parametrize('name', sorted(CHOOSE))
def test_choose(name):
    a, shapes, kwargs = CHOOSE[name]
    choices = [rand(*s) for s in shapes]
    check(lambda *cs: np.choose(a, list(cs), **kwargs), *choices)
    check(lambda *cs: np.choose(a, cs, **kwargs), *[c + 1j for c in choices])


def test_choose_from_rows_of_one_array():
    check(lambda x: np.choose([1, 0, 1, 2], x), rand(3, 4))
    assert onp.allclose(grad(lambda x: np.sum(np.choose([1, 1], [x, 2 * x])))(onp.ones(2)), [2.0, 2.0])


SELECT = {
    'same_shapes': ([MASK_4, ~MASK_4], [(4,), (4,)], ()),
    'broadcast': ([MASK_3x4, MASK_4], [(3, 4), (4,)], (3, 1)),
    'one_condition_scalar_choice': ([MASK_3x4], [()], ()),
    'overlapping': ([MASK_3x4, MASK_3x4 | MASK_4, onp.ones(4, bool)], [(1, 4), (3, 1), ()], (4,)),
}


@pytest.mark.parametrize('name', sorted(SELECT))
def test_select(name):
    condlist, shapes, default_shape = SELECT[name]
    choices = [rand(*s) for s in shapes]
    check(lambda d, *cs: np.select(condlist, list(cs), d), rand(*default_shape), *choices)
    check(lambda *cs: np.select(condlist, cs), *[c * 1j for c in choices])


def test_select_gives_each_element_to_the_first_true_condition():
    conditions = [onp.array([True, False, False]), onp.array([True, True, False])]
    grads = grad(lambda a, b, d: np.sum(np.select(conditions, [a, b], d)), (0, 1, 2))(
        onp.zeros(3), onp.zeros(3), onp.zeros(3))
    assert [g.tolist() for g in grads] == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]


CLIP = {
    'scalar_bounds': ((3, 4), (), ()),
    'broadcast_bounds': ((4,), (3, 1), (2, 1, 4)),
    'lower_only': ((3, 4), (4,), None),
    'upper_only': ((2, 3), None, (2, 1)),
    'zero_d': ((), (), ()),
}


def _bounds(lower_shape, upper_shape):
    lower = None if lower_shape is None else rand(*lower_shape) - 0.5
    upper = None if upper_shape is None else rand(*upper_shape) + 0.5
    return lower, upper


@pytest.mark.parametrize('name', sorted(CLIP))
def test_clip(name):
    shape, lower_shape, upper_shape = CLIP[name]
    x = 2 * rand(*shape)
    lower, upper = _bounds(lower_shape, upper_shape)
    traced = [b for b in (lower, upper) if b is not None]
    if lower is None:
        check(lambda x, hi: np.clip(x, None, hi), x, *traced)
        check(lambda x, hi: np.clip(x, max=hi), x, *traced)
    elif upper is None:
        check(lambda x, lo: np.clip(x, lo, None), x, *traced)
        check(lambda x, lo: np.clip(x, min=lo), x, *traced)
        check(lambda x: x.clip(min=lower), x)
    else:
        check(lambda x, lo, hi: np.clip(x, lo, hi), x, *traced)
        check(lambda x, lo, hi: np.clip(x, a_min=lo, a_max=hi), x, *traced)
        check(lambda x: x.clip(lower, upper), x)


def test_clip_method_with_traced_bounds():
    x, lower, upper = 2 * rand(3, 4), rand(4) - 0.5, rand(3, 1) + 0.5
    weights = rand(3, 4)
    by_method = grad(lambda x, lo, hi: np.sum(weights * x.clip(lo, hi)), (0, 1, 2))(x, lower, upper)
    expected = grad(lambda x, lo, hi: np.sum(weights * np.clip(x, lo, hi)), (0, 1, 2))(x, lower, upper)
    assert all(onp.allclose(a, b) for a, b in zip(by_method, expected))


def test_clip_gives_bound_ties_to_the_argument():
    x, lo, hi = onp.array([-1.0, 0.0, 0.5, 1.0, 2.0]), 0.0, 1.0
    grads = grad(lambda x, lo, hi: np.sum(np.clip(x, lo, hi)), (0, 1, 2))(x, lo, hi)
    assert [onp.asarray(g).tolist() for g in grads] == [[0, 1, 1, 1, 0], 1.0, 1.0]
    tangent = make_jvp(lambda x: np.clip(x, lo, hi))(x)(onp.ones(5))[1]
    assert tangent.tolist() == [0, 1, 1, 1, 0]


def test_clip_with_crossed_bounds_follows_the_upper_one():
    x = onp.array([-1.0, 0.5, 2.0])
    grads = grad(lambda x, lo, hi: np.sum(np.clip(x, lo, hi)), (0, 1, 2))(x, 1.0, 0.0)
    assert [onp.asarray(g).tolist() for g in grads] == [[0, 0, 0], 0.0, 3.0]


def test_clip_takes_bounds_as_numpy_does():
    x = onp.arange(3.0)
    assert np.clip(x, max=1.0).tolist() == [0, 1, 1]
    assert np.clip(x, None, None).tolist() == [0, 1, 2]
    with pytest.raises(TypeError, match='a_max'):
        np.clip(x, 1.0)
    with pytest.raises(ValueError, match='not both'):
        np.clip(x, 0.0, 1.0, min=1.0)
