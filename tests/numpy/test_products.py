"""Products: dot, inner, vdot, outer, kron, cross, tensordot, matmul, einsum, the vector/matrix gufuncs and the
numpy.linalg products, over many shapes, keyword forms and complex dtypes."""
import warnings

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad
from autograd.numpy.derivatives.products import _chain_splits

from .util import check, rand

DOT_SHAPES = [((), ()), ((3,), ()), ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)),
              ((2, 2, 3), (4, 3, 2)), ((3,), (2, 3, 4))]
MATMUL_SHAPES = [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)), ((5, 2, 3), (3, 4)),
                 ((5, 2, 3), (1, 3, 4)), ((3,), (5, 3, 4)), ((5, 2, 3), (3,))]
TENSORDOT_CASES = [((2, 3, 4), (3, 4, 5), 2), ((2, 3), (3, 4), 1), ((2, 3), (4, 5), 0),
                   ((2, 3, 4), (4, 2, 5), ([0, 2], [1, 0])), ((3, 4), (4, 3), ([1, 0], [0, 1]))]


@pytest.mark.parametrize('shapes', DOT_SHAPES)
def test_dot(shapes):
    check(np.dot, rand(*shapes[0]), rand(*shapes[1]))


@pytest.mark.parametrize('shapes', MATMUL_SHAPES)
def test_matmul(shapes):
    check(np.matmul, rand(*shapes[0]), rand(*shapes[1]))
    check(lambda a, b: a @ b, rand(*shapes[0]), rand(*shapes[1]))


@pytest.mark.parametrize('a_shape, b_shape, axes', TENSORDOT_CASES)
def test_tensordot(a_shape, b_shape, axes):
    check(lambda a, b: np.tensordot(a, b, axes), rand(*a_shape), rand(*b_shape))


def test_complex_products():
    check(np.dot, rand(2, 3, dtype=complex), rand(3, dtype=complex))
    check(np.matmul, rand(2, 3, dtype=complex), rand(3, 2))


def _pair(shapes, dtypes=(float, float)):
    return rand(*shapes[0], dtype=dtypes[0]), rand(*shapes[1], dtype=dtypes[1])


DTYPE_PAIRS = {'real': (float, float), 'complex': (complex, complex), 'real-complex': (float, complex),
               'complex-real': (complex, float)}


def _shape_id(shapes):
    return 'x'.join(str(tuple(s)).replace(' ', '') for s in shapes)


@pytest.mark.parametrize('dtypes', list(DTYPE_PAIRS.values()), ids=list(DTYPE_PAIRS))
@pytest.mark.parametrize('shapes', [((), ()), ((3,), (3,)), ((2, 3), (6,)), ((2, 3), (3, 2))], ids=_shape_id)
def test_vdot(shapes, dtypes):
    check(np.vdot, *_pair(shapes, dtypes))


def test_vdot_conjugates_its_first_argument():
    z = rand(4, dtype=complex)
    assert onp.allclose(grad(lambda z: np.real(np.vdot(z, z)))(z), 2 * onp.conj(z))
    assert onp.allclose(grad(lambda z: np.real(np.vdot(z, z)))(z), grad(lambda z: np.sum(np.abs(z) ** 2))(z))
    w = rand(4, dtype=complex)
    assert onp.allclose(grad(lambda z: np.imag(np.vdot(z, w)))(z), grad(lambda z: np.imag(np.sum(np.conj(z) * w)))(z))


INNER_SHAPES = [((), ()), ((), (3,)), ((3,), (3,)), ((2, 3), (4, 3)), ((2, 2, 3), (3,)), ((3,), (2, 4, 3))]


@pytest.mark.parametrize('shapes', INNER_SHAPES, ids=_shape_id)
def test_inner(shapes):
    check(np.inner, *_pair(shapes))


def test_inner_complex():
    check(np.inner, *_pair(((2, 3), (4, 3)), DTYPE_PAIRS['complex']))
    check(np.inner, *_pair(((2, 3), (3,)), DTYPE_PAIRS['real-complex']))


OUTER_SHAPES = [((), (3,)), ((3,), (4,)), ((2, 3), (2, 2))]


@pytest.mark.parametrize('shapes', OUTER_SHAPES, ids=_shape_id)
def test_outer(shapes):
    check(np.outer, *_pair(shapes))


def test_linalg_outer_complex():
    check(np.linalg.outer, *_pair(((3,), (4,)), DTYPE_PAIRS['complex']))
    check(np.linalg.outer, *_pair(((3,), (4,)), DTYPE_PAIRS['complex-real']))


KRON_SHAPES = [((), (3,)), ((2,), (3,)), ((2, 3), (2, 2)), ((2, 1, 3), (2, 2)), ((3,), (2, 1, 2))]


@pytest.mark.parametrize('shapes', KRON_SHAPES, ids=_shape_id)
def test_kron(shapes):
    check(np.kron, *_pair(shapes))


def test_kron_complex():
    check(np.kron, *_pair(((2, 3), (2, 2)), DTYPE_PAIRS['complex']))
    check(np.kron, *_pair(((2, 3), (3,)), DTYPE_PAIRS['real-complex']))


CROSS_CASES = [
    ('3x3', (3,), (3,), {}),
    ('broadcast', (4, 3), (3,), {}),
    ('axis', (3, 4), (3, 1), {'axis': 0}),
    ('axis-negative', (2, 3, 4), (3, 4), {'axis': -2}),
    ('axisa-axisb-axisc', (3, 4), (4, 3), {'axisa': 0, 'axisb': 1, 'axisc': 0}),
    ('axisc-negative', (2, 4, 3), (3, 1, 4), {'axisb': 0, 'axisc': -2}),
]
try:
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        onp.cross(onp.ones(2), onp.ones(2))
except ValueError:  # NumPy 2.5 refuses 2-vectors, which NumPy 2.0 to 2.4 warn about
    pass
else:
    CROSS_CASES += [
        ('2x3', (4, 2), (3,), {}),
        ('3x2', (3,), (4, 2), {}),
        ('2x2', (4, 2), (2,), {}),
        ('2x2-axis', (2, 4), (2, 1), {'axis': 0}),
    ]


@pytest.mark.filterwarnings('ignore:Arrays of 2-dimensional vectors are deprecated:DeprecationWarning')
@pytest.mark.parametrize('a_shape, b_shape, kwargs', [c[1:] for c in CROSS_CASES], ids=[c[0] for c in CROSS_CASES])
def test_cross(a_shape, b_shape, kwargs):
    check(lambda a, b: np.cross(a, b, **kwargs), rand(*a_shape), rand(*b_shape))


def test_cross_complex_and_linalg():
    check(np.cross, *_pair(((4, 3), (3,)), DTYPE_PAIRS['complex']))
    check(np.linalg.cross, *_pair(((4, 3), (3,)), DTYPE_PAIRS['real-complex']))
    check(lambda a, b: np.linalg.cross(a, b, axis=0), rand(3, 4), rand(3, 1))


GUFUNC_CASES = [
    ('vecdot', (3,), (3,), {}),
    ('vecdot', (2, 4, 3), (4, 1), {'axis': -2}),
    ('vecdot', (3, 4), (3, 1), {'axis': 0, 'keepdims': True}),
    ('vecdot', (2, 3, 4), (3, 1), {'axes': [1, 0]}),
    ('vecdot', (2, 3, 4), (3, 1), {'axes': [1, 0, 0], 'keepdims': True}),
    ('vecdot', (2, 3), (3,), {'keepdims': True}),
    ('matvec', (2, 3), (3,), {}),
    ('matvec', (4, 2, 3), (5, 1, 3), {}),
    ('matvec', (3, 4, 5), (4,), {'axes': [(0, 1), 0, 0]}),
    ('vecmat', (3,), (3, 2), {}),
    ('vecmat', (5, 1, 3), (4, 3, 2), {}),
    ('vecmat', (4,), (3, 4, 5), {'axes': [0, (1, 2), 0]}),
    ('linalg.vecdot', (2, 3), (3,), {}),
    ('linalg.vecdot', (3, 4), (3, 1), {'axis': 0}),
]


def _numpy_function(name):
    """``autograd.numpy``'s ``name`` (dotted for submodules); skips the test where NumPy lacks it."""
    module, _, attr = name.rpartition('.')
    namespace = getattr(np, module) if module else np
    if not hasattr(namespace, attr):
        pytest.skip('numpy.{} needs a newer NumPy'.format(name))
    return getattr(namespace, attr)


@pytest.mark.parametrize('dtypes', [DTYPE_PAIRS['real'], DTYPE_PAIRS['complex']], ids=['real', 'complex'])
@pytest.mark.parametrize('name, x1_shape, x2_shape, kwargs', GUFUNC_CASES,
                         ids=['{}-{}-{}'.format(c[0], _shape_id(c[1:3]), '-'.join(c[3]) or 'default')
                              for c in GUFUNC_CASES])
def test_vector_matrix_gufuncs(name, x1_shape, x2_shape, kwargs, dtypes):
    fun = _numpy_function(name)
    check(lambda x1, x2: fun(x1, x2, **kwargs), *_pair((x1_shape, x2_shape), dtypes))


@pytest.mark.parametrize('name, shapes', [('vecdot', ((2, 3), (3,))), ('vecmat', ((3,), (3, 2))),
                                          ('matvec', ((2, 3), (3,)))], ids=['vecdot', 'vecmat', 'matvec'])
def test_gufuncs_mixed_real_complex(name, shapes):
    fun = _numpy_function(name)
    check(fun, *_pair(shapes, DTYPE_PAIRS['real-complex']))
    check(fun, *_pair(shapes, DTYPE_PAIRS['complex-real']))


LINALG_CASES = [
    ('matmul', np.linalg.matmul, (2, 3), (3,), {}),
    ('matmul-batched', np.linalg.matmul, (4, 2, 3), (3, 2), {}),
    ('tensordot', np.linalg.tensordot, (2, 3, 4), (3, 4, 5), {}),
    ('tensordot-axes', np.linalg.tensordot, (2, 3, 4), (4, 2, 5), {'axes': ([0, 2], [1, 0])}),
    ('outer', np.linalg.outer, (3,), (4,), {}),
]


@pytest.mark.parametrize('fun, a_shape, b_shape, kwargs', [c[1:] for c in LINALG_CASES],
                         ids=[c[0] for c in LINALG_CASES])
def test_linalg_products(fun, a_shape, b_shape, kwargs):
    check(lambda a, b: fun(a, b, **kwargs), rand(*a_shape), rand(*b_shape))


MULTI_DOT_SHAPES = [[(2, 3), (3, 4)], [(3,), (3, 4), (4,)], [(5, 3), (3, 4), (4, 2), (2,)],
                    [(3,), (3, 1), (1, 6), (6, 2)]]


@pytest.mark.parametrize('shapes', MULTI_DOT_SHAPES, ids=_shape_id)
def test_multi_dot(shapes):
    arrays = [rand(*s) for s in shapes]
    assert onp.allclose(np.linalg.multi_dot(arrays), onp.linalg.multi_dot(arrays))
    check(lambda *arrays: np.linalg.multi_dot(arrays), *arrays)
    check(lambda *arrays: onp.linalg.multi_dot(list(arrays)), *arrays, modes=['rev'], order=1)


def test_multi_dot_complex():
    check(lambda *arrays: np.linalg.multi_dot(arrays), rand(2, 3, dtype=complex), rand(3, 3), rand(3, dtype=complex))


@pytest.mark.parametrize('shapes', [[(3, 3)], [(2, 3, 3), (3, 3)], [(2, 3), (2, 3, 4), (4, 2)]], ids=_shape_id)
def test_multi_dot_rejects_bad_dimensions(shapes):
    with pytest.raises(ValueError, match='multi_dot'):
        np.linalg.multi_dot([rand(*s) for s in shapes])


EINSUM_CASES = [
    ('ij,jk->ik', (2, 3), (3, 4)),
    ('ij,jk', (2, 3), (3, 4)),
    ('ba', (2, 3)),
    ('Ab,bA', (2, 3), (3, 2)),
    ('i,i', (3,), (3,)),
    ('i,j->ij', (3,), (4,)),
    ('ij->', (2, 3)),
    ('ij->j', (2, 3)),
    ('ii', (3, 3)),
    ('ii->i', (3, 3)),
    ('iii->i', (2, 2, 2)),
    ('iij->j', (2, 2, 3)),
    ('ijij->ij', (2, 3, 2, 3)),
    ('ij,ji->', (3, 3), (3, 3)),
    ('ii,ij,j->', (3, 3), (3, 2), (2,)),
    ('iij,ik->jk', (3, 3, 2), (3, 4)),
    ('ij,k->ijk', (2, 3), (4,)),
    ('ij,jk,kl->il', (2, 3), (3, 4), (4, 2)),
    ('ij,jk,kl,lm->', (2, 3), (3, 4), (4, 2), (2, 3)),
    (',i->i', (), (3,)),
    ('...,...', (), (3,)),
    ('...ij,...jk', (5, 2, 3), (3, 4)),
    ('...ij,...jk->...ik', (5, 2, 3), (1, 3, 4)),
    ('i...j,j->i...', (2, 4, 5, 3), (3,)),
    ('...ii->...i', (4, 3, 3)),
    ('i...->...', (3, 4)),
    ('...i,...i->...', (1, 3), (2, 3)),
    ('ij,ij->ij', (1, 3), (2, 3)),
    ('ij,jk->', (2, 1), (3, 4)),
    ('i j , j k -> k i', (2, 3), (3, 4)),
]


@pytest.mark.parametrize('subscripts, shapes', [(c[0], c[1:]) for c in EINSUM_CASES],
                         ids=[c[0].replace(' ', '_') for c in EINSUM_CASES])
def test_einsum(subscripts, shapes):
    check(lambda *ops: np.einsum(subscripts, *ops), *[rand(*s) for s in shapes])


@pytest.mark.parametrize('subscripts, shapes', [(c[0], c[1:]) for c in EINSUM_CASES[::3]],
                         ids=[c[0].replace(' ', '_') for c in EINSUM_CASES[::3]])
def test_einsum_complex_and_optimized(subscripts, shapes):
    ops = [rand(*s, dtype=complex if i % 2 == 0 else float) for i, s in enumerate(shapes)]
    check(lambda *ops: np.einsum(subscripts, *ops, optimize=True), *ops)
    check(lambda *ops: np.einsum(subscripts, *ops, optimize='greedy'), *[rand(*s, dtype=complex) for s in shapes])


SUBLIST_CASES = [
    ('matmul', lambda a, b: np.einsum(a, [0, 1], b, [1, 2]), (2, 3), (3, 4)),
    ('explicit-output', lambda a, b: np.einsum(a, [0, 1], b, [1, 2], [2, 0]), (2, 3), (3, 4)),
    ('large-labels', lambda a, b: np.einsum(a, [40, 7], b, [7, 51]), (2, 3), (3, 4)),
    ('ellipsis', lambda a, b: np.einsum(a, [Ellipsis, 0], b, [0, 1], [1, Ellipsis]), (4, 2, 3), (3, 5)),
    ('diagonal-scalar', lambda a, b: np.einsum(a, [0, 0], b, []), (3, 3), ()),
]


@pytest.mark.parametrize('fun, a_shape, b_shape', [c[1:] for c in SUBLIST_CASES], ids=[c[0] for c in SUBLIST_CASES])
def test_einsum_sublist_form(fun, a_shape, b_shape):
    check(fun, rand(*a_shape), rand(*b_shape))


def test_einsum_gradient_values():
    x = rand(3, 3)
    assert onp.allclose(grad(lambda x: np.einsum('ii', x))(x), onp.eye(3))
    assert onp.allclose(grad(lambda x: np.einsum('ij->', x))(x), onp.ones((3, 3)))
    y = rand(3)
    assert onp.allclose(grad(lambda y: np.einsum('i,ij->', y, x))(y), x.sum(1))
    assert onp.allclose(grad(lambda x: np.sum(np.einsum('ii->i', x) * y))(x), onp.diag(y))


def test_einsum_keeps_single_precision():
    x = rand(2, 3).astype(onp.float32)
    assert grad(lambda x: np.einsum('ij,kj->', x, x))(x).dtype == onp.float32


def test_einsum_with_a_contraction_path():
    ops = [rand(2, 3), rand(3, 4), rand(4, 2)]
    path = onp.einsum_path('ij,jk,kl->il', *ops, optimize='optimal')[0]
    check(lambda *ops: np.einsum('ij,jk,kl->il', *ops, optimize=path), *ops)


def test_multi_dot_takes_the_cheapest_order():
    # (10x100)(100x5)(5x50): multiplying the first two first costs 7500, the last two first 75000.
    assert _chain_splits([10, 100, 5, 50])[0, 2] == 1
    assert _chain_splits([50, 5, 100, 10])[0, 2] == 0


def _recurrence(W, h, b):
    for _ in range(3):
        h = np.tanh(h @ W + b)
    return np.sum(h * W[0]) + np.sum(W ** 2)  # W read densely too, besides by the products


def test_a_matrix_read_by_products_at_several_steps():
    check(_recurrence, rand(4, 4), rand(2, 4), rand(4), argnums=[0])
    # Its gradient is multiplied out once from the steps' factors: the same numbers as step by step.
    W, h, b = rand(4, 4), rand(2, 4), rand(4)
    hs = [h]
    for _ in range(3):
        hs.append(onp.tanh(hs[-1] @ W + b))
    g = onp.broadcast_to(W[0], hs[-1].shape)
    expected = 2 * W
    expected[0] += onp.sum(hs[-1], axis=0)
    for step in range(3, 0, -1):
        g = g * (1 - hs[step] ** 2)
        expected += hs[step - 1].T @ g
        g = g @ W.T
    assert onp.allclose(grad(_recurrence)(W, h, b), expected)


def test_a_float32_matrix_read_at_several_steps_keeps_float32():
    f32 = onp.float32
    W, h, b = rand(4, 4, dtype=f32), rand(2, 4, dtype=f32), rand(4, dtype=f32)
    gradient = grad(_recurrence)(W, h, b)
    assert gradient.dtype == f32
    assert onp.allclose(gradient, grad(_recurrence)(W.astype(float), h.astype(float), b.astype(float)),
                        rtol=1e-4, atol=1e-5)
