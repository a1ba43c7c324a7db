"""Assignment into arrays inside differentiated code: every index kind, every assignment kind, both modes."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import deriv, grad, hessian, jacobian
from autograd.numpy import AliasingError, index_add, index_update
from autograd.test_util import check_grads

from .util import check, rand

INDICES = {
    'int': 1,
    'slice': slice(1, 3),
    'step': slice(None, None, 2),
    'fancy_repeated': [0, 2, 0],
    'mask': onp.array([True, False, True, True]),
    'tuple': (slice(None), 0),
}


def value_shape(idx, shape=(4, 3)):
    return onp.empty(shape)[idx].shape


@pytest.mark.parametrize('name', sorted(INDICES))
def test_assign_traced_value_into_created_array(name):
    idx = INDICES[name]

    def f(v):
        B = np.zeros((4, 3))
        B[idx] = v
        return B * onp.arange(1.0, 13.0).reshape(4, 3)
    check(f, rand(*value_shape(idx)))


@pytest.mark.parametrize('name', sorted(INDICES))
def test_assign_into_traced_array(name):
    idx = INDICES[name]

    def f(x, v):
        x = np.copy(x)  # assignable whether or not x is the argument being differentiated
        x[idx] = v
        return np.sin(x)
    check(f, rand(4, 3), rand(*value_shape(idx)))


@pytest.mark.parametrize('name', sorted(INDICES))
def test_assign_untraced_value_into_traced_array(name):
    idx = INDICES[name]
    value = rand(*value_shape(idx))

    def f(x):
        y = x ** 2
        y[idx] = value
        return y
    check(f, rand(4, 3))


@pytest.mark.parametrize('name', sorted(INDICES))
@pytest.mark.parametrize('op', ['+=', '-=', '*=', '/=', '**='])
def test_augmented_assignment_at_an_index(name, op):
    idx = INDICES[name]
    code = compile('y[idx] {} v'.format(op), 'augmented', 'exec')

    def f(x, v):
        y = np.copy(x)
        scope = {'y': y, 'idx': idx, 'v': v}
        exec(code, scope)
        return scope['y']
    check(f, rand(4, 3, positive=True), rand(*value_shape(idx), positive=True))


@pytest.mark.parametrize('op', ['+=', '-=', '*=', '/=', '**=', '@='])
def test_augmented_assignment_of_whole_array(op):
    code = compile('y {} v'.format(op), 'augmented', 'exec')

    def f(x, v):
        y = np.copy(x)
        alias = y
        scope = {'y': y, 'v': v}
        exec(code, scope)
        assert scope['y'] is alias  # in place, as NumPy: every name for the array sees the change
        return alias
    check(f, rand(3, 3, positive=True), rand(3, 3, positive=True))


def test_block_assignment_matches_assignment_free_code():
    A = rand(2, 2)

    def with_assignment(A):
        B = np.zeros((4, 4))
        B[:2, :2] = A
        return np.sum(np.tanh(B) * onp.arange(16.0).reshape(4, 4))

    def without(A):
        B = np.concatenate([np.concatenate([A, np.zeros((2, 2))], 1), np.zeros((2, 4))], 0)
        return np.sum(np.tanh(B) * onp.arange(16.0).reshape(4, 4))
    assert onp.allclose(grad(with_assignment)(A), grad(without)(A))
    assert onp.allclose(hessian(with_assignment)(A), hessian(without)(A))
    check(with_assignment, A)


def test_filling_a_result_vector_in_a_loop_matches_stack():
    x = rand(3)

    def with_assignment(x):
        res = np.zeros(5)
        for m in range(5):
            res[m] = np.sum(x ** (m + 1))
        return res

    def without(x):
        return np.stack([np.sum(x ** (m + 1)) for m in range(5)])
    assert onp.allclose(jacobian(with_assignment)(x), jacobian(without)(x))
    check(with_assignment, x)


def test_overwritten_elements_get_zero_gradient_and_last_write_wins():
    def f(x, v):
        y = np.copy(x)
        y[[0, 1, 0]] = v
        return np.sum(y * onp.array([10.0, 20.0, 30.0]))
    gx, gv = grad(f, (0, 1))(onp.ones(3), onp.array([1.0, 2.0, 3.0]))
    assert gx.tolist() == [0.0, 0.0, 30.0]
    assert gv.tolist() == [0.0, 20.0, 10.0]  # NumPy keeps the last write at index 0


def test_later_reads_see_the_new_values():
    def f(x):
        y = np.ones(3)
        before = y[0] * 1.0
        y[0] = x
        return before + y[0] * 2.0 + np.sum(y)
    assert grad(f)(5.0) == 3.0
    assert f(5.0) == 1.0 + 10.0 + 7.0


def test_forward_mode_and_higher_order():
    def f(x):
        B = np.zeros(3)
        B[1] = x ** 2
        B[2] = B[1] * x
        return np.sum(B)
    assert deriv(f)(2.0) == 2 * 2.0 + 3 * 2.0 ** 2
    assert grad(grad(f))(2.0) == 2.0 + 6 * 2.0
    assert deriv(grad(f))(2.0) == 2.0 + 6 * 2.0


@pytest.mark.parametrize('make', [
    lambda: np.zeros(3), lambda: np.ones(3), lambda: np.empty(3), lambda: np.full(3, 7.0),
    lambda: np.zeros_like(onp.ones(3)), lambda: np.ones_like(onp.ones(3)), lambda: np.full_like(onp.ones(3), 2.0),
    lambda: np.array([1.0, 2.0, 3.0]), lambda: np.copy(onp.ones(3)), lambda: np.arange(3.0),
    lambda: np.linspace(0.0, 1.0, 3), lambda: np.eye(3)[0], lambda: np.empty_like(onp.ones(3)),
], ids=['zeros', 'ones', 'empty', 'full', 'zeros_like', 'ones_like', 'full_like', 'array', 'copy', 'arange',
        'linspace', 'eye_row', 'empty_like'])
def test_every_creation_function_gives_an_assignable_array(make):
    def f(x):
        B = make()
        B[1] = x
        return np.sum(B * onp.array([1.0, 5.0, 1.0]))
    assert grad(f)(3.0) == 5.0


def test_created_arrays_are_plain_outside_differentiation():
    assert type(np.zeros(3)) is onp.ndarray and type(np.array([1.0])) is onp.ndarray


def test_views_by_indexing_behave_as_in_numpy():
    def f(x):
        B = np.zeros((2, 3))
        row = B[0]
        row[1] = x          # writes into B, as NumPy does
        B[0, 2] = 2 * x     # and row sees this
        return np.sum(B * onp.arange(6.0).reshape(2, 3)) + 10 * row[2]
    assert f(1.0) == 1.0 + 2 * 2.0 + 10 * 2.0
    assert grad(f)(1.0) == 1.0 + 4.0 + 20.0


def test_reading_an_old_view_sees_writes_into_its_parent():
    def f(x):
        y = x * 1.0
        first = y[:2]
        y[0] = 5.0
        return first
    assert f(onp.ones(3)).tolist() == [5.0, 1.0]
    assert jacobian(f)(onp.ones(3)).tolist() == [[0, 0, 0], [0, 1, 0]]


def test_untracked_views_are_refused():
    def write_into_reshaped(x):
        y = x * 1.0
        z = y.reshape(2, 2)
        z[0, 0] = 1.0
        return np.sum(y)

    def write_while_transposed_view_alive(x):
        y = x * 1.0
        t = y.T
        y[0, 0] = 1.0
        return np.sum(t)
    with pytest.raises(AliasingError, match='view.*copy'):
        grad(write_into_reshaped)(onp.ones(4))
    with pytest.raises(AliasingError, match='view'):
        grad(write_while_transposed_view_alive)(onp.ones((2, 2)))


def test_views_of_temporaries_can_be_written():
    def f(x):
        B = np.zeros(6).reshape(2, 3)
        B[0, 0] = x
        C = (x * onp.ones(4)).reshape(2, 2)
        C[1, 1] = 0.0
        return np.sum(B) + np.sum(C)
    assert grad(f)(2.0) == 1.0 + 3.0


def test_plain_numpy_target_names_the_fix():
    def f(x):
        B = onp.zeros((2, 3))
        B[0] = x
        return B[0]
    with pytest.raises(TypeError, match="autograd.numpy's creation functions"):
        grad(lambda x: np.sum(f(x)))(onp.ones(3))


def test_plain_numpy_target_with_a_traced_scalar_names_the_fix():
    # NumPy turns our float() error into "setting an array element with a sequence"; grad gives ours back.
    def f(x):
        B = onp.zeros(3)
        B[0] = x
        return B[0]
    with pytest.raises(TypeError, match=r"float\(\) of a traced value.*autograd.numpy's creation functions"):
        grad(f)(1.0)
    with pytest.raises(TypeError, match=r"float\(\) of a traced value"):
        grad(lambda x: f(x[1]))(onp.ones(3))


def test_dtypes_follow_numpy():
    def f(x):
        B = np.zeros(2, dtype=onp.float32)
        B[0] = x * 2.0
        assert B.dtype == onp.float32
        return np.sum(B)
    assert grad(f)(onp.float32(1.0)) == 2.0
    with pytest.raises(TypeError, match='complex'):
        grad(lambda x: np.sum(index_update(x * 1.0, 0, 1j)))(onp.ones(2))


def test_scalars_are_rebound_not_mutated():
    def f(x):
        s = x[0]
        alias = s
        s += 1.0
        return s * alias
    assert grad(f)(onp.array([2.0, 0.0])).tolist() == [5.0, 0.0]


def test_functional_forms():
    x, v = rand(4), rand(2)
    check(lambda x, v: index_update(x, [1, 3], v), x, v)
    check(lambda x, v: index_add(x, [1, 1], v), x, v)
    assert index_add(onp.zeros(3), [0, 0], onp.array([1.0, 2.0])).tolist() == [3.0, 0.0, 0.0]
    assert index_update(onp.zeros(3), [0, 0], onp.array([1.0, 2.0])).tolist() == [2.0, 0.0, 0.0]
    assert grad(lambda v: np.sum(index_add(onp.zeros(3), [0, 0], v) ** 2))(onp.array([1.0, 2.0])).tolist() == [6.0, 6.0]


def test_complex_assignment():
    def f(z, w):
        y = np.copy(z)
        y[1:] = w
        return y
    check(f, rand(3, dtype=complex), rand(2, dtype=complex))


def test_created_arrays_still_read_like_arrays():
    def f(x):
        z = np.zeros(3)
        assert z.tolist() == [0.0, 0.0, 0.0] and z.nbytes == 24 and float(z[0]) == 0.0
        with pytest.raises(TypeError, match='drop it from the derivative'):
            (x * 1.0).tolist()
        return np.sum(x * z) + np.sum(x)
    assert grad(f)(onp.ones(3)).tolist() == [1.0, 1.0, 1.0]


WRITERS = {
    'put': (lambda a, v: np.put(a, [0, 5, -1], v), lambda a, v: onp.put(a, [0, 5, -1], v), (2,)),
    'put_wrap': (lambda a, v: np.put(a, [1, 13], v, mode='wrap'),
                 lambda a, v: onp.put(a, [1, 13], v, mode='wrap'), (2,)),
    'place': (lambda a, v: np.place(a, MASK, v), lambda a, v: onp.place(a, MASK, v), (2,)),
    'putmask': (lambda a, v: np.putmask(a, MASK, v), lambda a, v: onp.putmask(a, MASK, v), (4, 3)),
    'copyto': (lambda a, v: np.copyto(a, v), lambda a, v: onp.copyto(a, v), (3,)),
    'copyto_where': (lambda a, v: np.copyto(a, v, where=MASK), lambda a, v: onp.copyto(a, v, where=MASK), (4, 3)),
    'put_along_axis': (lambda a, v: np.put_along_axis(a, onp.array([[2], [0], [1], [0]]), v, axis=1),
                       lambda a, v: onp.put_along_axis(a, onp.array([[2], [0], [1], [0]]), v, axis=1), (4, 1)),
    'fill_diagonal': (lambda a, v: np.fill_diagonal(a, v), lambda a, v: onp.fill_diagonal(a, v), (2,)),
}
MASK = onp.array([[True, False, True], [False, False, True], [True, True, False], [False, True, False]])


@pytest.mark.parametrize('name', sorted(WRITERS))
def test_numpy_in_place_writers_on_created_and_traced_arrays(name):
    ours, theirs, value_shape = WRITERS[name]
    start, value = rand(4, 3), rand(*value_shape)
    expected = start.copy()
    theirs(expected, value)

    def f(x, v):
        a = np.copy(x)
        assert ours(a, v) is None
        return a
    assert onp.allclose(f(start, value), expected)
    check(f, start, value)


def test_in_place_writers_refuse_traced_values_into_plain_arrays():
    def f(v):
        a = onp.zeros(3)
        np.put(a, [0], v)
        return a[0]
    with pytest.raises(TypeError, match="autograd.numpy's creation functions"):
        grad(f)(1.0)
    plain = onp.zeros(3)
    np.put(plain, [1], 5.0)
    assert plain.tolist() == [0.0, 5.0, 0.0]


def test_realistic_loops_at_third_order_in_every_mode_mix():
    # Preallocated states filled in a loop, read back as views, under nested forward/reverse traces:
    # the aliasing check must see every recorded reference as history.
    def rnn(W, xs):
        hs = np.zeros((xs.shape[0] + 1, 3))
        for t in range(xs.shape[0]):
            hs[t + 1] = np.tanh(hs[t] @ W + xs[t])
        return np.sum(hs[1:] ** 2)

    def laplacian(u):
        out = np.zeros_like(u)
        out[1:-1] = u[:-2] - 2 * u[1:-1] + u[2:]
        out[0] = out[-1] = 0.0
        return np.sum(out ** 2)

    def normalize_rows(A):
        A = np.array(A)
        for i in range(A.shape[0]):
            A[i] /= np.sum(A[i])
        return np.sum(A * onp.arange(A.size).reshape(A.shape))
    check(rnn, rand(3, 3) * 0.5, rand(4, 3), order=3)
    check(laplacian, rand(6), order=3)
    check(normalize_rows, rand(3, 4, positive=True), order=3)


def test_augmented_assignment_to_the_callers_arrays_rebinds_as_in_hips():
    def centred(x):
        x -= np.mean(x)  # x is the caller's array: the name is rebound, the caller's array kept
        return np.sum(x ** 2)
    x = onp.array([1.0, 2.0, 4.0])
    check_grads(centred)(x.copy())  # it calls centred untraced too, which subtracts in place, as NumPy does
    assert onp.allclose(grad(centred)(x), 2 * (x - x.mean())) and x.tolist() == [1.0, 2.0, 4.0]

    def doubled(params):
        w = params['w']
        w *= 2.0
        return np.sum(w ** 2) + np.sum(params['w'])
    params = {'w': onp.array([1.0, 3.0])}
    assert onp.allclose(grad(doubled)(params)['w'], 8.0 * params['w'] + 1.0)
    assert params['w'].tolist() == [1.0, 3.0]
    assert onp.allclose(grad(lambda s: grad(centred)(s * x)[0])(1.0), 2 * (x - x.mean())[0])


def test_augmented_assignment_still_refuses_what_it_cannot_follow():
    def shared_temporary(x):
        y = x * 1.0
        t = y.T
        y += 1.0  # NumPy would change t too
        return np.sum(t)

    def argument_with_a_view(x):
        row = x[0]
        x *= 2.0  # NumPy would change row too
        return np.sum(row)
    for fun in [shared_temporary, argument_with_a_view]:
        with pytest.raises(AliasingError, match='view'):
            grad(fun)(onp.ones((2, 2)))
    with pytest.raises(TypeError):  # AliasingError is a TypeError (and a ValueError), as code catches it
        grad(shared_temporary)(onp.ones((2, 2)))
