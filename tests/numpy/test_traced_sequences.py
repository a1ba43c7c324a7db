"""Lists and tuples holding traced values where NumPy takes an array-like: every autograd.numpy function
reads them as the array they spell, as HIPS Autograd does (``np.mean([a, b])``)."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad
from autograd.engine import TracedConversionError
from autograd.extend import defvjp, notrace_primitive, primitive

from .util import check

# name: (function of two traced scalars, through a sequence)
THROUGH_SEQUENCES = {
    'mean': lambda a, b: np.mean([a, b * 3.0]),
    'std': lambda a, b: np.std([a, b, 2.0]),
    'var': lambda a, b: np.var((a, [b, a * b])[1]),
    'norm': lambda a, b: np.linalg.norm([a, b + 2.0]),
    'sum nested': lambda a, b: np.sum([[a, b], [1.0, a * b]], axis=0),
    'sin': lambda a, b: np.sin([a, b]),
    'dot': lambda a, b: np.dot(np.array([1.0, 2.0]), [a, b]),
    'max tuple': lambda a, b: np.max((a, b, 0.5)),
    'cumsum': lambda a, b: np.cumsum([a, b, a]),
    'linalg.det': lambda a, b: np.linalg.det([[a, b], [1.0, a]]),
}


@pytest.mark.parametrize('name', sorted(THROUGH_SEQUENCES))
def test_sequences_of_traced_values_are_arrays(name):
    fun = THROUGH_SEQUENCES[name]
    check(fun, 0.7, -1.3)


def test_known_values():
    assert grad(lambda x: np.mean([x, x + 2]))(1.0) == 1.0
    assert grad(lambda x: np.linalg.norm([x, x + 2]))(0.0) == 1.0
    assert onp.isclose(grad(lambda x: np.std([x, -x]))(1.5), 1.0)


def test_user_primitives_and_notrace_primitives_get_sequences_too():
    total = primitive(lambda a: onp.sum(a))
    size = notrace_primitive(lambda a: onp.size(a))
    defvjp(total, lambda ans, a: lambda g: g * np.ones_like(a))
    assert grad(lambda x: total([x, 2.0 * x]) * size([x, x, x]))(1.0) == 9.0


def test_other_conversions_of_traced_values_still_fail_clearly():
    import numpy
    with pytest.raises(TracedConversionError, match='numpy.asarray'):
        grad(lambda x: numpy.sum(numpy.asarray(x)))(onp.ones(2))
    with pytest.raises(TracedConversionError):  # a ragged list is no array
        grad(lambda x: np.sum(np.mean([x, [x, x]])))(1.0)
    assert isinstance(TracedConversionError('x'), TypeError)


def test_integer_casts_of_traced_values_are_constants():
    def fun(w):
        positions = np.int64(w[:, -1])  # integer values carry no derivative: a plain constant
        assert positions.dtype == np.int64 and not isinstance(positions, np.numpy_boxes.ArrayBox)
        return np.sum(w[positions, :-1] ** 2) * int(w[0, 0] + 100.0)
    w = onp.random.randn(4, 3)
    w[:, -1] = [0, 2, 2, 3]
    w[0, 0] = 0.5  # int(100.5) = 100
    expected = onp.zeros_like(w)
    for i in [0, 2, 2, 3]:
        expected[i, :-1] += 200 * w[i, :-1]
    assert onp.allclose(grad(fun)(w), expected)
