"""cov and corrcoef: derivatives against finite differences (both modes, order 2), and values of the traced
path against NumPy's own functions."""
import warnings

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import make_vjp

from .util import check, rand

DTYPES = [float, complex]
FWEIGHTS = onp.array([1, 2, 1, 3, 1])
AWEIGHTS = onp.array([0.8, 1.3, 0.6, 1.9, 1.1])  # fixed: test ids must not change between workers


def dtype_id(dtype):
    return dtype.__name__


def kwargs_id(kwargs):
    return ','.join(k if isinstance(v, onp.ndarray) else '{}={}'.format(k, v) for k, v in kwargs.items()) or 'defaults'


def traced_value(fun, x):
    return make_vjp(fun)(x)[1]


COV_CASES = [
    ((3, 5), {}),
    ((5,), {}),
    ((), {'ddof': 0}),
    ((2, 5), {'bias': True}),
    ((5, 3), {'rowvar': False}),
    ((4, 5), {'ddof': 3}),
    ((1, 5), {'fweights': FWEIGHTS}),
    ((3, 5), {'aweights': AWEIGHTS}),
    ((2, 5), {'aweights': AWEIGHTS, 'fweights': FWEIGHTS, 'ddof': 2}),
    ((5, 2), {'rowvar': False, 'aweights': AWEIGHTS, 'bias': True}),
    ((2, 5), {'dtype': onp.complex128}),
]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('shape,kwargs', COV_CASES, ids=lambda c: kwargs_id(c) if isinstance(c, dict) else str(c))
def test_cov(shape, kwargs, dtype):
    m = rand(*shape, dtype=dtype)
    check(lambda m: np.cov(m, **kwargs), m)
    onp.testing.assert_allclose(traced_value(lambda m: np.cov(m, **kwargs), m), onp.cov(m, **kwargs), rtol=1e-12)


COV_PAIRS = [((2, 5), (5,), {}), ((5,), (3, 5), {'bias': True}), ((5, 2), (5, 3), {'rowvar': False}),
             ((5,), (5,), {'rowvar': False, 'aweights': AWEIGHTS})]


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('m_shape,y_shape,kwargs', COV_PAIRS, ids=str)
@pytest.mark.parametrize('name', ['cov', 'corrcoef'])
def test_two_samples(name, m_shape, y_shape, kwargs, dtype):
    if name == 'corrcoef':
        kwargs = {k: v for k, v in kwargs.items() if k == 'rowvar'}
    m, y = rand(*m_shape, dtype=dtype), rand(*y_shape)
    fun = getattr(np, name)
    check(lambda m, y: fun(m, y, **kwargs), m, y)
    expected = getattr(onp, name)(m, y, **kwargs)
    onp.testing.assert_allclose(traced_value(lambda m: fun(m, y, **kwargs), m), expected, rtol=1e-12)
    onp.testing.assert_allclose(traced_value(lambda y: fun(m, y, **kwargs), y), expected, rtol=1e-12)


@pytest.mark.parametrize('ddof', [0, 1, 2])
def test_cov_traced_aweights(ddof):
    m = rand(3, 5)
    check(lambda a: np.cov(m, ddof=ddof, aweights=a), rand(5, positive=True))
    check(lambda a: np.cov(m, ddof=ddof, fweights=FWEIGHTS, aweights=a), rand(5, positive=True))
    a = rand(5, positive=True)
    onp.testing.assert_allclose(traced_value(lambda a: np.cov(m, ddof=ddof, aweights=a), a),
                                onp.cov(m, ddof=ddof, aweights=a), rtol=1e-12)


@pytest.mark.parametrize('dtype', DTYPES, ids=dtype_id)
@pytest.mark.parametrize('shape,kwargs', [((3, 5), {}), ((5,), {}), ((5, 2), {'rowvar': False}), ((4, 6), {})],
                         ids=str)
def test_corrcoef(shape, kwargs, dtype):
    x = rand(*shape, dtype=dtype)
    check(lambda x: np.corrcoef(x, **kwargs), x)
    onp.testing.assert_allclose(traced_value(lambda x: np.corrcoef(x, **kwargs), x), onp.corrcoef(x, **kwargs),
                                rtol=1e-12)


def test_degenerate_inputs_as_numpy():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        value = traced_value(lambda m: np.cov(m, ddof=5), rand(2, 5))
        expected = onp.cov(rand(2, 5), ddof=5)
    assert sum('Degrees of freedom' in str(w.message) for w in caught) == 2
    assert value.shape == expected.shape == (2, 2) and onp.all(~onp.isfinite(value))
    assert traced_value(lambda m: np.cov(m), onp.zeros((0, 3))).shape == (0, 0)
    with pytest.warns(RuntimeWarning):
        assert onp.isnan(traced_value(np.corrcoef, onp.ones(4)))  # one constant variable: 0 / 0


def test_errors_as_numpy():
    m = rand(2, 5)
    with pytest.raises(TypeError, match='fweights are integer counts'):
        make_vjp(lambda f: np.cov(m, fweights=f))(onp.ones(5))
    with pytest.raises(TypeError, match='fweights must be integer'):
        traced_value(lambda m: np.cov(m, fweights=onp.full(5, 1.5)), m)
    with pytest.raises(ValueError, match='aweights cannot be negative'):
        traced_value(lambda m: np.cov(m, aweights=-onp.ones(5)), m)
    with pytest.raises(RuntimeError, match='incompatible numbers of samples and aweights'):
        traced_value(lambda m: np.cov(m, aweights=onp.ones(4)), m)
    with pytest.raises(RuntimeError, match='multidimensional fweights'):
        traced_value(lambda m: np.cov(m, fweights=onp.ones((5, 1), int)), m)
    with pytest.raises(ValueError, match='more than 2 dimensions'):
        traced_value(np.cov, rand(2, 2, 2))
    with pytest.raises(ValueError, match='ddof must be integer'):
        traced_value(lambda m: np.cov(m, ddof=1.5), m)


def test_untraced_arguments_reach_numpy():
    m = rand(3, 5)
    assert onp.array_equal(np.cov(m, bias=True), onp.cov(m, bias=True))
    assert onp.array_equal(np.corrcoef(m.tolist()), onp.corrcoef(m.tolist()))
