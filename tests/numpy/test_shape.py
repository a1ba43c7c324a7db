"""Reshaping, transposing, broadcasting, joining, splitting, tiling, padding and diagonals."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad, make_jvp

from .util import check, rand

CASES = {
    'reshape': (lambda x: np.reshape(x, (4, 6)), (2, 3, 4)),
    'reshape_method': (lambda x: x.reshape(6, -1), (2, 3, 4)),
    'ravel': (np.ravel, (2, 3, 4)),
    'flatten_method': (lambda x: x.flatten(), (2, 3)),
    'transpose': (np.transpose, (2, 3, 4)),
    'transpose_axes': (lambda x: np.transpose(x, (1, 2, 0)), (2, 3, 4)),
    'T': (lambda x: x.T, (2, 3)),
    'mT': (lambda x: x.mT, (2, 3, 4)),
    'swapaxes': (lambda x: np.swapaxes(x, 0, 2), (2, 3, 4)),
    'moveaxis': (lambda x: np.moveaxis(x, 0, -1), (2, 3, 4)),
    'expand_dims': (lambda x: np.expand_dims(x, 1), (2, 3)),
    'squeeze': (np.squeeze, (2, 1, 3)),
    'atleast_2d': (np.atleast_2d, ()),
    'broadcast_to': (lambda x: np.broadcast_to(x, (4, 2, 3)), (2, 1)),
    'stack': (lambda x: np.stack([x, 2 * x, x ** 2], axis=1), (2, 3)),
    'stack_scalars': (lambda x: np.stack([x, 2 * x]), ()),
    'concatenate': (lambda x: np.concatenate([x, x[:1], 3 * x], axis=0), (2, 3)),
    'concatenate_axis_none': (lambda x: np.concatenate([x, x], axis=None), (2, 3)),
    'full': (lambda x: np.full((2, 3), x), ()),
    'full_broadcast': (lambda x: np.full((4, 3), x), (3,)),
}


@pytest.mark.parametrize('name', sorted(CASES))
def test_shape_rules(name):
    fun, shape = CASES[name]
    check(fun, rand(*shape))


def test_concatenate_mixes_constants_and_traced():
    c = rand(1, 3)
    check(lambda x: np.concatenate([c, x, c]), rand(2, 3))


# Functions of one array, each checked on several shapes: name -> (function, shapes).
S0, S1, S2, S3 = (), (4,), (3, 4), (2, 3, 4)
UNARY = {
    # Reshaping with keyword variants.
    'squeeze_axis': (lambda x: np.squeeze(x, axis=(0, -1)), [(1, 1), (1, 3, 1), (1, 2, 3, 1)]),
    'expand_dims_tuple': (lambda x: np.expand_dims(x, axis=(0, -1)), [S0, S1, S2]),
    'moveaxis_lists': (lambda x: np.moveaxis(x, [0, 1], [-1, 0]), [S2, S3]),
    'matrix_transpose': (np.matrix_transpose, [S2, S3]),
    'rollaxis': (lambda x: np.rollaxis(x, -1), [S1, S2, S3]),
    'rollaxis_start': (lambda x: np.rollaxis(x, 0, start=-1), [S2, S3, (2, 3, 4, 5)]),
    'permute_dims': (lambda x: np.permute_dims(x, (2, 0, 1)), [S3]),
    'atleast_1d': (np.atleast_1d, [S0, S1, S2]),
    'atleast_3d': (np.atleast_3d, [S0, S1, S2, S3]),
    # Joining a sequence that mixes traced and constant arrays.
    'vstack': (lambda x: np.vstack([x, 2 * x, onp.ones(onp.shape(x))]), [S0, S1, S2, S3]),
    'hstack': (lambda x: np.hstack([x, 2 * x, onp.ones(onp.shape(x))]), [S0, S1, S2, S3]),
    'dstack': (lambda x: np.dstack([x, x ** 2]), [S0, S1, S2, S3]),
    'column_stack': (lambda x: np.column_stack([x, 2 * x]), [S0, S1, S2]),
    'append': (lambda x: np.append(x, x ** 2), [S0, S1, S2]),
    'append_axis': (lambda x: np.append(x, 2 * x[:1], axis=0), [S1, S2, S3]),
    'append_constant': (lambda x: np.append(onp.ones(2), x), [S0, S2]),
    'block_2d': (lambda x: np.block([[x, 2 * x], [onp.ones(onp.shape(x)), x ** 2]]), [S1, S2, S3]),
    'block_1d': (lambda x: np.block([x, onp.ones(onp.shape(x)[:-1] + (2,)), 3 * x]), [S0, S1, S2]),
    # Splitting; the result is a list, checked whole, indexed and unpacked.
    'split_sections': (lambda x: np.split(x, 2), [S1, (4, 3), (2, 3, 4)]),
    'split_indices_axis': (lambda x: np.split(x, [1, 3], axis=-1), [S1, S2, S3]),
    'split_unsorted_indices': (lambda x: np.split(x, [3, 1, -1]), [S1, (5, 2)]),
    'split_indexed': (lambda x: np.split(x, 2, axis=-1)[1] * 3.0, [S1, S2, S3]),
    'split_unpacked': (lambda x: _product_of_parts(np.split(x, [1, 3])), [S1, (4, 2)]),
    'array_split': (lambda x: np.array_split(x, 3, axis=-1), [S1, S2, S3]),
    'array_split_unpacked': (lambda x: _product_of_parts(np.array_split(x, 3)), [S1, (4, 3)]),
    'hsplit': (lambda x: np.hsplit(x, 2), [S1, S2, (2, 4, 3)]),
    'vsplit': (lambda x: np.vsplit(x, [1]), [S2, S3]),
    'dsplit': (lambda x: np.dsplit(x, [1, 2]), [S3]),
    'unstack': (np.unstack, [S1, S2, S3]),
    'unstack_axis': (lambda x: np.unstack(x, axis=-1)[0] * 2.0, [S1, S2, S3]),
    # Repeating.
    'tile': (lambda x: np.tile(x, 3), [S0, S1, S2]),
    'tile_longer_reps': (lambda x: np.tile(x, (2, 1, 3)), [S0, S1, S2, S3]),
    'tile_shorter_reps': (lambda x: np.tile(x, (2, 1)), [S3]),
    'repeat': (lambda x: np.repeat(x, 3), [S0, S1, S2]),
    'repeat_axis': (lambda x: np.repeat(x, 2, axis=-1), [S1, S2, S3]),
    'repeat_each': (lambda x: np.repeat(x, [2, 0, 1], axis=0), [(3,), (3, 2), (3, 2, 2)]),
    'repeat_each_flat': (lambda x: np.repeat(x, [1, 3, 0, 2, 1, 1]), [(6,), (2, 3)]),
    'repeat_method': (lambda x: x.repeat(2, 0), [S1, S2]),
    'resize_larger': (lambda x: np.resize(x, (3, 5)), [S0, S1, S2]),
    'resize_smaller': (lambda x: np.resize(x, 3), [S1, S2, S3]),
    # Reordering.
    'flip': (np.flip, [S0, S1, S2, S3]),
    'flip_axis': (lambda x: np.flip(x, axis=(0, -1)), [S2, S3]),
    'fliplr': (np.fliplr, [S2, S3]),
    'flipud': (np.flipud, [S1, S2, S3]),
    'roll': (lambda x: np.roll(x, 2), [S0, S1, S2, S3]),
    'roll_axis': (lambda x: np.roll(x, -1, axis=-1), [S1, S2, S3]),
    'roll_tuple': (lambda x: np.roll(x, (1, -2), axis=(0, 1)), [S2, S3]),
    'roll_tuple_same_axis': (lambda x: np.roll(x, [1, 2], axis=[0, 0]), [S1, S2]),
    'rot90': (np.rot90, [S2, S3]),
    'rot90_k_axes': (lambda x: np.rot90(x, k=-3, axes=(2, 0)), [S3]),
    'rot90_k2': (lambda x: np.rot90(x, 2), [S2, S3]),
    # Triangles and diagonals.
    'tril': (np.tril, [S1, S2, S3]),
    'tril_k': (lambda x: np.tril(x, k=-1), [S1, S2, S3]),
    'triu': (np.triu, [S1, S2, S3]),
    'triu_k': (lambda x: np.triu(x, 2), [S1, S2, S3]),
    'diag_vector_to_matrix': (lambda x: np.diag(x, k=1), [S1, (1,)]),
    'diag_matrix_to_vector': (np.diag, [(3, 3), S2, (4, 3)]),
    'diag_matrix_to_vector_k': (lambda x: np.diag(x, -1), [(3, 3), S2, (4, 3)]),
    'diagflat': (np.diagflat, [S0, S1, S2]),
    'diagflat_k': (lambda x: np.diagflat(x, -2), [S1, S2]),
    'diagonal': (np.diagonal, [S2, S3]),
    'diagonal_offset_axes': (lambda x: np.diagonal(x, offset=-1, axis1=2, axis2=0), [S3, (3, 2, 3)]),
    'diagonal_method': (lambda x: x.diagonal(1), [S2, S3]),
    'trace': (np.trace, [S2, S3]),
    'trace_offset_axes': (lambda x: np.trace(x, 1, axis1=-1, axis2=-3), [S3, (4, 2, 3)]),
    'trace_method': (lambda x: x.trace(-1), [S2, S3]),
    # Deleting and inserting.
    'delete': (lambda x: np.delete(x, [0, 2]), [S1, S2, S3]),
    'delete_axis': (lambda x: np.delete(x, 1, axis=-1), [S1, S2, S3]),
    'delete_mask': (lambda x: np.delete(x, onp.array([True, False, True, False]), axis=-1), [S1, S2]),
    'insert_constant': (lambda x: np.insert(x, [1, 1, 3], onp.ones(3)), [S1, S2]),
    'insert_traced_axis': (lambda x: np.insert(x, 2, x[..., 0] * 3.0, axis=-1), [S1, S2, S3]),
    'insert_broadcast': (lambda x: np.insert(x, [0, 2], x[:1] ** 2, axis=0), [S1, S2, S3]),
}
if hasattr(onp, 'row_stack'):  # NumPy 2.5 removed it
    UNARY['row_stack'] = (lambda x: np.row_stack((x, x ** 2)), [S1, S2])


def _product_of_parts(parts):
    first, *rest = parts
    for part in rest:
        first = first * np.sum(part)
    return first


def _params(table):
    return [pytest.param(name, shape, id='{}-{}'.format(name, 'x'.join(map(str, shape)) or '0d'))
            for name in sorted(table) for shape in table[name][1]]


@pytest.mark.parametrize('name, shape', _params(UNARY))
def test_unary(name, shape):
    check(UNARY[name][0], rand(*shape))


COMPLEX = ['vstack', 'hstack', 'column_stack', 'block_2d', 'split_indices_axis', 'split_unsorted_indices',
           'unstack', 'tile_longer_reps', 'repeat_each', 'repeat_axis', 'resize_larger', 'roll_tuple',
           'rot90_k_axes', 'tril_k', 'diag_vector_to_matrix', 'diag_matrix_to_vector_k',
           'diagonal_offset_axes', 'trace_offset_axes', 'delete_axis', 'insert_traced_axis']


@pytest.mark.parametrize('name', COMPLEX)
def test_unary_complex(name):
    fun, shapes = UNARY[name]
    check(fun, rand(*shapes[-1], dtype=complex))


# Padding: every differentiable mode, with the pad_width forms int, pair and per axis.
PAD_WIDTHS = {'int': 2, 'pair': (1, 3), 'per_axis': ((0, 2), (3, 1), (1, 0))}
PAD_MODES = {
    'constant': {},
    'constant_values': {'constant_values': ((1.5, -2.0), (0.5, 3.0), (7.0, 1.0))},
    'edge': {},
    'linear_ramp': {},
    'linear_ramp_end_values': {'end_values': (4.0, -1.0)},
    'maximum': {},
    'minimum': {'stat_length': 2},
    'mean': {},
    'mean_stat_length': {'stat_length': ((1, 2), (2, 1), (3, 3))},
    'median': {},
    'median_stat_length': {'stat_length': (1, 2)},
    'reflect': {},
    'reflect_odd': {'reflect_type': 'odd'},
    'symmetric': {},
    'symmetric_odd': {'reflect_type': 'odd'},
    'wrap': {},
}


PAD_BASE_MODES = {'constant_values': 'constant', 'linear_ramp_end_values': 'linear_ramp',
                  'mean_stat_length': 'mean', 'median_stat_length': 'median', 'reflect_odd': 'reflect',
                  'symmetric_odd': 'symmetric'}


def _pad_args(mode, width, ndim):
    """(pad_width, mode, kwargs) of a table entry, its per-axis forms cut down to ``ndim`` axes."""
    def cut(value):
        return value[:ndim] if onp.ndim(value) == 2 else value
    kwargs = {key: cut(value) for key, value in PAD_MODES[mode].items()}
    return cut(width), PAD_BASE_MODES.get(mode, mode), kwargs


@pytest.mark.parametrize('width', sorted(PAD_WIDTHS))
@pytest.mark.parametrize('mode', sorted(PAD_MODES))
@pytest.mark.parametrize('shape', [S1, (3, 2), (2, 3, 4)], ids=['1d', '2d', '3d'])
def test_pad(mode, width, shape):
    x = rand(*shape)
    pad_width, base_mode, kwargs = _pad_args(mode, PAD_WIDTHS[width], len(shape))

    def fun(x):
        return np.pad(x, pad_width, base_mode, **kwargs)
    check(fun, x)
    traced_value = make_jvp(fun)(x)(onp.zeros(shape))[0]
    onp.testing.assert_array_equal(traced_value, onp.pad(x, pad_width, base_mode, **kwargs))


@pytest.mark.parametrize('mode', ['constant_values', 'linear_ramp_end_values', 'mean', 'reflect_odd', 'wrap'])
def test_pad_complex(mode):
    pad_width, base_mode, kwargs = _pad_args(mode, PAD_WIDTHS['per_axis'], 2)
    check(lambda x: np.pad(x, pad_width, base_mode, **kwargs), rand(3, 2, dtype=complex))


@pytest.mark.parametrize('mode', ['constant', 'edge', 'reflect', 'maximum', 'mean'])
def test_pad_zero_dimensional_and_wide(mode):
    check(lambda x: np.pad(x, 2, mode), rand())
    check(lambda x: np.pad(x, (7, 9), mode), rand(3))  # wider than the array: NumPy pads in several rounds


def test_pad_mode_positional_and_default():
    check(lambda x: np.pad(x, 1), rand(2, 2))
    check(lambda x: np.pad(x, [(1, 0)] * 2, 'symmetric', reflect_type='odd'), rand(2, 3))


@pytest.mark.parametrize('mode', ['empty', lambda vector, width, axis, kwargs: None],
                         ids=['empty', 'callable'])
def test_pad_refuses_undifferentiable_modes(mode):
    with pytest.raises(TypeError, match='cannot differentiate mode'):
        grad(lambda x: np.sum(np.pad(x, 1, mode)))(rand(3))


def test_pad_untraced_is_numpy():
    x = rand(3, 2)
    for mode in ['empty', 'median', 'reflect']:
        assert np.pad(x, 1, mode).shape == (5, 4)
    onp.testing.assert_array_equal(np.pad(x, 2, 'median'), onp.pad(x, 2, 'median'))


# Functions of several arrays: name -> (function, argument shapes for each case).
NARY = {
    'vstack_pair': (lambda x, y: np.vstack([x, y]), [(S1, S1), (S2, (1, 4)), (S3, (1, 3, 4))]),
    'hstack_pair': (lambda x, y: np.hstack((x, y)), [(S0, S0), (S1, (2,)), (S2, (3, 1))]),
    'column_stack_pair': (lambda x, y: np.column_stack([x, y]), [(S1, S1), (S2, (3,))]),
    'append_pair': (lambda x, y: np.append(x, y, axis=-1), [(S1, (2,)), (S2, (3, 2))]),
    'block_pair': (lambda x, y: np.block([[x], [y]]), [(S1, S1), (S2, (2, 4))]),
    'broadcast_arrays': (lambda x, y: np.broadcast_arrays(x, y), [(S0, S1), (S2, S1), ((2, 1, 4), (3, 1))]),
    'broadcast_arrays_unpacked': (lambda x, y: _product_of_parts(np.broadcast_arrays(x, y, 2.0)),
                                  [(S0, S1), (S2, S1)]),
    'meshgrid_xy': (lambda x, y: np.meshgrid(x, y), [(S1, (3,)), (S0, (2,))]),
    'meshgrid_ij_three': (lambda x, y: np.meshgrid(x, y, x, indexing='ij'), [((2,), (3,))]),
    'meshgrid_sparse': (lambda x, y: np.meshgrid(x, y, sparse=True), [(S1, (3,))]),
    'meshgrid_matrices_in': (lambda x, y: np.meshgrid(x, y, indexing='xy')[1] * 2.0, [((2, 2), (3,))]),
    'atleast_1d_several': (lambda x, y: np.atleast_1d(x, y), [(S0, S1), (S2, S0)]),
    'atleast_2d_several': (lambda x, y: np.atleast_2d(x, y), [(S0, S1), (S1, S3)]),
    'atleast_3d_several': (lambda x, y: np.atleast_3d(y, x)[1], [(S0, S1), (S2, S1)]),
    'insert_both': (lambda x, y: np.insert(x, [1, 1], y, axis=0), [(S1, (2,)), (S2, (2, 4)), (S2, (1, 4))]),
    'insert_scalar_index': (lambda x, y: np.insert(x, 1, y, axis=1), [(S2, (3,)), (S2, S0), (S3, (2, 4))]),
}


def _nary_params():
    return [pytest.param(name, shapes, id='{}-{}'.format(name, '-'.join('x'.join(map(str, s)) or '0d'
                                                                      for s in shapes)))
            for name in sorted(NARY) for shapes in NARY[name][1]]


@pytest.mark.parametrize('name, shapes', _nary_params())
def test_nary(name, shapes):
    check(NARY[name][0], *[rand(*shape) for shape in shapes])


@pytest.mark.parametrize('name', ['vstack_pair', 'broadcast_arrays', 'meshgrid_xy', 'insert_both'])
def test_nary_complex(name):
    shapes = NARY[name][1][-1]
    check(NARY[name][0], rand(*shapes[0], dtype=complex), rand(*shapes[1], dtype=complex))


@pytest.mark.parametrize('name', ['vstack_pair', 'broadcast_arrays', 'meshgrid_xy'])
def test_nary_mixed_real_and_complex(name):
    shapes = NARY[name][1][-1]
    check(NARY[name][0], rand(*shapes[0]), rand(*shapes[1], dtype=complex))


def test_split_gradient_flows_through_unpacking():
    def fun(x):
        first, second = np.split(x, 2)
        return np.sum(first * 2.0) + np.sum(second ** 2)
    x = rand(4)
    onp.testing.assert_allclose(grad(fun)(x), onp.concatenate([[2.0, 2.0], 2 * x[2:]]))


def test_split_pieces_that_overlap_add_up():
    # Pieces x[:3], x[3:1] (empty) and x[1:] share x[1] and x[2]: their gradients add.
    gradient = grad(lambda x: sum(np.sum(piece) for piece in np.split(x, [3, 1])))(rand(4))
    onp.testing.assert_array_equal(gradient, [1.0, 2.0, 2.0, 1.0])


def test_repeat_gradient_counts_copies():
    gradient = grad(lambda x: np.sum(np.repeat(x, [2, 0, 3])))(rand(3))
    onp.testing.assert_array_equal(gradient, [2.0, 0.0, 3.0])


def test_joining_dtype():
    x = rand(2)
    assert np.vstack([x, x], dtype=onp.float32).dtype == onp.float32
    check(lambda x: np.hstack([x, x], dtype=complex) * 1j, x)
    with pytest.raises(TypeError, match='Cannot cast'):
        grad(lambda x: np.sum(np.vstack([x, x], dtype=onp.int64, casting='safe')))(x)


def test_block_refuses_what_numpy_refuses():
    x = rand(2)
    with pytest.raises(TypeError, match='tuple'):
        grad(lambda x: np.sum(np.block((x, x))))(x)
    with pytest.raises(ValueError, match='same depth'):
        grad(lambda x: np.sum(np.block([[x], x])))(x)
    with pytest.raises(ValueError, match='empty'):
        grad(lambda x: np.sum(np.block([x, []])))(x)


def test_resize_of_empty_has_zero_gradient():
    assert grad(lambda x: np.sum(np.resize(x, (3,)) + x.sum()))(onp.zeros(0)).shape == (0,)
