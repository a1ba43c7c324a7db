"""The cache of array memory used while differentiating (autograd/numpy/memory.py, _memory.c)."""
import gc
import os
import threading

import numpy as onp
import pytest
from numpy._core.multiarray import get_handler_name

import autograd.numpy as np
from autograd import grad
from autograd.numpy import memory

compiled = pytest.mark.skipif(memory._memory is None, reason='the caching allocator is not compiled in')
N = 50_000  # 400 KB arrays: above the 16 KiB the cache starts at


def loss(x):
    return np.sum(np.tanh(x) * np.exp(-x * x))


def exact_gradient(x):
    t = onp.tanh(x)
    e = onp.exp(-x * x)
    return (1 - t ** 2) * e - 2 * x * t * e


@pytest.fixture
def fresh_cache():
    limit = memory.cache_limit()
    gc.collect()  # arrays of earlier tests, freed later, would come back to the cache during the test
    memory.release_cached_memory()
    yield
    memory.set_cache_limit(limit)
    memory.release_cached_memory()


def test_the_allocator_is_built_where_the_engine_is():
    if not os.environ.get('AUTOGRAD_PURE_PYTHON'):
        assert memory._memory is not None, 'autograd/numpy/_memory.c did not compile at install'


@compiled
def test_arrays_made_while_differentiating_come_from_the_cache_and_others_do_not(fresh_cache):
    seen = []

    def f(x):
        seen.append(get_handler_name())
        return loss(x)
    g = grad(f)(onp.linspace(-2, 2, N))
    assert seen == ['autograd_caching_allocator']
    assert get_handler_name(g) == 'autograd_caching_allocator'
    assert get_handler_name() == get_handler_name(onp.ones(N)) == 'default_allocator'


@compiled
def test_the_handler_is_restored_when_the_function_fails(fresh_cache):
    def failing(x):
        raise RuntimeError('boom')
    with pytest.raises(RuntimeError):
        grad(failing)(onp.ones(N))
    assert get_handler_name() == 'default_allocator'


@compiled
def test_reused_blocks_give_the_same_gradients_and_the_cache_stops_growing(fresh_cache):
    x = onp.linspace(-2, 2, N)
    first = grad(loss)(x)
    assert memory.cached_bytes() >= 4 * N * 8  # the intermediates came back to the cache
    onp.testing.assert_array_equal(grad(loss)(x), first)
    held = memory.cached_bytes()
    for _ in range(5):
        onp.testing.assert_allclose(grad(loss)(x), exact_gradient(x), rtol=1e-10, atol=1e-14)
    assert memory.cached_bytes() == held


@compiled
def test_zeroed_and_resized_arrays_from_reused_blocks(fresh_cache):
    x = onp.linspace(-2, 2, N)
    grad(loss)(x)  # leaves blocks of N float64 with data in them

    def f(x):
        zeros = onp.zeros(N)
        assert not zeros.any()
        grown = onp.full(N, 3.0)
        grown.resize(2 * N, refcheck=False)
        assert (grown[:N] == 3.0).all() and not grown[N:].any()
        return loss(x) + np.sum(zeros)
    onp.testing.assert_allclose(grad(f)(x), exact_gradient(x), rtol=1e-10, atol=1e-14)


@compiled
def test_the_limit_bounds_the_cache_and_release_empties_it(fresh_cache):
    x = onp.linspace(-2, 2, N)
    memory.set_cache_limit(0)
    grad(loss)(x)
    assert memory.cached_bytes() == 0
    memory.set_cache_limit(2 * N * 8)
    grad(loss)(x)
    assert 0 < memory.cached_bytes() <= 2 * N * 8
    memory.release_cached_memory()
    assert memory.cached_bytes() == 0
    with pytest.raises(ValueError, match='bytes >= 0'):
        memory.set_cache_limit(-1)


@compiled
def test_threads_differentiate_with_the_cache_and_leave_their_handler_alone(fresh_cache):
    x = onp.linspace(-2, 2, N)
    errors = []

    def work():
        try:
            for _ in range(20):
                onp.testing.assert_allclose(grad(loss)(x), exact_gradient(x), rtol=1e-10, atol=1e-14)
            assert get_handler_name() == 'default_allocator'
        except AssertionError as error:
            errors.append(error)
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_without_the_compiled_allocator_the_functions_do_nothing(monkeypatch):
    monkeypatch.setattr(memory, '_memory', None)
    assert memory.cached_bytes() == 0 and memory.cache_limit() == 0
    memory.set_cache_limit(10)
    memory.release_cached_memory()
