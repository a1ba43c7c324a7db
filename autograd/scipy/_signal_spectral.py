"""SciPy's short-time Fourier analysis, written with traced functions: ``stft``, ``istft``, ``csd``,
``welch``, ``coherence`` and ``periodogram``.

Each cuts the signal into windowed segments (one integer-array index), detrends them, and takes traced
FFTs: ``stft`` is linear in the signal, ``istft`` (an overlap-add of inverse FFTs, divided by the summed
squared window) is linear in the transform, and the spectral densities are products of two such
transforms averaged over segments. So all differentiate, to any order and in both modes, in the signal
and in an array ``window``; ``fs`` enters only the scaling and is differentiated there too. Frequencies
and times are plain arrays, as SciPy's. ``average='median'`` differentiates where the median is not tied.
"""
import inspect
import warnings

import numpy as _np
import scipy.signal as _source

from ..engine import getval
from ..numpy import fft as _fft, wrapper as anp
from ..numpy.derivatives.helpers import is_complex, shape_of
from ._signal_detrend import detrend as _detrend
from ._signal_filters import _extend

__all__ = ['stft', 'istft', 'csd', 'welch', 'coherence', 'periodogram']

_DEFAULT_WINDOW = inspect.signature(_source.welch).parameters['window'].default


def _window(name, window, nperseg, length, like):
    """The window as an array and its length: SciPy's named window of ``nperseg`` samples (256 by
    default, at most the signal's length) on the array library of ``like``, or the array given."""
    if isinstance(window, (str, tuple)):
        nperseg = 256 if nperseg is None else int(nperseg)
        if nperseg < 1:
            raise ValueError("{}: nperseg must be a positive integer, got {}".format(name, nperseg))
        if nperseg > length:
            warnings.warn("{}: nperseg = {} is greater than the signal's length {}, using nperseg = {}".format(
                name, nperseg, length, length), stacklevel=3)
            nperseg = length
        return anp.on_backend_of(like, _source.get_window(window, nperseg)), nperseg
    if len(shape_of(window)) != 1 or (nperseg is not None and int(nperseg) != shape_of(window)[0]):
        raise ValueError("{}: window must be a name or a 1-D array of nperseg samples, got shape {} with "
                         "nperseg={}".format(name, shape_of(window), nperseg))
    return window, shape_of(window)[0]


def _hop(name, nperseg, noverlap, nfft):
    """``noverlap`` and ``nfft`` with SciPy's defaults, checked against ``nperseg``."""
    nfft = nperseg if nfft is None else int(nfft)
    noverlap = nperseg // 2 if noverlap is None else int(noverlap)
    if nfft < nperseg or noverlap >= nperseg:
        raise ValueError("{}: need nfft >= nperseg > noverlap, got nfft={}, nperseg={}, noverlap={}".format(
            name, nfft, nperseg, noverlap))
    return noverlap, nfft


def _scale(name, scaling, win, fs):
    if scaling == 'density':
        return 1.0 / (fs * anp.sum(win * win))
    if scaling == 'spectrum':
        return 1.0 / anp.sum(win) ** 2
    raise ValueError("{}: scaling must be 'density' or 'spectrum', got {!r}".format(name, scaling))


def _detrended(segments, detrend):
    if detrend is False or detrend is None:
        return segments
    if callable(detrend):
        return detrend(segments)
    return _detrend(segments, axis=-1, type=detrend)


def _segment_ffts(x, win, nperseg, hop, nfft, detrend, onesided):
    """The FFT of each detrended, windowed segment of ``x`` (along its last axis): (..., segments, freqs)."""
    count = (shape_of(x)[-1] - nperseg) // hop + 1
    segments = win * _detrended(x[..., _np.arange(count)[:, None] * hop + _np.arange(nperseg)], detrend)
    if onesided:
        return _fft.rfft(anp.real(segments), n=nfft, axis=-1)
    return _fft.fft(segments, n=nfft, axis=-1)


def _frequencies(nfft, fs, onesided):
    spacing = 1.0 / float(getval(fs))
    return _np.fft.rfftfreq(nfft, spacing) if onesided else _np.fft.fftfreq(nfft, spacing)


def _onesided(name, return_onesided, *signals):
    if return_onesided and any(is_complex(s) for s in signals):
        warnings.warn("{}: input data is complex, switching to return_onesided=False".format(name), stacklevel=3)
        return False
    return return_onesided


def _pad_end(x, length):
    return anp.pad(x, [(0, 0)] * (len(shape_of(x)) - 1) + [(0, length - shape_of(x)[-1])])


def stft(x, fs=1.0, window=_DEFAULT_WINDOW, nperseg=256, noverlap=None, nfft=None, detrend=False,
         return_onesided=True, boundary='zeros', padded=True, axis=-1, scaling='spectrum'):
    if scaling not in ('spectrum', 'psd'):
        raise ValueError("stft: scaling must be 'spectrum' or 'psd', got {!r}".format(scaling))
    if boundary not in ('zeros', 'even', 'odd', 'constant', None):
        raise ValueError("stft: boundary must be 'zeros', 'even', 'odd', 'constant' or None, got {!r}".format(
            boundary))
    x = anp.moveaxis(x, axis, -1)
    win, nperseg = _window('stft', window, nperseg, shape_of(x)[-1], x)
    noverlap, nfft = _hop('stft', nperseg, noverlap, nfft)
    hop, edge = nperseg - noverlap, nperseg // 2
    if boundary == 'zeros':
        x = anp.pad(_pad_end(x, shape_of(x)[-1] + edge), [(0, 0)] * (len(shape_of(x)) - 1) + [(edge, 0)])
    elif boundary is not None:
        x = _extend('stft', x, boundary, edge)[0]
    if padded:
        x = _pad_end(x, shape_of(x)[-1] + (-(shape_of(x)[-1] - nperseg) % hop) % nperseg)
    onesided = _onesided('stft', return_onesided, x)
    scale = anp.sqrt(_scale('stft', 'density' if scaling == 'psd' else 'spectrum', win, fs))
    transform = _segment_ffts(x, win, nperseg, hop, nfft, detrend, onesided) * scale
    times = _np.arange(nperseg / 2, shape_of(x)[-1] - nperseg / 2 + 1, hop) / float(getval(fs))
    if boundary is not None:
        times = times - (nperseg / 2) / float(getval(fs))
    return _frequencies(nfft, fs, onesided), times, anp.moveaxis(transform, -1, axis if axis >= 0 else axis - 1)


def _overlap_add(frames, hop):
    """The sum of ``frames[..., k, :]`` placed ``k * hop`` samples apart."""
    count, size = shape_of(frames)[-2:]
    length = size + (count - 1) * hop
    rest = [(0, 0)] * (len(shape_of(frames)) - 2)
    return sum(anp.pad(frames[..., k, :], rest + [(k * hop, length - k * hop - size)]) for k in range(count))


def istft(Zxx, fs=1.0, window=_DEFAULT_WINDOW, nperseg=None, noverlap=None, nfft=None, input_onesided=True,
          boundary=True, time_axis=-1, freq_axis=-2, scaling='spectrum'):
    ndim = len(shape_of(Zxx))
    if ndim < 2 or time_axis % ndim == freq_axis % ndim:
        raise ValueError("istft: Zxx must have at least two dimensions and time_axis must differ from "
                         "freq_axis, got shape {}, time_axis={}, freq_axis={}".format(shape_of(Zxx), time_axis,
                                                                                     freq_axis))
    time_axis, freq_axis = time_axis % ndim, freq_axis % ndim
    outer = [i for i in range(ndim) if i not in (time_axis, freq_axis)]
    Zxx = anp.transpose(Zxx, outer + [time_axis, freq_axis])
    bins = shape_of(Zxx)[-1]
    default = 2 * (bins - 1) if input_onesided else bins
    nperseg = default if nperseg is None else int(nperseg)
    if nfft is None:
        nfft = nperseg if input_onesided and nperseg == default + 1 else default
    win, nperseg = _window('istft', window, nperseg, nperseg, Zxx)
    noverlap, nfft = _hop('istft', nperseg, noverlap, nfft)
    inverse = _fft.irfft if input_onesided else _fft.ifft
    frames = inverse(Zxx, n=nfft, axis=-1)[..., :nperseg]
    if scaling == 'spectrum':
        frames = frames * anp.sum(win)
    elif scaling == 'psd':
        frames = frames * anp.sqrt(fs * anp.sum(win ** 2))
    else:
        raise ValueError("istft: scaling must be 'spectrum' or 'psd', got {!r}".format(scaling))
    hop = nperseg - noverlap
    x = _overlap_add(frames * win, hop)
    norm = _overlap_add(anp.broadcast_to(win ** 2, (shape_of(frames)[-2], nperseg)), hop)
    if boundary:
        x, norm = x[..., nperseg // 2:-(nperseg // 2)], norm[nperseg // 2:-(nperseg // 2)]
    positive = getval(norm) > 1e-10
    if not _np.all(positive):
        warnings.warn("istft: NOLA condition failed, STFT may not be invertible", stacklevel=2)
    x = x / anp.where(positive, norm, 1.0)
    if len(shape_of(x)) > 1 and time_axis != ndim - 1:
        x = anp.moveaxis(x, -1, time_axis - 1 if freq_axis < time_axis else time_axis)
    return _np.arange(shape_of(x)[0]) / float(getval(fs)), x


def csd(x, y, fs=1.0, window=_DEFAULT_WINDOW, nperseg=None, noverlap=None, nfft=None, detrend='constant',
        return_onesided=True, scaling='density', axis=-1, average='mean'):
    same = y is x
    x, y = anp.moveaxis(x, axis, -1), anp.moveaxis(y, axis, -1)
    n = max(shape_of(x)[-1], shape_of(y)[-1])
    x, y = _pad_end(x, n), _pad_end(y, n)
    win, nperseg = _window('csd', window, nperseg, n, anp.foreign_array((x, y)))
    noverlap, nfft = _hop('csd', nperseg, noverlap, nfft)
    onesided = return_onesided and not is_complex(x)
    scale = _scale('csd', scaling, win, fs)
    spectra = [_segment_ffts(s, win, nperseg, nperseg - noverlap, nfft, detrend, onesided) for s in (x, y)]
    density = anp.conj(spectra[0]) * (spectra[0] if same else spectra[1]) * scale
    if onesided:  # the negative frequencies' share, except at 0 and at an unpaired Nyquist frequency
        stop = shape_of(density)[-1] - (1 - nfft % 2)
        density = anp.concatenate([density[..., :1], 2 * density[..., 1:stop], density[..., stop:]], axis=-1)
    density = _average(density, average)
    if same:
        density = anp.real(density)
    return _frequencies(nfft, fs, onesided), anp.moveaxis(density, -1, axis)


def _average(density, average):
    """The mean or median over segments (the next-to-last axis), the median divided by its bias."""
    count = shape_of(density)[-2]
    if average == 'mean':
        return anp.mean(density, axis=-2)
    if average != 'median':
        raise ValueError("csd: average must be 'mean' or 'median', got {!r}".format(average))
    if count == 1:
        return density[..., 0, :]
    even = 2 * _np.arange(1.0, (count - 1) // 2 + 1)
    bias = 1 + _np.sum(1.0 / (even + 1) - 1.0 / even)
    median = anp.median(anp.real(density), axis=-2)
    if is_complex(density):
        median = median + 1j * anp.median(anp.imag(density), axis=-2)
    return median / bias


def welch(x, fs=1.0, window=_DEFAULT_WINDOW, nperseg=None, noverlap=None, nfft=None, detrend='constant',
          return_onesided=True, scaling='density', axis=-1, average='mean'):
    return csd(x, x, fs=fs, window=window, nperseg=nperseg, noverlap=noverlap, nfft=nfft, detrend=detrend,
               return_onesided=return_onesided, scaling=scaling, axis=axis, average=average)


def coherence(x, y, fs=1.0, window=_DEFAULT_WINDOW, nperseg=None, noverlap=None, nfft=None, detrend='constant',
              axis=-1):
    options = dict(fs=fs, window=window, nperseg=nperseg, noverlap=noverlap, nfft=nfft, detrend=detrend, axis=axis)
    freqs, cross = csd(x, y, **options)
    return freqs, anp.abs(cross) ** 2 / welch(x, **options)[1] / welch(y, **options)[1]


def periodogram(x, fs=1.0, window='boxcar', nfft=None, detrend='constant', return_onesided=True,
                scaling='density', axis=-1):
    n = shape_of(x)[axis]
    if nfft is not None and nfft < n:  # SciPy keeps the first nfft samples
        x = anp.moveaxis(anp.moveaxis(x, axis, -1)[..., :nfft], -1, axis)
        nperseg, nfft = nfft, None
    else:
        nperseg = n
    return welch(x, fs=fs, window='boxcar' if window is None else window, nperseg=nperseg, noverlap=0, nfft=nfft,
                 detrend=detrend, return_onesided=return_onesided, scaling=scaling, axis=axis)


for _name in __all__:
    globals()[_name].__doc__ = getattr(_source, _name).__doc__
