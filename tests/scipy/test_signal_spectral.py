"""stft, istft, csd, welch, coherence and periodogram: every output against SciPy's, and derivatives in the signals, an
array window and fs against finite differences (both modes, order 2), along either axis, real and complex."""
import warnings

import numpy as onp
import pytest
import scipy.signal

import autograd.scipy.signal as S

from ..numpy.util import check, ids, rand

# Segments that overlap or not, padded FFTs, odd lengths (no Nyquist bin), detrending, both scalings,
# both sides, the median, an array window.
DENSITY_OPTIONS = [dict(nperseg=8), dict(nperseg=8, noverlap=2, nfft=10), dict(nperseg=7, detrend='linear'),
                   dict(nperseg=8, scaling='spectrum', detrend=False), dict(nperseg=8, average='median'),
                   dict(nperseg=9, return_onesided=False), dict(window=onp.hanning(8) + 0.1)]
STFT_OPTIONS = [dict(nperseg=8), dict(nperseg=8, noverlap=2, nfft=10), dict(nperseg=7, boundary='even'),
                dict(nperseg=8, boundary=None, padded=False, detrend='constant'),
                dict(nperseg=8, boundary='odd', scaling='psd', fs=2.0), dict(nperseg=9, return_onesided=False)]
# (shape of the signal, axis, dtype)
SIGNALS = [((20,), -1, float), ((13, 2), 0, float), ((18,), -1, complex)]


@pytest.fixture(autouse=True)
def quiet():
    with warnings.catch_warnings():  # complex input switches to two-sided spectra, with a warning
        warnings.simplefilter('ignore')
        yield


def assert_all_close(got, expected):
    for g, e in zip(got, expected):
        assert onp.shape(g) == onp.shape(e)
        onp.testing.assert_allclose(g, e, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize('shape, axis, dtype', SIGNALS, ids=ids)
@pytest.mark.parametrize('options', DENSITY_OPTIONS, ids=ids)
def test_welch_and_csd(options, shape, axis, dtype):
    x, y = rand(*shape, dtype=dtype), rand(*shape)
    assert_all_close(S.welch(x, axis=axis, **options), scipy.signal.welch(x, axis=axis, **options))
    assert_all_close(S.csd(x, y, axis=axis, **options), scipy.signal.csd(x, y, axis=axis, **options))
    check(lambda x: S.welch(x, axis=axis, **options)[1], x)
    check(lambda x, y: S.csd(x, y, axis=axis, **options)[1], x, y, order=1)


@pytest.mark.parametrize('shape, axis', [((20,), -1), ((13, 2), 0)], ids=ids)
def test_coherence(shape, axis):
    x, y = rand(*shape), rand(*shape)
    assert_all_close(S.coherence(x, y, nperseg=8, axis=axis), scipy.signal.coherence(x, y, nperseg=8, axis=axis))
    check(lambda x, y: S.coherence(x, y, nperseg=8, axis=axis)[1], x, y)


def test_densities_in_the_window_and_fs():
    x, window = rand(16), onp.hanning(6) + 0.1
    check(lambda window, fs: S.welch(x, fs=fs, window=window)[1], window, 2.0)


@pytest.mark.parametrize('options', [dict(), dict(nfft=24), dict(nfft=10), dict(window='hann', scaling='spectrum')],
                         ids=ids)
def test_periodogram(options):
    x = rand(3, 16)
    assert_all_close(S.periodogram(x, **options), scipy.signal.periodogram(x, **options))
    assert_all_close(S.periodogram(x.T, axis=0, **options), scipy.signal.periodogram(x.T, axis=0, **options))
    check(lambda x: S.periodogram(x, **options)[1], x)


@pytest.mark.parametrize('shape, axis, dtype', SIGNALS, ids=ids)
@pytest.mark.parametrize('options', STFT_OPTIONS, ids=ids)
def test_stft_and_istft(options, shape, axis, dtype):
    x = rand(*shape, dtype=dtype)
    assert_all_close(S.stft(x, axis=axis, **options), scipy.signal.stft(x, axis=axis, **options))
    check(lambda x: S.stft(x, axis=axis, **options)[2], x, order=1)
    transform = scipy.signal.stft(x, axis=axis, **options)[2]
    inverse = {k: v for k, v in options.items() if k in ('nperseg', 'noverlap', 'nfft', 'scaling', 'fs')}
    inverse.update(input_onesided=options.get('return_onesided', True) and dtype is float,
                   boundary=options.get('boundary', 'zeros') is not None,
                   time_axis=-1, freq_axis=axis if axis >= 0 else axis - 1)
    assert_all_close(S.istft(transform, **inverse), scipy.signal.istft(transform, **inverse))
    check(lambda z: S.istft(z, **inverse)[1], transform, order=1)


def test_istft_inverts_stft_through_the_derivative():
    x = rand(24)
    check(lambda x: S.istft(S.stft(x, nperseg=8)[2], nperseg=8)[1], x)


@pytest.mark.parametrize('call_bad, message', [
    (lambda: S.welch(rand(20), nperseg=8, noverlap=8), 'need nfft >= nperseg > noverlap'),
    (lambda: S.welch(rand(20), nperseg=8, scaling='power'), "scaling must be 'density' or 'spectrum'"),
    (lambda: S.welch(rand(20), nperseg=8, average='mode'), "average must be 'mean' or 'median'"),
    (lambda: S.stft(rand(20), boundary='wrap'), 'boundary must be'),
    (lambda: S.istft(rand(9)), 'at least two dimensions'),
    (lambda: S.csd(rand(20), rand(20), window=rand(2, 4)), 'window must be a name or a 1-D array'),
])
def test_bad_input_is_refused_by_name(call_bad, message):
    with pytest.raises(ValueError, match=message):
        call_bad()
