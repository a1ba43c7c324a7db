"""const_graph: traced once, replayed after, and still differentiable."""
import numpy as onp

import autograd.numpy as np
from autograd import grad
from autograd.misc import const_graph


def test_replay_gives_the_same_values():
    calls = []

    def f(x, y):
        calls.append(1)
        return np.sum(np.sin(x) * y)
    fast = const_graph(f)
    x, y = onp.random.randn(3), onp.random.randn(3)
    assert onp.allclose(fast(x, y), f(x, y))
    x2 = onp.random.randn(3)
    assert onp.allclose(fast(x2, y), f(x2, y))
    assert len(calls) == 3  # two direct calls and only the first const_graph call


def test_fixed_arguments_and_gradients_through_replay():
    fast = const_graph(lambda scale, x: scale * np.tanh(x), 2.0)
    fast(0.5)
    assert abs(grad(fast)(0.3) - 2 * (1 - onp.tanh(0.3) ** 2)) < 1e-12
