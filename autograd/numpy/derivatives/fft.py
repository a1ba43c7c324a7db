"""Discrete Fourier transforms (``numpy.fft``).

Every transform is linear over the reals, so each JVP is the transform itself applied to the tangent.
Each VJP is the transpose (not the conjugate transpose: a cotangent pairs with a tangent as
Re(sum(w * v))). The DFT matrix is symmetric, so a complex transform is its own transpose; the padding
or cutting that ``n``/``s`` ask for transposes to cutting or padding back to the input's length.
A real-input transform keeps the first ``n // 2 + 1`` bins of the full one, so its transpose pads the
cotangent to ``n`` bins and keeps the real part. A real-output transform reads each bin that stands for a
conjugate pair twice, so its transpose doubles those bins.
"""
from numpy.lib.array_utils import normalize_axis_index

from ...engine import defjvp, defvjp
from .. import fft as anp_fft
from .. import wrapper as anp
from .helpers import is_complex, shape_of, zero_pad


def _plan(x, s, axes, real_output):
    """The axes a transform works on and its lengths along them, resolved from ``s`` and ``axes`` as
    NumPy resolves them (a length left out or None is the 1-D default, -1 the input's length)."""
    shape = shape_of(x)
    if axes is None:
        axes = range(len(shape)) if s is None else range(-len(s), 0)
    axes = tuple(normalize_axis_index(a, len(shape)) for a in axes)
    if len(set(axes)) < len(axes):
        raise ValueError("autograd.numpy.fft cannot differentiate a transform over repeated axes {}; "
                         "apply one transform per axis instead.".format(axes))
    s = [None] * len(axes) if s is None else list(s)
    lengths = [shape[a] if n is None or n == -1 else n for n, a in zip(s, axes)]
    if real_output and axes and s[-1] is None:
        lengths[-1] = 2 * (shape[axes[-1]] - 1)
    return axes, tuple(lengths)


def _resize(t, axes, lengths):
    """``t`` cut, or padded with zeros, at the end of each of ``axes`` to the matching length."""
    for axis, length in zip(axes, lengths):
        have = shape_of(t)[axis]
        if length < have:
            t = anp.getitem(t, (slice(None),) * axis + (slice(0, length),))
        elif length > have:
            t = zero_pad(t, axis, 0, length - have)
    return t


def _input_lengths(x, axes):
    shape = shape_of(x)
    return tuple(shape[a] for a in axes)


def _double_paired_bins(h, axis, n):
    """``h`` (the first ``n // 2 + 1`` bins of a length-``n`` spectrum) with every bin that a real signal
    shares with its conjugate partner doubled: all but bin 0 and, for even ``n``, bin ``n // 2``."""
    def part(start, stop=None):
        return anp.getitem(h, (slice(None),) * axis + (slice(start, stop),))
    return anp.concatenate([part(0, 1), 2 * part(1, (n + 1) // 2), part((n + 1) // 2)], axis)


def _complex_transpose(transform):
    def transpose(g, x, axes, lengths, norm):
        return _resize(transform(g, axes=axes, norm=norm), axes, _input_lengths(x, axes))
    return transpose


def _real_input_transpose(transform):
    """Transpose of keeping the first bins of ``transform`` (fftn for rfft, ifftn for ihfft) of real input."""
    def transpose(g, x, axes, lengths, norm):
        full = _resize(g, axes[-1:], lengths[-1:])
        return anp.real(_resize(transform(full, axes=axes, norm=norm), axes, _input_lengths(x, axes)))
    return transpose


def _real_output_transpose(half, transform):
    """Transpose of a real-output transform: ``half`` (ihfft for irfft, rfft for hfft) transposes the last
    axis, ``transform`` the others."""
    def transpose(g, x, axes, lengths, norm):
        h = _double_paired_bins(half(g, axis=axes[-1], norm=norm), axes[-1], lengths[-1])
        if len(axes) > 1:
            h = transform(h, axes=axes[:-1], norm=norm)
        h = _resize(h, axes, _input_lengths(x, axes))
        return h if is_complex(x) else anp.real(h)
    return transpose


def _one_d(n=None, axis=-1, norm=None, out=None):
    return None if n is None else (n,), (axis,), norm


def _n_d(s=None, axes=None, norm=None, out=None):
    return s, axes, norm


def _two_d(s=None, axes=(-2, -1), norm=None, out=None):
    return s, axes, norm


def _define(fun, signature, transpose, real_output=False):
    def vjp_maker(ans, x, *args, **kwargs):
        s, axes, norm = signature(*args, **kwargs)
        axes, lengths = _plan(x, s, axes, real_output)
        return lambda g: transpose(g, x, axes, lengths, norm)
    defvjp(fun, vjp_maker)
    defjvp(fun, 'same')


_fft_transpose = _complex_transpose(anp_fft.fftn)
_ifft_transpose = _complex_transpose(anp_fft.ifftn)
_rfft_transpose = _real_input_transpose(anp_fft.fftn)
_irfft_transpose = _real_output_transpose(anp_fft.ihfft, anp_fft.ifftn)

for _fun, _signature in ((anp_fft.fft, _one_d), (anp_fft.fft2, _two_d), (anp_fft.fftn, _n_d)):
    _define(_fun, _signature, _fft_transpose)
for _fun, _signature in ((anp_fft.ifft, _one_d), (anp_fft.ifft2, _two_d), (anp_fft.ifftn, _n_d)):
    _define(_fun, _signature, _ifft_transpose)
for _fun, _signature in ((anp_fft.rfft, _one_d), (anp_fft.rfft2, _two_d), (anp_fft.rfftn, _n_d)):
    _define(_fun, _signature, _rfft_transpose)
for _fun, _signature in ((anp_fft.irfft, _one_d), (anp_fft.irfft2, _two_d), (anp_fft.irfftn, _n_d)):
    _define(_fun, _signature, _irfft_transpose, real_output=True)
_define(anp_fft.ihfft, _one_d, _real_input_transpose(anp_fft.ifftn))
_define(anp_fft.hfft, _one_d, _real_output_transpose(anp_fft.rfft, anp_fft.fftn), real_output=True)

defvjp(anp_fft.fftshift, lambda ans, x, axes=None: lambda g: anp_fft.ifftshift(g, axes))
defjvp(anp_fft.fftshift, 'same')
defvjp(anp_fft.ifftshift, lambda ans, x, axes=None: lambda g: anp_fft.fftshift(g, axes))
defjvp(anp_fft.ifftshift, 'same')

# The frequencies k / (n d) depend on the sample spacing d (the count n is an integer).
for _fun in (anp_fft.fftfreq, anp_fft.rfftfreq):
    defvjp(_fun, None, lambda ans, n, d=1.0, **unused: lambda g: -anp.sum(g * ans) / d)
    defjvp(_fun, None, lambda g, ans, n, d=1.0, **unused: -g * ans / d)
