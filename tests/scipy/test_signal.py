"""autograd.scipy.signal: values against SciPy's, derivatives against finite differences (both modes, order
2), for every mode, 1-d to 3-d, either argument the larger, real and complex."""
import numpy as onp
import pytest
import scipy.signal

import autograd.numpy as np
import autograd.scipy.signal as S
from autograd import grad

from ..numpy.util import check, rand

MODES = ['full', 'valid', 'same']
# Even and odd lengths (the 'same' window's centring differs), either argument the larger.
SHAPE_PAIRS = [((), ()), ((5,), (3,)), ((3,), (4,)), ((2,), (6,)), ((4,), (4,)), ((4, 5), (2, 3)), ((2, 3), (4, 4)),
               ((3, 4, 2), (2, 2, 2)), ((4, 3), (4, 1))]
DTYPES = [(float, float), (complex, complex), (float, complex)]


def ids(value):
    if isinstance(value, tuple) and all(isinstance(v, type) for v in value):
        return '-'.join(v.__name__ for v in value)
    return repr(value)


def valid_mode_possible(mode, shape1, shape2):
    n = len(shape1)
    return mode != 'valid' or all(shape1[i] >= shape2[i] for i in range(n)) or all(
        shape2[i] >= shape1[i] for i in range(n))


def cases(shape_pairs):
    return [(mode, pair) for mode in MODES for pair in shape_pairs if valid_mode_possible(mode, *pair)]


@pytest.mark.parametrize('dtypes', DTYPES, ids=ids)
@pytest.mark.parametrize('mode, shapes', cases(SHAPE_PAIRS), ids=ids)
@pytest.mark.parametrize('name', ['convolve', 'correlate'])
def test_nd(name, mode, shapes, dtypes):
    x, y = rand(*shapes[0], dtype=dtypes[0]), rand(*shapes[1], dtype=dtypes[1])
    fun = getattr(S, name)
    for method in ['direct', 'fft', 'auto']:
        onp.testing.assert_allclose(fun(x, y, mode, method), getattr(scipy.signal, name)(x, y, mode, method),
                                    atol=1e-12)
    check(lambda x, y: fun(x, y, mode), x, y)


@pytest.mark.parametrize('method', ['direct', 'fft'])
@pytest.mark.parametrize('name', ['convolve', 'correlate'])
def test_method_by_keyword(name, method):
    fun = getattr(S, name)
    check(lambda x, y: fun(x, y, mode='same', method=method), rand(4, 3), rand(2, 2))


SHAPE_PAIRS_2D = [((4, 5), (2, 3)), ((3, 3), (3, 3)), ((2, 3), (4, 4)), ((5, 4), (3, 2))]


@pytest.mark.parametrize('fillvalue', [0, 1.5])
@pytest.mark.parametrize('dtypes', DTYPES, ids=ids)
@pytest.mark.parametrize('mode, shapes', cases(SHAPE_PAIRS_2D), ids=ids)
@pytest.mark.parametrize('name', ['convolve2d', 'correlate2d'])
def test_2d(name, mode, shapes, dtypes, fillvalue):
    x, y = rand(*shapes[0], dtype=dtypes[0]), rand(*shapes[1], dtype=dtypes[1])
    fun = getattr(S, name)
    onp.testing.assert_allclose(fun(x, y, mode, 'fill', fillvalue),
                                getattr(scipy.signal, name)(x, y, mode, 'fill', fillvalue), atol=1e-12)
    check(lambda x, y: fun(x, y, mode, fillvalue=fillvalue), x, y)


@pytest.mark.parametrize('boundary', ['wrap', 'symm'])
@pytest.mark.parametrize('name', ['convolve2d', 'correlate2d'])
def test_2d_other_boundaries_compute_but_refuse_to_differentiate(name, boundary):
    x, y = rand(4, 4), rand(2, 3)
    fun = getattr(S, name)
    onp.testing.assert_array_equal(fun(x, y, 'same', boundary), getattr(scipy.signal, name)(x, y, 'same', boundary))
    with pytest.raises(NotImplementedError, match="boundary='fill'"):
        grad(lambda x: np.sum(fun(x, y, 'same', boundary)))(x)


def test_2d_functions_refuse_other_dimensions():
    with pytest.raises(ValueError, match='2-D'):
        S.convolve2d(rand(3), rand(2))


def test_gradient_of_an_integer_kernel_convolution():
    kernel = onp.array([1, 2, 1])
    x = rand(6)
    g = grad(lambda x: np.sum(S.convolve(x, kernel, 'same') ** 2))(x)
    onp.testing.assert_allclose(g, 2 * onp.convolve(onp.convolve(x, kernel, 'same'), kernel[::-1], 'same'))


# HIPS Autograd's tensor convolution: convolve some axes, sum over paired dot_axes, keep the others.
def naive_tensor_convolve(a, b, conv, dots, mode):
    """The same by loops: move axes to (kept, dot, convolved), convolve every pair with SciPy, sum over dots."""
    keep_a = [i for i in range(a.ndim) if i not in conv[0] + dots[0]]
    keep_b = [i for i in range(b.ndim) if i not in conv[1] + dots[1]]
    a = onp.transpose(a, keep_a + dots[0] + conv[0])
    b = onp.transpose(b, keep_b + dots[1] + conv[1])
    ka, kb, nd = a.shape[:len(keep_a)], b.shape[:len(keep_b)], len(dots[0])
    out = None
    for i in onp.ndindex(*ka):
        for j in onp.ndindex(*kb):
            dots_shape = a.shape[len(ka):len(ka) + nd]
            total = sum(scipy.signal.convolve(a[i][d], b[j][d], mode) for d in onp.ndindex(*dots_shape))
            if out is None:
                out = onp.zeros(ka + kb + onp.shape(total))
            out[i + j] = total
    return out


TENSOR_CASES = [((3, 5), (3, 4), ([1], [0]), ([], [])), ((3, 5), (3, 4), ([], []), ([0], [0])),
                ((3, 5), (3, 4, 2), ([1], [2]), ([0], [0])),
                ((2, 5, 4, 3), (2, 4, 2, 3, 2), ([1, 2], [2, 4]), ([0, 3], [0, 3])),
                ((4, 3), (3, 2), ([0, 1], [0, 1]), ([], []))]


@pytest.mark.parametrize('mode', ['full', 'valid'])
@pytest.mark.parametrize('shape_a, shape_b, axes, dot_axes', TENSOR_CASES, ids=repr)
def test_tensor_convolve(shape_a, shape_b, axes, dot_axes, mode):
    a, b = rand(*shape_a), rand(*shape_b)
    expected = naive_tensor_convolve(a, b, axes, dot_axes, mode)
    onp.testing.assert_allclose(S.convolve(a, b, axes=axes, dot_axes=dot_axes, mode=mode), expected, atol=1e-12)
    onp.testing.assert_allclose(S.convolve(a, b, axes, dot_axes, mode), expected, atol=1e-12)  # HIPS's order
    if a.size * b.size < 200:
        check(lambda a, b: S.convolve(a, b, axes=axes, dot_axes=dot_axes, mode=mode), a, b)


def test_tensor_convolve_same_mode_and_bad_axes():
    a, b = rand(3, 6), rand(4, 3)
    same = S.convolve(a, b, axes=([1], [1]), mode='same')
    assert same.shape == (3, 4, 6)
    onp.testing.assert_allclose(same[1, 2], scipy.signal.convolve(a[1], b[2], 'same'), atol=1e-12)
    check(lambda a, b: S.convolve(a, b, axes=([1], [1]), mode='same'), a, b)
    with pytest.raises(ValueError, match='equal lengths'):
        S.convolve(a, b, axes=([1], [1]), dot_axes=([0], [0]))
