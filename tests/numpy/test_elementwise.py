"""Elementwise math: every rule against finite differences, on 0-d, broadcast and complex inputs."""
import contextlib
import math
import warnings

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import elementwise_grad, grad, make_jvp, make_vjp
from autograd.engine import IndependentOutputWarning
from autograd.test_util import check_grads
from autograd.tracer import isbox

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
    'arcsin': (np.arcsin, {'low': -0.5}),
    'asin': (np.asin, {'low': -0.5}),
    'arccos': (np.arccos, {'low': -0.5}),
    'acos': (np.acos, {'low': -0.5}),
    'arctan': (np.arctan, {}),
    'atan': (np.atan, {}),
    'sinh': (np.sinh, {}),
    'cosh': (np.cosh, {}),
    'arcsinh': (np.arcsinh, {}),
    'asinh': (np.asinh, {}),
    'arccosh': (np.arccosh, {'low': 1.5}),
    'acosh': (np.acosh, {'low': 1.5}),
    'arctanh': (np.arctanh, {'low': -0.5}),
    'atanh': (np.atanh, {'low': -0.5}),
    'log2': (np.log2, {'positive': True}),
    'log10': (np.log10, {'positive': True}),
    'log1p': (np.log1p, {'positive': True}),
    'expm1': (np.expm1, {}),
    'exp2': (np.exp2, {}),
    'deg2rad': (np.deg2rad, {}),
    'radians': (np.radians, {}),
    'rad2deg': (np.rad2deg, {}),
    'degrees': (np.degrees, {}),
    'sinc': (np.sinc, {}),
    'cbrt': (np.cbrt, {'positive': True}),
    'cbrt_negative': (np.cbrt, {'low': -3.0}),
    'positive': (np.positive, {}),
    'fabs': (np.fabs, {}),
    'i0': (np.i0, {}),
    'angle': (np.angle, {}),
    'angle_deg': (lambda z: np.angle(z, deg=True), {}),
    'nan_to_num': (np.nan_to_num, {}),
    'real_if_close': (np.real_if_close, {}),
    'astype_float32': (lambda x: np.astype(x, np.float32), {}),
    'astype_complex64': (lambda x: np.astype(x, np.complex64), {}),
    'astype_method_complex': (lambda x: x.astype(complex), {}),
    'modf': (np.modf, {'low': -3.0}),
}

HOLOMORPHIC_OR_COMPLEX_OK = ['negative', 'exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'sqrt', 'square',
                             'reciprocal', 'absolute', 'conjugate', 'real', 'imag',
                             'arcsin', 'asin', 'arccos', 'acos', 'arctan', 'atan', 'sinh', 'cosh',
                             'arcsinh', 'asinh', 'arccosh', 'acosh', 'arctanh', 'atanh', 'log2', 'log10',
                             'log1p', 'expm1', 'exp2', 'sinc', 'positive', 'angle', 'angle_deg', 'nan_to_num',
                             'real_if_close', 'astype_complex64', 'astype_method_complex']


@pytest.mark.parametrize('name', sorted(UNARY))
@pytest.mark.parametrize('shape', SHAPES)
def test_unary_real(name, shape):
    fun, options = UNARY[name]
    check(fun, rand(*shape, **options))


@pytest.mark.parametrize('name', HOLOMORPHIC_OR_COMPLEX_OK)
def test_unary_complex(name):
    fun, options = UNARY[name]
    check(fun, rand(2, 3, dtype=complex, **options))


@pytest.mark.parametrize('name', ['arcsinh', 'sinc', 'i0', 'exp2', 'cbrt', 'fabs', 'deg2rad'])
def test_unary_single_precision(name):
    fun, options = UNARY[name]
    x = rand(2, 3, dtype=onp.float32, **options)
    check(fun, x)
    assert elementwise_grad(fun)(x).dtype == onp.float32


INVERSE_FUNCTIONS = ['arcsin', 'arccos', 'arctan', 'arcsinh', 'arccosh', 'arctanh', 'log2', 'log10', 'log1p']


@pytest.mark.parametrize('name', INVERSE_FUNCTIONS)
def test_complex_branches_in_every_quadrant(name):
    # At least 0.5 away from both axes, so clear of every branch cut; the rules must take NumPy's branch.
    z = rand(4, 3, dtype=complex, positive=True) * onp.array([[1], [-1], [1j], [-1j]])
    check(getattr(np, name), z)


BINARY = {
    'add': (np.add, {}, {}),
    'subtract': (np.subtract, {}, {}),
    'multiply': (np.multiply, {}, {}),
    'true_divide': (np.true_divide, {}, {'positive': True}),
    'power': (np.power, {'positive': True}, {}),
    'pow': (np.pow, {'positive': True}, {}),
    'float_power': (np.float_power, {'positive': True}, {}),
    'arctan2': (np.arctan2, {}, {}),
    'atan2': (np.atan2, {}, {}),
    'hypot': (np.hypot, {}, {}),
    'logaddexp': (np.logaddexp, {}, {}),
    'logaddexp2': (np.logaddexp2, {}, {}),
    'fmod': (np.fmod, {}, {'positive': True}),
    'remainder': (np.remainder, {}, {'positive': True}),
    'mod': (np.mod, {}, {'positive': True}),
    'maximum': (np.maximum, {}, {}),
    'minimum': (np.minimum, {}, {}),
    'fmax': (np.fmax, {}, {}),
    'fmin': (np.fmin, {}, {}),
    'copysign': (np.copysign, {}, {}),
    'heaviside': (np.heaviside, {}, {}),
    'nextafter': (np.nextafter, {}, {}),
    'divmod': (np.divmod, {}, {'positive': True}),
}

CONSTANT_IN_Y = {'copysign', 'heaviside', 'nextafter'}
BINARY_COMPLEX_OK = ['add', 'subtract', 'multiply', 'true_divide', 'power', 'pow', 'float_power', 'maximum',
                     'minimum', 'fmax', 'fmin']


@pytest.mark.parametrize('name', sorted(BINARY))
@pytest.mark.parametrize('shapes', BROADCAST_PAIRS)
def test_binary_broadcasting(name, shapes):
    fun, x_options, y_options = BINARY[name]
    # These are constant in their second argument (but at x == 0 or y == 0), which autograd warns about.
    expected = pytest.warns(IndependentOutputWarning) if name in CONSTANT_IN_Y else contextlib.nullcontext()
    with expected:
        check(fun, rand(*shapes[0], **x_options), rand(*shapes[1], **y_options))
        check(fun, rand(*shapes[1], **x_options), rand(*shapes[0], **y_options))


@pytest.mark.parametrize('name', BINARY_COMPLEX_OK)
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


ALIASES = [('asin', 'arcsin'), ('acos', 'arccos'), ('atan', 'arctan'), ('asinh', 'arcsinh'),
           ('acosh', 'arccosh'), ('atanh', 'arctanh'), ('atan2', 'arctan2'), ('pow', 'power'),
           ('mod', 'remainder'), ('abs', 'absolute'), ('conj', 'conjugate'), ('divide', 'true_divide')]


@pytest.mark.parametrize('alias, name', ALIASES, ids=['{}-{}'.format(*pair) for pair in ALIASES])
def test_aliases_share_the_wrapper(alias, name):
    assert getattr(np, alias) is getattr(np, name)


def _both_modes(fun, *args, argnum=0):
    """The derivative of a scalar function of one scalar argument, by VJP and by JVP."""
    vjp, _ = make_vjp(fun, argnum)(*args)
    return vjp(1.0), make_jvp(fun, argnum)(*args)(1.0)[1]


def test_sinc_is_smooth_at_zero():
    assert _both_modes(np.sinc, 0.0) == (0.0, 0.0)
    assert elementwise_grad(elementwise_grad(np.sinc))(0.0) == pytest.approx(-math.pi ** 2 / 3)
    check(np.sinc, onp.array([0.0, 1e-4, -5e-4, 2e-3, 0.7]))


def test_i0_derivative_is_i1():
    # I1(1), I1(10) from tables of the modified Bessel functions; I1 is odd.
    x = onp.array([1.0, 10.0, -1.0, 0.0])
    expected = onp.array([0.5651591039924851, 2670.988303701255, -0.5651591039924851, 0.0])
    assert onp.allclose(elementwise_grad(np.i0)(x), expected, rtol=1e-14, atol=0)
    assert elementwise_grad(elementwise_grad(np.i0))(0.0) == 0.5
    check(np.i0, onp.array([0.0, 1e-8, 3.0, -20.0, 150.0]))


def test_nonsmooth_points_take_zero_subgradient():
    assert _both_modes(np.fabs, 0.0) == (0.0, 0.0)
    assert _both_modes(np.hypot, 0.0, 0.0) == (0.0, 0.0)
    assert _both_modes(np.hypot, 0.0, 0.0, argnum=1) == (0.0, 0.0)
    assert _both_modes(np.arctan2, 0.0, 0.0) == (0.0, 0.0)
    assert _both_modes(np.arctan2, 0.0, 0.0, argnum=1) == (0.0, 0.0)
    assert _both_modes(np.copysign, 0.0, -2.0) == (0.0, 0.0)
    assert _both_modes(np.angle, 0j) == (0.0, 0.0)


@pytest.mark.parametrize('name', ['maximum', 'minimum', 'fmax', 'fmin'])
def test_extrema_split_ties_and_skip_nan(name):
    fun = getattr(np, name)
    assert _both_modes(fun, 1.5, 1.5) == (0.5, 0.5)
    assert _both_modes(fun, 1.5, 1.5, argnum=1) == (0.5, 0.5)
    nan_gets = _both_modes(fun, onp.nan, 2.0, argnum=0)
    other_gets = _both_modes(fun, onp.nan, 2.0, argnum=1)
    assert nan_gets == (0.0, 0.0)
    if name.startswith('f'):  # fmax and fmin ignore the NaN and return the other value.
        assert other_gets == (1.0, 1.0)
    else:
        assert all(onp.isnan(other_gets[1]) or v == 0.0 for v in other_gets)


def test_copysign_derivative_is_sign_product():
    x, y = onp.array([1.5, -1.5, 1.5, -1.5]), onp.array([2.0, 2.0, -2.0, -0.0])
    assert onp.array_equal(elementwise_grad(np.copysign)(x, y), [1.0, -1.0, -1.0, 1.0])


def test_heaviside_depends_on_h0_only_at_zero():
    x, h0 = onp.array([-1.0, 0.0, 2.0, 0.0]), rand(4)
    assert onp.array_equal(elementwise_grad(np.heaviside, 1)(x, h0), [0.0, 1.0, 0.0, 1.0])
    check(np.heaviside, x, h0, argnums=[1])
    check(np.heaviside, rand(2, 1), onp.array([[0.0, 1.0, 0.0]]), argnums=[1])


@pytest.mark.parametrize('shapes', BROADCAST_PAIRS)
def test_ldexp_is_linear_in_x(shapes):
    for x_shape, n_shape in (shapes, shapes[::-1]):
        n = onp.random.randint(-3, 4, n_shape)
        check(np.ldexp, rand(*x_shape), n)
    assert elementwise_grad(np.ldexp)(onp.ones(3), onp.array([0, 1, -2])).tolist() == [1.0, 2.0, 0.25]


@pytest.mark.parametrize('fun', [np.fmod, np.remainder, np.divmod], ids=['fmod', 'remainder', 'divmod'])
def test_modulo_by_negative_divisor(fun):
    check(fun, rand(2, 3), -rand(3, positive=True))
    check(fun, -rand(2, 3, positive=True), rand(2, 1, positive=True))


def test_modulo_operator():
    check(lambda x, y: x % y + 2.0 % y, rand(2, 3), rand(3, positive=True))


def test_nan_to_num_passes_only_finite_values():
    x = onp.array([1.5, onp.nan, onp.inf, -onp.inf, -0.5])
    z = onp.array([complex(1.5, onp.nan), complex(onp.inf, 2.0), 0.5 - 1j])
    with onp.errstate(invalid='ignore'):
        assert onp.array_equal(elementwise_grad(np.nan_to_num)(x), [1.0, 0.0, 0.0, 0.0, 1.0])
        check(np.nan_to_num, x)
        check(lambda x: np.nan_to_num(x, nan=1.0, posinf=2.0, neginf=-2.0), x)
        check(np.nan_to_num, z)
        vjp, _ = make_vjp(np.nan_to_num)(z)
        assert onp.array_equal(vjp(onp.full(3, 1 + 1j)), [1.0, 1j, 1 + 1j])


def test_angle_of_real_values_is_constant():
    assert onp.array_equal(elementwise_grad(np.angle)(onp.array([-2.0, 3.0])), [0.0, 0.0])
    z = 1.0 + 1.0j
    vjp, _ = make_vjp(np.angle)(z)
    assert vjp(1.0) == pytest.approx(-0.5 - 0.5j)  # Re(vjp * dz) = d angle = (dy - dx) / 2 at 1 + 1j
    assert make_jvp(lambda z: np.angle(z, deg=True))(z)(1j)[1] == pytest.approx(90.0 / math.pi)


def test_real_if_close_that_drops_imaginary_parts_acts_as_real():
    z = onp.array([1.5 + 1e-20j, -0.5 + 0j])
    vjp, ans = make_vjp(np.real_if_close)(z)
    assert ans.dtype.kind == 'f'
    assert onp.array_equal(vjp(onp.array([2.0, 3.0])), [2.0, 3.0])
    assert onp.array_equal(make_jvp(np.real_if_close)(z)(onp.array([1 + 2j, 3 - 1j]))[1], [1.0, 3.0])


@pytest.mark.parametrize('axis', [-1, 0])
def test_unwrap_passes_gradients_through_the_jumps(axis):
    p = onp.cumsum(rand(4, 5) + 2.5, axis=axis)
    wrapped = (p + onp.pi) % (2 * onp.pi) - onp.pi
    assert not onp.allclose(np.unwrap(wrapped, axis=axis), wrapped)
    check(lambda p: np.unwrap(p, axis=axis), wrapped)
    check(lambda p: np.unwrap(p, 1.0, axis, period=3.0), wrapped)


def test_sign_is_traced_only_for_complex():
    z = rand(2, 3, dtype=complex)
    check(np.sign, z)
    check(lambda z: onp.sign(z) * np.abs(z), z)  # z / |z| * |z| is z
    assert _both_modes(np.sign, 0j) == (0.0, 0.0)

    def f(x):
        s = np.sign(x)
        assert not isbox(s)
        return np.sum(s * x)
    x = rand(4)
    assert onp.array_equal(grad(f)(x), onp.sign(x))


@pytest.mark.parametrize('shape', SHAPES)
def test_frexp_mantissa_is_traced(shape):
    x = rand(*shape) * 100.0
    check(lambda x: np.frexp(x)[0], x)
    check(lambda x: onp.frexp(x)[0] * 3.0, x)
    mantissa, exponent = onp.frexp(x)
    assert all(onp.array_equal(ours, theirs) for ours, theirs in zip(np.frexp(x), (mantissa, exponent)))

    def f(x):
        traced_mantissa, traced_exponent = np.frexp(x)
        assert not isbox(traced_exponent)
        return np.sum(traced_mantissa * traced_exponent)
    assert onp.allclose(grad(f)(x), exponent * 2.0 ** -exponent)


def test_astype_casts_gradients_back():
    x = rand(3)
    assert grad(lambda x: np.sum(np.astype(x, np.float32) ** 2))(x).dtype == onp.float64
    assert grad(lambda x: np.sum(x.astype(np.float32)))(x.astype(np.float32)).dtype == onp.float32
    z = rand(3, dtype=complex)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', onp.exceptions.ComplexWarning)
        check(lambda z: np.astype(z, float), z)
        assert onp.array_equal(grad(lambda z: np.sum(np.astype(z, float)))(z), onp.ones(3))


def test_astype_to_integer_stops_the_trace():
    def f(x):
        n = np.astype(x, int)
        assert not isbox(n) and n.dtype.kind == 'i'
        return np.sum(n * x)
    x = onp.array([1.7, -2.3, 0.4])
    assert onp.array_equal(grad(f)(x), [1.0, -2.0, 0.0])


@pytest.mark.parametrize('fun', [np.real, np.imag], ids=['real', 'imag'])
@pytest.mark.parametrize('x', [-0.4, -0.4 - 0.08j, onp.array([0.3 + 0.05j, -1.0j]), onp.ones(2)], ids=repr)
def test_parts_of_python_numbers_inside_tuples(fun, x):
    # As arguments inside a tuple, Python numbers keep their type in gradients and tangents at second order.
    check_grads(fun, (0,), order=2)(x)


@pytest.mark.parametrize('dtype', [onp.float64, onp.float32])
@pytest.mark.parametrize('shape', [(3, 4), (256, 256)])  # small, and large enough to skip the product
def test_gradient_of_a_summed_product_is_the_other_factor_in_fresh_memory(dtype, shape):
    # A full sum's cotangent repeats 1, so the product's gradient is the other factor's values; the
    # gradient handed back must still be a writeable array of its own, however it was computed.
    x, c = rand(*shape, dtype=dtype), rand(*shape, dtype=dtype)
    g = grad(lambda x: np.sum(x * c))(x)
    assert g.dtype == dtype and g.flags.writeable and not onp.shares_memory(g, c)
    assert onp.array_equal(g, c)
    g *= 0
    assert onp.array_equal(grad(lambda x: np.sum(c * x) + np.sum(x * c))(x), 2 * c)
    t, e = onp.tanh(x), onp.exp(-x * x)
    expected = (1 - t ** 2) * e - 2 * x * t * e
    assert onp.allclose(grad(lambda x: np.sum(np.tanh(x) * np.exp(-x * x)))(x), expected, atol=1e-6)


def test_summed_products_against_finite_differences():
    x = rand(3, 4)
    check_grads(lambda x: np.sum(np.tanh(x) * np.exp(-x * x)), modes=['fwd', 'rev'], order=2)(x)
    check_grads(lambda x: np.sum(x * x * x), modes=['fwd', 'rev'], order=2)(x)


def test_summed_product_with_broadcast_and_scaled_cotangents():
    x, row = rand(3, 4), rand(4)
    assert onp.allclose(grad(lambda r: np.sum(x * r))(row), x.sum(0))
    assert onp.allclose(grad(lambda x: 2.0 * np.sum(x * row))(x), 2 * onp.broadcast_to(row, x.shape))
    assert onp.allclose(grad(lambda x: np.mean(x * x))(x), 2 * x / x.size)
