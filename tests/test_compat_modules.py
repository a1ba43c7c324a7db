"""HIPS Autograd's module paths that extensions import from keep working."""
import importlib
import inspect

import numpy as onp
import pytest

import autograd.builtins
import autograd.numpy as np
from autograd import checkpoint, grad, make_ggnvp, make_jvp
from autograd.builtins import sequence_extend_left, sequence_extend_right
from autograd.core import (JVPNode, SparseObject, VJPNode, add_outgrads, backward_pass, sparse_add, sum_outgrads,
                           vspace)
from autograd.differential_operators import make_jvp_reversemode
from autograd.engine import IndependentOutputWarning
from autograd.extend import defvjp, primitive
from autograd.numpy.numpy_boxes import ArrayBox
from autograd.numpy.numpy_jvps import broadcast
from autograd.numpy import numpy_wrapper
from autograd.numpy.numpy_vjps import balanced_eq, match_complex, repeat_to_match_shape, unbroadcast_f
from autograd.numpy.numpy_vspaces import ArrayVSpace, ComplexArrayVSpace
from autograd.numpy.numpy_wrapper import wrap_namespace
from autograd.test_util import check_grads
from autograd.tracer import Node, isbox, new_box, trace, trace_stack
from autograd.util import func, subval, toposort
from autograd.wrap_util import wrap_nary_f


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


# HIPS Autograd's module-level names, by module: libraries import them at module level.
HIPS_NAMES = {
    'tracer': 'trace Node primitive register_notrace notrace_primitive find_top_boxed_args TraceStack trace_stack '
              'Box box_type_mappings new_box box_types isbox getval toposort subvals wraps notrace_primitives',
    'core': 'make_vjp backward_pass VJPNode primitive_vjps defvjp_argnums defvjp_argnum defvjp translate_vjp '
            'make_jvp JVPNode primitive_jvps defjvp_argnums defjvp_argnum defjvp translate_jvp def_linear '
            'add_outgrads sum_outgrads sparse_add VSpace vspace SparseBox SparseObject sparse_object_types '
            'identity_vjp identity_jvp Box Node getval isbox primitive toposort trace func subval',
    'differential_operators': 'grad elementwise_grad deriv jacobian holomorphic_grad grad_named hessian make_hvp '
                              'hessian_tensor_product hessian_vector_product tensor_jacobian_product '
                              'vector_jacobian_product make_jvp_reversemode make_ggnvp value_and_grad '
                              'grad_and_aux multigrad_dict checkpoint make_vjp make_jvp _make_vjp _make_jvp '
                              'unary_to_nary atuple vspace',
    'wrap_util': 'unary_to_nary wraps wrap_nary_f get_name get_doc subvals',
    'util': 'subvals subval func toposort quick_grad_check deprecation_msg',
    'builtins': 'isinstance isinstance_ type type_ container_take grad_container_take SequenceBox DictBox '
                'container_untake sequence_extend_right grad_sequence_extend_right sequence_extend_left '
                'grad_sequence_extend_left make_sequence fwd_grad_make_sequence TupleMeta tuple tuple_ ListMeta '
                'list list_ DictMeta dict dict_ _make_dict ContainerVSpace SequenceVSpace ListVSpace TupleVSpace '
                'DictVSpace NamedTupleVSpace',
    'numpy.numpy_boxes': 'ArrayBox SequenceBox Box primitive',
    'numpy.numpy_vspaces': 'ArrayVSpace ComplexArrayVSpace NamedTupleVSpace VSpace',
    'numpy.numpy_vjps': 'repeat_to_match_shape balanced_eq unbroadcast unbroadcast_f match_complex untake '
                        'replace_zero ArrayBox VJPNode SparseObject defvjp defvjp_argnum vspace primitive func',
    'numpy.numpy_jvps': 'broadcast balanced_eq match_complex untake replace_zero def_linear defjvp defjvp_argnum '
                        'JVPNode ArrayBox',
    'numpy.numpy_wrapper': 'array _astype array_from_args concatenate_args wrap_namespace numpy_version stack '
                           'concatenate vstack hstack column_stack append mean std var select c_ r_ primitive',
}


@pytest.mark.parametrize('module', sorted(HIPS_NAMES))
def test_hips_module_level_names_exist(module):
    mod = importlib.import_module('autograd.' + module)
    assert [name for name in HIPS_NAMES[module].split() if not hasattr(mod, name)] == []


def test_trace_stack_and_new_box_as_libraries_use_them():
    # A library's own make_vjp: a VJPNode graph rooted by hand, walked by core.backward_pass.
    x = onp.array([0.3, 0.7])
    with trace_stack.new_trace() as t:
        end = np.sum(np.sin(new_box(x, t, VJPNode.new_root())) * 2.0)
    assert onp.allclose(backward_pass(1.0, end._node), 2.0 * onp.cos(x))
    # ... nested inside our grad (and ours inside it), so higher derivatives come out right.
    def node_grad(y):
        value, node = trace(VJPNode.new_root(), lambda z: z ** 3, y)
        return backward_pass(1.0, node)
    assert grad(node_grad)(2.0) == 12.0
    value, node = trace(VJPNode.new_root(), grad(lambda z: z ** 3), 2.0)
    assert backward_pass(1.0, node) == 12.0
    value, node = trace(JVPNode.new_root(onp.ones(2)), lambda z: np.sum(z ** 2), x)
    assert value == onp.sum(x ** 2) and node.g == 2.0


def _depends_on_args(fun, *args):
    # A quantum-computing library's independence test: a tuple of arguments boxed at once.
    with trace_stack.new_trace() as t:
        start = new_box(args, t, VJPNode.new_root())
        end = fun(*start)
    return isbox(end) and end._trace == start._trace


def test_independence_test_of_a_library_sees_every_dependence():
    c = onp.ones(2)
    assert _depends_on_args(lambda x, c: np.sum(np.sin(x) * c), onp.array([0.1, 0.2]), c)

    def assigned(x, c):
        B = np.zeros(2)
        B[0] = x[1]
        return np.dot(B, c)
    assert _depends_on_args(assigned, onp.array([0.1, 0.2]), c)
    assert _depends_on_args(lambda x: np.array([x[0], 1.0]) @ onp.ones(2), onp.array([0.1, 0.2]))
    with pytest.warns(IndependentOutputWarning):
        assert trace(VJPNode.new_root(), lambda x: np.sum(onp.ones(2)), 1.0)[1] is None
    assert not _depends_on_args(lambda x, c: np.sum(onp.ones(2)) * 2.0, onp.array([0.1, 0.2]), 1.0)


def test_node_subclasses_record_the_computation_as_hips_examples_do():
    class NameNode(Node):
        __slots__ = ('text',)

        def __init__(self, value, fun, args, kwargs, parent_argnums, parents):
            args = list(map(repr, args))
            for argnum, parent in zip(parent_argnums, parents):
                args[argnum] = parent.text
            self.text = '{}({})'.format(fun.__name__, ', '.join(args))

        def initialize_root(self, name):
            self.text = name
    _, node = trace(NameNode.new_root('x'), lambda x: np.tanh(x * 2.0), 1.0)
    assert node.text == 'tanh(multiply(x, 2.0))'
    with pytest.raises(NotImplementedError, match='initialize_root'):
        Node.new_root()


def test_core_sums_gradients_dense_and_sparse():
    vs = vspace(onp.zeros(3))
    sparse = SparseObject(vs, lambda dense: dense + onp.array([0.0, 1.0, 0.0]))
    assert sum_outgrads([onp.ones(3), sparse, onp.ones(3)]).tolist() == [2.0, 3.0, 2.0]
    assert add_outgrads(None, onp.ones(3))[1] is False
    assert sparse_add(vs, None, sparse).tolist() == [0.0, 1.0, 0.0]
    assert grad(lambda x: np.sum(sparse_add(vs, x, sparse)))(onp.ones(3)).tolist() == [1.0, 1.0, 1.0]


def test_make_jvp_reversemode_is_the_jacobian_vector_product():
    x, v = onp.array([0.5, 1.5]), onp.array([1.0, -2.0])
    assert onp.allclose(make_jvp_reversemode(lambda x: np.sin(x) * x[0])(x)(v),
                        make_jvp(lambda x: np.sin(x) * x[0])(x)(v)[1])


def test_numpy_helpers_of_hips():
    g, reps = repeat_to_match_shape(onp.array([1.0, 2.0]), (2, 3), onp.float64, 1, False)
    assert g.tolist() == [[1.0] * 3, [2.0] * 3] and reps == 3
    g, reps = repeat_to_match_shape(onp.ones((1, 1)), (2, 3), onp.float64, None, True)
    assert g.shape == (2, 3) and reps == 6
    assert balanced_eq(onp.array([1.0, 2.0, 3.0]), 3.0, onp.array([0.0, 0.0, 3.0])).tolist() == [0, 0, 0.5]
    assert numpy_wrapper.array([1.0, 2.0]).tolist() == [1.0, 2.0]
    assert numpy_wrapper._astype(onp.ones(2), onp.float32).dtype == onp.float32
    assert grad(lambda x: np.sum(numpy_wrapper.array_from_args((), {}, x, 2 * x)))(1.0) == 3.0
    assert grad(lambda x: np.sum(numpy_wrapper._astype(x, onp.float64) ** 2))(onp.ones(2)).tolist() == [2.0, 2.0]


def test_sequence_extension_primitives():
    def f(x):
        right = sequence_extend_right(autograd.builtins.list([x, 2.0 * x]), x ** 2)
        left = sequence_extend_left(autograd.builtins.tuple((x,)), 5.0 * x)
        return right[1] + right[2] + left[0] * 3.0 + left[1]
    check_grads(f, modes=['fwd', 'rev'], order=2)(1.5)
    assert grad(f)(1.5) == 2.0 + 3.0 + 15.0 + 1.0


def test_operators_show_their_own_signature_and_name_their_results():
    assert str(inspect.signature(grad)) == '(fun, argnum=0)'
    assert str(inspect.signature(checkpoint)) == '(fun)'
    assert list(inspect.signature(make_ggnvp).parameters) == ['f', 'g', 'f_argnum']
    assert grad.__name__ == 'grad' and 'gradient' in grad.__doc__

    @wrap_nary_f(onp.sin, grad, 1)
    def named():
        pass
    assert named.__name__ == 'grad_of_sin_wrt_argnum_1'


def test_empty_argnum_gives_an_empty_tuple_and_a_warning():
    with pytest.warns(UserWarning, match='independent'):
        assert grad(lambda x, y: x * y, argnum=[])(1.0, 2.0) == ()


def test_warning_and_error_classes_are_public():
    from autograd.extend import DeadTraceError as public_error, IndependentOutputWarning as public_warning
    assert public_warning is IndependentOutputWarning and issubclass(public_error, RuntimeError)
