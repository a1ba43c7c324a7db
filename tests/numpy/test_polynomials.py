"""Polynomials, roots, vander and trim_zeros: derivatives against finite differences (both modes, order 2), and
values of the traced paths against NumPy's own functions."""
import warnings

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad, make_vjp

from .util import check, rand

DTYPES = [float, complex]


def dtype_id(dtype):
    return dtype.__name__


def traced_value(fun, *args):
    """What ``fun`` returns when its first argument is traced (reverse mode), as a plain value."""
    return make_vjp(lambda a: fun(a, *args[1:]))(args[0])[1]


def assert_close_structure(actual, expected):
    if isinstance(expected, tuple):
        assert len(actual) == len(expected)
        for a, e in zip(actual, expected):
            assert_close_structure(a, e)
    else:
        assert onp.shape(actual) == onp.shape(expected)
        onp.testing.assert_allclose(actual, expected, rtol=1e-10, atol=1e-12)


POLYVAL_SHAPES = [((4,), ()), ((4,), (3,)), ((1,), (2, 3)), ((3, 2), (2,)), ((4, 1, 2), (3, 1)), ((5,), (2, 3, 2))]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('p_shape,x_shape', POLYVAL_SHAPES, ids=str)
def test_polyval(p_shape, x_shape, dtype):
    p, x = rand(*p_shape, dtype=dtype), rand(*x_shape, dtype=dtype)
    check(np.polyval, p, x)
    assert_close_structure(traced_value(np.polyval, p, x), onp.polyval(p, x))


def test_polyval_mixed_and_constant_arguments():
    check(lambda x: np.polyval(onp.poly1d([1.0, -2.0, 3.0]), x), rand(3))
    check(lambda p: np.polyval(p, onp.arange(4)), rand(3))  # integer x: powers in floating point
    check(np.polyval, rand(3), rand(2, dtype=complex))
    check(np.polyval, rand(4), onp.zeros(3))  # x ** 0 at x = 0 and its derivatives
    check(lambda x: np.vander(x, 4), onp.zeros(2))
    assert grad(lambda p: np.polyval(p, 1000).real)(rand(8))[0] == 1000.0 ** 7


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('n,kwargs', [(4, {}), (3, {'N': 5}), (4, {'N': 2, 'increasing': True}),
                                      (1, {'N': 4}), (3, {'N': 1}), (3, {'N': 0}), (5, {'increasing': True})],
                         ids=str)
def test_vander(n, kwargs, dtype):
    x = rand(n, dtype=dtype)
    check(lambda x: np.vander(x, **kwargs), x)
    assert_close_structure(traced_value(lambda x: np.vander(x, **kwargs), x), onp.vander(x, **kwargs))


ROOTS_CASES = {
    'real-roots': onp.array([1.0, -6.0, 11.0, -6.0]),
    'complex-roots': onp.array([2.0, 1.0, 3.0]),
    'mixed': onp.array([1.0, 0.5, -2.0, 1.5, 3.0]),
    'one-zero-root': onp.array([1.0, -3.0, 2.0, 0.0]),
    'complex-coefficients': onp.array([1.0 + 0.5j, -2.0, 0.3 - 1.0j]),
    'linear': onp.array([2.0, -3.0]),
}


@pytest.mark.parametrize('name', list(ROOTS_CASES))
def test_roots(name):
    p = ROOTS_CASES[name]
    check(np.roots, p)
    assert_close_structure(traced_value(np.roots, p), onp.roots(p))


def test_roots_with_leading_zeros_and_degenerate_polynomials():
    # Leading zeros are differentiable too (moving one off zero would add a root at infinity, so finite
    # differences cannot see them through the result's shape: check the other coefficients).
    check(lambda q: np.roots(np.concatenate([onp.zeros(2), q])), onp.array([1.0, -3.0, 2.0]))
    assert onp.allclose(grad(lambda p: np.sum(np.roots(p)))(onp.array([0.0, 1.0, -3.0, 2.0])),
                        [-7.0, -3.0, -1.0, 0.0])  # -sum_j r_j^(3 - i) / p'(r_j)
    for p in (onp.zeros(3), onp.array([0.0, 2.0]), onp.array([3.0])):
        vjp, ans = make_vjp(np.roots)(p)
        assert ans.shape == (0,) and vjp(onp.zeros(0)).shape == onp.shape(p)


def test_roots_at_a_double_root_has_an_infinite_derivative():
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', RuntimeWarning)
        gradient = grad(lambda p: np.sum(np.roots(p)))(onp.array([1.0, 0.0, 0.0]))
    assert not onp.all(onp.isfinite(gradient))


POLY_CASES = {
    'real-zeros': lambda: rand(3),
    'complex-zeros': lambda: rand(3, dtype=complex),
    'one-zero': lambda: rand(1),
    'matrix': lambda: rand(3, 3) + 3 * onp.eye(3) * onp.arange(1, 4),
    'complex-matrix': lambda: rand(2, 2, dtype=complex) + onp.diag([1.0, 4.0]),
}


@pytest.mark.parametrize('name', list(POLY_CASES))
def test_poly(name):
    zeros = POLY_CASES[name]()
    check(np.poly, zeros)
    assert_close_structure(traced_value(np.poly, zeros), onp.poly(zeros))


def test_poly_of_conjugate_pairs_is_real_as_in_numpy():
    zeros = onp.array([1.0 + 2.0j, 1.0 - 2.0j, 3.0 + 0.0j])
    ans = traced_value(np.poly, zeros)
    assert not onp.iscomplexobj(ans) and onp.allclose(ans, onp.poly(zeros))
    # The derivative along perturbations that keep the pairs: moving both members of a pair together.
    check(lambda t: np.poly(zeros + t * onp.array([1.0 + 1.0j, 1.0 - 1.0j, 1.0])), 0.3)
    assert traced_value(np.poly, onp.zeros(0)) == 1.0


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('shapes', [((3,), (3,)), ((2,), (5,)), ((4,), ()), ((), ())], ids=str)
@pytest.mark.parametrize('name', ['polyadd', 'polysub', 'polymul'])
def test_polynomial_arithmetic(name, shapes, dtype):
    a1, a2 = rand(*shapes[0], dtype=dtype), rand(*shapes[1])
    check(getattr(np, name), a1, a2)
    for args in ((a1, a2), (a2, a1)):
        assert_close_structure(traced_value(getattr(np, name), *args), getattr(onp, name)(*args))


def test_polymul_trims_leading_zeros_as_poly1d_does():
    a1, a2 = onp.array([0.0, 0.0, 1.5, 2.0]), rand(3)
    assert_close_structure(traced_value(np.polymul, a1, a2), onp.polymul(a1, a2))
    assert_close_structure(traced_value(np.polymul, onp.zeros(2), a2), onp.polymul(onp.zeros(2), a2))
    mask = onp.array([0.0, 1.0, 1.0])
    check(lambda a: np.polymul(a * mask, a2), rand(3))
    assert grad(lambda a: np.sum(np.polymul(a, a2)))(a1)[0] == 0.0  # trimmed: no gradient


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('shapes', [((5,), (3,)), ((4,), (4,)), ((2,), (3,)), ((4,), (1,)), ((), ())], ids=str)
def test_polydiv(shapes, dtype):
    u, v = rand(*shapes[0], dtype=dtype), rand(*shapes[1], positive=True)
    if onp.size(u) >= onp.size(v):
        check(lambda u, v: np.polydiv(u, v)[0], u, v)
        check(lambda u, v: np.polydiv(u, v)[1], u, v)
    else:  # the quotient is a constant 0 and the remainder is u
        check(lambda u, v: np.polydiv(u, v)[1], u, v, argnums=[0])
    assert_close_structure(traced_value(np.polydiv, u, v), onp.polydiv(u, v))
    assert_close_structure(traced_value(lambda v, u: np.polydiv(u, v), v, u), onp.polydiv(u, v))


def test_polydiv_drops_a_vanishing_remainder_as_numpy_does():
    v = onp.array([1.0, 2.0])
    u = onp.polymul(v, [3.0, -1.0, 2.0])
    q, r = traced_value(np.polydiv, u, v)
    assert_close_structure((q, r), onp.polydiv(u, v))
    assert r.shape == (1,)


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('n,m', [(5, 0), (5, 1), (5, 2), (3, 4), (1, 1)], ids=str)
def test_polyder(n, m, dtype):
    p = rand(n, dtype=dtype)
    check(lambda p: np.polyder(p, m) * 1.0 + np.sum(p), p)
    assert_close_structure(traced_value(lambda p: np.polyder(p, m), p), onp.polyder(p, m))


POLYINT_CASES = [(4, 1, None), (4, 0, None), (3, 3, None), (4, 2, 'scalar'), (4, 3, 'one'), (2, 2, 'array')]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('n,m,k', POLYINT_CASES, ids=str)
def test_polyint(n, m, k, dtype):
    p = rand(n, dtype=dtype)
    k = {None: None, 'scalar': rand(), 'one': rand(1), 'array': rand(m + 1, dtype=dtype)}[k]
    check(lambda p: np.polyint(p, m, k), p)
    assert_close_structure(traced_value(lambda p: np.polyint(p, m, k), p), onp.polyint(p, m, k))
    if k is not None:
        check(lambda k: np.polyint(p, m=m, k=k), k)  # k by keyword: the wrapper passes it on traced
        assert_close_structure(traced_value(lambda k: np.polyint(p, m=m, k=k), k), onp.polyint(p, m, k))


POLYFIT_CASES = [
    ((6,), 2, {}),
    ((5,), 0, {}),
    ((7, 3), 3, {}),
    ((6,), 2, {'w': 'weights'}),
    ((6, 2), 1, {'w': 'weights', 'rcond': 1e-10}),
]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('y_shape,deg,kwargs', POLYFIT_CASES, ids=str)
def test_polyfit(y_shape, deg, kwargs, dtype):
    x, y = rand(y_shape[0]), rand(*y_shape, dtype=dtype)
    kwargs = {k: rand(y_shape[0], positive=True) if v == 'weights' else v for k, v in kwargs.items()}
    args = (x, y) + ((kwargs.pop('w'),) if 'w' in kwargs else ())

    def fit(x, y, w=None):
        return np.polyfit(x, y, deg, w=w, **kwargs)
    check(fit, *args)
    expected = onp.polyfit(x, y, deg, w=args[2] if len(args) > 2 else None, **kwargs)
    assert_close_structure(traced_value(lambda y, x, *w: fit(x, y, *w), y, x, *args[2:]), expected)


@pytest.mark.parametrize('cov', [True, 'unscaled'])
def test_polyfit_covariance(cov):
    x, y = rand(6), rand(6)
    if cov is True:  # the unscaled covariance does not depend on y
        check(lambda y: np.polyfit(x, y, 2, cov=cov)[1], y)
    check(lambda x: np.polyfit(x, y, 2, cov=cov)[1], x)
    assert_close_structure(traced_value(lambda y: np.polyfit(x, y, 2, cov=cov), y), onp.polyfit(x, y, 2, cov=cov))
    y2 = rand(6, 2)
    assert_close_structure(traced_value(lambda y: np.polyfit(x, y, 1, cov=cov), y2), onp.polyfit(x, y2, 1, cov=cov))


def test_polyfit_full():
    x, y = rand(6), rand(6)
    check(lambda y: np.polyfit(x, y, 2, full=True)[1], y)
    c, resids, rank, s, rcond = traced_value(lambda y: np.polyfit(x, y, 2, full=True), y)
    expected = onp.polyfit(x, y, 2, full=True)
    assert_close_structure((c, resids, s), expected[:2] + expected[3:4])
    assert rank == expected[2] and rcond == expected[4]


def test_polyfit_warns_and_refuses_as_numpy_does():
    with pytest.warns(onp.exceptions.RankWarning):
        traced_value(lambda y: np.polyfit(onp.ones(4), y, 2), rand(4))
    with pytest.raises(ValueError, match='deg >= 0'):
        traced_value(lambda y: np.polyfit(onp.arange(3.0), y, -1), rand(3))
    with pytest.raises(TypeError, match='same length'):
        traced_value(lambda y: np.polyfit(onp.arange(3.0), y, 1), rand(4))
    with pytest.raises(ValueError, match='exceed order'):
        traced_value(lambda y: np.polyfit(onp.arange(3.0), y, 2, cov=True), rand(3))


TRIM_CASES = [
    ([0, 0, 1, 1, 0], {}),
    ([0, 1, 1, 0, 0], {'trim': 'f'}),
    ([1, 1, 0, 1, 0], {'trim': 'B'}),
    ([0, 0, 0], {}),
    ([[0, 0, 0], [0, 1, 0], [1, 1, 0]], {}),
    ([[0, 0, 0], [0, 1, 0], [1, 1, 0]], {'axis': -1, 'trim': 'b'}),
    pytest.param([[[0, 1], [0, 0]], [[0, 1], [0, 1]]], {'axis': (0, 2)}, marks=pytest.mark.skipif(
        onp.lib.NumpyVersion(onp.__version__) < '2.4.0',
        reason='numpy.trim_zeros takes a tuple axis from NumPy 2.4')),
]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('mask,kwargs', TRIM_CASES, ids=str)
def test_trim_zeros(mask, kwargs, dtype):
    # The zeros come from a constant mask, so finite differences do not move them off zero.
    mask = onp.array(mask, float)
    x = rand(*mask.shape, dtype=dtype)
    check(lambda x: np.trim_zeros(x * mask, **kwargs), x)
    assert_close_structure(traced_value(lambda x: np.trim_zeros(x * mask, **kwargs), x),
                           onp.trim_zeros(x * mask, **kwargs))
    with pytest.raises(ValueError, match='unexpected character'):
        traced_value(lambda x: np.trim_zeros(x, 'fx'), x)


def test_untraced_arguments_reach_numpy():
    p, q = onp.poly1d([1.0, 2.0]), onp.poly1d([3.0, 0.0, 1.0])
    for name in ('polyadd', 'polysub', 'polymul'):
        assert isinstance(getattr(np, name)(p, q), onp.poly1d)
    assert isinstance(np.polydiv(q, p)[0], onp.poly1d)
    assert isinstance(np.polyder(q), onp.poly1d) and isinstance(np.polyint(q), onp.poly1d)
    assert np.trim_zeros([0, 1, 0]) == [1]  # a list stays a list, as in NumPy
    assert_close_structure(np.polyfit([0.0, 1.0, 2.0], [1.0, 3.0, 5.0], 1), onp.array([2.0, 1.0]))


def test_traced_with_poly1d_gives_coefficient_arrays():
    q = onp.poly1d([3.0, 0.0, 1.0])
    a = rand(2)
    # NumPy gives a poly1d for plain values (as finite differences use): asarray compares the coefficients.
    check(lambda a: np.asarray(np.polymul(q, a)), a)
    check(lambda a: np.asarray(np.polyadd(a, q)), a)
    assert_close_structure(traced_value(lambda a: np.polydiv(q, a), a), tuple(c.coeffs for c in onp.polydiv(q, a)))


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match='Order of derivative'):
        traced_value(lambda p: np.polyder(p, -1), rand(3))
    with pytest.raises(ValueError, match='Order of integral'):
        traced_value(lambda p: np.polyint(p, -1), rand(3))
    with pytest.raises(ValueError, match='rank-1 array of length 1 or >m'):
        traced_value(lambda k: np.polyint(onp.ones(2), 3, k), rand(2))
    with pytest.raises(ValueError, match='1d only'):
        traced_value(lambda a: np.polymul(a, [1.0]), rand(2, 2))
    with pytest.raises(ValueError, match='square 2d'):
        traced_value(np.poly, rand(2, 3))
