"""CuPy arrays on a GPU: the curated functions' gradients stay on the device and match NumPy's. Skipped
where CuPy or a GPU is missing (tests/numpy runs every rule on a CuPy-strict CPU array instead)."""
import numpy as onp
import pytest

from ..numpy.util import rand
from .functions import FUNCTIONS, first_and_second_order
from .scipy_functions import SCIPY

# Of SciPy's, those cupyx.scipy.special surely has (with the functions their derivatives call).
CUPY_SCIPY = ['special.gammaln', 'special.digamma', 'special.erf', 'special.ndtr', 'special.log_ndtr',
              'special.expit', 'special.xlogy', 'special.i0', 'stats.norm.logpdf', 'stats.gamma.logpdf']

cupy = pytest.importorskip('cupy')
try:
    _GPUS = cupy.cuda.runtime.getDeviceCount()
except cupy.cuda.runtime.CUDARuntimeError:
    _GPUS = 0
pytestmark = pytest.mark.skipif(not _GPUS, reason='no CUDA device')


@pytest.mark.parametrize('name', sorted(set(FUNCTIONS) - set(SCIPY)) + CUPY_SCIPY)
def test_function_on_cupy(name):
    fun, shapes, options = FUNCTIONS[name]
    xs = [rand(*s, **o) for s, o in zip(shapes, options)]
    for operator in first_and_second_order(fun, len(xs)):
        on_device = operator(*map(cupy.asarray, xs))
        assert isinstance(on_device, cupy.ndarray)
        onp.testing.assert_allclose(cupy.asnumpy(on_device), operator(*xs), rtol=1e-6, atol=1e-8)
