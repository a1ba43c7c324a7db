"""``StrictScipy``: the adapter that gives ``StrictArray`` its SciPy, as ``cupyx.scipy`` is CuPy's: SciPy's
functions computed on the arrays' data, their array results wrapped again. It takes StrictArrays, Python
and NumPy scalars and integer index arrays, and refuses NumPy float arrays, as CuPy's functions do."""
from autograd.numpy.backends import Adapter

from .strict_array import _unwrap, _wrap


class StrictScipy(Adapter):
    name = 'StrictArray'

    def scipy_function(self, module, name, fun, elementwise):
        def on_data(*args, **kwargs):
            return _wrap(fun(*_unwrap(args, name), **_unwrap(kwargs, name)))
        return on_data
