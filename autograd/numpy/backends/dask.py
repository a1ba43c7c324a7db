"""Dask arrays: lazy, so nothing here may look at data; what Dask lacks is refused rather than computed.
SciPy's elementwise functions (its ufuncs) run blockwise on the chunks; its others are refused."""
import functools
import re
import warnings

import numpy as _np

from ...engine.tracing import pass_scopes
from .. import wrapper as anp
from .generic import Adapter


class DaskAdapter(Adapter):
    name = 'Dask'
    eager = False
    refuses = {
        'cholesky': "numpy.linalg.cholesky of a Dask array gives Dask's upper factor, not NumPy's lower "
                    "one, so its derivative would be wrong. Use dask.array.linalg.cholesky(a, lower=True) "
                    "outside the differentiated function, or compute the array first.",
    }

    def add_at(self, target, idx, x):
        # Dask has no add.at: sum x into target's flat positions with bincount, which adds repeats.
        import dask.array as da
        positions = _np.arange(target.size).reshape(target.shape)[idx]
        x = da.broadcast_to(x, positions.shape).ravel()
        flat = da.from_array(positions.ravel(), chunks=x.chunks)
        if x.dtype.kind == 'c':
            added = (da.bincount(flat, weights=x.real, minlength=target.size)
                     + 1j * da.bincount(flat, weights=x.imag, minlength=target.size))
        else:
            added = da.bincount(flat, weights=x, minlength=target.size)
        return target + added.reshape(target.shape).astype(target.dtype)

    def asarray(self, value, like):
        import dask.array as da
        return da.from_array(_np.asarray(value), chunks=-1)

    def scipy_function(self, module, name, fun, elementwise):
        if not elementwise:
            raise self.lacks(module, name, 'it is not elementwise, so it has no blockwise form, and SciPy would '
                             'compute the whole graph')
        return functools.partial(_blockwise, fun)

    def spread(self, g, like):
        # broadcast_to would give one chunk along every new axis, which Dask then splits to meet like's
        # chunks; on a cluster that ships the whole broadcast, materialized, between workers. A product
        # with ones chunked as like is the same value, computed in place, chunk by chunk.
        return g * anp.ones_like(like, dtype=anp.result_type(g))

    def settle(self, values):
        # persist, not compute: on a cluster the results stay in the workers' memory, chunked as they are.
        import dask
        return dask.persist(*values)


def _blockwise(fun, *args, **kwargs):
    # Scalar core dimensions: ``fun`` applied to each block of the array arguments, its outputs chunked like
    # their broadcast; the other arguments (orders, degrees) reach it as they are.
    import dask.array as da
    arrays = [i for i, arg in enumerate(args) if isinstance(arg, (da.Array, _np.ndarray))]

    def on_blocks(*blocks):
        full = list(args)
        for i, block in zip(arrays, blocks):
            full[i] = block
        return fun(*full, **kwargs)
    signature = '{}->{}'.format(','.join(['()'] * len(arrays)), ','.join(['()'] * getattr(fun, 'nout', 1)))
    return da.apply_gufunc(on_blocks, signature, *[args[i] for i in arrays])


_FALLBACK = re.escape('The `numpy.') + r'.* function is not implemented by Dask'


def _refuse_fallbacks():
    # Where Dask lacks a NumPy function, it computes the whole graph and carries on with NumPy's result,
    # warning only: on a cluster's data that is a silent, possibly huge, host computation. While autograd
    # differentiates, the warning is an error naming the function.
    guard = warnings.catch_warnings()
    guard.__enter__()
    warnings.filterwarnings('error', message=_FALLBACK, category=FutureWarning)
    return guard


def _restore(guard):
    guard.__exit__(None, None, None)


def adapter(array_type):
    pass_scopes.append((_refuse_fallbacks, _restore))
    return DaskAdapter()
