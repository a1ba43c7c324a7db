"""SciPy's ``fftconvolve`` and ``oaconvolve``, written with the traced FFTs of ``autograd.numpy.fft``.

The full convolution along ``axes`` is the inverse FFT of the product of the inputs' FFTs, zero-padded to
the full length; the other axes broadcast as in a product. The mode then takes SciPy's centred window.
Being made of traced functions, both differentiate in either input to any order, in both modes.
``oaconvolve`` (overlap-add) computes the same convolution by blocks, a saving for one long and one short
input; here it is the one-block case, which gives the same values (to rounding) and derivatives.
"""
import scipy.signal as _source

from ..numpy import fft as _fft, wrapper as anp
from ..numpy.derivatives.helpers import is_complex, shape_of

__all__ = ['fftconvolve', 'oaconvolve']


def _axes(name, in1, in2, axes):
    ndim = len(shape_of(in1))
    if len(shape_of(in2)) != ndim:
        raise ValueError("{}: in1 and in2 must have the same number of dimensions, got shapes {} and {}".format(
            name, shape_of(in1), shape_of(in2)))
    if axes is None:
        return list(range(ndim))
    axes = [axes] if isinstance(axes, int) else list(axes)
    if any(not -ndim <= axis < ndim for axis in axes):
        raise ValueError("{}: axes {} out of range for {}-dimensional inputs".format(name, axes, ndim))
    return sorted(axis % ndim for axis in axes)


def _window(name, mode, n1, n2):
    """The slice of a full convolution of lengths ``n1`` and ``n2`` that ``mode`` keeps, centred as SciPy."""
    full = n1 + n2 - 1
    size = {'full': full, 'same': n1, 'valid': abs(n1 - n2) + 1}.get(mode)
    if size is None:
        raise ValueError("{}: mode must be 'full', 'valid' or 'same', got {!r}".format(name, mode))
    start = (full - size) // 2
    return slice(start, start + size)


def _convolve_by_fft(name, in1, in2, mode, axes):
    if not shape_of(in1) and not shape_of(in2):
        return in1 * in2
    axes = _axes(name, in1, in2, axes)
    shape1, shape2 = shape_of(in1), shape_of(in2)
    if mode == 'valid' and not (all(shape1[i] >= shape2[i] for i in axes) or
                                all(shape2[i] >= shape1[i] for i in axes)):
        raise ValueError("{}: in 'valid' mode one input must be at least as large as the other along every "
                         "convolved axis, got shapes {} and {}".format(name, shape1, shape2))
    if any(shape1[i] == 0 or shape2[i] == 0 for i in axes):
        return anp.zeros_like(in1[..., :0] * in2[..., :0])
    sizes = [shape1[i] + shape2[i] - 1 for i in axes]
    if is_complex(in1) or is_complex(in2):
        full = _fft.ifftn(_fft.fftn(in1, s=sizes, axes=axes) * _fft.fftn(in2, s=sizes, axes=axes), axes=axes)
    else:
        full = _fft.irfftn(_fft.rfftn(in1, s=sizes, axes=axes) * _fft.rfftn(in2, s=sizes, axes=axes),
                           s=sizes, axes=axes)
    window = [slice(None)] * len(shape_of(full))
    for i in axes:
        window[i] = _window(name, mode, shape1[i], shape2[i])
    return full[tuple(window)]


def fftconvolve(in1, in2, mode='full', axes=None):
    return _convolve_by_fft('fftconvolve', in1, in2, mode, axes)


def oaconvolve(in1, in2, mode='full', axes=None):
    return _convolve_by_fft('oaconvolve', in1, in2, mode, axes)


fftconvolve.__doc__ = _source.fftconvolve.__doc__
oaconvolve.__doc__ = _source.oaconvolve.__doc__
