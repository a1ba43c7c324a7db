"""HIPS Autograd's module paths that extensions import from keep working."""
import numpy as onp

import autograd.numpy as np
from autograd import grad
from autograd.extend import defvjp, primitive
from autograd.numpy.numpy_boxes import ArrayBox
from autograd.numpy.numpy_jvps import broadcast
from autograd.numpy.numpy_vjps import match_complex, unbroadcast_f
from autograd.numpy.numpy_vspaces import ArrayVSpace, ComplexArrayVSpace
from autograd.numpy.numpy_wrapper import wrap_namespace
from autograd.util import func, subval, toposort


def test_extension_written_for_hips_runs():
    @primitive
    def scaled_add(x, y):
        return x + 2.0 * y
    defvjp(scaled_add, lambda ans, x, y: unbroadcast_f(x, lambda g: g),
           lambda ans, x, y: unbroadcast_f(y, lambda g: 2.0 * g))
    assert grad(lambda y: np.sum(scaled_add(onp.ones((2, 3)), y)), 0)(onp.ones(3)).tolist() == [4.0, 4.0, 4.0]
    assert match_complex(1.0, 2.0 + 1j) == 2.0
    assert broadcast(onp.ones(3), onp.ones((2, 3))).shape == (2, 3)


def test_names_are_there():
    def f(x):
        assert isinstance(x, ArrayBox)
        return np.sum(x)
    grad(f)(onp.ones(2))
    assert ArrayVSpace and ComplexArrayVSpace and callable(wrap_namespace)
    assert subval((1, 2), 0, 5) == (5, 2) and func(abs) is abs


def test_toposort_puts_children_first():
    class Node:
        def __init__(self, *parents):
            self.parents = parents
    a = Node()
    b = Node(a)
    c = Node(a, b)
    order = list(toposort(c))
    assert order.index(c) < order.index(b) < order.index(a)
