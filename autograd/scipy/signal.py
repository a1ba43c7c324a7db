"""``autograd.scipy.signal``: differentiable convolution, filtering, detrending and spectral estimates.

This module holds the convolutions; filtering (``lfilter``, ``filtfilt``, ``sosfilt`` and their initial
states), ``detrend``, the FFT convolutions and the spectral estimates (``stft``, ``istft``, ``welch``,
``csd``, ``coherence``, ``periodogram``) each live in a private module of their own.

``convolve`` is the one primitive here. Its result is a window (set by ``mode``) of the full convolution
``z[k] = sum_j in1[j] in2[k - j]``, which is bilinear, so each argument's gradient is a window of the full
convolution of the incoming gradient with the other argument reversed: the rules call ``convolve`` again
and differentiate to any order. The others are built from it: correlating is convolving with ``in2``
reversed and conjugated, and the 2-D functions are the n-d ones, with a nonzero ``fillvalue`` accounted
for in closed form (and ``correlate2d``'s departures from ``correlate`` kept, see there). Only
``boundary='fill'`` is differentiable; ``'wrap'`` and ``'symm'`` compute values but refuse to be traced.
``method`` ('auto', 'direct', 'fft') is passed on to SciPy, in the rules too.
"""
import itertools

import numpy as _np
import scipy.signal as _source

from ..engine import def_linear, defvjp_argnum, getval, isbox
from ..numpy import wrapper as anp
from ..numpy.backends import scipy_on_backends
from ..numpy.derivatives.helpers import is_complex, shape_of
from ..numpy.wrapper import primitive
from ._signal_detrend import detrend
from ._signal_fft_convolve import fftconvolve, oaconvolve
from ._signal_filters import filtfilt, lfilter, lfilter_zi, sosfilt, sosfilt_zi, sosfiltfilt
from ._signal_spectral import coherence, csd, istft, periodogram, stft, welch

__all__ = ['convolve', 'correlate', 'convolve2d', 'correlate2d', 'fftconvolve', 'oaconvolve', 'detrend', 'lfilter',
           'lfilter_zi', 'filtfilt', 'sosfilt', 'sosfilt_zi', 'sosfiltfilt', 'stft', 'istft', 'csd', 'welch',
           'coherence', 'periodogram']


# SciPy's functions, computing on their arguments' array library.
_scipy = {name: scipy_on_backends('signal', name, getattr(_source, name))
          for name in ('convolve', 'convolve2d', 'correlate2d')}


@primitive
def _convolve(in1, in2, mode='full', method='auto'):
    return _scipy['convolve'](in1, in2, mode, method)


def convolve(in1, in2, *args, mode='full', method='auto', axes=None, dot_axes=((), ())):
    """SciPy's ``convolve(in1, in2, mode='full', method='auto')``, and HIPS Autograd's tensor convolution
    ``convolve(A, B, axes=None, dot_axes=[(), ()], mode='full')``.

    Given ``axes`` (a pair of equally long lists of axes of ``in1`` and ``in2``) only those axes are
    convolved; ``dot_axes`` (another pair) are summed over, as by ``tensordot``; every other axis is kept,
    ``in1``'s then ``in2``'s, before the convolved ones. 'valid' and 'same' windows are taken per axis
    ('same' centred on ``in1``'s length, as in SciPy).
    """
    if args and not isinstance(args[0], str):  # HIPS's positional order: axes, dot_axes, mode
        axes, dot_axes, mode = (tuple(args) + (dot_axes, mode))[:3]
    elif args:
        mode, method = (tuple(args) + (method,))[:2]
    if axes is None and not any(dot_axes):
        return _convolve(in1, in2, mode, method)
    return _tensor_convolve(in1, in2, axes, dot_axes, mode, method)


def _tensor_convolve(a, b, axes, dot_axes, mode, method):
    ndim_a, ndim_b = len(shape_of(a)), len(shape_of(b))
    if axes is None:
        axes = (list(range(ndim_a)), list(range(ndim_b)))
    conv_a, conv_b = [[i % n for i in ax] for ax, n in zip(axes, (ndim_a, ndim_b))]
    dot_a, dot_b = [[i % n for i in ax] for ax, n in zip(dot_axes, (ndim_a, ndim_b))]
    if len(conv_a) != len(conv_b) or len(dot_a) != len(dot_b) or \
            [shape_of(a)[i] for i in dot_a] != [shape_of(b)[i] for i in dot_b]:
        raise ValueError("convolve: axes and dot_axes must pair as many axes of in1 as of in2, and the paired "
                         "dot_axes must have equal lengths; got axes={}, dot_axes={}".format(axes, dot_axes))
    keep_a = [i for i in range(ndim_a) if i not in conv_a + dot_a]
    keep_b = [i for i in range(ndim_b) if i not in conv_b + dot_b]
    # Both operands as (kept of a, kept of b, convolved) with length-1 axes for the other's kept ones, which
    # a convolution treats as an outer product.
    ones_a, ones_b = (1,) * len(keep_a), (1,) * len(keep_b)
    total = None
    for index in itertools.product(*[range(shape_of(a)[i]) for i in dot_a]):
        part_a = anp.transpose(_take(a, dot_a, index), [_rank(i, dot_a) for i in keep_a + conv_a])
        part_b = anp.transpose(_take(b, dot_b, index), [_rank(i, dot_b) for i in keep_b + conv_b])
        part_a = anp.reshape(part_a, shape_of(part_a)[:len(keep_a)] + ones_b + shape_of(part_a)[len(keep_a):])
        part_b = anp.reshape(part_b, ones_a + shape_of(part_b))
        full = _convolve(part_a, part_b, 'full', method)
        total = full if total is None else total + full
    windows = [_window(shape_of(a)[i], shape_of(b)[j], mode) for i, j in zip(conv_a, conv_b)]
    return total[(slice(None),) * (len(keep_a) + len(keep_b)) + tuple(windows)]


def _take(x, axes, index):
    """``x`` at ``index`` along ``axes`` (those axes removed)."""
    return x[tuple(index[axes.index(i)] if i in axes else slice(None) for i in range(len(shape_of(x))))]


def _rank(axis, removed):
    """The position of ``axis`` once the axes ``removed`` are gone."""
    return axis - sum(r < axis for r in removed)


def _window(n, m, mode):
    """The part of a full convolution of lengths ``n`` and ``m`` that ``mode`` keeps, along one axis."""
    if mode == 'full':
        return slice(None)
    if mode == 'valid':
        return slice(min(n, m) - 1, max(n, m))
    if mode == 'same':
        start = (m - 1) // 2
        return slice(start, start + n)
    raise ValueError("convolve: mode must be 'full', 'valid' or 'same', got {!r}".format(mode))


def _window_of_full(a, b, starts, sizes, method):
    """``convolve(a, b, 'full')[starts : starts + sizes]`` (per axis, zeros outside it), by the 'valid' mode
    where it is that."""
    shapes = list(zip(shape_of(a), shape_of(b)))
    one_covers_the_other = all(n >= m for n, m in shapes) or all(n <= m for n, m in shapes)  # SciPy's 'valid'
    if one_covers_the_other and starts == tuple(min(n, m) - 1 for n, m in shapes) \
            and sizes == tuple(abs(n - m) + 1 for n, m in shapes):
        return _convolve(a, b, 'valid', method)
    full_shape = [n + m - 1 for n, m in shapes]
    full = _convolve(a, b, 'full', method)
    # Where the larger argument reaches beyond the smaller one on both sides ('same' mode), some of its
    # entries never meet the output: the window runs past the full convolution, into zeros.
    before = [max(0, -s) for s in starts]
    after = [max(0, s + n - f) for s, n, f in zip(starts, sizes, full_shape)]
    if any(before) or any(after):
        full = anp.pad(full, list(zip(before, after)))
    return full[tuple(slice(s + p, s + p + n) for s, p, n in zip(starts, before, sizes))]


def _convolve_vjp(argnum, ans, args, kwargs):
    # ans is full[offset : offset + len(ans)], offset centring it as SciPy does (_centered); pulling g
    # back to in1 gives g_in1[j] = sum_k g[k] in2[k + offset - j], the window of convolve(g, flip(in2))
    # starting at len(in2) - 1 - offset.
    mine, other = args[argnum], args[1 - argnum]
    method = kwargs.get('method', args[3] if len(args) > 3 else 'auto')
    full_shape = [n + m - 1 for n, m in zip(shape_of(mine), shape_of(other))]
    offsets = [(f - n) // 2 for f, n in zip(full_shape, shape_of(ans))]
    starts = tuple(m - 1 - o for m, o in zip(shape_of(other), offsets))

    def vjp(g):
        grad = _window_of_full(g, anp.flip(other), starts, tuple(shape_of(mine)), method)
        return grad if is_complex(mine) else anp.real(grad)
    return vjp


defvjp_argnum(_convolve, _convolve_vjp)
def_linear(_convolve)


def _reverse_and_conj(x):
    return anp.conj(anp.flip(x))


def correlate(in1, in2, mode='full', method='auto'):
    return _convolve(in1, _reverse_and_conj(in2), mode, method)


correlate.__doc__ = _source.correlate.__doc__


def _by_scipy(name, in1, in2, boundary, fillvalue):
    """Whether SciPy computes this 2-D call itself: boundaries other than 'fill', not to be traced."""
    if _np.ndim(getval(in1)) != 2 or _np.ndim(getval(in2)) != 2:
        raise ValueError('{} inputs must both be 2-D arrays'.format(name))
    if boundary in ('fill', 'pad'):
        return False
    if isbox(in1) or isbox(in2) or isbox(fillvalue):
        raise NotImplementedError("autograd.scipy.signal.{}: derivatives are defined for boundary='fill' only, "
                                  "got boundary={!r}".format(name, boundary))
    return True


def _convolve_filled(in1, kernel, mode, fillvalue):
    """``convolve`` with in1 padded by ``fillvalue`` instead of zeros."""
    if mode == 'valid' or (not isbox(fillvalue) and fillvalue == 0):
        return _convolve(in1, kernel, mode)
    # Padding with c is convolving in1 - c (padded with zeros) plus c times the sum of the kernel.
    return _convolve(in1 - fillvalue, kernel, mode) + fillvalue * anp.sum(kernel)


def convolve2d(in1, in2, mode='full', boundary='fill', fillvalue=0):
    if _by_scipy('convolve2d', in1, in2, boundary, fillvalue):
        return _scipy['convolve2d'](in1, in2, mode, boundary, fillvalue)
    return _convolve_filled(in1, in2, mode, fillvalue)


def correlate2d(in1, in2, mode='full', boundary='fill', fillvalue=0):
    # SciPy's correlate2d departs from correlate twice: its 'same' window of the full correlation starts
    # at len(in2) // 2 (correlate's at (len(in2) - 1) // 2), and in 'valid' mode with in2 the larger it
    # returns the conjugate of the correlation. Both are kept, so that values match SciPy's.
    if _by_scipy('correlate2d', in1, in2, boundary, fillvalue):
        return _scipy['correlate2d'](in1, in2, mode, boundary, fillvalue)
    shape1, shape2 = _np.shape(getval(in1)), _np.shape(getval(in2))
    if mode == 'valid' and not all(n >= m for n, m in zip(shape1, shape2)):
        return _convolve(anp.conj(in1), anp.flip(in2), 'valid')
    if mode == 'same':
        full = _convolve_filled(in1, _reverse_and_conj(in2), 'full', fillvalue)
        return full[tuple(slice(m // 2, m // 2 + n) for n, m in zip(shape1, shape2))]
    return _convolve_filled(in1, _reverse_and_conj(in2), mode, fillvalue)


convolve2d.__doc__ = _source.convolve2d.__doc__
correlate2d.__doc__ = _source.correlate2d.__doc__
