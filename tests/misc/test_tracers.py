"""const_graph: traced once, replayed after, and still differentiable."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad
from autograd.extend import IndependentOutputWarning
from autograd.misc import const_graph
from autograd.misc.tracers import full_graph


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


def test_full_graph_keeps_every_value_and_recipe():
    node = full_graph(lambda x, y: np.sin(x) * y + 1.0, 0.5, 2.0)
    assert onp.isclose(node.value, onp.sin(0.5) * 2.0 + 1.0)
    values, stack = [], [node]
    while stack:  # every node's value is its recipe applied to its parents' values
        current = stack.pop()
        fun, args, kwargs, parents = current.recipe
        if parents:
            args = list(args)
            for argnum, parent in parents:
                args[argnum] = parent.value if parent.value is not None else (0.5, 2.0)
            assert onp.isclose(fun(*args, **kwargs), current.value)
        values.append(current.value)
        stack.extend(parent for _, parent in parents)
    assert values[-1] is None  # the root
    with pytest.warns(IndependentOutputWarning):
        assert full_graph(lambda x: 3.0, 1.0) is None
