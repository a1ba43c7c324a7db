"""docs/backends.md, generated from the backend tests' tables: ``python -m tests.backends.doc > docs/backends.md``."""
import numpy

from .functions import DASK_UNSUPPORTED, FUNCTIONS
from .strict_unsupported import UNSUPPORTED

INTRODUCTION = """\
# Array libraries: CuPy, Dask and others

The same `autograd.numpy` code differentiates NumPy arrays, CuPy arrays (on their GPU) and Dask arrays
(lazily, on a `dask.distributed` cluster or any Dask scheduler). Pass the library's arrays; nothing else
changes:

```python
import dask
import dask.array as da
import autograd.numpy as np
from autograd import value_and_grad

X = da.random.random((400_000, 50), chunks=(50_000, 50))
loss = lambda w: np.mean(np.log1p(np.exp(-(X @ w))))
value, g = value_and_grad(loss)(np.zeros(50))   # lazy: a Dask scalar and a Dask array
value, g = dask.compute(value, g)                # one pass over the data for both
```

Gradients have the library of the data: CuPy in, CuPy out; a NumPy parameter used with Dask data gets a
lazy Dask gradient. A NumPy array created inside the function (`out = np.zeros(n)`) and assigned a
library's values is moved to that library.

`autograd.misc.optimizers` (`sgd`, `rmsprop`, `adam`) take such lazy gradients as they are: each step's
gradient, running averages and parameters are persisted together with one `dask.persist`
(`autograd.numpy.backends.settle`, which leaves eager libraries' values alone), so every step builds on the
last one's results on the cluster and no graph grows with the steps
([examples/dask_logistic_regression.py](../examples/dask_logistic_regression.py)).

## How it works

NumPy hands other libraries' arrays to them through `__array_ufunc__` and `__array_function__`, and the
derivative rules are written with `autograd.numpy` functions, so the rules run in the array's own library.
The first time an array of a new type reaches autograd, `autograd.numpy.backends` registers it: CuPy and
Dask get an adapter (`autograd/numpy/backends/cupy.py`, `dask.py`) for what NumPy cannot dispatch, such as
adding into repeated indices (`cupyx.scatter_add`; for Dask a `bincount`); any other type with both
protocols gets the generic one. `import autograd` imports neither library. A library whose arrays need more
is registered with `autograd.numpy.backends.register_array_type(ArrayType, adapter)`, where `adapter` is
an `autograd.numpy.backends.Adapter` subclass instance.

NumPy's compiled fast paths and the array cache serve `numpy.ndarray` only; other arrays take the general
path.

## SciPy: `autograd.scipy.special`, `stats`, `linalg`, `signal` and `integrate`

SciPy's functions compute in the library of their arguments. SciPy's elementwise functions are NumPy ufuncs,
which NumPy hands to the library's `__array_ufunc__`: Dask applies them blockwise, chunk by chunk and lazily,
and CuPy takes them from `cupyx.scipy.special`; NumPy arrays call SciPy directly, at no extra cost. Every
other SciPy function (and the ufuncs with several results) asks the library's adapter for its own
(`Adapter.scipy_function`): CuPy's is the function of the same name in `cupyx.scipy.special` or
`cupyx.scipy.linalg`; Dask's applies elementwise functions blockwise (`dask.array.apply_gufunc`). Where the
library has no such function (a linear-algebra or reducing function on Dask, a function `cupyx` lacks), the
call raises `NotImplementedError` naming the function and the library, instead of computing on the host. The
distributions of `autograd.scipy.stats` are formulas of special functions, so their `pdf`, `logpdf`, `cdf`,
... run wherever those do; a quantile SciPy finds numerically (`gamma.ppf`) is applied blockwise on Dask and
refused on CuPy; the members without derivative (`rvs`, `fit`, `mean`, ...) are refused on both. So are
`integrate.odeint` and `integrate.solve_ivp`, whose solvers run on the host. The derivative rules build their
constants (identity and permutation matrices, series indices) in the library of the values they meet.

## Dask: lazy, never silently computed

Nothing is computed while differentiating: the tests run every function below under a Dask scheduler that
raises if asked to compute, then compute the gradients on a `LocalCluster` and compare them with NumPy's.
Where Dask lacks a NumPy function, NumPy would compute the whole graph and continue with a NumPy array
(Dask only warns); while autograd differentiates, that warning is an error naming the function.
`numpy.linalg.cholesky` of a Dask array gives Dask's upper factor, so its derivative is refused.

Differentiated lazily, first and second order ({working} functions, `tests/backends/test_dask.py`):

{dask_functions}

Not supported on Dask, and why:

{dask_unsupported}

## CuPy

CuPy arrays run the same functions on their GPU (`tests/backends/test_cupy.py`, skipped without a GPU).
The proof on any machine is `StrictArray` (`tests/backends/strict_array.py`), a CPU array as strict as
CuPy: it refuses `__array__` and NumPy arrays as operands, and its SciPy, standing in for `cupyx.scipy`,
calls SciPy on its data (`tests/backends/strict_scipy.py`). Every table-driven test of `tests/numpy` and the
registry-driven tests of the SciPy rules (`tests/scipy/test_special_rules.py`, `test_linalg_rules.py`,
`test_stats.py`, `test_stats_multivariate.py`) and the `scipy.signal` tests run a second time with it;
with NumPy {numpy_version}; these {strict_failing} runs cannot pass, for the reasons given (they are expected failures there):

{strict_unsupported}
"""


def _reasons(table):
    by_reason = {}
    for name, reason in sorted(table.items()):
        by_reason.setdefault(reason, []).append(name)
    return '\n'.join('- {}: {}'.format(', '.join('`{}`'.format(n) for n in names), reason)
                     for reason, names in sorted(by_reason.items(), key=lambda item: item[1]))


def generate():
    working = sorted(set(FUNCTIONS) - set(DASK_UNSUPPORTED))
    return INTRODUCTION.format(
        working=len(working), dask_functions=', '.join('`{}`'.format(n) for n in working),
        dask_unsupported=_reasons(DASK_UNSUPPORTED), strict_failing=len(UNSUPPORTED),
        strict_unsupported=_reasons(UNSUPPORTED), numpy_version=numpy.__version__)


if __name__ == '__main__':
    print(generate(), end='')
