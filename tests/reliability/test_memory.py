"""Memory: repeated gradient calls do not accumulate anything, and intermediate values are released."""
import gc
import os
import tracemalloc
import weakref

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import deriv, grad, hessian, jacobian, make_jvp, make_vjp, value_and_grad
from autograd.tracer import getval

CALLS = 10_000
WARM_UP = 1_000


def init_mlp(sizes, rng):
    return [(rng.randn(m, n) / onp.sqrt(m), rng.randn(n) * 0.1) for m, n in zip(sizes[:-1], sizes[1:])]


def mlp_loss(params, inputs, targets):
    x = inputs
    for i, (w, b) in enumerate(params):
        x = x @ w + b
        if i < len(params) - 1:
            x = np.tanh(x)
    return np.mean((x - targets) ** 2)


def resident_bytes():
    with open('/proc/self/statm') as statm:
        return int(statm.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')


@pytest.mark.skipif(not os.path.exists('/proc/self/statm'), reason='reads resident memory from /proc')
def test_ten_thousand_gradient_calls_do_not_grow_memory():
    rng = onp.random.RandomState(0)
    params = init_mlp([20, 16, 16, 3], rng)
    inputs, targets = rng.randn(8, 20), rng.randn(8, 3)
    loss_grad = grad(mlp_loss)
    first = loss_grad(params, inputs, targets)
    for _ in range(WARM_UP):
        loss_grad(params, inputs, targets)
    gc.collect()
    objects_before, rss_before = len(gc.get_objects()), resident_bytes()
    for i in range(CALLS):
        g = loss_grad(params, inputs, targets)
        if i % 1000 == 0:
            for (gw, gb), (fw, fb) in zip(g, first):
                assert onp.array_equal(gw, fw) and onp.array_equal(gb, fb)
    del g
    gc.collect()
    growth = (resident_bytes() - rss_before) / rss_before
    assert growth < 0.05, 'resident memory grew by {:.1%} over {} calls'.format(growth, CALLS)
    assert len(gc.get_objects()) - objects_before < 100, 'objects left behind by the calls'


def test_mlp_gradient_structure_and_value():
    rng = onp.random.RandomState(1)
    params = init_mlp([20, 16, 16, 3], rng)
    inputs, targets = rng.randn(8, 20), rng.randn(8, 3)
    g = grad(mlp_loss)(params, inputs, targets)
    assert type(g) is list and all(type(layer) is tuple for layer in g)
    assert [(w.shape, b.shape) for w, b in g] == [(w.shape, b.shape) for w, b in params]
    # One entry against a central difference.
    eps = 1e-6
    bumped = [(w.copy(), b.copy()) for w, b in params]
    bumped[1][0][3, 4] += eps
    plus = mlp_loss(bumped, inputs, targets)
    bumped[1][0][3, 4] -= 2 * eps
    minus = mlp_loss(bumped, inputs, targets)
    assert abs(g[1][0][3, 4] - (plus - minus) / (2 * eps)) < 1e-8


def _watched(refs):
    def f(x):
        y = np.exp(x)
        z = np.tanh(y) * y
        refs.extend(weakref.ref(getval(v)) for v in (y, z))
        return np.sum(z)
    return f


def _all_dead(refs):
    gc.collect()
    return bool(refs) and all(r() is None for r in refs)


def _input():
    return onp.linspace(-1.0, 1.0, 1000)


@pytest.mark.parametrize('run', [
    lambda f, x: grad(f)(x),
    lambda f, x: value_and_grad(f)(x),
    lambda f, x: make_vjp(f)(x)[0](1.0),
    lambda f, x: deriv(f)(x),
    lambda f, x: make_jvp(f)(x)(onp.ones_like(x)),
    lambda f, x: grad(lambda x: grad(f)(x)[3])(x),
], ids=['grad', 'value_and_grad', 'make_vjp', 'deriv', 'make_jvp', 'grad-of-grad'])
def test_intermediate_values_are_released_when_the_call_returns(run):
    refs = []
    x = _input()
    result = run(_watched(refs), x)
    assert _all_dead(refs)
    assert result is not None


def test_make_vjp_keeps_intermediates_until_the_vjp_is_dropped():
    refs = []
    vjp, _ = make_vjp(_watched(refs))(_input())
    gc.collect()
    assert all(r() is not None for r in refs)  # the VJP may be called again, so it needs them
    vjp(1.0)
    vjp(1.0)
    del vjp
    assert _all_dead(refs)


def test_intermediate_values_are_released_after_an_exception():
    refs = []
    watched = _watched(refs)

    def broken(x):
        watched(x)
        raise ValueError('user bug')
    with pytest.raises(ValueError):
        grad(broken)(_input())
    assert _all_dead(refs)


def test_arguments_are_not_kept_by_the_library():
    x = onp.linspace(-1.0, 1.0, 30)
    arg = weakref.ref(x)
    g = grad(lambda x: np.sum(np.sin(x)))(x)
    h = hessian(lambda x: np.sum(np.sin(x)))(x)
    j = jacobian(np.tanh)(x)
    del x
    assert _all_dead([arg]) and g.shape == (30,) and h.shape == j.shape == (30, 30)


@pytest.mark.parametrize('fun, arrays', [(lambda x: np.sum(np.sin(x)), 2),
                                         (lambda x: np.sum(np.tanh(x) * np.exp(-x * x)), 7)],
                         ids=['sum-sin', 'big-benchmark'])
def test_peak_memory_of_a_gradient_counts_only_the_arrays_it_needs(fun, arrays):
    # The pure-Python engine's peak, in arrays of x's size: the compiled engine's product rules must reuse
    # temporaries as Python's arithmetic lets NumPy do.
    x = onp.linspace(-1.0, 1.0, 200_000)
    g = grad(fun)
    g(x)
    gc.collect()
    tracemalloc.start()
    try:
        g(x)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < (arrays + 0.5) * x.nbytes
