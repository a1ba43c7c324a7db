"""numpy.fft: every transform against finite differences on 1-D, 2-D and 3-D inputs, odd and even
lengths, padding and cutting (n, s), axes and the three normalisations."""
import numpy as onp
import pytest

import autograd.numpy as np
import autograd.numpy.derivatives.fft  # noqa: F401 (registers the rules until derivatives/__init__ does)
from autograd import grad

from .util import check, rand

ONE_D_CASES = [
    ((5,), {}),
    ((6,), {'n': 4}),
    ((5,), {'n': 8, 'norm': 'ortho'}),
    ((4,), {'norm': 'forward'}),
    ((4,), {'n': 10, 'norm': 'ortho'}),
    ((3, 5), {'axis': 0, 'n': 4, 'norm': 'ortho'}),
    ((3, 4), {'n': 7, 'norm': 'backward'}),
    ((2, 3, 4), {'axis': 1, 'norm': 'forward'}),
    ((2, 3, 5), {'axis': -3, 'n': 3}),
]
N_D_CASES = [
    ((5,), {}),
    ((3, 4), {}),
    ((3, 4), {'s': (5, 3), 'axes': (0, 1)}),
    ((2, 3, 4), {'norm': 'ortho'}),
    ((2, 3, 4), {'axes': (0, 2), 'norm': 'ortho'}),
    ((2, 3, 5), {'s': (4, -1), 'axes': (-1, 0), 'norm': 'forward'}),
    ((2, 3, 4), {'s': (2, 7), 'axes': (1, 2)}),
    ((2, 3), {'s': (4, 9), 'axes': (0, 1), 'norm': 'forward'}),
]
TWO_D_CASES = [
    ((3, 4), {}),
    ((3, 5), {'s': (4, 4), 'norm': 'forward'}),
    ((2, 3, 4), {'axes': (0, 2), 'norm': 'ortho'}),
    ((2, 3, 5), {'s': (3, 2), 'axes': (-1, -3)}),
]

COMPLEX_INPUT = {'fft': np.fft.fft, 'ifft': np.fft.ifft, 'irfft': np.fft.irfft, 'hfft': np.fft.hfft}
REAL_INPUT = {'rfft': np.fft.rfft, 'ihfft': np.fft.ihfft}
COMPLEX_INPUT_N = {'fftn': np.fft.fftn, 'ifftn': np.fft.ifftn, 'irfftn': np.fft.irfftn}
COMPLEX_INPUT_2 = {'fft2': np.fft.fft2, 'ifft2': np.fft.ifft2, 'irfft2': np.fft.irfft2}


def case_id(case):
    shape, kwargs = case
    return 'x'.join(map(str, shape)) + ''.join('-{}={}'.format(k, v) for k, v in kwargs.items())


def run(fun, shape, kwargs, dtype):
    check(lambda x: fun(x, **kwargs), rand(*shape, dtype=dtype))


@pytest.mark.parametrize('case', ONE_D_CASES, ids=case_id)
@pytest.mark.parametrize('name', sorted(COMPLEX_INPUT))
@pytest.mark.parametrize('dtype', [complex, float])
def test_one_d(name, case, dtype):
    run(COMPLEX_INPUT[name], *case, dtype)


@pytest.mark.parametrize('case', ONE_D_CASES, ids=case_id)
@pytest.mark.parametrize('name', sorted(REAL_INPUT))
def test_one_d_real_input(name, case):
    run(REAL_INPUT[name], *case, float)


@pytest.mark.parametrize('case', N_D_CASES, ids=case_id)
@pytest.mark.parametrize('name', sorted(COMPLEX_INPUT_N))
@pytest.mark.parametrize('dtype', [complex, float])
def test_n_d(name, case, dtype):
    run(COMPLEX_INPUT_N[name], *case, dtype)


@pytest.mark.parametrize('case', N_D_CASES, ids=case_id)
def test_rfftn(case):
    run(np.fft.rfftn, *case, float)


@pytest.mark.parametrize('case', TWO_D_CASES, ids=case_id)
@pytest.mark.parametrize('name', sorted(COMPLEX_INPUT_2))
@pytest.mark.parametrize('dtype', [complex, float])
def test_two_d(name, case, dtype):
    run(COMPLEX_INPUT_2[name], *case, dtype)


@pytest.mark.parametrize('case', TWO_D_CASES, ids=case_id)
def test_rfft2(case):
    run(np.fft.rfft2, *case, float)


def test_positional_arguments():
    x = rand(3, 6, dtype=complex)
    check(lambda x: np.fft.fft(x, 4, 0, 'ortho'), x)
    check(lambda x: np.fft.irfft(x, 9, 1, 'forward'), x)
    check(lambda x: np.fft.fftn(x, (2, 5), (1, 0), 'ortho'), x)
    check(lambda x: np.fft.irfft2(x, (4, 5), (0, 1), 'forward'), x)


@pytest.mark.parametrize('axes', [None, 0, -1, (0, 2)], ids=str)
@pytest.mark.parametrize('name', ['fftshift', 'ifftshift'])
def test_shifts(name, axes):
    fun = getattr(np.fft, name)
    check(lambda x: fun(x, axes), rand(3, 4, 5))
    check(lambda x: fun(x, axes=axes), rand(3, 4, 5, dtype=complex))
    check(fun, rand(5))


@pytest.mark.parametrize('name', ['fftfreq', 'rfftfreq'])
def test_frequencies_depend_on_spacing(name):
    fun = getattr(np.fft, name)
    check(lambda d: fun(7, d), 0.3)
    check(lambda d: fun(8, d) * fun(8, 2 * d), 1.7)
    assert onp.allclose(grad(lambda d: np.sum(fun(6, d)))(0.5), -onp.sum(getattr(onp.fft, name)(6, 0.5)) / 0.5)


def test_parseval():
    x = rand(6)
    assert onp.allclose(grad(lambda x: np.sum(np.abs(np.fft.fft(x)) ** 2))(x), 2 * 6 * x)
    z = rand(2, 3, dtype=complex)
    assert onp.allclose(grad(lambda z: np.sum(np.abs(np.fft.ifftn(z, norm='ortho')) ** 2))(z), 2 * onp.conj(z))


ROUND_TRIPS = {
    'fftn': lambda x: np.real(np.fft.ifftn(np.fft.fftn(x))),
    'rfftn': lambda x: np.fft.irfftn(np.fft.rfftn(x), x.shape, (0, 1)),
    'rfft': lambda x: np.fft.irfft(np.fft.rfft(x, norm='ortho'), x.shape[-1], norm='ortho'),
    'ihfft': lambda x: np.fft.hfft(np.fft.ihfft(x), x.shape[-1]),
}


@pytest.mark.parametrize('name', sorted(ROUND_TRIPS))
def test_round_trip_is_identity(name):
    x = rand(3, 7)
    assert onp.allclose(grad(lambda x: np.sum(ROUND_TRIPS[name](x) * x))(x), 2 * x)


def test_repeated_axes_are_refused():
    with pytest.raises(ValueError, match='repeated axes'):
        grad(lambda x: np.sum(np.real(np.fft.fftn(x, axes=(0, 0)))))(rand(3, 4))
