"""Reductions and statistics: every axis form, keepdims, ddof, where=, initial=, complex, zeros and NaNs."""
import warnings

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import elementwise_grad, grad, hessian, jacobian, make_jvp

from .util import check, rand

AXES = [None, 0, -1, (0, 2)]
LINEAR_AND_EXTREMA = [np.sum, np.mean, np.max, np.min, np.amax, np.amin, np.ptp]
SMOOTH = [np.prod, np.var, np.std, np.nansum, np.nanmean, np.nanvar, np.nanstd, np.nanprod]
SELECTING = [np.median, np.nanmedian, np.nanmax, np.nanmin]
REDUCTIONS = LINEAR_AND_EXTREMA + SMOOTH + SELECTING
COMPLEX_REDUCTIONS = [np.sum, np.mean, np.prod, np.var, np.std, np.average, np.nansum, np.nanmean, np.nanprod,
                      np.nanvar, np.nanstd]
CUMULATIVE = [np.cumsum, np.cumprod, np.nancumsum, np.nancumprod]


def name_of(fun):
    return fun.__name__


def with_zeros(x, *where):
    x = onp.array(x)
    for idx in where:
        x[idx] = 0.0
    return x


def with_nans(x, *where):
    x = onp.array(x)
    for idx in where:
        x[idx] = onp.nan
    return x


@pytest.mark.parametrize('fun', REDUCTIONS, ids=name_of)
@pytest.mark.parametrize('axis', AXES, ids=str)
@pytest.mark.parametrize('keepdims', [False, True], ids=['', 'keepdims'])
def test_reduction_axes(fun, axis, keepdims):
    check(lambda x: fun(x, axis=axis, keepdims=keepdims), rand(2, 3, 4))


@pytest.mark.parametrize('fun', REDUCTIONS + [np.average], ids=name_of)
@pytest.mark.parametrize('shape', [(), (5,)], ids=str)
def test_reduction_of_scalars_and_vectors(fun, shape):
    check(fun, rand(*shape))


@pytest.mark.parametrize('fun', COMPLEX_REDUCTIONS, ids=name_of)
@pytest.mark.parametrize('axis', [None, 1, (0, -1)], ids=str)
def test_complex_reductions(fun, axis):
    check(lambda z: fun(z, axis=axis), rand(2, 3, 4, dtype=complex))


def test_complex_variance_is_real():
    z = rand(3, 4, dtype=complex)
    assert np.var(z, axis=0).dtype.kind == 'f'
    expected = 2 * onp.conj(z - z.mean()) / z.size
    assert onp.allclose(grad(np.var)(z), expected)


@pytest.mark.parametrize('fun', [np.var, np.std, np.nanvar, np.nanstd], ids=name_of)
@pytest.mark.parametrize('kwargs', [dict(ddof=1), dict(ddof=2, axis=-1), dict(correction=1, axis=(0, 2)),
                                    dict(axis=1, ddof=1, keepdims=True)], ids=str)
def test_variance_ddof(fun, kwargs):
    check(lambda x: fun(x, **kwargs), rand(2, 3, 4))


def test_variance_positional_ddof_and_given_mean():
    check(lambda x: np.var(x, 1, None, None, 1), rand(2, 3, 4))
    mean = onp.full((2, 1, 4), 0.3)
    check(lambda x: np.std(x, axis=1, keepdims=True, mean=mean), rand(2, 3, 4))


def test_std_of_a_constant_has_zero_gradient():
    assert onp.allclose(grad(np.std)(onp.full(4, 2.0)), 0.0)


# Products with zeros: the gradient is the product of the other elements, and the Hessian the product of
# all but two, which neither dividing nor counting zeros gets right.
ZERO_CASES = {
    'one zero': with_zeros(rand(5), 2),
    'two zeros': with_zeros(rand(5), 1, 3),
    'all zero': onp.zeros(3),
    '3-d one zero': with_zeros(rand(2, 3, 4), (0, 1, 2)),
    '3-d scattered': with_zeros(rand(2, 3, 4), (0, 1, 2), (0, 1, 3), (1, 0, 0), (1, 2, 1)),
}


@pytest.mark.parametrize('x', ZERO_CASES.values(), ids=ZERO_CASES.keys())
@pytest.mark.parametrize('axis', [None, 0, -1, (0, -1)], ids=str)
def test_prod_with_zeros(x, axis):
    if axis not in (None, 0, -1) and x.ndim == 1:
        axis = None
    check(lambda x: np.prod(x, axis=axis), x)
    check(lambda x: np.nanprod(x, axis=axis), x)


def test_prod_with_zeros_exact_values():
    x = onp.array([2.0, 0.0, 3.0, 5.0])
    assert onp.array_equal(grad(np.prod)(x), [0.0, 30.0, 0.0, 0.0])
    h = hessian(np.prod)(x)
    assert onp.array_equal(h[1], [30.0 / 2, 0.0, 10.0, 6.0])
    assert onp.array_equal(h[0], [0.0, 15.0, 0.0, 0.0])
    two = onp.array([0.0, 4.0, 0.0])
    assert onp.array_equal(grad(np.prod)(two), [0.0, 0.0, 0.0])
    assert onp.array_equal(hessian(np.prod)(two)[0], [0.0, 0.0, 4.0])


def test_third_derivatives_at_zeros_are_exact():
    # Finite differences cannot check these: a perturbed zero leaves a tiny factor to divide by.
    x = onp.array([0.0, 0.0, 3.0, 5.0])
    assert jacobian(hessian(np.prod))(x)[0, 1, 2] == 5.0
    assert jacobian(hessian(lambda x: np.cumprod(x)[2]))(x)[0, 1, 2] == 1.0
    assert jacobian(hessian(lambda x: np.cumprod(x)[3]))(x)[0, 1, 3] == 3.0


def test_prod_complex_with_zero():
    check(lambda z: np.prod(z, axis=1), with_zeros(rand(2, 3, dtype=complex), (0, 1)))


@pytest.mark.parametrize('fun', CUMULATIVE, ids=name_of)
@pytest.mark.parametrize('axis', [None, 0, -1, 1], ids=str)
def test_cumulative(fun, axis):
    check(lambda x: fun(x, axis=axis), rand(2, 3, 4))


@pytest.mark.parametrize('fun', CUMULATIVE, ids=name_of)
def test_cumulative_of_scalars_vectors_and_complex(fun):
    check(fun, rand())
    check(fun, rand(5))
    check(lambda z: fun(z, 1), rand(2, 3, dtype=complex))


@pytest.mark.parametrize('x', ZERO_CASES.values(), ids=ZERO_CASES.keys())
@pytest.mark.parametrize('axis', [None, -1], ids=str)
def test_cumprod_with_zeros(x, axis):
    check(lambda x: np.cumprod(x, axis=axis), x)


def test_cumprod_with_zeros_exact_values():
    x = onp.array([2.0, 0.0, 3.0, 0.0, 5.0])
    jacobian = onp.array([elementwise_grad(lambda x, i=i: np.cumprod(x)[i])(x) for i in range(5)])
    assert onp.array_equal(jacobian[:, 1], [0.0, 2.0, 6.0, 0.0, 0.0])
    assert onp.array_equal(jacobian[:, 3], [0.0, 0.0, 0.0, 0.0, 0.0])
    assert onp.array_equal(make_jvp(np.cumprod)(x)(onp.array([0.0, 1.0, 0.0, 0.0, 0.0]))[1], jacobian[:, 1])


@pytest.mark.skipif(not hasattr(np, 'cumulative_sum'), reason='NumPy < 2.1')
@pytest.mark.parametrize('fun', ['cumulative_sum', 'cumulative_prod'])
@pytest.mark.parametrize('include_initial', [False, True], ids=['', 'include_initial'])
def test_cumulative_array_api(fun, include_initial):
    fun = getattr(np, fun)
    check(lambda x: fun(x, include_initial=include_initial), rand(5))
    check(lambda x: fun(x, axis=-1, include_initial=include_initial), rand(2, 3, 4))
    check(lambda x: fun(x, axis=0, include_initial=include_initial), with_zeros(rand(3, 2), (1, 0)))
    check(lambda z: fun(z, axis=1, include_initial=include_initial), rand(2, 3, dtype=complex))


# nan* variants: NaNs are skipped, and their gradient is zero.
NAN_FUNS = [np.nansum, np.nanmean, np.nanvar, np.nanstd, np.nanmax, np.nanmin, np.nanprod, np.nanmedian,
            np.nancumsum, np.nancumprod]


@pytest.mark.parametrize('fun', NAN_FUNS, ids=name_of)
@pytest.mark.parametrize('axis', [None, -1, (0, 1)], ids=str)
def test_nan_variants_skip_nans(fun, axis):
    if fun in (np.nancumsum, np.nancumprod) and isinstance(axis, tuple):
        axis = 0
    x = with_nans(rand(2, 3, 4), (0, 1, 1), (1, 0, 0), (1, 0, 3), (1, 2, 2))
    check(lambda x: fun(x, axis=axis), x)
    gradient = elementwise_grad(lambda x: fun(x, axis=axis))(x)
    assert onp.all(gradient[onp.isnan(x)] == 0) and onp.all(onp.isfinite(gradient))


@pytest.mark.parametrize('fun', [np.nansum, np.nanmean, np.nanmax, np.nanprod, np.nanvar], ids=name_of)
def test_nan_variants_of_an_all_nan_group(fun):
    x = with_nans(rand(2, 3), (0, 0), (0, 1), (0, 2))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', RuntimeWarning)
        gradient = elementwise_grad(lambda x: np.nansum(fun(x, axis=1)))(x)
    assert onp.all(gradient[0] == 0) and gradient[1].any()


# where= and initial=
WHERE = onp.array([[True], [False], [True]])  # broadcasts against (2, 3, 4)


@pytest.mark.parametrize('fun', [np.sum, np.mean, np.prod, np.var, np.std, np.nansum, np.nanmean, np.nanprod,
                                 np.nanvar, np.nanstd], ids=name_of)
@pytest.mark.parametrize('axis', [None, 1, (0, 1)], ids=str)
def test_where(fun, axis):
    check(lambda x: fun(x, axis=axis, where=WHERE), rand(2, 3, 4))
    assert onp.all(elementwise_grad(lambda x: fun(x, axis=axis, where=WHERE))(rand(2, 3, 4))[:, 1] == 0)


@pytest.mark.parametrize('fun', [np.max, np.min, np.nanmax, np.nanmin], ids=name_of)
def test_extrema_with_where_and_initial(fun):
    initial = -10.0 if fun in (np.max, np.nanmax) else 10.0
    check(lambda x: fun(x, axis=1, where=WHERE, initial=initial), rand(2, 3, 4))
    # A winning initial value is a constant: x gets no gradient, and no NaN from 0 / 0.
    assert onp.array_equal(grad(lambda x: fun(x, initial=-initial))(rand(2, 3)), onp.zeros((2, 3)))


def test_sum_and_prod_initial():
    check(lambda x: np.sum(x, axis=0, initial=3.0), rand(2, 3))
    check(lambda x: np.prod(x, axis=0, initial=3.0), rand(2, 3))
    check(lambda x: np.prod(x, axis=0, initial=3.0), with_zeros(rand(2, 3), (0, 1)))
    assert make_jvp(lambda x: np.sum(x, initial=3.0))(rand(2))(onp.ones(2))[1] == 2.0


@pytest.mark.parametrize('fun', [np.sum, np.mean, np.prod, np.cumsum, np.cumprod], ids=name_of)
def test_dtype_argument(fun):
    x = rand(3, 2)
    assert grad(lambda x: np.sum(fun(x, dtype=np.float32)))(x).dtype == onp.float64
    check(lambda x: fun(x, axis=0, dtype=np.float64), x)
    check(lambda z: fun(z, dtype=np.complex128), x)


@pytest.mark.parametrize('fun', [np.sum, np.nansum, np.prod, np.cumsum, np.cumprod], ids=name_of)
def test_empty_reductions(fun):
    x = onp.zeros((0, 3))
    assert onp.array_equal(grad(lambda x: np.sum(fun(x, axis=0)))(x), x)
    assert grad(lambda x: np.sum(fun(x)))(x).shape == (0, 3)
    assert onp.array_equal(elementwise_grad(lambda x: fun(x, axis=1))(x), x)


def test_empty_extremum_needs_initial_as_in_numpy():
    x = onp.zeros((0, 3))
    assert onp.array_equal(grad(lambda x: np.sum(np.max(x, axis=0, initial=1.0)))(x), x)
    with pytest.raises(ValueError):
        grad(lambda x: np.max(x))(x)


def test_max_splits_the_gradient_between_ties():
    assert onp.allclose(grad(np.max)(onp.array([1.0, 3.0, 3.0, 2.0])), [0, 0.5, 0.5, 0])
    assert onp.allclose(grad(np.ptp)(onp.array([1.0, 3.0, 3.0, 1.0])), [-0.5, 0.5, 0.5, -0.5])
    assert onp.allclose(grad(np.ptp)(onp.full(3, 2.0)), 0.0)


def test_positional_axis():
    check(lambda x: np.sum(x, 1), rand(2, 3))
    check(lambda x: x.sum(1) + x.mean(0).sum() + x.prod(1).sum() + x.var(0).sum() + x.std(), rand(2, 3))


# Order statistics: linear in x between ties, for every method.
METHODS = ['linear', 'lower', 'higher', 'nearest', 'midpoint', 'inverted_cdf', 'averaged_inverted_cdf',
           'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'median_unbiased',
           'normal_unbiased']
Q_FUNS = {np.quantile: 1.0, np.nanquantile: 1.0, np.percentile: 100.0, np.nanpercentile: 100.0}
QS = {'scalar q': 0.37, 'array q': onp.array([0.13, 0.61, 0.92]), '2-d q': onp.array([[0.23, 0.57]])}


@pytest.mark.parametrize('fun', Q_FUNS, ids=name_of)
@pytest.mark.parametrize('method', METHODS)
def test_quantile_methods(fun, method):
    q = QS['array q'] * Q_FUNS[fun]
    check(lambda x: fun(x, q, axis=1, method=method), rand(2, 7, 3), order=1)
    x = rand(2, 7, 3)
    # Positively homogeneous: the derivative in the direction of x itself is the value.
    value, tangent = make_jvp(lambda x: fun(x, q, axis=(0, 1), method=method, keepdims=True))(x)(x)
    assert onp.allclose(value, tangent)


@pytest.mark.parametrize('fun', Q_FUNS, ids=name_of)
@pytest.mark.parametrize('q', QS.values(), ids=QS.keys())
@pytest.mark.parametrize('axis', [None, 1, (0, 2)], ids=str)
@pytest.mark.parametrize('keepdims', [False, True], ids=['', 'keepdims'])
def test_quantile_in_x_and_q(fun, q, axis, keepdims):
    if fun in (np.nanquantile, np.nanpercentile) and onp.ndim(q) > 1 and isinstance(axis, tuple):
        with pytest.raises(NotImplementedError, match='NumPy returns shape'):
            grad(lambda x: np.sum(fun(x, q * Q_FUNS[fun], axis=axis, keepdims=keepdims)))(rand(2, 5, 3))
        return
    check(lambda x, q: fun(x, q, axis=axis, keepdims=keepdims), rand(2, 5, 3), q * Q_FUNS[fun])


@pytest.mark.parametrize('fun', Q_FUNS, ids=name_of)
def test_quantile_of_scalars_vectors_and_nans(fun):
    scale = Q_FUNS[fun]
    check(lambda x: fun(x, 0.3 * scale), rand())
    check(lambda x, q: fun(x, q), rand(5), 0.3 * scale)
    check(lambda x, q: fun(x, q, 0, None, False, 'midpoint'), rand(5), 0.3 * scale, argnums=[0])
    if fun in (np.nanquantile, np.nanpercentile):
        x = with_nans(rand(3, 6), (0, 1), (2, 0), (2, 5))
        check(lambda x, q: fun(x, q, axis=1), x, QS['array q'] * scale)
        assert onp.all(elementwise_grad(lambda x: fun(x, 0.3 * scale, axis=1))(x)[onp.isnan(x)] == 0)


def test_quantile_gradient_in_q():
    x = onp.array([4.0, 1.0, 3.0, 2.0])
    assert onp.isclose(grad(np.quantile, 1)(x, 0.4), 3.0)  # rank 1.2 between 2 and 3, (n - 1) = 3 per unit q
    assert onp.isclose(grad(np.percentile, 1)(x, 100.0), 0.03)  # from below at the top
    assert grad(lambda q: np.quantile(x, q, method='nearest'))(0.4) == 0.0
    with pytest.raises(NotImplementedError, match="method='hazen'"):
        grad(lambda q: np.quantile(x, q, method='hazen'))(0.4)


def test_median_refuses_to_overwrite_a_traced_input():
    with pytest.raises(ValueError, match='overwrite_input'):
        grad(lambda x: np.median(x, overwrite_input=True))(rand(5))


def test_median_picks_the_middle_elements():
    assert onp.allclose(grad(np.median)(onp.array([5.0, 1.0, 3.0])), [0, 0, 1])
    assert onp.allclose(grad(np.median)(onp.array([5.0, 1.0, 3.0, 0.0])), [0, 0.5, 0.5, 0])
    check(lambda x: np.median(x, axis=(0, 2), keepdims=True), rand(2, 3, 4))


# average, with weights by keyword or position, 1-D weights along an axis, returned=True.
AVERAGE_CASES = {
    'no weights': (rand(2, 3, 4), None, dict(axis=1)),
    'full weights': (rand(2, 3, 4), rand(2, 3, 4, positive=True), dict(axis=(0, 2))),
    'weights along axis': (rand(2, 3, 4), rand(3, positive=True), dict(axis=1)),
    'weights along -1': (rand(2, 3, 4), rand(4, positive=True), dict(axis=-1, keepdims=True)),
    'weights along (2, 0)': (rand(2, 3, 4), rand(4, 2, positive=True), dict(axis=(2, 0))),
    'all axes': (rand(3, 4), rand(3, 4, positive=True), dict()),
    'scalar': (rand(), rand(positive=True), dict()),
    'complex': (rand(2, 3, dtype=complex), rand(2, 3, dtype=complex, positive=True), dict(axis=0)),
}


@pytest.mark.parametrize('a, weights, kwargs', AVERAGE_CASES.values(), ids=AVERAGE_CASES.keys())
def test_average(a, weights, kwargs):
    if weights is None:
        check(lambda a: np.average(a, **kwargs), a)
        check(lambda a: np.average(a, returned=True, **kwargs), a)
        return
    check(lambda a, w: np.average(a, weights=w, **kwargs), a, weights)
    check(lambda a, w: np.average(a, kwargs.get('axis'), w, True, keepdims=kwargs.get('keepdims', False)),
          a, weights)
    result, total = np.average(a, weights=weights, returned=True, **kwargs)
    expected = onp.average(a, weights=weights, returned=True, **kwargs)
    assert onp.allclose(result, expected[0]) and onp.allclose(total, expected[1]) and total.shape == result.shape


def test_average_checks_weights_like_numpy():
    with pytest.raises(ZeroDivisionError):
        grad(lambda w: np.average(onp.ones(2), weights=w))(onp.array([1.0, -1.0]))
    with pytest.raises((ValueError, TypeError)):
        grad(lambda w: np.average(onp.ones((2, 3)), weights=w))(onp.ones(3))
