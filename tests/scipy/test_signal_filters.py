"""lfilter and the filters built on it: values against SciPy's, derivatives in the signal, the coefficients
and the initial state against finite differences (both modes, order 2), along any axis, real and complex."""
import numpy as onp
import pytest
import scipy.signal

import autograd.scipy.signal as S

from ..numpy.util import check, ids, rand


def stable_denominator(n, dtype=float):
    """``a`` with a[0] away from zero and small feedback, so the recursion decays."""
    return onp.concatenate([[1.5], 0.3 * rand(n - 1, dtype=dtype) / n]).astype(dtype)


def state_shape(shape, axis, order):
    shape = list(shape)
    shape[axis] = order
    return tuple(shape)


# (len(b), len(a), shape of x, axis): longer numerator or denominator, pure FIR (len(a) = 1), signals
# shorter than the filter's state, batches along other axes.
FILTERS = [(3, 3, (7,), -1), (4, 2, (6,), 0), (2, 4, (3, 5), 1), (1, 3, (4, 3), 0), (3, 1, (2, 3, 2), 1),
           (4, 4, (2,), -1)]
DTYPES = [float, complex]


@pytest.mark.parametrize('dtype', DTYPES, ids=ids)
@pytest.mark.parametrize('nb, na, shape, axis', FILTERS, ids=ids)
def test_lfilter(nb, na, shape, axis, dtype):
    b, a, x = rand(nb, dtype=dtype), stable_denominator(na, dtype), rand(*shape, dtype=dtype)
    zi = rand(*state_shape(shape, axis, max(na, nb) - 1), dtype=dtype)
    onp.testing.assert_allclose(S.lfilter(b, a, x, axis), scipy.signal.lfilter(b, a, x, axis), rtol=1e-10)
    check(lambda b, a, x: S.lfilter(b, a, x, axis=axis), b, a, x)
    if zi.size:
        for got, expected in zip(S.lfilter(b, a, x, axis, zi), scipy.signal.lfilter(b, a, x, axis, zi)):
            onp.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-12)
        for part in range(2):
            check(lambda b, a, x, zi: S.lfilter(b, a, x, axis=axis, zi=zi)[part], b, a, x, zi)


def test_lfilter_with_real_coefficients_on_a_complex_signal():
    b, a, x = rand(3), stable_denominator(3), rand(6, dtype=complex)
    onp.testing.assert_allclose(S.lfilter(b, a, x), scipy.signal.lfilter(b, a, x), rtol=1e-10)
    check(lambda b, a, x: S.lfilter(b, a, x), b, a, x)


@pytest.mark.parametrize('nb, na', [(3, 3), (2, 4), (5, 2)])
def test_lfilter_zi(nb, na):
    b, a = rand(nb), stable_denominator(na)
    onp.testing.assert_allclose(S.lfilter_zi(b, a), scipy.signal.lfilter_zi(b, a), rtol=1e-10)
    check(S.lfilter_zi, b, a)


@pytest.mark.parametrize('padtype', ['odd', 'even', 'constant', None], ids=ids)
def test_filtfilt(padtype):
    b, a, x = rand(3), stable_denominator(3), rand(2, 11)
    onp.testing.assert_allclose(S.filtfilt(b, a, x, padtype=padtype), scipy.signal.filtfilt(b, a, x, padtype=padtype),
                                rtol=1e-10)
    check(lambda b, a, x: S.filtfilt(b, a, x.T, axis=0, padtype=padtype, padlen=4), b, a, x)


SOS = scipy.signal.butter(3, 0.3, output='sos')  # two sections, the first with trailing zeros


@pytest.mark.parametrize('shape, axis', [((9,), -1), ((6, 2), 0)], ids=ids)
def test_sosfilt(shape, axis):
    sos, x = SOS + 0.05 * rand(*SOS.shape), rand(*shape)
    sos[:, 3] = 1.0
    zi = rand(len(sos), *state_shape(shape, axis, 2))
    onp.testing.assert_allclose(S.sosfilt(sos, x, axis), scipy.signal.sosfilt(sos, x, axis), rtol=1e-10)
    for got, expected in zip(S.sosfilt(sos, x, axis, zi), scipy.signal.sosfilt(sos, x, axis, zi)):
        onp.testing.assert_allclose(got, expected, rtol=1e-10)
    check(lambda sos, x: S.sosfilt(sos, x, axis=axis), sos, x)
    check(lambda sos, x, zi: S.sosfilt(sos, x, axis=axis, zi=zi)[1], sos, x, zi)
    onp.testing.assert_allclose(S.sosfilt_zi(sos), scipy.signal.sosfilt_zi(sos), rtol=1e-10)
    check(S.sosfilt_zi, sos)


def test_sosfiltfilt():
    x = rand(20)
    onp.testing.assert_allclose(S.sosfiltfilt(SOS, x), scipy.signal.sosfiltfilt(SOS, x), rtol=1e-10)
    check(lambda sos, x: S.sosfiltfilt(sos, x, padlen=3), SOS, x[:8], modes=['rev'], order=1)
    check(lambda x: S.sosfiltfilt(SOS, x), x)


@pytest.mark.parametrize('call_bad, error, message', [
    (lambda: S.lfilter(rand(2, 2), rand(2), rand(5)), ValueError, 'lfilter: b and a must be non-empty 1-D'),
    (lambda: S.lfilter(rand(3), rand(2), rand(5), zi=rand(3)), ValueError, 'zi must have'),
    (lambda: S.sosfilt(rand(2, 5), rand(5)), ValueError, r'shape \(n_sections, 6\)'),
    (lambda: S.filtfilt(rand(3), rand(3), rand(5)), ValueError, 'longer than padlen = 9'),
    (lambda: S.filtfilt(rand(3), rand(3), rand(20), method='gust'), NotImplementedError, "method='pad'"),
])
def test_bad_input_is_refused_by_name(call_bad, error, message):
    with pytest.raises(error, match=message):
        call_bad()
