"""check_grads itself: it passes right rules and fails wrong ones with a readable message."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd.extend import defjvp, defvjp, primitive
from autograd.tracer import getval
from autograd.test_util import check_equivalent, check_grads, combo_check, scalar_close


def wrong_sin(vjp_factor=1.0, jvp_factor=1.0):
    f = primitive(onp.sin)
    defvjp(f, lambda ans, x: lambda g: g * np.cos(x) * vjp_factor)
    defjvp(f, lambda g, ans, x: g * np.cos(x) * jvp_factor)
    return f


def test_right_rules_pass():
    check_grads(wrong_sin())(onp.random.randn(3))


def test_wrong_vjp_fails_in_reverse_mode():
    with pytest.raises(AssertionError, match=r'\(VJP\) check of sin failed\. Reverse-mode derivative of sin disagrees'):
        check_grads(wrong_sin(vjp_factor=1.01), modes=['rev'])(onp.random.randn(3))
    check_grads(wrong_sin(vjp_factor=1.01), modes=['fwd'], order=1)(onp.random.randn(3))


def test_wrong_jvp_fails_in_forward_mode():
    with pytest.raises(AssertionError, match=r'\(JVP\) check of sin failed\. Forward-mode derivative of sin disagrees'):
        check_grads(wrong_sin(jvp_factor=-1.0), modes=['fwd'])(onp.random.randn(3))


def test_wrong_second_derivative_fails_at_order_two():
    f = primitive(onp.sin)
    defvjp(f, lambda ans, x: lambda g: g * onp.cos(getval(x)))  # right value, but a constant to higher orders
    defjvp(f, lambda g, ans, x: g * np.cos(x))
    check_grads(f, modes=['rev'], order=1)(0.3)
    with pytest.raises(AssertionError, match=r'\(VJP\) check of vjp_sin failed'):
        check_grads(f, modes=['rev'], order=2)(0.3)


def test_unknown_mode():
    with pytest.raises(ValueError, match='unknown modes'):
        check_grads(np.sin, modes=['backwards'])(1.0)


def test_float32_uses_looser_tolerances():
    check_grads(lambda x: np.sum(np.tanh(x) ** 2))(onp.random.randn(4).astype(onp.float32))


def test_combo_check_runs_every_combination():
    seen = []

    def f(x, axis=None):
        seen.append(axis)
        return np.sum(x ** 2, axis=axis)
    combo_check(f, [0], modes=['rev'], order=1)([onp.ones((2, 2)), onp.ones((3, 3))], axis=[0, 1])
    assert {0, 1} <= set(seen)


def test_check_equivalent_and_scalar_close():
    check_equivalent({'a': onp.ones(2)}, {'a': onp.ones(2) + 1e-12})
    with pytest.raises(AssertionError, match='differ'):
        check_equivalent(onp.ones(2), onp.zeros(2))
    assert scalar_close(1.0, 1.0 + 1e-9) and not scalar_close(1.0, 1.1)
