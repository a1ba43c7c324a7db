"""autograd.scipy.special: keywords, the conventions at special points, the series in shape parameters and
the refusals. Every rule is checked against finite differences in test_special_rules.py."""
import numpy as onp
import pytest
import scipy.special

import autograd.numpy as np
import autograd.scipy.special as sp
from autograd import elementwise_grad, grad, make_jvp

from ..numpy.util import check

def draw(shape, low, high):
    x = onp.random.uniform(low, high, shape)
    return x if shape else x[()]


@pytest.mark.parametrize('axis', [None, 0, -1, (0, 2)], ids=str)
@pytest.mark.parametrize('name', ['softmax', 'log_softmax'])
def test_softmax_axes(name, axis):
    check(lambda x: getattr(sp, name)(x, axis=axis), onp.random.randn(2, 3, 2))


@pytest.mark.parametrize('keepdims', [False, True])
@pytest.mark.parametrize('axis', [None, 1, -1, (0, 2)], ids=str)
def test_logsumexp_axes(axis, keepdims):
    a = onp.random.randn(2, 3, 2)
    onp.testing.assert_allclose(sp.logsumexp(a, axis=axis, keepdims=keepdims),
                                scipy.special.logsumexp(a, axis=axis, keepdims=keepdims))
    check(lambda a: sp.logsumexp(a, axis=axis, keepdims=keepdims), a)


@pytest.mark.parametrize('b_shape', [(), (3,), (2, 3)], ids=str)
def test_logsumexp_weights_by_keyword(b_shape):
    a, b = onp.random.randn(2, 3), draw(b_shape, 0.5, 2.0)
    check(lambda a, b: sp.logsumexp(a, axis=-1, b=b), a, b)
    check(lambda a, b: sp.logsumexp(a, b=b, keepdims=True), a, b)


def test_logsumexp_return_sign():
    a, b = onp.array([1.0, 2.0, 0.5]), onp.array([1.0, -2.0, 0.5])  # a negative sum
    value, sign = sp.logsumexp(a, b=b, return_sign=True)
    expected = scipy.special.logsumexp(a, b=b, return_sign=True)
    assert onp.allclose(value, expected[0]) and sign == expected[1] == -1.0
    check(lambda a, b: sp.logsumexp(a, b=b, return_sign=True)[0], a, b)
    # The log of |sum|: its derivative is b exp(a) / sum, with the sum's sign.
    assert onp.allclose(grad(lambda a: sp.logsumexp(a, b=b, return_sign=True)[0])(a),
                        b * onp.exp(a) / onp.sum(b * onp.exp(a)))
    assert onp.isnan(sp.logsumexp(a, b=b))


def test_misc_logsumexp_is_special_logsumexp():
    from autograd.scipy.misc import logsumexp
    assert logsumexp is sp.logsumexp


def test_xlogy_at_zero_x():
    # x log(y) is identically 0 for x = 0, so its derivative in y is 0 there, also at y = 0.
    assert grad(sp.xlogy, 1)(0.0, 0.0) == 0.0
    assert grad(sp.xlog1py, 1)(0.0, -1.0) == 0.0
    assert grad(sp.xlogy, 0)(0.0, 2.0) == onp.log(2.0)


def test_rgamma_at_poles():
    # 1/gamma(x) ~ (-1)**n n! (x + n) at x = -n.
    for x, slope in [(0.0, 1.0), (-1.0, -1.0), (-2.0, 2.0), (-3.0, -6.0)]:
        assert onp.isclose(grad(sp.rgamma)(x), slope)
        assert onp.isclose(make_jvp(sp.rgamma)(x)(1.0)[1], slope)


def test_exponentially_scaled_bessel_at_zero():
    # Kink at 0: the subgradient is the mean of the one-sided slopes (-1 and 1 for i0e; 0.5 -+ 0 for i1e).
    assert grad(sp.i0e)(0.0) == 0.0
    assert onp.isclose(grad(sp.i1e)(0.0), 0.5)
    assert onp.isclose(grad(sp.i1)(0.0), 0.5)


def test_ive_refuses_complex():
    with pytest.raises(TypeError, match='ive.*real'):
        grad(lambda z: np.real(sp.ive(1.0, z)))(1.0 + 1.0j)


@pytest.mark.parametrize('fun, args, message', [
    (sp.zeta, (2.5, 1.0), "zeta: no derivative with respect to x: its derivative has no closed form"),
    (sp.kv, (1.5, 2.0), "kv: no derivative with respect to v: its derivative has no closed form"),
    (sp.polygamma, (1.0, 2.0), "polygamma: no derivative with respect to n: it is an integer"),
    (lambda m: sp.ellipj(0.5, m)[0], (0.3,), "ellipj: no derivative with respect to m"),
    (sp.hyperu, (1.5, 2.0, 0.5), "hyperu: no derivative with respect to a"),
    (lambda alpha: sp.eval_jacobi(2, alpha, 1.0, 0.3), (0.5,), "eval_jacobi: no derivative with respect to alpha"),
], ids=['zeta', 'kv', 'polygamma', 'ellipj', 'hyperu', 'eval_jacobi'])
def test_constant_arguments_are_refused(fun, args, message):
    with pytest.raises(NotImplementedError, match=message):
        grad(fun)(*args)
    with pytest.raises(NotImplementedError, match=message):
        make_jvp(fun)(*args)(1.0)


def finite_difference(fun, x, step=1e-6):
    return (fun(x + step) - fun(x - step)) / (2 * step)


@pytest.mark.parametrize('a, x', [(0.3, 0.01), (2.5, 1.0), (10.0, 30.0), (40.0, 35.0), (3.0, 120.0)])
def test_gammainc_series_in_a(a, x):
    expected = finite_difference(lambda a: scipy.special.gammainc(a, x), a)
    assert onp.isclose(grad(sp.gammainc)(a, x), expected, rtol=1e-6, atol=1e-9)
    assert onp.isclose(grad(sp.gammaincc)(a, x), -expected, rtol=1e-6, atol=1e-9)


def test_gammainc_series_is_nan_where_it_has_not_converged():
    # Far beyond the terms summed, but also far from the bulk of the distribution: the derivative is ~0.
    assert abs(grad(sp.gammainc)(2.0, 1000.0)) < 1e-12
    # The terms near x = 5600 are not summed (a + n stops at 5400), and they matter.
    assert onp.isnan(grad(sp.gammainc)(5000.0, 5600.0))
    assert grad(sp.gammainc)(2.0, 0.0) == 0.0


@pytest.mark.parametrize('a, b, x', [(0.5, 0.5, 0.5), (2.0, 3.0, 0.1), (2.0, 3.0, 0.95), (30.0, 0.7, 0.97),
                                     (0.2, 40.0, 0.01)])
def test_betainc_series_in_a_and_b(a, b, x):
    for argnum, shift in [(0, lambda t: (t, b)), (1, lambda t: (a, t))]:
        expected = finite_difference(lambda t: scipy.special.betainc(*shift(t), x), (a, b)[argnum])
        assert onp.isclose(grad(sp.betainc, argnum)(a, b, x), expected, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize('fun, args, argnum', [
    (sp.jv, (0.7, 12.0), 0), (sp.iv, (2.5, 40.0), 0), (sp.hyp1f1, (0.5, 1.5, 10.0), 0),
    (sp.hyp1f1, (0.5, 1.5, 10.0), 1), (sp.hyp2f1, (0.5, 1.5, 2.5, 0.9), 2), (sp.hyp0f1, (1.5, -20.0), 0),
], ids=['jv', 'iv', 'hyp1f1-a', 'hyp1f1-b', 'hyp2f1-c', 'hyp0f1'])
def test_series_in_parameters(fun, args, argnum):
    def shifted(t):
        return getattr(scipy.special, fun.__name__)(*args[:argnum], t, *args[argnum + 1:])
    expected = finite_difference(shifted, args[argnum])
    assert onp.isclose(grad(fun, argnum)(*args), expected, rtol=1e-6, atol=1e-9)


def test_series_in_parameters_are_nan_where_they_fail():
    assert onp.isnan(grad(sp.jv)(0.7, 40.0))  # alternating terms of 1e15 for a result below 1
    assert onp.isnan(grad(sp.hyp2f1, 2)(0.5, 1.5, 2.5, 1.5))  # the series diverges beyond |z| = 1


@pytest.mark.parametrize('name', ['spherical_jn', 'spherical_yn', 'spherical_in', 'spherical_kn'])
def test_spherical_bessel_derivatives(name):
    # derivative=True is the derivative in z, whose own derivative comes from the differential equation.
    fun, z = getattr(sp, name), draw((2, 3), 0.5, 3.0)
    check(lambda z: fun(onp.array([0, 1, 3]), z, derivative=True), z)
    assert onp.allclose(elementwise_grad(lambda z: fun(2, z))(z), fun(2, z, derivative=True))


def test_every_public_name_is_exposed():
    public = {n for n in dir(scipy.special) if not n.startswith('_')
              and not isinstance(getattr(scipy.special, n), type(scipy))}
    assert public <= set(sp.__all__) <= set(dir(sp))


def test_function_without_rule_names_itself():
    with pytest.raises(NotImplementedError, match="'mathieu_a'"):
        grad(sp.mathieu_a)(2.0, 1.0)
    assert sp.gammasgn(-0.5) == scipy.special.gammasgn(-0.5)


def test_scipy_ufunc_on_traced_value_dispatches():
    # scipy.special's ufuncs called on traced arrays reach the wrapped primitives.
    x = onp.array([0.5, 1.5])
    assert onp.allclose(grad(lambda x: np.sum(scipy.special.gammaln(x)))(x), scipy.special.digamma(x))
