"""Bad input gets an error that says what was wrong and how to fix it, never a wrong number."""
import warnings

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import (deriv, elementwise_grad, grad, grad_named, holomorphic_grad, jacobian, make_jvp,
                      multigrad_dict)
from autograd.engine import DeadTraceError, IndependentOutputWarning
from autograd.extend import defvjp, primitive


def test_grad_of_non_scalar_output():
    with pytest.raises(TypeError, match=r'scalar output.*shape \(3,\).*elementwise_grad.*jacobian'):
        grad(np.sin)(onp.ones(3))


def test_grad_of_complex_output_points_to_holomorphic_grad():
    with pytest.raises(TypeError, match='holomorphic_grad'):
        grad(lambda z: z ** 2)(1.0 + 1j)


def test_grad_of_function_returning_none():
    def forgot_return(x):
        np.sin(x)
    with pytest.raises(TypeError, match='returned None'):
        grad(forgot_return)(1.0)


@pytest.mark.parametrize('fun', [lambda x: np.allclose(x, 2.0 * x / 2.0), lambda x: 3, lambda x: np.sum(x > 0),
                                 lambda x: x > 0, lambda x: np.argmax(x)],
                         ids=['allclose', 'python int', 'count', 'comparison', 'argmax'])
def test_integer_and_boolean_outputs_are_refused(fun):
    with pytest.raises(TypeError, match='floating-point value.*no derivative'):
        grad(fun)(onp.ones(3)) if onp.ndim(fun(onp.ones(3))) == 0 else jacobian(fun)(onp.ones(3))


def test_grad_of_container_output():
    with pytest.raises(TypeError, match='scalar output'):
        grad(lambda x: [x, x])(1.0)


@pytest.mark.parametrize('bad', [3, onp.int64(3), True, onp.arange(3), onp.array([True, False])])
def test_integer_and_boolean_arguments_are_refused(bad):
    with pytest.raises(TypeError, match='integer or boolean.*float'):
        grad(lambda x: np.sum(x * 2.0))(bad)
    with pytest.raises(TypeError, match='integer or boolean'):
        deriv(lambda x: np.sum(x * 2.0))(bad)


@pytest.mark.parametrize('bad', ['text', None, object()])
def test_non_numeric_arguments_are_refused(bad):
    with pytest.raises(TypeError, match="Can't differentiate"):
        grad(lambda x: 1.0)(bad)


def test_argnum_out_of_range():
    with pytest.raises(IndexError, match='argnum=2 but f was called with 2 positional arguments'):
        def f(x, y):
            return x * y
        grad(f, 2)(1.0, 2.0)


@pytest.mark.parametrize('argnum', ['x', 1.0, None, (0, 0)])
def test_argnum_of_wrong_type(argnum):
    with pytest.raises((TypeError, ValueError), match='argnum'):
        grad(lambda x, y: x * y, argnum)


def test_unknown_argname():
    with pytest.raises(ValueError, match="no argument named 'z'; its arguments are x, y"):
        grad_named(lambda x, y: x * y, 'z')
    with pytest.raises(TypeError, match="without argument 'extra'"):
        grad_named(lambda x, **kw: x * kw['extra'], 'extra')(1.0)


def test_non_callable():
    with pytest.raises(TypeError, match='needs a function'):
        grad(3.0)


def test_primitive_without_rule_names_primitive_and_argument():
    @primitive
    def mystery(x, y):
        return x * y
    defvjp(mystery, lambda ans, x, y: lambda g: g * y)
    with pytest.raises(NotImplementedError, match="primitive 'mystery' with respect to argument 1"):
        grad(mystery, 1)(2.0, 3.0)
    with pytest.raises(NotImplementedError, match="Forward-mode derivative of primitive 'mystery'"):
        deriv(mystery)(2.0, 3.0)
    assert grad(mystery)(2.0, 3.0) == 3.0


def test_output_independent_of_input_gives_zeros_and_a_warning():
    with pytest.warns(IndependentOutputWarning):
        assert grad(lambda x: 5.0)(1.0) == 0.0
    with pytest.warns(IndependentOutputWarning):
        g = grad(lambda x: np.sum(onp.ones(3)))(onp.ones((2, 2), onp.float32))
    assert g.dtype == onp.float32 and not g.any()
    with pytest.warns(IndependentOutputWarning):
        assert grad(lambda p: 1.0)([1.0, (2.0,)]) == [0.0, (0.0,)]


def test_traced_keyword_argument_is_refused():
    @primitive
    def scale(x, factor=1.0):
        return x * factor
    with pytest.raises(TypeError, match="keyword argument 'factor'.*positionally"):
        grad(lambda f: scale(2.0, factor=f))(3.0)


def test_assigning_into_a_leaked_array_is_refused():
    leaked = []

    def f(x):
        leaked.append(x)
        return np.sum(x * 2.0)
    grad(f)(onp.ones(2))
    with pytest.raises(DeadTraceError, match='already finished'):
        leaked[0][0] = 1.0


def test_float_of_traced_value_is_refused():
    with pytest.raises(TypeError, match='drop it from the derivative'):
        grad(lambda x: float(x) * 2.0)(1.0)


def test_exception_in_function_leaves_no_state():
    def broken(x):
        np.sin(x)
        raise KeyError('user bug')
    with pytest.raises(KeyError, match='user bug'):
        grad(broken)(1.0)
    assert grad(np.sin)(0.0) == 1.0


def test_elementwise_grad_of_complex_output():
    with pytest.raises(TypeError, match='real output'):
        elementwise_grad(lambda z: z * 1j)(onp.ones(2))


def test_jacobian_of_container_output():
    with pytest.raises(TypeError, match='jacobian needs an array'):
        jacobian(lambda x: [x, x])(onp.ones(2))


def test_multigrad_dict_with_nothing_differentiable():
    with pytest.raises(TypeError, match='none of the arguments'):
        multigrad_dict(lambda n, name: 1.0)(3, 'a')


def test_holomorphic_grad_of_non_scalar():
    with pytest.raises(TypeError, match='scalar output'):
        holomorphic_grad(lambda z: z * onp.ones(2))(1j)


def test_nan_and_inf_propagate_as_in_numpy():
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', RuntimeWarning)
        assert onp.isnan(grad(np.sqrt)(-1.0))
        assert onp.isinf(grad(np.log)(0.0))
        assert onp.isnan(make_jvp(np.log)(onp.nan)(1.0)[1])


@pytest.mark.parametrize('write', [lambda buf, x: buf.__iadd__(x), lambda buf, x: onp.multiply(buf, x, out=buf)],
                         ids=['buf += x', 'out=buf'])
def test_traced_value_written_into_a_plain_numpy_array_names_the_fix(write):
    def f(x):
        buf = onp.ones(3)
        write(buf, x)
        return np.sum(buf)
    with pytest.raises(TypeError, match=r'cannot write a traced value into a plain NumPy array .*buf = np.ones\(3\)'):
        grad(f)(onp.ones(3))
