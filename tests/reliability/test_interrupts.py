"""Interrupts: an exception raised by a signal handler (Ctrl-C) at any point of a gradient leaves no trace.

A timer interrupts gradients at random moments, so some exceptions land while a pass is entered or left.
Afterwards NumPy must allocate as usual, no trace may be left running, ``np.zeros`` must give a plain
array and the next gradients must be exact.
"""
import random
import signal
import time

import numpy as onp
import pytest
from numpy._core.multiarray import get_handler_name

import autograd.numpy as np
from autograd import grad, hessian_vector_product, make_jvp
from autograd.engine import active_traces

TRIALS = 1500

pytestmark = pytest.mark.skipif(not hasattr(signal, 'setitimer'), reason='needs signal.setitimer')


class Interrupted(Exception):
    pass


def _raise(signum, frame):
    raise Interrupted


def _loss(x):
    return np.sum(np.sin(x) * x)


def _reverse(x):
    return grad(_loss)(x), onp.cos(x) * x + onp.sin(x)


def _forward(x):
    return make_jvp(_loss)(x)(onp.ones_like(x))[1], onp.sum(onp.cos(x) * x + onp.sin(x))


def _nested(x):
    v = onp.ones_like(x)
    return hessian_vector_product(_loss)(x, v), (2 * onp.cos(x) - x * onp.sin(x)) * v


def _assert_clean():
    assert get_handler_name() == 'default_allocator'
    assert active_traces() == []
    assert type(np.zeros(3)) is onp.ndarray


@pytest.fixture
def interrupting_timer():
    previous = signal.signal(signal.SIGALRM, _raise)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize('task', [_reverse, _forward, _nested])
def test_interrupted_gradients_leave_the_process_clean(task, interrupting_timer):
    x = onp.linspace(-1.0, 1.0, 4000)  # above the array cache's smallest block
    start = time.perf_counter()
    task(x)
    duration = time.perf_counter() - start
    rng = random.Random(0)
    interrupted = 0
    for _ in range(TRIALS):
        try:
            signal.setitimer(signal.ITIMER_REAL, rng.uniform(0.0, 1.2 * duration))
            task(x)
            signal.setitimer(signal.ITIMER_REAL, 0)
        except Interrupted:
            interrupted += 1
        signal.setitimer(signal.ITIMER_REAL, 0)
        _assert_clean()
    value, exact = task(x)
    onp.testing.assert_allclose(value, exact, rtol=1e-12, atol=1e-12)
    assert interrupted > 0
