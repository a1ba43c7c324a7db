"""Differences, numerical gradients, integration, interpolation and convolution: derivatives against finite
differences, and values of the hand-written wrappers against NumPy's own."""
import numpy as onp
import pytest

import autograd.numpy as np
import autograd.numpy.derivatives.differences  # noqa: F401 (registers the rules until derivatives/__init__ does)
from autograd import grad, make_vjp

from .util import check, rand


def kwargs_id(kwargs):
    return ','.join(k if isinstance(v, onp.ndarray) else '{}={}'.format(k, v) for k, v in kwargs.items()) or 'defaults'


DIFF_CASES = [
    ((5,), {}),
    ((5,), {'n': 2}),
    ((5,), {'n': 0}),
    ((3, 4), {'axis': 0}),
    ((3, 4), {'n': 3, 'axis': -1}),
    ((2, 3, 4), {'n': 2, 'axis': 1}),
    ((2, 3, 4), {'axis': -3, 'prepend': 1.5}),
    ((3, 4), {'n': 2, 'prepend': onp.ones((3, 2)), 'append': 0.5}),
]


@pytest.mark.parametrize('shape,kwargs', DIFF_CASES, ids=lambda c: kwargs_id(c) if isinstance(c, dict) else str(c))
@pytest.mark.parametrize('dtype', [float, complex])
def test_diff(shape, kwargs, dtype):
    x = rand(*shape, dtype=dtype)
    check(lambda x: np.diff(x, **kwargs), x)
    assert onp.allclose(np.diff(x, **kwargs), onp.diff(x, **kwargs))
    assert grad(lambda x: np.sum(np.real(np.diff(x, **kwargs))))(x).shape == x.shape


def test_diff_of_order_beyond_length_has_zero_gradient():
    vjp, ans = make_vjp(lambda x: np.diff(x, n=5))(rand(3))
    assert ans.shape == (0,) and onp.array_equal(vjp(onp.zeros(0)), onp.zeros(3))


def test_diff_with_respect_to_prepend_and_append():
    x = rand(3, 4)
    check(lambda p: np.diff(x, prepend=p), rand(3, 1))
    check(lambda p: np.diff(x, n=2, axis=0, prepend=p, append=p), rand())
    check(lambda a: np.diff(x, 3, 1, x, a), rand(3, 2, dtype=complex))


@pytest.mark.parametrize('kwargs', [{}, {'to_begin': 1.5}, {'to_end': [1.0, 2.0]}, {'to_begin': -1, 'to_end': 3}],
                         ids=kwargs_id)
@pytest.mark.parametrize('shape', [(5,), (2, 3)], ids=str)
def test_ediff1d(shape, kwargs):
    x = rand(*shape)
    check(lambda x: np.ediff1d(x, **kwargs), x)
    assert onp.array_equal(np.ediff1d(x, **kwargs), onp.ediff1d(x, **kwargs))


def test_ediff1d_ends():
    x = rand(4, dtype=complex)
    check(lambda e: np.ediff1d(x, to_begin=e, to_end=2 * e), rand(2, dtype=complex))
    check(lambda e: np.ediff1d(x, e), rand())
    assert np.ediff1d(onp.arange(4.0, dtype=onp.float32), to_end=1.0).dtype == onp.float32
    with pytest.raises(TypeError, match='same_kind'):
        np.ediff1d(onp.arange(4), to_begin=0.5)


COORDS_5 = onp.array([0.0, 0.3, 1.0, 1.2, 2.5])
COORDS_4 = onp.array([-1.0, 0.5, 1.0, 2.0])
GRADIENT_CASES = [
    ((5,), (), {}),
    ((5,), (0.5,), {'edge_order': 2}),
    ((5,), (COORDS_5,), {}),
    ((5,), (COORDS_5,), {'edge_order': 2}),
    ((3,), (), {'edge_order': 2}),
    ((5, 4), (), {}),
    ((5, 4), (2.0, COORDS_4), {'edge_order': 2}),
    ((5, 4), (COORDS_4,), {'axis': -1}),
    ((3, 5, 4), (COORDS_5, 0.7), {'axis': (1, 0), 'edge_order': 2}),
    ((3, 5, 4), (0.3,), {'axis': (0, -1)}),
    ((2, 3, 2), (), {}),
]


def stacked(result):
    return np.stack(result) if isinstance(result, tuple) else result


@pytest.mark.parametrize('shape,spacing,kwargs', GRADIENT_CASES,
                         ids=['{}-{}-{}'.format(c[0], len(c[1]), kwargs_id(c[2])) for c in GRADIENT_CASES])
def test_gradient(shape, spacing, kwargs):
    f = rand(*shape)
    check(lambda f: stacked(np.gradient(f, *spacing, **kwargs)), f)
    ours, numpys = np.gradient(f, *spacing, **kwargs), onp.gradient(f, *spacing, **kwargs)
    assert type(ours) is type(numpys)
    assert onp.allclose(stacked(ours), onp.stack(numpys) if isinstance(numpys, tuple) else numpys)


def test_gradient_complex_and_integer():
    check(lambda f: np.gradient(f, COORDS_4, edge_order=2), rand(4, dtype=complex))
    assert onp.allclose(np.gradient(onp.array([1, 4, 2], onp.uint8)), onp.gradient(onp.array([1, 4, 2], onp.uint8)))


@pytest.mark.parametrize('edge_order', [1, 2])
def test_gradient_with_respect_to_spacing(edge_order):
    f = rand(3, 5)
    check(lambda h: np.gradient(f, h, axis=0, edge_order=edge_order), 0.7)
    check(lambda x: np.gradient(f, 1.0, x, edge_order=edge_order)[1], COORDS_5)


@pytest.mark.parametrize('call,error', [
    (lambda: np.gradient(rand(2, 3), 1.0, 2.0, 3.0), TypeError),
    (lambda: np.gradient(rand(2, 3), edge_order=2), ValueError),
    (lambda: np.gradient(rand(4), COORDS_5), ValueError),
    (lambda: np.gradient(rand(4), edge_order=3), ValueError),
], ids=['too-many-spacings', 'too-few-samples', 'wrong-coordinates', 'edge-order-3'])
def test_gradient_errors(call, error):
    with pytest.raises(error):
        call()


TRAPEZOID_CASES = [
    ((5,), {}),
    ((5,), {'dx': 0.3}),
    ((5,), {'x': COORDS_5}),
    ((3, 4), {'axis': 0, 'dx': 2.0}),
    ((3, 4), {'x': COORDS_4}),
    ((2, 5, 3), {'axis': 1, 'x': COORDS_5}),
    ((2, 3, 4), {'axis': -3, 'x': onp.cumsum(onp.ones((2, 3, 4)), axis=0) ** 1.5}),
]


@pytest.mark.parametrize('shape,kwargs', TRAPEZOID_CASES,
                         ids=['{}-{}'.format(c[0], ','.join(c[1]) or 'defaults') for c in TRAPEZOID_CASES])
@pytest.mark.parametrize('dtype', [float, complex])
def test_trapezoid(shape, kwargs, dtype):
    y = rand(*shape, dtype=dtype)
    check(lambda y: np.trapezoid(y, **kwargs), y)
    assert onp.allclose(np.trapezoid(y, **kwargs), onp.trapezoid(y, **kwargs))


def test_trapezoid_with_respect_to_x_and_dx():
    y = rand(3, 5)
    check(lambda x: np.trapezoid(y, x=x), COORDS_5)
    check(lambda x: np.trapezoid(y, x=x, axis=0), rand(3, 5))
    check(lambda dx: np.trapezoid(y, dx=dx, axis=0), 0.4)


XP = onp.array([-1.0, -0.2, 0.5, 1.5])
FP = onp.array([0.3, -1.0, 2.0, 0.7])
INTERP_CASES = {
    'plain': {},
    'left': {'left': -3.0},
    'right': {'right': 4.0},
    'left-right': {'left': 1.0, 'right': 2.0},
    'period': {'period': 2.7},
}


@pytest.mark.parametrize('shape', [(), (9,), (3, 4)], ids=str)
@pytest.mark.parametrize('name', sorted(INTERP_CASES))
def test_interp(name, shape):
    kwargs = INTERP_CASES[name]
    x = 1.5 * rand(*shape)
    check(lambda x: np.interp(x, XP, FP, **kwargs), x)
    check(lambda fp: np.interp(x, XP, fp, **kwargs), FP)
    check(lambda fp: np.interp(x, XP, fp, **kwargs), FP + 1j * rand(4))


def test_interp_slopes():
    xs = onp.array([-2.0, -0.6, 0.0, 1.0, 2.0])
    assert onp.allclose([grad(np.interp)(x, XP, FP) for x in xs], [0.0, -1.3 / 0.8, 3.0 / 0.7, -1.3, 0.0])
    weights = grad(lambda fp: np.sum(np.interp(xs, XP, fp, 5.0, -5.0)))(FP)
    assert onp.allclose(weights, [0.5, 0.5 + 0.5 / 0.7, 0.2 / 0.7 + 0.5, 0.5])


def test_interp_mixed_second_derivative_and_lists():
    check(lambda x: grad(lambda fp: np.sum(np.interp(x, XP, fp) ** 2))(FP), 1.5 * rand(5))
    check(lambda x: grad(lambda fp: np.sum(np.interp(x, XP, fp, period=2.0) ** 2))(FP), 1.5 * rand(5))
    check(lambda fp: np.interp([-3.0, 0.1, 0.7], list(XP), fp), FP)


def test_interp_knots_are_constant():
    with pytest.raises(NotImplementedError, match='argument 1'):
        grad(lambda xp: np.sum(np.interp(0.3, xp, FP)))(XP)


LENGTH_PAIRS = [(5, 3), (3, 5), (4, 4), (1, 3), (4, 1), (2, 6), (4, 7)]
MODES = ['full', 'same', 'valid']


@pytest.mark.parametrize('mode', MODES)
@pytest.mark.parametrize('lengths', LENGTH_PAIRS, ids=str)
@pytest.mark.parametrize('name', ['convolve', 'correlate'])
def test_convolve_and_correlate(name, lengths, mode):
    fun = getattr(np, name)
    a, v = rand(lengths[0]), rand(lengths[1], dtype=complex)
    check(lambda a, v: fun(a, v, mode), a, v)
    check(lambda a, v: fun(v, a, mode=mode), a, v)
    check(lambda a, v: fun(a, v, mode), rand(lengths[0]), rand(lengths[1]))


@pytest.mark.parametrize('name', ['convolve', 'correlate'])
def test_convolve_and_correlate_defaults_and_scalars(name):
    fun = getattr(np, name)
    check(fun, rand(4, dtype=complex), rand(3, dtype=complex))
    check(lambda a, v: fun(a, v, 1), rand(3), rand(5))
    check(lambda a, v: fun(a, v, 2), rand(1), rand(5))


def test_convolve_with_a_scalar():
    check(np.convolve, rand(4), rand())
    check(np.convolve, rand(), rand(dtype=complex))
