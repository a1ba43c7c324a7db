"""apply_along_axis, apply_over_axes, piecewise and fromfunction: the user's function is traced, on the
array and through closures and extra arguments; derivatives against finite differences (both modes,
order 2) and values against NumPy's own functions."""
import warnings

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad, make_vjp

from .util import check, rand

DTYPES = [float, complex]


def dtype_id(dtype):
    return dtype.__name__


def traced_value(fun, x):
    return make_vjp(fun)(x)[1]


# (name, function written with autograd.numpy, the same with NumPy)
LINE_FUNCTIONS = [
    ('scalar', lambda a: np.sum(a ** 2), lambda a: onp.sum(a ** 2)),
    ('reverse-times', lambda a: a[::-1] * a, lambda a: a[::-1] * a),
    ('outer', lambda a: np.outer(a, a[:2]), lambda a: onp.outer(a, a[:2])),
    ('list', lambda a: [np.sum(a), a[0] * a[-1]], lambda a: [onp.sum(a), a[0] * a[-1]]),
]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('shape,axis', [((4,), 0), ((3, 4), 1), ((3, 4), 0), ((2, 3, 4), -2), ((2, 3, 4), 2)],
                         ids=str)
@pytest.mark.parametrize('name,fun,numpy_fun', LINE_FUNCTIONS, ids=[f[0] for f in LINE_FUNCTIONS])
def test_apply_along_axis(name, fun, numpy_fun, shape, axis, dtype):
    x = rand(*shape, dtype=dtype)
    check(lambda x: np.apply_along_axis(fun, axis, x), x)
    expected = onp.apply_along_axis(numpy_fun, axis, x)
    onp.testing.assert_allclose(traced_value(lambda x: np.apply_along_axis(fun, axis, x), x), expected)
    onp.testing.assert_allclose(np.apply_along_axis(fun, axis, x), expected)


def test_apply_along_axis_traced_through_closures_and_arguments():
    x = rand(3, 4)
    check(lambda c: np.apply_along_axis(lambda a: np.dot(a, c), 1, x), rand(4))
    check(lambda c: np.apply_along_axis(lambda a, c, scale: a * c * scale, 0, x, c, scale=2.0), rand(3))
    check(lambda s: np.apply_along_axis(lambda a, scale: a * scale, 1, x, scale=s), rand())
    c = rand(4)
    onp.testing.assert_allclose(traced_value(lambda c: np.apply_along_axis(lambda a: np.dot(a, c), 1, x), c), x @ c)


def test_apply_along_axis_refuses_empty_iteration():
    with pytest.raises(ValueError, match='iteration dimensions are 0'):
        traced_value(lambda x: np.apply_along_axis(np.sum, 1, x), rand(0, 3))


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('shape,axes', [((3, 4), 0), ((2, 3, 4), [0, 2]), ((2, 3, 4), (-1, 1)), ((4,), [])],
                         ids=str)
@pytest.mark.parametrize('name', ['sum', 'mean', 'keepdims-cumsum'])
def test_apply_over_axes(name, shape, axes, dtype):
    fun = {'sum': np.sum, 'mean': lambda a, ax: np.mean(a * a, ax),
           'keepdims-cumsum': lambda a, ax: np.cumsum(a, ax)}[name]
    numpy_fun = {'sum': onp.sum, 'mean': lambda a, ax: onp.mean(a * a, ax),
                 'keepdims-cumsum': lambda a, ax: onp.cumsum(a, ax)}[name]
    x = rand(*shape, dtype=dtype)
    check(lambda x: np.apply_over_axes(fun, x, axes), x)
    onp.testing.assert_allclose(traced_value(lambda x: np.apply_over_axes(fun, x, axes), x),
                                onp.apply_over_axes(numpy_fun, x, axes))


def test_apply_over_axes_closures_and_bad_functions():
    x = rand(3, 4)
    check(lambda c: np.apply_over_axes(lambda a, ax: np.sum(a * c, ax), x, [0, 1]), rand(4))
    with pytest.raises(ValueError, match='correct shape'):
        traced_value(lambda x: np.apply_over_axes(lambda a, ax: np.sum(a), x, 0), x)


PIECEWISE_CASES = [
    ('two-conditions-otherwise', (5,), lambda x: [x < 0, x > 0.5],
     [lambda v: v ** 2, np.sin, 3.0]),
    ('one-condition-two-functions', (2, 3), lambda x: [x < 0], [lambda v: v ** 2, lambda v: -v]),
    ('bare-condition', (4,), lambda x: x > 0, [lambda v: v * 3.0, np.exp]),
    ('overlapping-later-wins', (2, 4), lambda x: [x < 1, x < 0], [np.cos, lambda v: 2.0 * v]),
    ('scalar-result', (6,), lambda x: [x < 0], [lambda v: 7.0, lambda v: v]),
    ('0-d', (), lambda x: [x < 0, x >= 0], [lambda v: v ** 3, lambda v: v * 2.0]),
    ('0-d-otherwise', (), lambda x: [x < 10], [np.sin]),
]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('name,shape,conds,funcs', PIECEWISE_CASES, ids=[c[0] for c in PIECEWISE_CASES])
def test_piecewise(name, shape, conds, funcs, dtype):
    x = rand(*shape, dtype=dtype)
    cond = conds(x.real)
    check(lambda x: np.piecewise(x, cond, funcs), x)
    onp.testing.assert_allclose(traced_value(lambda x: np.piecewise(x, cond, funcs), x),
                                onp.piecewise(x, cond, funcs))


def test_piecewise_row_conditions_closures_and_arguments():
    x = rand(3, 4)
    rows = onp.array([True, False, True])
    check(lambda x: np.piecewise(x, [rows], [lambda v: v * v[:, :1]]), x)
    onp.testing.assert_allclose(traced_value(lambda x: np.piecewise(x, [rows], [lambda v: v * v[:, :1]]), x),
                                onp.piecewise(x, [rows], [lambda v: v * v[:, :1]]))
    c = rand()
    cond = [x < 0]
    check(lambda c: np.piecewise(x, cond, [lambda v, c: v * c, lambda v, c: c + 0 * v], c), c)
    check(lambda c: np.piecewise(x, cond, [lambda v, c=1.0: v * c, lambda v, c=1.0: c * v * v], c=c), c)
    check(lambda c: np.piecewise(x, cond, [c, lambda v: v]), c)  # a traced value in funclist
    onp.testing.assert_allclose(traced_value(lambda c: np.piecewise(x, cond, [c, lambda v: v]), c),
                                onp.piecewise(x, cond, [c, lambda v: v]))


def test_piecewise_keeps_the_dtype_of_x_and_refuses_bad_lists():
    x = rand(4)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', onp.exceptions.ComplexWarning)
        value = traced_value(lambda x: np.piecewise(x, [x < 0], [lambda v: v + 1j, lambda v: v]), x)
    expected = onp.piecewise(x, [x < 0], [lambda v: v + 1j, lambda v: v])
    assert value.dtype == expected.dtype and onp.allclose(value, expected)
    with pytest.raises(ValueError, match='either 1 or 2 functions'):
        traced_value(lambda x: np.piecewise(x, [x < 0], [np.sin, np.cos, np.tan]), x)


def test_fromfunction_traces_closures_and_keyword_arguments():
    check(lambda c: np.fromfunction(lambda i, j: c * i + j ** 2 * c, (2, 3)), rand())
    check(lambda c: np.fromfunction(lambda i, j, c: np.sin(c[i] * j), (3, 4), dtype=int, c=c), rand(3))
    c = rand(3, dtype=complex)
    onp.testing.assert_allclose(traced_value(lambda c: np.fromfunction(lambda i, c: c[i] ** 2, (3,), dtype=int, c=c),
                                             c), c ** 2)
    assert grad(lambda c: np.sum(np.fromfunction(lambda i, j: c * (i + j), (2, 2))))(1.5) == 4.0


def test_untraced_arguments_reach_numpy():
    x = rand(3, 4)
    assert onp.array_equal(np.apply_along_axis(onp.sort, 1, x), onp.sort(x, axis=1))
    assert onp.array_equal(np.apply_over_axes(onp.sum, x, [0, 1]), onp.apply_over_axes(onp.sum, x, [0, 1]))
    assert onp.array_equal(np.piecewise(x, [x < 0], [0.0, onp.sqrt]), onp.piecewise(x, [x < 0], [0.0, onp.sqrt]))
    assert onp.array_equal(np.fromfunction(lambda i, j: i + j, (2, 2)), [[0.0, 1.0], [1.0, 2.0]])
    calls = []
    np.apply_along_axis(lambda a: calls.append(1) or a.sum(), 0, x)
    assert len(calls) == 4  # NumPy's own implementation, called once per slice
