"""Threads: concurrent differentiations never see each other's values, and a failure in one leaves no mark."""
import sys
import threading

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import deriv, grad, hessian, holomorphic_grad, jacobian, make_jvp, value_and_grad
from autograd.numpy.subclasses import declare_safe
from autograd.tracer import getval

THREADS = 8
CALLS = 500


class UserBug(Exception):
    pass


@pytest.fixture(autouse=True)
def frequent_thread_switches():
    """Switch threads every microsecond, so traces of different threads interleave inside the passes."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


# Each task computes one derivative for thread k, call i, and returns (result, analytic answer, rtol).
def _elementwise(k, i):
    dtype = onp.float32 if k % 2 else onp.float64
    a, x = k + 1.0, onp.linspace(-1.0, 1.0, 5).astype(dtype) + 0.01 * i
    g = grad(lambda x: np.sum(np.sin(a * x)))(x)
    assert g.dtype == dtype
    return g, a * onp.cos(a * x.astype(onp.float64)), 1e-5 if k % 2 else 1e-12


def _forward(k, i):
    t = 0.5 + 0.001 * i + 0.1 * k
    return deriv(lambda t: t ** 3 * np.exp(-t))(t), (3 * t ** 2 - t ** 3) * onp.exp(-t), 1e-12


def _second_order(k, i):
    t, c = 0.2 + 0.003 * i, k + 1.0
    return grad(grad(lambda t: c * t ** 4))(t), 12 * c * t ** 2, 1e-12


def _containers(k, i):
    x = onp.arange(4.0) + k
    params = {'w': 0.01 * i, 'b': -0.5 * k}
    value, g = value_and_grad(lambda p: np.sum((p['w'] * x + p['b']) ** 2))(params)
    r = params['w'] * x + params['b']
    assert value == pytest.approx(onp.sum(r ** 2))
    return [g['w'], g['b']], [onp.sum(2 * r * x), onp.sum(2 * r)], 1e-12


def _jacobian(k, i):
    a = onp.arange(6.0).reshape(3, 2) * 0.1 - 0.2 * k
    x = onp.array([0.01 * i, -0.3])
    return jacobian(lambda x: np.tanh(a @ x))(x), (1 - onp.tanh(a @ x) ** 2)[:, None] * a, 1e-12


def _holomorphic(k, i):
    z = complex(0.1 * k, 0.002 * i)
    return holomorphic_grad(lambda z: z ** 2 * np.exp(z))(z), (2 * z + z ** 2) * onp.exp(z), 1e-12


def _hessian_vector(k, i):
    x, v = onp.array([0.1 * k, 0.001 * i]), onp.array([1.0, -2.0])
    _, hv = make_jvp(grad(lambda x: np.sum(np.cos(x)) * (k + 1)))(x)(v)
    return hv, -(k + 1) * onp.cos(x) * v, 1e-12


def _subclass(k, i):
    # One ndarray subclass per thread: the box type of each is looked up (and cached) concurrently.
    v = 0.5 + 0.01 * i
    x = onp.full(3, v).view(SUBCLASSES[k])
    return grad(lambda x: np.sum(x ** 3))(x), onp.full(3, 3 * v ** 2), 1e-12


SUBCLASSES = [type('ThreadArray{}'.format(k), (onp.ndarray,), {}) for k in range(THREADS)]
for _subclass_type in SUBCLASSES:
    declare_safe(_subclass_type)
TASKS = [_elementwise, _forward, _second_order, _containers, _jacobian, _holomorphic, _hessian_vector, _subclass]


def _run_threads(work):
    """Run ``work(k)`` in THREADS threads started together; return each thread's result or exception."""
    barrier = threading.Barrier(THREADS)
    outcomes = [None] * THREADS

    def run(k):
        try:
            barrier.wait()
            outcomes[k] = work(k)
        except BaseException as error:  # reported by the test, not lost in the thread
            outcomes[k] = error
    threads = [threading.Thread(target=run, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), 'a thread hung'
    return outcomes


def _check_calls(k, fail_every=None):
    """CALLS derivatives for thread k, each checked; every ``fail_every``-th call also runs a failing one."""
    wrong, failures_seen = [], 0
    for i in range(CALLS):
        task = TASKS[(k + i) % len(TASKS)]
        result, expected, rtol = task(k, i)
        if not onp.allclose(result, expected, rtol=rtol, atol=rtol):
            wrong.append((task.__name__, i, result, expected))
        if fail_every and i % fail_every == 0:
            try:
                grad(_broken)(onp.ones(3) * i)
            except UserBug:
                failures_seen += 1
    return wrong, failures_seen


def _broken(x):
    y = np.exp(x) * 2.0
    if np.sum(y) > 0:
        raise UserBug('fails inside the trace')
    return np.sum(y)


def test_eight_threads_compute_five_hundred_different_gradients_each():
    outcomes = _run_threads(_check_calls)
    for k, outcome in enumerate(outcomes):
        assert not isinstance(outcome, BaseException), 'thread {}: {!r}'.format(k, outcome)
        wrong, _ = outcome
        assert not wrong, 'thread {}: {} wrong results, first {}'.format(k, len(wrong), wrong[0])


def test_failures_in_some_threads_leave_every_thread_working():
    # Threads 0, 2, 4 and 6 run a failing differentiation every 10th call, between correct ones.
    outcomes = _run_threads(lambda k: _check_calls(k, fail_every=10 if k % 2 == 0 else None))
    for k, outcome in enumerate(outcomes):
        assert not isinstance(outcome, BaseException), 'thread {}: {!r}'.format(k, outcome)
        wrong, failures_seen = outcome
        assert not wrong, 'thread {}: {} wrong results, first {}'.format(k, len(wrong), wrong[0])
        assert failures_seen == (CALLS // 10 if k % 2 == 0 else 0)
    assert grad(np.sin)(0.0) == 1.0


def test_exception_that_ends_a_thread_leaves_the_others_working():
    def work(k):
        if k == 3:
            grad(_broken)(onp.ones(2))  # not caught here: this thread's work ends with the exception
        return [grad(lambda x: x ** 3)(float(i)) for i in range(50)]
    outcomes = _run_threads(work)
    assert isinstance(outcomes[3], UserBug)
    for k, outcome in enumerate(outcomes):
        if k != 3:
            assert outcome == [3.0 * i ** 2 for i in range(50)]
    assert hessian(lambda x: x ** 3)(2.0) == 12.0


def test_box_passed_to_another_thread_after_its_differentiation_finished():
    kept = []
    worker = threading.Thread(target=lambda: grad(lambda x: kept.append(x * 2.0) or x * 2.0)(1.0))
    worker.start()
    worker.join()
    assert getval(np.sin(kept[0])) == onp.sin(2.0)  # a constant now, in any thread


def test_box_passed_to_another_thread_while_its_differentiation_runs():
    shared, ready, release = [], threading.Event(), threading.Event()

    def owner(x):
        shared.append(x * 2.0)
        ready.set()
        release.wait(timeout=60)
        return x * 3.0
    worker = threading.Thread(target=lambda: grad(owner)(1.0))
    worker.start()
    try:
        ready.wait(timeout=60)
        with pytest.raises((RuntimeError, TypeError, ValueError)):
            grad(lambda y: y * shared[0])(5.0)
    finally:
        release.set()
        worker.join()
