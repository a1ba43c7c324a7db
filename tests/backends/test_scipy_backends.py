"""autograd.scipy on other array libraries: each function computes in its arguments' library, blockwise and
lazily on Dask, or is refused with the function and the library named, never computed on the host."""
import subprocess
import sys

import numpy as onp
import pytest

import autograd.scipy.special as sp
from autograd import elementwise_grad
from autograd.numpy.backends.cupy import CupyAdapter
from autograd.scipy import integrate, linalg, stats

from .strict_array import StrictArray
from .strict_runs import use_strict_scipy

dask = pytest.importorskip('dask')
da = pytest.importorskip('dask.array')


def _no_compute(*args, **kwargs):
    raise AssertionError('a Dask graph was computed')


def _lazy(x):
    return da.from_array(x, chunks=2)


def test_import_autograd_scipy_imports_no_array_library():
    code = "import sys, autograd.scipy; print(sorted({'dask', 'cupy', 'cupyx'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                          check=True).stdout.strip() == '[]'


def test_numpy_values_call_the_ufunc_itself():
    assert sp.gammaln.fun is __import__('scipy.special').special.gammaln


@pytest.mark.parametrize('fun', [sp.airy, lambda x: sp.polygamma(2, x), lambda x: stats.gamma.ppf(x, 2.5)],
                         ids=['several_results', 'python_function', 'numerical_quantile'])
def test_dask_applies_elementwise_functions_blockwise(fun):
    x = onp.linspace(0.1, 0.9, 5)
    with dask.config.set(scheduler=_no_compute):
        lazy = fun(_lazy(x))
    for result, expected in zip(*(([lazy], [fun(x)]) if isinstance(lazy, da.Array) else (lazy, fun(x)))):
        assert isinstance(result, da.Array) and result.chunks == ((2, 2, 1),)
        onp.testing.assert_allclose(result.compute(scheduler='sync'), expected)


@pytest.mark.parametrize('fun, name', [
    (sp.softmax, 'special.softmax'), (linalg.expm, 'linalg.expm'), (stats.norm.fit, 'stats.norm.fit'),
    (lambda y0: integrate.odeint(lambda y, t: -y, y0, onp.linspace(0.0, 1.0, 3)), 'integrate.odeint'),
    (lambda y0: integrate.solve_ivp(lambda t, y: -y, (0.0, 1.0), y0), 'integrate.solve_ivp')])
def test_dask_refuses_functions_that_are_not_elementwise(fun, name):
    with dask.config.set(scheduler=_no_compute), \
            pytest.raises(NotImplementedError, match=r'autograd\.scipy\.{} on Dask arrays: it is not elementwise'
                          .format(name)):
        fun(_lazy(onp.eye(3)))


def test_dask_gradients_of_distributions_stay_lazy():
    def f(x):
        return stats.gamma.logpdf(x, 2.5, scale=1.5) + stats.t.logcdf(x, 3.0) + sp.gammaincc(1.5, x)
    x = onp.linspace(0.5, 3.0, 5)
    with dask.config.set(scheduler=_no_compute):
        g = elementwise_grad(f)(_lazy(x))
    onp.testing.assert_allclose(g.compute(scheduler='sync'), elementwise_grad(f)(x))


def test_strict_array_reaches_scipy_through_its_adapter(monkeypatch):
    use_strict_scipy(monkeypatch)
    x = StrictArray(onp.array([[2.0, 1.0], [1.0, 3.0]]))
    for result, expected in [(linalg.expm(x), linalg.expm(x.get())), (sp.logsumexp(x), sp.logsumexp(x.get()))]:
        assert type(result) is StrictArray
        onp.testing.assert_allclose(result.get(), expected)


def test_cupy_names_the_function_cupyx_lacks():
    # Without CuPy installed the module is missing; with it, cupyx.scipy.stats has no distributions.
    with pytest.raises(NotImplementedError, match=r'autograd\.scipy\.stats\.gamma\.ppf on CuPy arrays: '
                                                  r'cupyx\.scipy\.stats has no gamma\.ppf'):
        CupyAdapter().scipy_function('stats', 'gamma.ppf', None, True)
