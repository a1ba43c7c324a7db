"""autograd.scipy.special: every rule against finite differences (both modes, order 2), and the conventions
at special points."""
import numpy as onp
import pytest
import scipy.special

import autograd.numpy as np
import autograd.scipy.special as sp
from autograd import grad, make_jvp

from ..numpy.util import check

SHAPES = [(), (3,), (2, 3)]
BROADCAST_PAIRS = [((), ()), ((3,), ()), ((2, 3), (3,)), ((2, 1), (1, 3))]


def draw(shape, low, high, dtype=float):
    x = onp.random.uniform(low, high, shape)
    if onp.dtype(dtype).kind == 'c':
        x = x + 1j * onp.random.uniform(-0.5, 0.5, shape)
    return x if shape else x[()]


def signed(shape):
    """Values of both signs, away from 0 (where the exponentially scaled Bessel functions have a kink)."""
    return draw(shape, 0.5, 2.0) * onp.where(onp.random.rand(*shape) < 0.5, -1.0, 1.0)


# name: (function, argument domain (low, high) or a drawing function)
UNARY = {
    'gamma': (sp.gamma, (0.5, 3.0)),
    'gamma_negative': (sp.gamma, (-2.8, -2.2)),
    'gammaln': (sp.gammaln, (0.5, 3.0)),
    'loggamma': (sp.loggamma, (0.5, 3.0)),
    'digamma': (sp.digamma, (0.5, 3.0)),
    'psi': (sp.psi, (0.5, 3.0)),
    'rgamma': (sp.rgamma, (-1.9, 3.0)),
    'erf': (sp.erf, (-2.0, 2.0)),
    'erfc': (sp.erfc, (-2.0, 2.0)),
    'erfcx': (sp.erfcx, (-2.0, 2.0)),
    'erfinv': (sp.erfinv, (-0.9, 0.9)),
    'erfcinv': (sp.erfcinv, (0.1, 1.9)),
    'ndtr': (sp.ndtr, (-3.0, 3.0)),
    'log_ndtr': (sp.log_ndtr, (-3.0, 3.0)),
    'ndtri': (sp.ndtri, (0.05, 0.95)),
    'expit': (sp.expit, (-3.0, 3.0)),
    'logit': (sp.logit, (0.1, 0.9)),
    'log_expit': (sp.log_expit, (-3.0, 3.0)),
    'entr': (sp.entr, (0.2, 2.0)),
    'i0': (sp.i0, signed),
    'i1': (sp.i1, signed),
    'i0e': (sp.i0e, signed),
    'i1e': (sp.i1e, signed),
    'j0': (sp.j0, (-4.0, 4.0)),
    'j1': (sp.j1, (-4.0, 4.0)),
    'y0': (sp.y0, (0.5, 4.0)),
    'y1': (sp.y1, (0.5, 4.0)),
    'sinc': (sp.sinc, (-2.0, 2.0)),
    'multigammaln': (lambda a: sp.multigammaln(a, 3), (1.5, 3.0)),
    'polygamma_0': (lambda x: sp.polygamma(0, x), (0.5, 3.0)),
    'polygamma_2': (lambda x: sp.polygamma(2, x), (0.5, 3.0)),
    'polygamma_orders': (lambda x: sp.polygamma(onp.array([0, 1, 3]), x), (0.5, 3.0)),
    'softmax': (sp.softmax, (-2.0, 2.0)),
    'log_softmax': (sp.log_softmax, (-2.0, 2.0)),
    'logsumexp': (sp.logsumexp, (-2.0, 2.0)),
}

# Functions of (constant, x): differentiated in x for several constants, broadcast against x.
IN_LAST = {
    'gammainc': (sp.gammainc, onp.array([0.7, 1.0, 2.5]), (0.3, 3.0)),
    'gammaincc': (sp.gammaincc, onp.array([0.7, 1.0, 2.5]), (0.3, 3.0)),
    'stdtr': (sp.stdtr, onp.array([1.0, 2.5, 30.0]), (-3.0, 3.0)),
    'iv': (sp.iv, onp.array([0.0, 1.5, -2.0]), (0.3, 3.0)),
    'ive': (sp.ive, onp.array([0.0, 1.5, 3.0]), (0.3, 3.0)),
    'jn': (sp.jn, onp.array([0, 1, 3]), (-4.0, 4.0)),
    'jv': (sp.jv, onp.array([0.5, 1.0, 2.5]), (0.3, 4.0)),
    'yn': (sp.yn, onp.array([0, 1, 3]), (0.5, 4.0)),
}

BINARY = {
    'beta': (sp.beta, (0.5, 3.0), (0.5, 3.0)),
    'betaln': (sp.betaln, (0.5, 3.0), (0.5, 3.0)),
    'xlogy': (sp.xlogy, (-2.0, 2.0), (0.3, 3.0)),
    'xlog1py': (sp.xlog1py, (-2.0, 2.0), (-0.7, 3.0)),
}


def sample(domain, shape, dtype=float):
    return domain(shape) if callable(domain) else draw(shape, *domain, dtype=dtype)


@pytest.mark.parametrize('shape', SHAPES, ids=str)
@pytest.mark.parametrize('name', sorted(UNARY))
def test_unary(name, shape):
    fun, domain = UNARY[name]
    check(fun, sample(domain, shape))


# SciPy's polygamma (zeta) takes no complex arguments, so gamma and loggamma are complex only to order 1
# (their second derivatives need polygamma(1, z)), and digamma not at all.
@pytest.mark.parametrize('name, order', [('gamma', 1), ('loggamma', 1), ('erf', 2), ('erfc', 2), ('erfcx', 2),
                                         ('sinc', 2), ('logsumexp', 2), ('softmax', 2)])
def test_unary_complex(name, order):
    fun, domain = UNARY[name]
    check(fun, sample(domain, (2, 3), complex), order=order)


@pytest.mark.parametrize('x_shape', [(), (3,), (2, 3)], ids=str)
@pytest.mark.parametrize('name', sorted(IN_LAST))
def test_in_last_argument(name, x_shape):
    fun, constants, domain = IN_LAST[name]
    x = sample(domain, x_shape)
    check(lambda x: fun(constants, x), x)
    check(lambda x: fun(constants[1], x), x)


def test_betainc_in_x():
    a, b = onp.array([[0.7], [2.0]]), onp.array([0.8, 1.0, 3.0])
    for fun in [sp.betainc, sp.betaincc]:
        for x in [draw((), 0.1, 0.9), draw((2, 3), 0.1, 0.9)]:
            check(lambda x: fun(a, b, x), x)


@pytest.mark.parametrize('shapes', BROADCAST_PAIRS, ids=str)
@pytest.mark.parametrize('name', sorted(BINARY))
def test_binary(name, shapes):
    fun, x_domain, y_domain = BINARY[name]
    check(fun, sample(x_domain, shapes[0]), sample(y_domain, shapes[1]))
    check(fun, sample(x_domain, shapes[1]), sample(y_domain, shapes[0]))


def test_iv_complex():
    check(lambda z: sp.iv(1.5, z), draw((3,), 0.5, 2.0, complex))
    check(lambda z: sp.jn(2, z), draw((3,), 0.5, 2.0, complex))


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
    (sp.gammainc, (1.5, 2.0), "gammainc: no derivative with respect to a"),
    (sp.gammaincc, (1.5, 2.0), "gammaincc: no derivative with respect to a"),
    (sp.iv, (1.5, 2.0), "iv: no derivative with respect to v"),
    (sp.polygamma, (1.0, 2.0), "polygamma: no derivative with respect to n"),
    (sp.stdtr, (1.5, 2.0), "stdtr: no derivative with respect to df"),
    (lambda b, a, x: sp.betainc(a, b, x), (1.5, 2.0, 0.5), "betainc: no derivative with respect to b"),
], ids=['gammainc', 'gammaincc', 'iv', 'polygamma', 'stdtr', 'betainc'])
def test_constant_arguments_are_refused(fun, args, message):
    with pytest.raises(NotImplementedError, match=message):
        grad(fun)(*args)
    with pytest.raises(NotImplementedError, match=message):
        make_jvp(fun)(*args)(1.0)


def test_every_public_name_is_exposed():
    public = {n for n in dir(scipy.special) if not n.startswith('_')
              and not isinstance(getattr(scipy.special, n), type(scipy))}
    assert public <= set(sp.__all__) <= set(dir(sp))


def test_function_without_rule_names_itself():
    with pytest.raises(NotImplementedError, match="'zeta'"):
        grad(sp.zeta)(2.5, 1.0)
    assert sp.gammasgn(-0.5) == scipy.special.gammasgn(-0.5)


def test_scipy_ufunc_on_traced_value_dispatches():
    # scipy.special's ufuncs called on traced arrays reach the wrapped primitives.
    x = onp.array([0.5, 1.5])
    assert onp.allclose(grad(lambda x: np.sum(scipy.special.gammaln(x)))(x), scipy.special.digamma(x))
