"""Every differential operator against analytic answers, in reverse and forward mode, nested too."""
import collections
import pickle

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import (checkpoint, deriv, elementwise_grad, grad, grad_and_aux, grad_named, hessian,
                      hessian_tensor_product, hessian_vector_product, holomorphic_grad, jacobian,
                      make_ggnvp, make_hvp, make_jvp, make_vjp, multigrad, multigrad_dict,
                      tensor_jacobian_product, value_and_grad, vector_jacobian_product)
from autograd.test_util import check_grads


def test_grad_of_scalar_function():
    assert grad(np.sin)(0.3) == pytest.approx(onp.cos(0.3))
    assert isinstance(grad(np.sin)(0.3), float)


def test_grad_has_the_argument_type_and_dtype():
    assert type(grad(lambda x: x ** 2)(onp.float32(2.0))) is onp.float32
    g = grad(lambda x: np.sum(x ** 2))(onp.ones((2, 3), onp.float32))
    assert g.dtype == onp.float32 and g.shape == (2, 3)
    assert type(grad(lambda x: np.sum(x ** 2))(onp.array(2.0))) is onp.ndarray


def test_grad_argnum_int_and_tuple():
    f = lambda x, y, z: x * y ** 2 + z
    assert grad(f, 1)(2.0, 3.0, 4.0) == 12.0
    assert grad(f, -1)(2.0, 3.0, 4.0) == 1.0
    assert grad(f, (0, 1))(2.0, 3.0, 4.0) == (9.0, 12.0)


def test_fourth_derivative_of_tanh():
    t = onp.tanh(0.7)
    # d^4/dx^4 tanh = -8 t (1 - t^2)(2 - 3 t^2) ... written out from d/dt repeatedly:
    d1 = 1 - t ** 2
    d2 = -2 * t * d1
    d3 = (-2 + 6 * t ** 2) * d1
    d4 = (12 * t) * d1 ** 2 + (-2 + 6 * t ** 2) * (-2 * t * d1)
    assert grad(grad(grad(grad(np.tanh))))(0.7) == pytest.approx(d4)
    assert deriv(deriv(deriv(deriv(np.tanh))))(0.7) == pytest.approx(d4)
    assert grad(deriv(grad(deriv(np.tanh))))(0.7) == pytest.approx(d4)
    assert grad(grad(np.tanh))(0.7) == pytest.approx(d2)
    assert deriv(grad(grad(np.tanh)))(0.7) == pytest.approx(d3)


def test_hessian_of_quadratic_form_is_its_symmetric_matrix():
    A = onp.random.randn(4, 4)
    x = onp.random.randn(4)
    assert onp.allclose(hessian(lambda x: x @ A @ x)(x), A + A.T)
    assert onp.allclose(hessian(lambda x: np.dot(x, np.dot(A, x)))(x), A + A.T)


def test_jacobian_of_vector_function():
    A = onp.random.randn(3, 4)
    x = onp.random.randn(4)
    J = jacobian(lambda x: np.sin(A @ x))(x)
    assert onp.allclose(J, onp.cos(A @ x)[:, None] * A)
    outer = jacobian(lambda x: x[:, None] * x)(x)
    assert outer.shape == (4, 4, 4)
    assert onp.allclose(outer, onp.eye(4)[:, None, :] * x[None, :, None] + x[:, None, None] * onp.eye(4)[None])


def test_jacobian_shapes_and_scalars():
    assert jacobian(lambda x: x ** 2)(3.0) == pytest.approx(6.0)
    assert jacobian(lambda x: np.stack([x, x ** 2]))(3.0) == pytest.approx([1.0, 6.0])
    assert onp.allclose(jacobian(lambda x: 2 * x)(onp.ones((2, 2))), 2 * onp.eye(4).reshape(2, 2, 2, 2))


def test_grad_of_grad_with_respect_to_two_arguments():
    f = lambda x, y: np.sin(x) * y ** 3
    x, y = 0.4, 1.3
    assert grad(grad(f, 0), 1)(x, y) == pytest.approx(onp.cos(x) * 3 * y ** 2)
    assert grad(grad(f, 1), 0)(x, y) == pytest.approx(onp.cos(x) * 3 * y ** 2)
    assert grad(grad(f, 1), 1)(x, y) == pytest.approx(onp.sin(x) * 6 * y)


def test_forward_over_reverse_hessian_vector_product():
    A = onp.random.randn(5, 5)
    f = lambda x: np.sum(np.tanh(A @ x) ** 2)
    x, v = onp.random.randn(5), onp.random.randn(5)
    H = hessian(f)(x)
    assert onp.allclose(hessian_vector_product(f)(x, v), H @ v)
    assert onp.allclose(hessian_tensor_product(f)(x, v), H @ v)
    fwd_over_rev = make_jvp(grad(f))(x)(v)[1]
    assert onp.allclose(fwd_over_rev, H @ v)
    hvp, g = make_hvp(f)(x)
    assert onp.allclose(hvp(v), H @ v) and onp.allclose(g, grad(f)(x))


def test_hessian_tensor_product_with_matrix_argument():
    f = lambda X: np.sum(X ** 3)
    X, V = onp.random.randn(2, 3), onp.random.randn(2, 3)
    assert onp.allclose(hessian_tensor_product(f)(X, V), 6 * X * V)


def test_make_vjp_and_make_jvp():
    A = onp.random.randn(3, 2)
    x, u, v = onp.random.randn(2), onp.random.randn(3), onp.random.randn(2)
    vjp, ans = make_vjp(lambda x: A @ x)(x)
    assert onp.allclose(ans, A @ x) and onp.allclose(vjp(u), A.T @ u)
    ans, tangent = make_jvp(lambda x: A @ x)(x)(v)
    assert onp.allclose(ans, A @ x) and onp.allclose(tangent, A @ v)
    assert onp.allclose(vjp(2 * u), 2 * A.T @ u)  # a vjp can be called again


def test_vector_jacobian_product():
    A = onp.random.randn(3, 2)
    x, u = onp.random.randn(2), onp.random.randn(3)
    assert onp.allclose(vector_jacobian_product(lambda x: A @ x)(x, u), A.T @ u)
    assert onp.allclose(tensor_jacobian_product(lambda x: A @ x)(x, u), A.T @ u)


@pytest.mark.parametrize('v_shape', [(4, 3, 2), (4, 3), (4,), ()], ids=str)
def test_tensor_jacobian_product_contracts_the_leading_output_axes(v_shape):
    fun = lambda x: np.roll(np.sin(x), 1) * x[0]
    x, v = onp.random.randn(4, 3, 2), onp.random.randn(*v_shape)
    expected = onp.tensordot(v, jacobian(fun)(x), axes=len(v_shape))
    assert onp.allclose(tensor_jacobian_product(fun)(x, v), expected)


def test_operators_name_and_document_what_they_make():
    def loss(w, x):
        """The loss."""
        return np.sum(w * x)
    assert grad.__name__ == 'grad' and grad.__doc__.lstrip().startswith('Returns a function which')
    made = grad(loss, 1)
    assert made.__name__ == made.__qualname__ == 'grad_of_loss_wrt_argnum_1'
    assert made.__doc__.startswith('    grad of function loss with respect to argument number 1')
    assert made.__doc__.endswith('The loss.')
    assert jacobian(loss, (0, 1)).__name__ == 'jacobian_of_loss_wrt_argnum_(0, 1)'


def test_elementwise_grad_and_deriv():
    x = onp.random.randn(5)
    assert onp.allclose(elementwise_grad(np.tanh)(x), 1 - onp.tanh(x) ** 2)
    assert onp.allclose(deriv(np.tanh)(x), 1 - onp.tanh(x) ** 2)


def test_value_and_grad_and_grad_and_aux():
    value, g = value_and_grad(lambda x: x ** 3)(2.0)
    assert (value, g) == (8.0, 12.0)
    g, aux = grad_and_aux(lambda x: (x ** 3, {'square': x ** 2}))(2.0)
    assert g == 12.0 and aux == {'square': 4.0}


def test_holomorphic_grad():
    z = 0.3 + 0.8j
    assert holomorphic_grad(np.sin)(z) == pytest.approx(onp.cos(z))
    assert holomorphic_grad(lambda z: z ** 3)(z) == pytest.approx(3 * z ** 2)
    with pytest.warns(UserWarning, match='not complex'):
        holomorphic_grad(np.sin)(0.5)


def test_grad_of_real_function_of_complex_input():
    # grad f = df/dx - i df/dy for real f(x + iy)
    z = 0.3 + 0.8j
    assert grad(lambda z: np.abs(z) ** 2)(z) == pytest.approx(2 * onp.conj(z))
    assert grad(lambda z: np.real(z) * np.imag(z))(z) == pytest.approx(z.imag - 1j * z.real)


def test_multigrad():
    f = lambda x, y, z: x * y + z ** 2
    assert multigrad(f, argnums=[0, 2])(2.0, 3.0, 4.0) == (3.0, 8.0)
    assert multigrad(f, [1])(2.0, 3.0, 4.0) == (2.0,)


def test_multigrad_dict():
    def f(x, y, scale=1.0, *, power=2):
        return scale * x * y ** power
    grads = multigrad_dict(f)(2.0, 3.0, scale=0.5)
    assert grads == {'x': 4.5, 'y': 6.0, 'scale': 18.0}
    assert multigrad_dict(f)(2.0, y=3.0, power=3) == {'x': 27.0, 'y': 54.0}


def test_multigrad_dict_varargs():
    def f(x, *rest, **named):
        return x * sum(rest) * named['w']
    grads = multigrad_dict(f)(2.0, 3.0, 4.0, w=0.5)
    assert grads == {'x': 3.5, 'rest': (1.0, 1.0), 'named': {'w': 14.0}}


def test_grad_named_positional_keyword_and_default():
    def f(x, y, scale=2.0):
        return scale * x * y ** 2
    gy = grad_named(f, 'y')
    assert gy(2.0, 3.0) == gy(2.0, y=3.0) == gy(x=2.0, y=3.0) == 24.0
    assert grad_named(f, 'scale')(2.0, 3.0) == 18.0
    assert grad_named(f, 'x')(2.0, 3.0, scale=1.0) == 9.0


def test_make_ggnvp():
    A = onp.random.randn(3, 2)
    x, v = onp.random.randn(2), onp.random.randn(2)
    assert onp.allclose(make_ggnvp(lambda x: A @ x)(x)(v), A.T @ A @ v)
    g = lambda y: np.sum(np.exp(y))
    J = onp.cos(A @ x)[:, None] * A
    expected = J.T @ (onp.exp(onp.sin(A @ x)) * (J @ v))
    assert onp.allclose(make_ggnvp(lambda x: np.sin(A @ x), g)(x)(v), expected)


def test_checkpoint_gives_the_same_derivatives():
    f = lambda x: np.sum(np.sin(x) ** 2 * np.exp(x))
    x = onp.random.randn(4)
    assert onp.allclose(grad(checkpoint(f))(x), grad(f)(x))
    assert onp.allclose(hessian(checkpoint(f))(x), hessian(f)(x))
    check_grads(checkpoint(f))(x)


def test_gradients_wrt_containers_keep_their_types():
    Params = collections.namedtuple('Params', ['w', 'b'])
    p = Params(onp.ones(2), 0.5)
    g = grad(lambda p: np.sum(p.w * 3.0) + p.b ** 2)(p)
    assert type(g) is Params and onp.allclose(g.w, 3.0) and g.b == 1.0
    g = grad(lambda d: d['a'] * d['b'][0] * d['b'][1][0])({'a': 2.0, 'b': (3.0, [4.0])})
    assert g == {'a': 12.0, 'b': (8.0, [6.0])}


def test_function_returning_list_is_differentiable_with_make_vjp_and_jacobian():
    vjp, ans = make_vjp(lambda x: [x, x ** 2])(3.0)
    assert ans == [3.0, 9.0] and vjp([1.0, 1.0]) == 7.0
    assert make_jvp(lambda x: {'a': x, 'b': x ** 2})(3.0)(1.0) == ({'a': 3.0, 'b': 9.0}, {'a': 1.0, 'b': 6.0})


@pytest.mark.parametrize('order', [1, 2, 3])
def test_check_grads_of_nested_operators(order):
    f = lambda x: np.sum(np.tanh(x) * x ** 2)
    check_grads(grad(f), order=order)(onp.random.randn(3))
    check_grads(elementwise_grad(np.sin), order=order)(onp.random.randn(3))


def _pickled_loss(x, scale=1.0):
    return np.sum(np.sin(x) * scale)


@pytest.mark.parametrize('operator', [grad, elementwise_grad, jacobian, hessian, value_and_grad])
def test_functions_made_by_operators_pickle_by_reference(operator):
    x = onp.linspace(0.1, 1.0, 3)
    made = operator(_pickled_loss, 0)
    again = pickle.loads(pickle.dumps(made))
    assert again.__name__ == made.__name__
    onp.testing.assert_equal(again(x, 2.0), made(x, 2.0))


def test_pickling_names_the_function_that_cannot_be_pickled():
    with pytest.raises((pickle.PicklingError, AttributeError), match='lambda'):
        pickle.dumps(grad(lambda x: x * x))


def test_a_function_made_by_an_operator_binds_as_a_method():
    class Model:
        loss_grad = grad(lambda self, w: w * w * 3.0, 1)
    assert Model().loss_grad(2.0) == 12.0
