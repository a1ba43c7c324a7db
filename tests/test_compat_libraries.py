"""Libraries written for HIPS Autograd run on this package (they skip where the library is absent)."""
import numpy as onp
import pytest


def test_lifelines_weibull_fit_matches_hips_autograd():
    lifelines = pytest.importorskip('lifelines')
    from lifelines.datasets import load_waltons
    data = load_waltons()
    fitted = lifelines.WeibullFitter().fit(data['T'], data['E'])
    # The figures HIPS Autograd 1.9.1 gives with lifelines 0.30.3 on the same data.
    assert onp.allclose([fitted.lambda_, fitted.rho_], [55.733097, 3.450505], rtol=1e-6)
    assert onp.allclose(fitted.summary['se(coef)'], [1.326504, 0.243323], rtol=1e-5)
    assert onp.isclose(fitted.log_likelihood_, -672.0622, rtol=1e-6)
    # Its confidence bands go through make_jvp_reversemode.
    band = fitted.confidence_interval_survival_function_
    assert band.shape == (163, 2)
    assert onp.allclose(band.iloc[10], [0.9946064171711733, 0.9995821056248617], rtol=1e-9)


class Tagged(onp.ndarray):
    """A library's array type, as a quantum-computing library has one: its ``__array_ufunc__`` unwraps
    its operands, defers to ndarray's, and wraps whatever comes back (NotImplemented included)."""

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        plain = [x.view(onp.ndarray) if isinstance(x, Tagged) else x for x in inputs]
        return onp.asarray(super().__array_ufunc__(ufunc, method, *plain, **kwargs)).view(Tagged)


def _register_tagged():
    from autograd.extend import Box, VSpace
    from autograd.numpy.numpy_boxes import ArrayBox
    from autograd.numpy.numpy_vspaces import ArrayVSpace
    # Registered as libraries built on HIPS Autograd do it: straight into the tables.
    Box.type_mappings[Tagged] = lambda value, *trace_and_node: ArrayBox(value, *trace_and_node)
    VSpace.mappings[Tagged] = ArrayVSpace


def test_a_registered_subclass_with_its_own_array_ufunc_lets_traced_operands_compute():
    import autograd.numpy as np
    from autograd import grad, hessian
    _register_tagged()
    weights = onp.array([1.0, -2.0, 0.5]).view(Tagged)
    x = onp.array([0.3, 0.2, -0.7]).view(Tagged)

    def loss(x):  # the constant is the left operand of each product, so its __array_ufunc__ is asked first
        return np.sum(weights * x ** 2 - weights / (2.0 + x) + 3.0 * x)

    expected = 2 * weights * x + weights / (2.0 + x) ** 2 + 3.0
    assert onp.allclose(grad(loss)(x).view(onp.ndarray), expected.view(onp.ndarray))
    expected_hessian = onp.diag((2 * weights - 2 * weights / (2.0 + x) ** 3).view(onp.ndarray))
    assert onp.allclose(onp.asarray(hessian(loss)(x)), expected_hessian)


def test_a_primitive_gradient_of_the_subclass_adds_to_a_traced_one_at_second_order():
    import autograd.numpy as np
    from autograd import elementwise_grad, grad
    from autograd.extend import defvjp, primitive
    _register_tagged()

    @primitive
    def doubled(x):
        return 2.0 * x

    # The gradient comes back as the library's type, added to the traced gradient of the other use of x.
    defvjp(doubled, lambda ans, x: lambda g: (onp.asarray(g) * 2.0).view(Tagged))
    x = onp.array([0.5, -1.5]).view(Tagged)
    second = elementwise_grad(grad(lambda x: np.sum(x ** 3 + doubled(x))))(x)
    assert onp.allclose(onp.asarray(second), 6.0 * x.view(onp.ndarray))


def test_arrays_made_inside_a_primitive_body_come_back_plain():
    import autograd.numpy as np
    from autograd import value_and_grad
    from autograd.core import make_vjp
    from autograd.extend import defvjp, primitive

    @primitive
    def simulate(x):  # a simulator written with autograd.numpy, run on plain values inside the primitive
        state = np.zeros(2)
        state[0] = np.cos(x)
        state[1] = np.sin(x)
        return np.sum(state * np.array([1.0, 2.0]))

    defvjp(simulate, lambda ans, x: lambda g: g * (2.0 * np.cos(x) - np.sin(x)))
    vjp, value = make_vjp(simulate, 0.3)
    assert type(value) is onp.float64 and onp.isclose(value, onp.cos(0.3) + 2 * onp.sin(0.3))
    value, gradient = value_and_grad(lambda x: simulate(x) * 2.0)(0.3)
    assert type(value) is onp.float64 and onp.isclose(gradient, 2 * (2 * onp.cos(0.3) - onp.sin(0.3)))
