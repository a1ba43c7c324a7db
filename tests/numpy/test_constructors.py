"""Building arrays from traced values: array/asarray of nested sequences, linspace/logspace/geomspace,
full_like, copies."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd.engine import CONSTANT
import autograd.numpy.derivatives.constructors  # noqa: F401 (until the package registers it)
from autograd import builtins, grad, make_jvp
from autograd.tracer import isbox

from .util import check, rand

NESTED = {
    'scalars_and_constant': (lambda x: [x, 2 * x, 3.0], [()]),
    'integer_constant': (lambda x: [[x, 1], [2, -x]], [()]),
    'rows_of_elements': (lambda x: [[x[0], 1.0], (x[1], 2 * x[2])], [(3,)]),
    'list_of_arrays': (lambda x, y: [x, y, x * y], [(3,), (3,)]),
    'nested_arrays_and_constants': (lambda x, y: [[x, onp.ones(2)], (y, y)], [(2,), (2,)]),
    'arrays_of_arrays': (lambda x: ([x, x], [x ** 2, onp.zeros((2, 3))]), [(2, 3)]),
    'traced_array_alone': (lambda x: x, [(2, 3)]),
    'traced_scalar_alone': (lambda x: x, [()]),
    'traced_tuple': (lambda x, y: builtins.tuple([x, y]), [(2,), (2,)]),
}
BUILDERS = {
    'array': np.array,
    'array_ndmin_complex': lambda obj: np.array(obj, complex, ndmin=4),
    'asarray': np.asarray,
    'asarray_dtype': lambda obj: np.asarray(obj, dtype=complex),
    'asanyarray': np.asanyarray,
}
NESTED_CASES = [(b, n) for b in sorted(BUILDERS) for n in sorted(NESTED)]


@pytest.mark.parametrize('builder, name', NESTED_CASES, ids=['{}-{}'.format(*c) for c in NESTED_CASES])
def test_array_of_traced_values(builder, name):
    build, (nest, shapes) = BUILDERS[builder], NESTED[name]
    check(lambda *xs: build(nest(*xs)), *[rand(*s) for s in shapes])


def test_array_of_complex_traced_values():
    check(lambda x, y: np.array([[x, y], [y, 1j]]), rand(dtype=complex), rand())


def test_array_gradient_and_tangent_values():
    f = lambda x: np.array([x, 2 * x, 3.0])
    assert grad(lambda x: np.sum(f(x) * onp.array([1.0, 10.0, 100.0])))(1.5) == 21.0
    assert make_jvp(f)(1.5)(1.0)[1].tolist() == [1.0, 2.0, 0.0]


def test_plain_array_calls_are_numpy_calls():
    pairs = [(np.array, onp.array), (np.asarray, onp.asarray), (np.asanyarray, onp.asanyarray)]
    for build, numpy_build in pairs:
        data = [[1, 2.5], (3, 4)]
        result = build(data, dtype=float, order='F')
        assert type(result) is onp.ndarray and onp.array_equal(result, numpy_build(data, float, order='F'))
        x = onp.arange(3.0)
        assert (build(x) is x) == (numpy_build(x) is x)
    with pytest.raises(ValueError):
        np.array([[1.0, 2.0], [3.0]])


def test_ragged_traced_list_fails_like_numpy():
    with pytest.raises(ValueError):
        grad(lambda x: np.sum(np.array([[x, x], [x]])))(1.0)


SPACING_ENDS = {
    'scalars': ((), ()),
    'vector_and_scalar': ((3,), ()),
    'broadcast': ((2, 1), (3,)),
}
LINSPACE_OPTIONS = {
    'defaults': {},
    'num_1': {'num': 1},
    'no_endpoint': {'num': 4, 'endpoint': False},
    'axis_last': {'num': 3, 'axis': -1},
    'axis_1': {'num': 3, 'axis': 1},
    'retstep': {'num': 4, 'retstep': True},
    'retstep_no_endpoint_axis_last': {'num': 3, 'endpoint': False, 'retstep': True, 'axis': -1},
    'empty': {'num': 0},
}
LINSPACE_CASES = [(e, o) for e in sorted(SPACING_ENDS) for o in sorted(LINSPACE_OPTIONS)
                  if not (e == 'scalars' and o == 'axis_1')]


@pytest.mark.parametrize('ends, options', LINSPACE_CASES, ids=['{}-{}'.format(*c) for c in LINSPACE_CASES])
def test_linspace(ends, options):
    kwargs = LINSPACE_OPTIONS[options]
    start_shape, stop_shape = SPACING_ENDS[ends]
    check(lambda a, b: np.linspace(a, b, **kwargs), rand(*start_shape), rand(*stop_shape))


def test_linspace_positional_complex_and_constant_ends():
    check(lambda a, b: np.linspace(a, b, 5, False, True, None, -1), rand(2), rand(2))
    check(lambda a, b: np.linspace(a, b, 4), rand(2, dtype=complex), rand(2))
    check(lambda b: np.linspace(0, b, 4), rand(3))


def test_linspace_step_of_a_single_sample_has_no_gradient():
    g = grad(lambda a, b: np.linspace(a, b, 1, retstep=True)[0][0] + 0.0, (0, 1))(1.0, 2.0)
    assert g == (1.0, 0.0)


LOGSPACE = {
    'defaults': ({}, False),
    'traced_base': ({'num': 4}, True),
    'no_endpoint_axis_last': ({'num': 3, 'endpoint': False, 'axis': -1}, True),
    'constant_base_2': ({'num': 3, 'base': 2.0}, False),
}


@pytest.mark.parametrize('ends', sorted(SPACING_ENDS))
@pytest.mark.parametrize('name', sorted(LOGSPACE))
def test_logspace(name, ends):
    kwargs, traced_base = LOGSPACE[name]
    start, stop = (rand(*s) for s in SPACING_ENDS[ends])
    if traced_base:
        check(lambda a, b, base: np.logspace(a, b, base=base, **kwargs), start, stop, rand(3, positive=True))
    else:
        check(lambda a, b: np.logspace(a, b, **kwargs), start, stop)


def test_logspace_array_base_along_axis():
    check(lambda a, b, base: np.logspace(a, b, 3, True, base, None, 1),
          rand(2, 1), rand(3), rand(2, 1, positive=True))


GEOMSPACE = {
    'defaults': {},
    'no_endpoint': {'num': 4, 'endpoint': False},
    'axis_last': {'num': 3, 'axis': -1},
}


@pytest.mark.parametrize('ends', sorted(SPACING_ENDS))
@pytest.mark.parametrize('name', sorted(GEOMSPACE))
def test_geomspace(name, ends):
    kwargs = GEOMSPACE[name]
    start, stop = (rand(*s, positive=True) for s in SPACING_ENDS[ends])
    check(lambda a, b: np.geomspace(a, b, **kwargs), start, stop)
    check(lambda a, b: np.geomspace(a, b, **kwargs), -start, -stop)


def test_geomspace_complex():
    check(lambda a, b: np.geomspace(a, b, 5), rand(2, dtype=complex), rand(2, dtype=complex))


FULL_LIKE = {
    'scalar_fill': ((2, 3), (), {}),
    'row_fill': ((2, 3), (3,), {}),
    'column_fill': ((2, 3), (2, 1), {'order': 'F'}),
    'shape_keyword': ((4,), (3,), {'shape': (2, 3)}),
    'complex_dtype': ((2, 3), (3,), {'dtype': complex}),
}


@pytest.mark.parametrize('name', sorted(FULL_LIKE))
def test_full_like(name):
    shape, fill_shape, kwargs = FULL_LIKE[name]
    check(lambda a, fill: np.full_like(a, fill, **kwargs), rand(*shape), rand(*fill_shape), argnums=[1])


def test_full_like_complex_fill():
    check(lambda fill: np.full_like(onp.zeros(3, complex), fill), rand(dtype=complex))


COPIES = {
    'copy': lambda x: np.copy(x, order='F'),
    'copy_method': lambda x: np.sum(x) * x.copy(),
    'ascontiguousarray': np.ascontiguousarray,
    'asfortranarray': np.asfortranarray,
    'asarray_chkfinite': np.asarray_chkfinite,
    'require': lambda x: np.require(x, requirements='FW'),
}


@pytest.mark.parametrize('shape', [(), (3,), (2, 3)], ids=['0d', '1d', '2d'])
@pytest.mark.parametrize('name', sorted(COPIES))
def test_copies(name, shape):
    fun = COPIES[name]
    check(fun, rand(*shape))
    check(fun, rand(*shape, dtype=complex))


def test_dtype_changes():
    check(lambda x: np.ascontiguousarray(x, dtype=complex), rand(2, 3))
    check(lambda x: np.require(x, complex), rand(2, 3))


def test_asarray_chkfinite_still_checks():
    with pytest.raises(ValueError):
        grad(lambda x: np.sum(np.asarray_chkfinite(x)))(onp.array([1.0, onp.inf]))


def test_zeros_like_and_ones_like_are_constants():
    def f(x):
        # Inside traced code they are constant boxes (assignable), never traced values.
        assert all(not isbox(c) or c._trace is CONSTANT for c in (np.zeros_like(x), np.ones_like(x)))
        return np.sum(x * np.ones_like(x) + np.zeros_like(x))
    assert grad(f)(onp.ones(3)).tolist() == [1.0, 1.0, 1.0]


# r_ and c_ with traced items: the layout is NumPy's, the traced elements carry their derivatives.
CONCATENATIONS = {
    'r_ one': lambda x, y: np.r_[x],
    'r_ with constants': lambda x, y: np.r_[x, onp.array([1.0, 5.0]), 2.0, y],
    'r_ with a slice': lambda x, y: np.r_[x, y, 1:4],
    'r_ with a traced list': lambda x, y: np.r_[[y[0], y[1] * 2.0], x],
    'r_ directive': lambda x, y: np.r_['0,2', x, y],
    'r_ axis directive': lambda x, y: np.r_['-1', np.stack([x, x]), onp.ones((2, 1))],
    'c_': lambda x, y: np.c_[x, onp.arange(3.0), y],
    'c_ matrices': lambda x, y: np.c_[np.outer(x, y), x],
}


@pytest.mark.parametrize('dtype', [float, complex], ids=lambda t: t.__name__)
@pytest.mark.parametrize('name', sorted(CONCATENATIONS))
def test_r_and_c_take_traced_items(name, dtype):
    fun = CONCATENATIONS[name]
    x, y = rand(3, dtype=dtype), rand(3, dtype=dtype)
    traced_value = make_jvp(lambda x: fun(x, y))(x)(x)[0]  # computed with x traced
    onp.testing.assert_array_equal(traced_value, fun(x, y))  # NumPy's own, on plain values
    assert traced_value.dtype == fun(x, y).dtype
    check(fun, x, y)


def test_r_keeps_infinite_constants():
    g = grad(lambda x: np.sum(np.r_[x, onp.inf, -onp.inf, onp.nan][:2]))(rand(2))
    onp.testing.assert_array_equal(g, [1.0, 1.0])
    with onp.errstate(invalid='ignore'):
        value = make_jvp(lambda x: np.r_[x, onp.inf, onp.nan])(rand(2))(rand(2))[0]
    assert onp.isinf(value[2]) and onp.isnan(value[3])


@pytest.mark.parametrize('offset, axis1, axis2', [(0, -1, -2), (0, 0, 1), (1, 0, 1), (-2, 1, 2), (2, -1, 0)])
def test_make_diagonal_inverts_diagonal(offset, axis1, axis2):
    d = rand(2, 3)
    a = np.make_diagonal(d, offset, axis1, axis2)
    onp.testing.assert_array_equal(onp.diagonal(a, offset, axis1, axis2), d)
    assert onp.count_nonzero(a) == d.size
    check(lambda d: np.make_diagonal(d, offset=offset, axis1=axis1, axis2=axis2), d)
    check(lambda d: np.make_diagonal(d, offset=offset, axis1=axis1, axis2=axis2), rand(2, 3, dtype=complex))
