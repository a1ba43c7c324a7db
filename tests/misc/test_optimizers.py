"""autograd.misc.optimizers: each optimizer solves the 2-D Rosenbrock problem and a logistic regression,
on parameters of any structure, calling back with (x, i, g) in that structure."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad, hessian
from autograd.misc.optimizers import adam, rmsprop, sgd
from autograd.test_util import check_grads


def rosenbrock(x):
    return (1.0 - x[0]) ** 2 + 100.0 * (x[1] - x[0] ** 2) ** 2


def rosenbrock_grad(x, i):
    return onp.array([-2.0 * (1.0 - x[0]) - 400.0 * x[0] * (x[1] - x[0] ** 2), 200.0 * (x[1] - x[0] ** 2)])


# From (-1, 1), across the curved valley to the minimum at (1, 1). RMSProp's fixed-size steps end in a
# small oscillation, hence its looser tolerance.
ROSENBROCK = {
    'sgd': (sgd, dict(num_iters=1000, step_size=0.02, mass=0.9), 1e-3),
    'rmsprop': (rmsprop, dict(num_iters=5000, step_size=0.002, gamma=0.9), 1e-2),
    'adam': (adam, dict(num_iters=1000, step_size=0.05), 1e-4),
}


@pytest.mark.parametrize('name', list(ROSENBROCK))
def test_rosenbrock(name):
    optimizer, options, tol = ROSENBROCK[name]
    x = optimizer(rosenbrock_grad, onp.array([-1.0, 1.0]), **options)
    onp.testing.assert_allclose(x, [1.0, 1.0], atol=tol)


def logistic_data():
    rs = onp.random.RandomState(1)
    inputs = rs.randn(40, 3)
    targets = onp.sign(inputs @ onp.array([1.5, -2.0, 0.5]) + 0.3 + 0.8 * rs.randn(40))
    return inputs, targets


INPUTS, TARGETS = logistic_data()


def logistic_loss(params):
    """Mean logistic loss plus a small ridge penalty, which keeps the minimizer finite."""
    margins = TARGETS * (INPUTS @ params['w'] + params['b'])
    return np.mean(np.logaddexp(0.0, -margins)) + 0.01 * np.sum(params['w'] ** 2)


def logistic_minimizer():
    """Newton's method on the flat vector [w, b]: the reference answer."""
    def flat_loss(v):
        return logistic_loss({'w': v[:3], 'b': v[3]})
    v = onp.zeros(4)
    for _ in range(20):
        v = v - onp.linalg.solve(hessian(flat_loss)(v), grad(flat_loss)(v))
    return v


# (optimizer, options, tolerance on the parameters); RMSProp again ends oscillating by about its step.
LOGISTIC = {
    'sgd': (sgd, dict(num_iters=300, step_size=1.0, mass=0.9), 1e-5),
    'rmsprop': (rmsprop, dict(num_iters=300, step_size=0.01, gamma=0.9), 1e-2),
    'adam': (adam, dict(num_iters=300, step_size=0.05), 1e-5),
}


@pytest.mark.parametrize('name', list(LOGISTIC))
def test_logistic_regression_with_dict_parameters(name):
    optimizer, options, tol = LOGISTIC[name]
    best = logistic_minimizer()
    loss_grad = grad(logistic_loss)
    params = optimizer(lambda p, i: loss_grad(p), {'w': onp.zeros(3), 'b': 0.0}, **options)
    assert set(params) == {'w', 'b'} and params['w'].shape == (3,) and isinstance(params['b'], float)
    onp.testing.assert_allclose(onp.append(params['w'], params['b']), best, atol=tol)


@pytest.mark.parametrize('optimizer', [sgd, rmsprop, adam], ids=lambda f: f.__name__)
def test_callback_gets_parameters_iteration_and_gradient_in_the_structure_of_x0(optimizer):
    x0 = [onp.array([1.0, -2.0]), (0.5, {'c': onp.ones((2, 2))})]

    def loss(x):
        return np.sum(x[0] ** 2) + x[1][0] ** 2 + np.sum(np.sin(x[1][1]['c']))
    loss_grad = grad(loss)
    seen = []

    def callback(x, i, g):
        assert type(x) is list and type(x[1]) is tuple and x[1][1]['c'].shape == (2, 2)
        expected = loss_grad(x)
        onp.testing.assert_allclose(g[0], expected[0])
        onp.testing.assert_allclose(g[1][1]['c'], expected[1][1]['c'])
        seen.append((i, loss(x)))

    result = optimizer(lambda x, i: loss_grad(x), x0, callback, num_iters=7)
    assert [i for i, _ in seen] == list(range(7))
    assert type(result) is list and type(result[1]) is tuple and isinstance(result[1][0], float)
    assert loss(result) < seen[0][1]


@pytest.mark.parametrize('optimizer', [sgd, rmsprop, adam], ids=lambda f: f.__name__)
def test_grad_receives_the_iteration_number(optimizer):
    calls = []
    optimizer(lambda x, i: calls.append(i) or 0.0 * x, onp.zeros(2), num_iters=4)
    assert calls == [0, 1, 2, 3]


def test_an_optimization_can_be_differentiated():
    def quadratic(x):
        return np.sum(x ** 2 * onp.array([1.0, 3.0]))
    quadratic_grad = grad(quadratic)

    def final_loss(x0, step_size):
        return quadratic(sgd(lambda x, i: quadratic_grad(x), x0, num_iters=5, step_size=step_size))
    check_grads(final_loss, 0, modes=['rev', 'fwd'], order=1)(onp.array([1.0, -0.5]), 0.1)
    check_grads(final_loss, 1, modes=['rev', 'fwd'], order=1)(onp.array([1.0, -0.5]), 0.1)
