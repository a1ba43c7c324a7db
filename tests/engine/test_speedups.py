"""The C engine (``autograd/engine/_speedups.c``) and the pure-Python engine behave the same.

The whole suite runs on whichever engine is installed (C where it compiled); the engine-level tests also
run here on the pure-Python one, and the cases below reach the C code's less common paths.
"""
import gc
import os
import pickle
import subprocess
import sys
import weakref
from pathlib import Path

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad, make_jvp, make_vjp
from autograd.engine import Box, BoxIfKind, in_pass, new_box, tracing
from autograd.engine.reverse import ReverseTrace, backward_pass
from autograd.extend import defjvp, defvjp, primitive
from autograd.test_util import check_grads

ROOT = Path(__file__).resolve().parents[2]
PURE = bool(os.environ.get('AUTOGRAD_PURE_PYTHON'))


def test_the_c_engine_is_in_use_where_it_was_built():
    if PURE:
        assert tracing.speedups is None
    else:
        assert tracing.speedups is not None, 'autograd/engine/_speedups.c did not compile at install'
        assert type(np.sin).__name__ == 'Primitive'


@pytest.mark.skipif(PURE, reason='this run is the pure-Python one')
def test_engine_tests_pass_on_the_pure_python_engine():
    suites = ['tests/engine', 'tests/test_errors.py', 'tests/test_differential_operators.py',
              'tests/test_builtins.py', 'tests/numpy/test_assignment.py', 'tests/reliability/test_threads.py',
              'tests/reliability/test_bad_inputs.py', 'tests/reliability/test_interrupts.py',
              'tests/numpy/test_wrapper.py', 'tests/misc/test_tracers.py', 'tests/misc/test_graph.py',
              'tests/numpy/test_traced_sequences.py']
    env = dict(os.environ, AUTOGRAD_PURE_PYTHON='1')
    run = subprocess.run([sys.executable, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-p', 'no:xdist']
                         + suites, cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert ' passed' in run.stdout


@primitive
def scale(x, factor=2.0, offset=0.0):
    return factor * x + offset


defvjp(scale, lambda ans, x, factor=2.0, offset=0.0: lambda g: factor * g)
defjvp(scale, lambda g, ans, x, factor=2.0, offset=0.0: factor * g)


@pytest.mark.parametrize('kwargs', [{}, {'factor': 3.0}, {'factor': -1.5, 'offset': 4.0}])
def test_keyword_arguments_reach_the_function_and_its_rules(kwargs):
    f = lambda x: scale(x, **kwargs) ** 2  # noqa: E731
    check_grads(f, modes=['fwd', 'rev'], order=2)(0.7)
    assert grad(f)(0.7) == pytest.approx(2 * scale(0.7, **kwargs) * kwargs.get('factor', 2.0))


@primitive
def nine_keywords(x, **kwargs):
    return x * sum(kwargs.values())


defvjp(nine_keywords, lambda ans, x, **kwargs: lambda g: g * sum(kwargs.values()))


def test_many_keyword_arguments_take_the_general_path():
    kwargs = {'k{}'.format(i): float(i) for i in range(9)}
    assert grad(lambda x: nine_keywords(x, **kwargs))(1.0) == pytest.approx(36.0)


def test_a_traced_keyword_argument_is_refused():
    with pytest.raises(TypeError, match='pass it positionally'):
        grad(lambda x: scale(1.0, factor=x))(2.0)


@primitive
def three(x, y, z):
    return x * y * z


defvjp(three, lambda ans, x, y, z: lambda g: g * y * z, lambda ans, x, y, z: lambda g: g * x * z,
       lambda ans, x, y, z: lambda g: g * x * y)
defjvp(three, lambda g, ans, x, y, z: g * y * z, lambda g, ans, x, y, z: g * x * z,
       lambda g, ans, x, y, z: g * x * y)


def test_three_operands_and_mixed_traces():
    assert grad(lambda x: three(x, x, 2.0))(3.0) == pytest.approx(12.0)
    # d/dy of x*y*y is 2xy, 2x**2 at y = x, whose derivative is 4x; y is also boxed by the outer trace.
    assert grad(lambda x: grad(lambda y: three(x, y, y))(x))(3.0) == pytest.approx(12.0)
    check_grads(lambda x: three(x, np.sin(x), x), modes=['fwd', 'rev'], order=2)(0.4)


def test_binary_operators_with_one_operand_boxed_by_two_traces():
    f = lambda x: np.sum(np.tanh(onp.arange(2.0) @ np.outer(x, x)) ** 2)  # noqa: E731
    check_grads(f, modes=['fwd', 'rev'], order=3)(onp.array([0.3, -0.2]))


def test_primitives_bind_as_methods_pickle_by_name_and_have_a_repr():
    class Scaled:
        twice = primitive(lambda self, x: 2 * x)
    assert Scaled().twice(3.0) == 6.0
    assert pickle.loads(pickle.dumps(scale)) is scale
    assert 'sin' in repr(np.sin)
    ref = weakref.ref(scale)
    assert ref() is scale
    assert scale.__wrapped__.__name__ == 'scale' and scale.fun is scale.__wrapped__


def test_box_fields_and_constructor():
    trace = ReverseTrace()
    box = Box(onp.float64(1.5), trace, 0)
    assert (box._value, box._trace, box._node) == (1.5, trace, 0)
    assert Box(value=1.0, trace=trace, node=3)._node == 3
    with pytest.raises(TypeError):
        Box(1.0, trace)
    del box._node
    with pytest.raises(AttributeError):
        box._node


def test_a_box_subclass_may_initialize_through_box():
    class Tagged(Box):
        __slots__ = ('tag',)

        def __init__(self, value, trace, node):
            Box.__init__(self, value, trace, node)
            self.tag = 'made'
    box = Tagged(2.0, ReverseTrace(), 5)
    assert (box._value, box._node, box.tag) == (2.0, 5, 'made')


def test_box_if_kind_boxes_only_the_named_kinds():
    class Marked(Box):
        __slots__ = ()
    maker = BoxIfKind(Marked, 'fc')
    trace = ReverseTrace()
    assert type(maker(onp.ones(2), trace, 1)) is Marked
    assert type(maker(onp.ones(2, complex), trace, 1)) is Marked
    ints = onp.arange(3)
    assert maker(ints, trace, 1) is ints
    assert np.argmax(grad(lambda x: np.sum(x * x))(onp.ones(2))) == 0


def test_a_missing_rule_and_a_failing_rule_are_reported_from_the_reverse_pass():
    @primitive
    def norule(x):
        return x

    with pytest.raises(NotImplementedError, match="'norule' with respect to argument 0"):
        grad(lambda x: norule(x) * 2.0)(1.0)

    @primitive
    def badrule(x):
        return x

    defvjp(badrule, lambda ans, x: lambda g: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        grad(lambda x: badrule(x) * 2.0)(1.0)


def test_the_reverse_pass_rejects_a_bad_output_position():
    with pytest.raises(IndexError):
        backward_pass([None], 3, 1.0)


def test_released_tape_entries_are_freed_as_the_pass_goes():
    def run(release):
        trace = ReverseTrace()
        end = in_pass(trace, lambda x: np.sin(np.sin(x)), new_box(0.5, trace, 0))
        return trace.tape, backward_pass(trace.tape, end._node, 1.0, release)
    kept, g = run(False)
    released, g_released = run(True)
    assert g == g_released == pytest.approx(onp.cos(onp.sin(0.5)) * onp.cos(0.5))
    assert all(entry is not None for entry in kept[1:]) and released[1:] == [None, None]


def test_forward_mode_gives_integer_results_no_tangent():
    value, tangent = make_jvp(lambda x: x.astype(int) * x)(onp.array([1.5, 2.5]))(onp.ones(2))
    assert value.tolist() == [1.5, 5.0] and tangent.tolist() == [1.0, 2.0]


def test_repeated_gradients_do_not_leak():
    f = grad(lambda x: np.sum(np.tanh(x) * x) + scale(x[0], factor=3.0) + three(x[1], x[2], 2.0))
    x = onp.linspace(-1, 1, 5)
    for _ in range(200):
        f(x)

    def growth():
        gc.collect()
        before = sys.getallocatedblocks()
        for _ in range(2000):
            f(x)
        gc.collect()
        return sys.getallocatedblocks() - before
    # A leak grows in every round; threads other tests left running (a Dask cluster's scheduler
    # and client) allocate now and then.
    assert min(growth() for _ in range(3)) < 200


@pytest.mark.parametrize('fun', [np.sin, lambda x: x * 2.0, lambda x: x * x], ids=['unary', 'binary', 'both'])
def test_a_box_containing_itself_raises_recursion_error(fun):
    def f(x):
        x._value = x  # only reachable through a private attribute; must not crash the process
        return fun(x)
    with pytest.raises(RecursionError):
        grad(f)(1.0)
