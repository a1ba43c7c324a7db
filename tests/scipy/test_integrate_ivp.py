"""autograd.scipy.integrate.solve_ivp: the result is SciPy's, ``y`` differentiable in y0, t_span, t_eval
and args, checked against finite differences and closed forms.

The solves use rtol = atol = 1e-10, so the solver's error (amplified by 1 / eps = 1e6 in the central
differences of check_grads) stays near 1e-4 relative, inside check_grads' tolerance; the adjoint and
sensitivity systems are solved to the same tolerances.
"""
import warnings

import numpy as onp
import pytest
import scipy.integrate

import autograd.numpy as np
from autograd import grad
from autograd.scipy.integrate import solve_ivp
from autograd.test_util import check_grads

TIGHT = dict(rtol=1e-10, atol=1e-10)
Y0, A, B = onp.array([1.0, 0.5]), 1.3, onp.array(0.2)
T_EVAL = onp.array([0.3, 1.0, 1.8])


def damped_pendulum(t, y, a, b):
    """Nonlinear in y, time dependent, with a float and a 0-d array parameter."""
    return np.array([y[1], -a * np.sin(y[0]) - b * y[1] * (1.0 + 0.5 * t)])


def at_t_eval(method):
    def solve(y0, t0, t1, t_eval, a, b):
        return solve_ivp(damped_pendulum, (t0, t1), y0, method=method, t_eval=t_eval, args=(a, b), **TIGHT).y
    return solve


def at_the_end(method):
    """Without t_eval the solver picks the times; only the last, t_span[1], is a function of the inputs."""
    def solve(y0, t0, t1, a, b):
        return solve_ivp(damped_pendulum, (t0, t1), y0, method=method, args=(a, b), **TIGHT).y[:, -1]
    return solve


ARGS_T_EVAL = (Y0, 0.0, 2.0, T_EVAL, A, B)
NAMES_T_EVAL = ['y0', 't0', 't1', 't_eval', 'a', 'b']
METHODS = ['RK45', 'DOP853']


@pytest.fixture(autouse=True)
def quiet():
    with warnings.catch_warnings():  # t_span[1] does not move the solution at t_eval
        warnings.simplefilter('ignore')
        yield


@pytest.mark.parametrize('argnum', range(6), ids=NAMES_T_EVAL)
@pytest.mark.parametrize('method', METHODS)
def test_at_t_eval_against_finite_differences(method, argnum):
    check_grads(at_t_eval(method), argnum, modes=['rev', 'fwd'], order=1)(*ARGS_T_EVAL)


@pytest.mark.parametrize('argnum', [0, 1, 2, 3, 4], ids=['y0', 't0', 't1', 'a', 'b'])
@pytest.mark.parametrize('method', METHODS)
def test_at_the_end_against_finite_differences(method, argnum):
    check_grads(at_the_end(method), argnum, modes=['rev', 'fwd'], order=1)(Y0, 0.0, 2.0, A, B)


@pytest.mark.parametrize('method', ['RK23', 'Radau', 'BDF', 'LSODA'])
def test_other_methods_in_y0_and_args(method):
    for argnum in [0, 4]:
        check_grads(at_t_eval(method), argnum, modes=['rev', 'fwd'], order=1)(*ARGS_T_EVAL)


def test_the_jacobian_and_per_component_tolerances_serve_the_solution_only():
    def jacobian_of_the_field(t, y, a, b):
        return onp.array([[0.0, 1.0], [-a * onp.cos(y[0]), -b * (1.0 + 0.5 * t)]])

    def solve(y0, a):
        return solve_ivp(damped_pendulum, (0.0, 2.0), y0, method='Radau', t_eval=T_EVAL, args=(a, B),
                         jac=jacobian_of_the_field, rtol=1e-10, atol=onp.array([1e-10, 1e-11])).y
    check_grads(solve, 0, modes=['rev', 'fwd'], order=1)(Y0, A)
    check_grads(solve, 1, modes=['rev', 'fwd'], order=1)(Y0, A)


@pytest.mark.parametrize('modes', [['rev'], ['fwd']], ids=['rev', 'fwd'])
@pytest.mark.parametrize('argnum', [0, 3, 4], ids=['y0', 't_eval', 'a'])
def test_second_derivatives(argnum, modes):
    check_grads(at_t_eval('RK45'), argnum, modes=modes, order=2)(*ARGS_T_EVAL)


def test_backwards_in_time():
    check_grads(at_t_eval('DOP853'), 0, modes=['rev', 'fwd'], order=1)(Y0, 2.0, 0.0, T_EVAL[::-1], A, B)
    check_grads(at_t_eval('DOP853'), 3, modes=['rev', 'fwd'], order=1)(Y0, 2.0, 0.0, T_EVAL[::-1], A, B)


def test_the_result_is_scipys_with_y_traced():
    expected = scipy.integrate.solve_ivp(damped_pendulum, (0.0, 2.0), Y0, t_eval=T_EVAL, args=(A, B), **TIGHT)
    seen = {}

    def last(a):
        result = solve_ivp(damped_pendulum, (0.0, 2.0), Y0, t_eval=T_EVAL, args=(a, B), **TIGHT)
        seen.update(result)
        return result.y[0, -1]
    grad(last)(A)
    onp.testing.assert_allclose(seen['y']._value, expected.y, rtol=1e-12)
    onp.testing.assert_array_equal(seen['t'], expected.t)
    assert (seen['success'], seen['status'], seen['nfev']) == (True, 0, expected.nfev)
    plain = solve_ivp(damped_pendulum, (0.0, 2.0), Y0, args=(A, B))
    reference = scipy.integrate.solve_ivp(damped_pendulum, (0.0, 2.0), Y0, args=(A, B))
    onp.testing.assert_array_equal(plain.y, reference.y)
    onp.testing.assert_array_equal(plain.t, reference.t)


def test_exponential_decay_in_closed_form():
    # y' = -k y: y(t) = y0 exp(-k (t - t0)).
    def end(y0, t0, k):
        return solve_ivp(lambda t, y, k: -k * y, (t0, 1.5), y0, args=(k,), **TIGHT).y[0, -1]
    y0, t0, k = onp.array([2.0]), 0.25, 0.8
    decay = onp.exp(-k * (1.5 - t0))
    onp.testing.assert_allclose(grad(end, 0)(y0, t0, k), [decay], rtol=1e-8)
    onp.testing.assert_allclose(grad(end, 1)(y0, t0, k), k * 2.0 * decay, rtol=1e-8)
    onp.testing.assert_allclose(grad(end, 2)(y0, t0, k), -(1.5 - t0) * 2.0 * decay, rtol=1e-8)


def test_events_are_refused_when_differentiating():
    def event(t, y, a, b):
        return y[0]
    with pytest.raises(NotImplementedError, match='without events'):
        grad(lambda a: solve_ivp(damped_pendulum, (0.0, 2.0), Y0, args=(a, B), events=event).y[0, -1])(A)


def test_args_must_be_a_tuple():
    with pytest.raises(TypeError, match='args must be a tuple'):
        solve_ivp(lambda t, y, k: -k * y, (0.0, 1.0), Y0, args=2.0)
