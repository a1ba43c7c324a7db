"""autograd.misc.fixed_points: derivatives of fixed points against closed forms and finite differences, both
modes, to second order, for array and structured parameters."""
import numpy as onp

import autograd.numpy as np
from autograd import grad, make_jvp
from autograd.extend import isbox
from autograd.misc.fixed_points import fixed_point
from autograd.test_util import check_grads


def newton_sqrt(a):
    """Newton's iteration for x^2 = a; its fixed point is sqrt(a)."""
    return lambda x: 0.5 * (x + a / x)


def largest_change(x, y):
    return np.max(np.abs(x - y))


def sqrt_by_newton(a):
    return fixed_point(newton_sqrt, a, 1.0, largest_change, 1e-12)


def test_square_root_value_and_derivatives_in_closed_form():
    a = 2.0
    onp.testing.assert_allclose(sqrt_by_newton(a), onp.sqrt(a), rtol=1e-14)
    onp.testing.assert_allclose(grad(sqrt_by_newton)(a), 0.5 / onp.sqrt(a), rtol=1e-12)
    onp.testing.assert_allclose(grad(grad(sqrt_by_newton))(a), -0.25 * a ** -1.5, rtol=1e-10)
    onp.testing.assert_allclose(make_jvp(sqrt_by_newton)(a)(3.0)[1], 1.5 / onp.sqrt(a), rtol=1e-12)
    check_grads(sqrt_by_newton, modes=['rev', 'fwd'], order=2)(onp.array([0.5, 2.0, 7.0]))


def cosine_map(a):
    """x -> a cos(x), a contraction for |a| < 1: the iterates converge linearly, F_x = -a sin(x) != 0."""
    return lambda x: a * np.cos(x)


def test_cosine_fixed_point_against_implicit_derivative_and_finite_differences():
    a = onp.array([0.3, -0.6, 0.8])

    def solve(a):
        return fixed_point(cosine_map, a, onp.zeros(3), largest_change, 1e-14)
    x = solve(a)
    onp.testing.assert_allclose(x, a * onp.cos(x), atol=1e-14)
    onp.testing.assert_allclose(grad(lambda a: np.sum(solve(a)))(a), onp.cos(x) / (1 + a * onp.sin(x)), rtol=1e-10)
    check_grads(solve, modes=['rev', 'fwd'], order=2)(a)


def test_iterations_are_not_differentiated():
    # Differentiating through the iterations would run every step with a traced a; the implicit-function
    # rule runs them on plain values and traces a only once, for F_a^T w.
    traced_a = []

    def recording_map(a):
        def step(x):
            traced_a.append(isbox(a))
            return a * np.cos(x)
        return step
    g = grad(lambda a: fixed_point(recording_map, a, 0.0, largest_change, 1e-14))(0.8)
    assert len(traced_a) > 40 and sum(traced_a) == 1
    x = fixed_point(cosine_map, 0.8, 0.0, largest_change, 1e-14)
    onp.testing.assert_allclose(g, onp.cos(x) / (1 + 0.8 * onp.sin(x)), rtol=1e-10)


def structured_map(a):
    """Parameters in a dict, the state a tuple: a cosine fixed point and a linear one, coupled."""
    return lambda x: (a['scale'] * np.cos(x[0]), 0.5 * x[1] + a['shift'] + 0.1 * np.sum(x[0]))


def test_structured_parameters_and_state():
    a = {'scale': 0.5, 'shift': onp.array([1.0, -2.0])}

    def solve(a):
        x = fixed_point(structured_map, a, (onp.zeros(2), onp.zeros(2)), tuple_distance, 1e-13)
        return np.concatenate([x[0], x[1]])
    x = solve(a)
    onp.testing.assert_allclose(x[2:], 2 * (a['shift'] + 0.1 * onp.sum(x[:2])), rtol=1e-12)
    check_grads(solve, modes=['rev', 'fwd'], order=2)(a)


def tuple_distance(x, y):
    return largest_change(x[0], y[0]) + largest_change(x[1], y[1])
