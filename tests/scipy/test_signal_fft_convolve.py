"""fftconvolve and oaconvolve: values against SciPy's, derivatives in both inputs against finite differences
(both modes, order 2), every mode, convolved and broadcast axes, real and complex."""
import numpy as onp
import pytest
import scipy.signal

import autograd.scipy.signal as S

from ..numpy.util import check, ids, rand

# (shape of in1, shape of in2, axes): 0-d, either input the larger, even and odd lengths, some axes only
# (the others broadcast, one of them of length 1).
CASES = [((), (), None), ((5,), (3,), None), ((4,), (6,), None), ((4, 5), (2, 3), None), ((3, 5), (1, 4), 1),
         ((2, 6, 3), (2, 3, 3), (1,)), ((3, 4), (3, 2), [-1])]
DTYPES = [(float, float), (complex, float), (complex, complex)]


@pytest.mark.parametrize('dtypes', DTYPES, ids=ids)
@pytest.mark.parametrize('mode', ['full', 'same', 'valid'])
@pytest.mark.parametrize('shape1, shape2, axes', CASES, ids=ids)
@pytest.mark.parametrize('name', ['fftconvolve', 'oaconvolve'])
def test_fft_convolutions(name, shape1, shape2, axes, mode, dtypes):
    in1, in2 = rand(*shape1, dtype=dtypes[0]), rand(*shape2, dtype=dtypes[1])
    fun = getattr(S, name)
    onp.testing.assert_allclose(fun(in1, in2, mode, axes), getattr(scipy.signal, name)(in1, in2, mode, axes),
                                rtol=1e-10, atol=1e-12)
    check(lambda in1, in2: fun(in1, in2, mode=mode, axes=axes), in1, in2)


@pytest.mark.parametrize('call_bad, message', [
    (lambda: S.fftconvolve(rand(3), rand(2, 2)), 'same number of dimensions'),
    (lambda: S.fftconvolve(rand(3, 2), rand(2, 3), 'valid'), 'at least as large'),
    (lambda: S.oaconvolve(rand(3), rand(2), 'middle'), "mode must be 'full', 'valid' or 'same'"),
    (lambda: S.fftconvolve(rand(3), rand(2), axes=1), 'out of range'),
])
def test_bad_input_is_refused_by_name(call_bad, message):
    with pytest.raises(ValueError, match=message):
        call_bad()
