"""autograd.scipy.integrate.odeint: adjoint gradients and forward sensitivities against finite differences,
against differentiating straight through a fixed-step RK4 integrator, and against closed forms.

The solves use rtol = atol = 1e-11, so the solver's error (amplified by 1 / eps = 1e6 in the central
differences of check_grads) stays near 1e-5 relative, inside check_grads' tolerance.
"""
import numpy as onp
import pytest
import scipy.integrate

import autograd.numpy as np
from autograd import grad, jacobian, make_jvp
from autograd.extend import getval
from autograd.scipy.integrate import odeint
from autograd.test_util import check_grads

TIGHT = dict(rtol=1e-11, atol=1e-11)


def damped_pendulum(y, t, a, b):
    """Nonlinear in y, time dependent, with a float and a 0-d array parameter."""
    return np.array([y[1], -a * np.sin(y[0]) - b * y[1] * (1.0 + 0.5 * t)])


Y0 = onp.array([1.0, 0.5])
TIMES = onp.array([0.0, 0.4, 1.1, 2.0])
A, B = 1.3, onp.array(0.2)


def solve(y0, t, a, b):
    return odeint(damped_pendulum, y0, t, (a, b), **TIGHT)


def test_values_are_scipys():
    onp.testing.assert_array_equal(solve(Y0, TIMES, A, B),
                                   scipy.integrate.odeint(damped_pendulum, Y0, TIMES, (A, B), **TIGHT))


@pytest.mark.parametrize('argnum', [0, 1, 2, 3], ids=['y0', 't', 'a', 'b'])
def test_against_finite_differences(argnum):
    check_grads(solve, argnum, modes=['rev', 'fwd'], order=1)(Y0, TIMES, A, B)


def rk4(f, y0, t, args, step=0.01):
    """Fixed-step RK4 in autograd.numpy, about ``step`` apart, landing on every time in ``t``."""
    ys, y = [y0], y0
    for i in range(len(t) - 1):
        m = int(onp.ceil(abs(getval(t[i + 1] - t[i])) / step))
        h = (t[i + 1] - t[i]) / m
        for k in range(m):
            s = t[i] + k * h
            k1 = f(y, s, *args)
            k2 = f(y + 0.5 * h * k1, s + 0.5 * h, *args)
            k3 = f(y + 0.5 * h * k2, s + 0.5 * h, *args)
            k4 = f(y + h * k3, s + h, *args)
            y = y + h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
        ys.append(y)
    return np.stack(ys)


# RK4's error, in values and (differentiating the discrete map) in gradients, scales as h^4: measured at
# most 6e-7 relative at step 0.05 and 8e-10 at step 0.01, the adjoint solves erring by about 1e-10. So
# rtol 1e-7 at step 0.01 has room to spare, while a mistake in a rule (a sign, a missing term) shows up at
# the size of the gradient itself.
def test_gradients_match_differentiating_through_rk4():
    weights = onp.random.randn(len(TIMES), 2)
    adjoint = grad(lambda *args: np.sum(weights * solve(*args)), (0, 1, 2, 3))(Y0, TIMES, A, B)
    direct = grad(lambda y0, t, a, b: np.sum(weights * rk4(damped_pendulum, y0, t, (a, b))), (0, 1, 2, 3))(
        Y0, TIMES, A, B)
    for got, expected in zip(adjoint, direct):
        onp.testing.assert_allclose(got, expected, rtol=1e-7, atol=1e-9)


def test_tangents_match_differentiating_through_rk4():
    tangents = (onp.random.randn(2), onp.random.randn(len(TIMES)) * 0.1, 0.7, onp.array(-0.4))
    got = make_jvp(solve, (0, 1, 2, 3))(Y0, TIMES, A, B)(tangents)[1]
    expected = make_jvp(lambda y0, t, a, b: rk4(damped_pendulum, y0, t, (a, b)), (0, 1, 2, 3))(
        Y0, TIMES, A, B)(tangents)[1]
    onp.testing.assert_allclose(got, expected, rtol=1e-7, atol=1e-9)


def test_exponential_decay_in_closed_form():
    # y' = -k y from a scalar y0, func taking t first: y(t) = y0 exp(-k t).
    t = onp.array([0.0, 0.5, 1.5])
    y0, k = 2.0, 0.8

    def last(y0, k):
        return odeint(lambda t, y, k: -k * y, y0, t, (k,), tfirst=True, **TIGHT)[-1, 0]

    onp.testing.assert_allclose(grad(last, 0)(y0, k), onp.exp(-k * 1.5), rtol=1e-8)
    onp.testing.assert_allclose(grad(last, 1)(y0, k), -1.5 * y0 * onp.exp(-k * 1.5), rtol=1e-8)
    onp.testing.assert_allclose(jacobian(lambda t: odeint(lambda y, t: -k * y, y0, t, **TIGHT)[:, 0])(t),
                                onp.diag(-k * y0 * onp.exp(-k * t)) + onp.outer(k * y0 * onp.exp(-k * t),
                                                                                [1.0, 0.0, 0.0]), atol=1e-8)


def test_backwards_in_time():
    check_grads(solve, 0, modes=['rev', 'fwd'], order=1)(Y0, TIMES[::-1], A, B)
    check_grads(solve, 1, modes=['rev', 'fwd'], order=1)(Y0, TIMES[::-1], A, B)


def test_a_single_time_is_the_initial_value():
    assert grad(lambda y0: np.sum(solve(y0, TIMES[:1], A, B)))(Y0).tolist() == [1.0, 1.0]


@pytest.mark.parametrize('argnum', [0, 1, 2, 3], ids=['y0', 't', 'a', 'b'])
def test_second_derivatives_in_reverse_mode(argnum):
    check_grads(solve, argnum, modes=['rev'], order=2)(Y0, TIMES, A, B)


def test_second_derivatives_through_forward_mode_are_refused():
    with pytest.raises(NotImplementedError, match='forward-mode derivatives of order two'):
        make_jvp(grad(lambda a: solve(Y0, TIMES, a, B)[-1, 0]))(A)(1.0)


def test_full_output_is_refused_when_differentiating():
    with pytest.raises(NotImplementedError, match='full_output'):
        grad(lambda a: odeint(damped_pendulum, Y0, TIMES, (a, B), full_output=True)[0][-1, 0])(A)


def test_args_must_be_a_tuple():
    with pytest.raises(TypeError, match='tuple'):
        odeint(lambda y, t, k: -k * y, Y0, TIMES, 2.0)
