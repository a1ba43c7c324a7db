"""detrend: values against SciPy's and derivatives against finite differences (both modes, order 2), for
both trend types, breakpoints, any axis, real and complex data."""
import numpy as onp
import pytest
import scipy.signal

import autograd.scipy.signal as S

from ..numpy.util import check, ids, rand

# (shape, axis, bp): pieces of one and two samples as well as longer ones.
CASES = [((7,), -1, 0), ((7,), 0, [3]), ((5, 8), 1, [2, 5]), ((6, 3), 0, [1, 4]), ((3, 9, 2), 1, [0, 9]),
         ((2,), 0, 0)]


@pytest.mark.parametrize('dtype', [float, complex], ids=ids)
@pytest.mark.parametrize('kind', ['linear', 'constant'])
@pytest.mark.parametrize('shape, axis, bp', CASES, ids=ids)
def test_detrend(shape, axis, bp, kind, dtype):
    data = rand(*shape, dtype=dtype)
    onp.testing.assert_allclose(S.detrend(data, axis, kind, bp), scipy.signal.detrend(data, axis, kind, bp),
                                atol=1e-12)
    check(lambda data: S.detrend(data, axis=axis, type=kind, bp=bp), data)


def test_integer_data_is_detrended_as_floats():
    onp.testing.assert_allclose(S.detrend(onp.arange(6) ** 2), scipy.signal.detrend(onp.arange(6) ** 2), atol=1e-12)


@pytest.mark.parametrize('call_bad, message', [
    (lambda: S.detrend(rand(5), type='quadratic'), "type must be 'linear' or 'constant'"),
    (lambda: S.detrend(rand(5), bp=[7]), 'breakpoints must lie between 0 and'),
    (lambda: S.detrend(rand(5), axis=1), 'axis=1 is out of range'),
])
def test_bad_input_is_refused_by_name(call_bad, message):
    with pytest.raises(ValueError, match=message):
        call_bad()
