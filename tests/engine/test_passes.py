"""The reverse and forward passes: deep graphs, accumulation, nesting and the trace bookkeeping."""
import gc
import weakref

import numpy as onp

import autograd.numpy as np
from autograd import deriv, grad, hessian, make_vjp
from autograd.engine import backward_pass, make_jvp as engine_make_jvp, make_vjp as engine_make_vjp


def test_reverse_pass_over_100000_chained_operations():
    def chain(x):
        for _ in range(100000):
            x = x * 1.0000001
        return x
    assert abs(grad(chain)(1.0) - 1.0000001 ** 100000) < 1e-9


def test_forward_pass_over_100000_chained_operations():
    def chain(x):
        for _ in range(100000):
            x = np.sin(x) * 0.5 + x * 0.5
        return x
    assert onp.isfinite(deriv(chain)(0.1))


def test_fan_out_and_fan_in_accumulate():
    def f(x):
        y = x * 2.0
        return y * y + y * x + np.sum(np.stack([y, x, y]))
    x = 1.5
    assert grad(f)(x) == 8 * x + 4 * x + 5.0


def test_many_reads_of_one_array_accumulate_sparse_gradients():
    x = onp.random.randn(50)
    g = grad(lambda x: sum(x[i] * i for i in range(50)) + x[3] * x[3])(x)
    expected = onp.arange(50.0)
    expected[3] += 2 * x[3]
    assert onp.allclose(g, expected)


def test_sparse_and_dense_gradients_mix():
    x = onp.random.randn(4)
    g = grad(lambda x: x[0] + np.sum(x * 2.0) + x[0] + x[1:].sum())(x)
    assert onp.allclose(g, [4.0, 3.0, 3.0, 3.0])


def test_vjp_called_several_times_gives_the_same_result():
    vjp, _ = engine_make_vjp(lambda x: np.sin(x) * x, onp.ones(3))
    first = vjp(onp.ones(3))
    assert onp.allclose(vjp(onp.ones(3)), first) and onp.allclose(vjp(onp.ones(3)), first)


def test_gradient_is_not_an_alias_of_an_intermediate():
    x = onp.ones(3)
    g = grad(lambda x: np.sum(x))(x)
    g[0] = 10.0
    assert grad(lambda x: np.sum(x))(x)[0] == 1.0


def test_intermediate_values_are_released_after_the_pass():
    refs = []

    def f(x):
        y = np.exp(x)
        refs.append(weakref.ref(y._value))
        return np.sum(y)
    x = onp.ones(1000)
    grad(f)(x)
    gc.collect()
    assert all(r() is None for r in refs)


def test_nested_traces_do_not_confuse_perturbations():
    # d/dx [x * d/dy (x + y)] = d/dx [x * 1] = 1; perturbation confusion would give 2.
    assert grad(lambda x: x * grad(lambda y: x + y)(1.0))(2.0) == 1.0
    assert deriv(lambda x: x * deriv(lambda y: x * y)(1.0))(2.0) == 4.0


def test_closure_over_outer_box():
    f = lambda x: grad(lambda y: np.sin(x * y))(1.0)
    assert abs(grad(f)(0.3) - (onp.cos(0.3) - 0.3 * onp.sin(0.3))) < 1e-12


def test_mixed_modes_nest():
    x, v = onp.random.randn(3), onp.random.randn(3)
    f = lambda x: np.sum(np.sin(x) ** 2)
    Hv = hessian(f)(x) @ v
    assert onp.allclose(engine_make_jvp(grad(f), x)(v)[1], Hv)  # forward over reverse
    assert onp.allclose(grad(lambda x: engine_make_jvp(f, x)(v)[1])(x), Hv)  # reverse over forward


def test_backward_pass_is_a_plain_function():
    vjp, _ = engine_make_vjp(lambda x: x * 3.0, 2.0)
    assert vjp(1.0) == 3.0
    assert callable(backward_pass)


def _dtype_spy():
    """Identity whose rules record the dtype of the cotangent or tangent they are given."""
    from autograd.extend import defjvp, defvjp, primitive
    seen = []

    @primitive
    def spy(x):
        return x
    defvjp(spy, lambda ans, x: lambda g: seen.append(onp.result_type(g)) or g)
    defjvp(spy, lambda g, ans, x: seen.append(onp.result_type(g)) or g)
    return spy, seen


def test_a_python_number_as_cotangent_or_tangent_keeps_float32_in_float32():
    spy, seen = _dtype_spy()
    f = lambda x: np.sum(spy(x) * 2.0)
    x = onp.ones(3, onp.float32)
    vjp, _ = engine_make_vjp(f, x)
    assert vjp(1.0).dtype == onp.float32
    engine_make_jvp(f, x)(1.0)
    assert seen == [onp.float32, onp.float32]


def test_a_python_number_cotangent_becomes_complex_for_a_complex_output_and_stays_complex_for_a_real_one():
    spy, seen = _dtype_spy()
    x = onp.ones(2, onp.complex64)
    engine_make_vjp(lambda x: np.sum(spy(x)), x)[0](1.0)
    real = onp.ones(2, onp.float32)
    engine_make_vjp(lambda x: np.sum(spy(x)), real)[0](1j)
    assert seen == [onp.complex64, onp.complex128]


def test_accumulating_into_a_fresh_contribution_leaves_arrays_rules_keep_alone():
    from autograd.extend import defvjp, primitive
    kept = onp.full(4, 3.0)

    @primitive
    def constant_slope(x):
        return 3.0 * x
    defvjp(constant_slope, lambda ans, x: lambda g: kept)  # the same array for every g of ones
    x = onp.arange(4.0)
    f = lambda x: np.sum(np.sin(x) * 2.0 + constant_slope(x))
    for _ in range(2):
        assert onp.allclose(grad(f)(x), 2.0 * onp.cos(x) + 3.0)
    assert onp.array_equal(kept, onp.full(4, 3.0))
    # Read in two places, each giving a fresh gradient: the sum lands in one of them.
    h = lambda x: np.sum(np.sin(x) * np.cos(x))
    assert onp.allclose(grad(h)(x), onp.cos(2 * x))
