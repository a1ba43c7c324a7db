"""The cache of array memory used while differentiating (autograd/numpy/memory.py, _memory.c)."""
import gc
import os
import subprocess
import sys
import threading
import time

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


@compiled
def test_nearby_sizes_share_blocks(fresh_cache):
    grad(loss)(onp.linspace(-2, 2, N))
    before = memory.cache_stats()
    for n in (N + 1, N + 300, N - 500):  # within one size class of N
        onp.testing.assert_allclose(grad(loss)(onp.linspace(-2, 2, n)), exact_gradient(onp.linspace(-2, 2, n)),
                                    rtol=1e-10, atol=1e-14)
    after = memory.cache_stats()
    assert after['misses'] == before['misses'] and after['hits'] > before['hits']


@compiled
def test_a_pass_keeps_only_what_it_needed(fresh_cache):
    grad(loss)(onp.linspace(-2, 2, 40 * N))  # leaves tens of MB of large blocks
    big = memory.cached_bytes()
    small = onp.linspace(-2, 2, N)
    grad(loss)(small)
    grad(loss)(small)
    assert memory.cached_bytes() < 20 * N * 8 < big


@compiled
def test_many_distinct_sizes_stay_cached_and_bounded(fresh_cache):
    sizes = [2100 + 520 * i for i in range(650)]  # 650 distinct page counts, 17 KB to 2.7 MB
    for n in sizes:
        grad(lambda x: np.sum(np.sin(x)))(onp.linspace(-2, 2, n))
    stats = memory.cache_stats()
    assert stats['hits'] > stats['misses']
    assert stats['cached_bytes'] <= 6 * sizes[-1] * 8


def test_cache_stats_names_its_counters():
    assert set(memory.cache_stats()) == {'hits', 'misses', 'cached_bytes', 'limit'}


@pytest.mark.parametrize('text, nbytes', [('0', 0), ('1048576', 2 ** 20), ('512MiB', 512 * 2 ** 20),
                                          (' 2 gib ', 2 ** 31), ('64KiB', 2 ** 16)])
def test_the_limit_in_the_environment_takes_bytes_and_binary_units(text, nbytes):
    assert memory.parse_limit(text) == nbytes


@pytest.mark.parametrize('text', ['', '1.5GiB', '-1', '10 MB', 'lots'])
def test_a_bad_limit_in_the_environment_names_the_variable_and_the_form(text):
    with pytest.raises(ValueError, match=r'AUTOGRAD_CACHE_LIMIT must be a number of bytes.*e\.g\. 512MiB'):
        memory.parse_limit(text)


@compiled
def test_the_environment_sets_the_limit_at_import():
    env = dict(os.environ, AUTOGRAD_CACHE_LIMIT='3MiB')
    out = subprocess.run([sys.executable, '-c', 'from autograd.numpy import memory; print(memory.cache_limit())'],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert int(out) == 3 * 2 ** 20


@compiled
@pytest.mark.skipif(not hasattr(os, 'fork'), reason='needs os.fork')
def test_a_process_forked_while_another_thread_uses_the_cache_can_use_it(fresh_cache):
    stop = threading.Event()

    def churn():
        x = onp.linspace(-2, 2, N)
        while not stop.is_set():
            grad(loss)(x)
    worker = threading.Thread(target=churn)
    worker.start()
    try:
        for _ in range(40):
            pid = os.fork()
            if pid == 0:
                grad(loss)(onp.linspace(-2, 2, N))  # deadlocks if the cache's lock was held at the fork
                os._exit(0)
            deadline = time.monotonic() + 30
            while os.waitpid(pid, os.WNOHANG) == (0, 0):
                assert time.monotonic() < deadline, 'the forked child hung on the cache lock'
                time.sleep(0.001)
    finally:
        stop.set()
        worker.join()


@compiled
def test_repeated_gradients_take_every_block_from_the_cache(fresh_cache):
    rng = onp.random.RandomState(0)
    params = [(rng.randn(120, 60), rng.randn(60)), (rng.randn(60, 40), rng.randn(40))]
    inputs = rng.randn(64, 120)

    def mlp(params):
        h = inputs
        for w, b in params:
            h = np.tanh(h @ w + b)
        return np.sum(h ** 2)
    for _ in range(2):
        grad(mlp)(params)
    misses = memory.cache_stats()['misses']
    for _ in range(3):
        grad(mlp)(params)
    assert memory.cache_stats()['misses'] == misses
