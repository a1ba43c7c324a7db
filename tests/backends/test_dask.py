"""Dask arrays: gradients stay lazy (a scheduler that raises proves nothing is computed while
differentiating), then are computed on a session-wide dask.distributed cluster and compared with NumPy's."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import elementwise_grad, grad, value_and_grad

from ..numpy.util import rand
from .functions import DASK_UNSUPPORTED, FUNCTIONS, first_and_second_order

dask = pytest.importorskip('dask')
da = pytest.importorskip('dask.array')
distributed = pytest.importorskip('dask.distributed')


@pytest.fixture(scope='session')
def client():
    # Threads, not processes: the same scheduler and serialization of graphs, without worker start-up time.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def _no_compute(*args, **kwargs):
    raise AssertionError('a Dask graph was computed while differentiating')


def _lazily(operator, fun, *args):
    with dask.config.set(scheduler=_no_compute):
        return operator(fun)(*args)


def _on_dask(x):
    return da.from_array(x, chunks=tuple(max(1, n // 2) for n in x.shape)) if onp.ndim(x) else da.from_array(x)


def _check_on_dask(client, fun, *xs):
    for operator in first_and_second_order(fun, len(xs)):
        expected = operator(*xs)
        lazy = _lazily(lambda f: f, operator, *map(_on_dask, xs))
        assert isinstance(lazy, da.Array)
        computed, = dask.compute(lazy)
        onp.testing.assert_allclose(computed, expected, rtol=1e-6, atol=1e-8)


def _marks(name):
    return [pytest.mark.xfail(reason=DASK_UNSUPPORTED[name], strict=True)] if name in DASK_UNSUPPORTED else []


@pytest.mark.parametrize('name', [pytest.param(n, marks=_marks(n)) for n in sorted(FUNCTIONS)])
def test_function_on_dask(client, name):
    fun, shapes, options = FUNCTIONS[name]
    _check_on_dask(client, fun, *[rand(*s, **o) for s, o in zip(shapes, options)])


def test_at_least_a_hundred_functions():
    assert len(set(FUNCTIONS) - set(DASK_UNSUPPORTED)) >= 100


def test_value_and_gradient_compute_together(client):
    x, w = rand(40, 3), rand(3)
    y = (rand(40) > 0).astype(float)

    def loss(w, x, y):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    value, g = _lazily(value_and_grad, loss, w, _on_dask(x), _on_dask(y))
    assert isinstance(g, da.Array)  # NumPy parameters with Dask data: a lazy Dask gradient
    value, g = dask.compute(value, g)
    expected_value, expected_g = value_and_grad(loss)(w, x, y)
    onp.testing.assert_allclose(value, expected_value)
    onp.testing.assert_allclose(g, expected_g)


def test_assignment_into_a_numpy_constant_is_promoted(client):
    def f(x):
        out = np.zeros(4)
        out[1:3] = x ** 2
        return out
    x = rand(2)
    g = _lazily(elementwise_grad, f, _on_dask(x))
    assert isinstance(g, da.Array)
    onp.testing.assert_allclose(g.compute(), elementwise_grad(f)(x))


@pytest.mark.parametrize('name', ['sort', 'argsort', 'partition', 'kron'])
def test_functions_dask_lacks_are_refused_not_computed(client, name):
    fun = {'sort': np.sort, 'argsort': lambda x: x[np.argsort(x)], 'partition': lambda x: np.partition(x, 1),
           'kron': lambda x: np.kron(x, x)}[name]
    with pytest.raises(FutureWarning, match='numpy.(arg)?{}'.format(name)):
        _lazily(grad, lambda x: np.sum(fun(x)), _on_dask(rand(4)))


def test_cholesky_is_refused(client):
    a = rand(3, 3)
    a = a @ a.T + 3 * onp.eye(3)
    with pytest.raises(NotImplementedError, match='cholesky on Dask'):
        _lazily(grad, lambda a: np.sum(np.linalg.cholesky(a)), _on_dask(a))
