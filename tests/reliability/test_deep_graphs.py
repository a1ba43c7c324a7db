"""Deep and wide graphs: no recursion anywhere, memory linear in the number of recorded operations."""
import gc
import math
import tracemalloc

import numpy as onp

import autograd.numpy as np
from autograd import deriv, grad
from autograd.engine import make_jvp as engine_make_jvp

MILLION = 1_000_000


def sin_chain(depth):
    def f(x):
        for _ in range(depth):
            x = np.sin(x)
        return x
    return f


def sin_chain_derivative(x, depth):
    """d/dx of sin applied ``depth`` times, by the chain rule in plain floats."""
    d = 1.0
    for _ in range(depth):
        d *= math.cos(x)
        x = math.sin(x)
    return d


def test_reverse_pass_over_a_million_chained_operations():
    # Far beyond any recursion limit: a recursive backward pass would raise RecursionError.
    g = grad(sin_chain(MILLION))(1.0)
    assert type(g) is float
    assert math.isclose(g, sin_chain_derivative(1.0, MILLION), rel_tol=1e-9)


def test_forward_pass_over_a_million_chained_operations():
    assert math.isclose(deriv(sin_chain(MILLION))(1.0), sin_chain_derivative(1.0, MILLION), rel_tol=1e-9)


def _peak_bytes_of_grad(depth):
    fun = sin_chain(depth)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        grad(fun)(1.0)
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - before, after - before


def test_memory_grows_linearly_with_depth():
    small, small_left = _peak_bytes_of_grad(50_000)
    large, large_left = _peak_bytes_of_grad(100_000)
    # Twice the depth, twice the memory: the tape is one record per operation and the backward pass
    # needs one slot per record. Anything quadratic would give a ratio near 4.
    assert 1.8 < large / small < 2.2, (small, large)
    assert large / 100_000 < 1000, 'bytes per recorded operation: {}'.format(large / 100_000)
    # Nothing of the tape is left once grad has returned: what remains does not depend on the depth.
    assert large_left - small_left < 0.001 * large and large_left < 0.02 * large, (small_left, large_left)


def test_higher_order_derivatives_of_a_deep_chain_agree_in_every_nesting():
    depth, x = 10_000, 0.7
    f = sin_chain(depth)
    rev_rev = grad(grad(f))(x)
    fwd_rev = deriv(grad(f))(x)
    rev_fwd = grad(deriv(f))(x)
    fwd_fwd = deriv(deriv(f))(x)
    for value in (fwd_rev, rev_fwd, fwd_fwd):
        assert math.isclose(value, rev_rev, rel_tol=1e-9), (rev_rev, fwd_rev, rev_fwd, fwd_fwd)
    eps = 1e-5
    numeric = (sin_chain_derivative(x + eps, depth) - sin_chain_derivative(x - eps, depth)) / (2 * eps)
    assert math.isclose(rev_rev, numeric, rel_tol=1e-6)


def test_one_value_read_a_hundred_thousand_times():
    n = 100_000

    def fan_out(x):
        y = np.tanh(x)  # every read below sends its gradient back through this one node
        return np.sum(np.stack([y * float(i) for i in range(n)]))
    x = 0.3
    expected = (1 - math.tanh(x) ** 2) * n * (n - 1) / 2
    assert math.isclose(grad(fan_out)(x), expected, rel_tol=1e-12)
    assert math.isclose(deriv(fan_out)(x), expected, rel_tol=1e-12)


def test_deep_chain_on_an_array_with_indexing_and_reductions():
    depth = 20_000
    weights = onp.linspace(0.5, 1.5, 5)

    def f(x):
        for i in range(depth):
            x = x * 0.9999 + 0.0001 * np.sum(x[i % 5]) * weights
        return np.sum(x)
    x = onp.ones(5)
    g = grad(f)(x)
    _, tangent = engine_make_jvp(f, x)(onp.eye(5)[2])
    assert math.isclose(g[2], tangent, rel_tol=1e-10)
    assert onp.all(onp.isfinite(g)) and g.shape == (5,)
