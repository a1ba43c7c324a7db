"""Elementwise math: every rule against finite differences, on 0-d, broadcast and complex inputs."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad

from .util import check, rand

SHAPES = [(), (3,), (2, 3)]
BROADCAST_PAIRS = [((), ()), ((3,), ()), ((2, 3), (3,)), ((2, 1), (1, 3)), ((4, 1, 3), (2, 1))]

UNARY = {
    'negative': (np.negative, {}),
    'exp': (np.exp, {}),
    'log': (np.log, {'positive': True}),
    'sin': (np.sin, {}),
    'cos': (np.cos, {}),
    'tan': (np.tan, {}),
    'tanh': (np.tanh, {}),
    'sqrt': (np.sqrt, {'positive': True}),
    'square': (np.square, {}),
    'reciprocal': (np.reciprocal, {'positive': True}),
    'absolute': (np.absolute, {}),
    'conjugate': (np.conjugate, {}),
    'real': (np.real, {}),
    'imag': (np.imag, {}),
}

HOLOMORPHIC_OR_COMPLEX_OK = ['negative', 'exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'sqrt', 'square',
                             'reciprocal', 'absolute', 'conjugate', 'real', 'imag']


@pytest.mark.parametrize('name', sorted(UNARY))
@pytest.mark.parametrize('shape', SHAPES)
def test_unary_real(name, shape):
    fun, options = UNARY[name]
    check(fun, rand(*shape, **options))


@pytest.mark.parametrize('name', HOLOMORPHIC_OR_COMPLEX_OK)
def test_unary_complex(name):
    fun, options = UNARY[name]
    check(fun, rand(2, 3, dtype=complex, **options))


BINARY = {
    'add': (np.add, {}, {}),
    'subtract': (np.subtract, {}, {}),
    'multiply': (np.multiply, {}, {}),
    'true_divide': (np.true_divide, {}, {'positive': True}),
    'power': (np.power, {'positive': True}, {}),
}


@pytest.mark.parametrize('name', sorted(BINARY))
@pytest.mark.parametrize('shapes', BROADCAST_PAIRS)
def test_binary_broadcasting(name, shapes):
    fun, x_options, y_options = BINARY[name]
    check(fun, rand(*shapes[0], **x_options), rand(*shapes[1], **y_options))
    check(fun, rand(*shapes[1], **x_options), rand(*shapes[0], **y_options))


@pytest.mark.parametrize('name', sorted(BINARY))
def test_binary_complex_and_mixed(name):
    fun, x_options, y_options = BINARY[name]
    check(fun, rand(2, 3, dtype=complex, **x_options), rand(3, dtype=complex, **y_options))
    check(fun, rand(2, 3, **x_options), rand(3, dtype=complex, **y_options))


def test_operators_are_the_ufuncs():
    x, y = rand(3), rand(3, positive=True)
    check(lambda x, y: -x + x * y - y / x ** 2 + 2.0 ** y - 1.0 / y + abs(x), x, y)


def test_abs_at_zero_is_zero():
    assert grad(np.abs)(0.0) == 0.0


def test_power_at_zero_base():
    assert grad(lambda x: x ** 2.0)(0.0) == 0.0
    assert grad(lambda y: 0.0 ** y)(2.0) == 0.0
    assert grad(lambda x: x ** 0.0)(0.0) == 0.0


def test_plain_numpy_ufuncs_on_boxes_are_traced():
    x = rand(3)
    assert onp.allclose(grad(lambda x: onp.sum(onp.sin(x) * onp.ones(3)))(x), onp.cos(x))
