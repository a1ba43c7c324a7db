"""CuPy arrays: everything through NumPy's dispatch, but for scatter-adds, host constants and SciPy's functions
(from ``cupyx.scipy``)."""
import functools
import importlib

from .generic import Adapter


class CupyAdapter(Adapter):
    name = 'CuPy'

    def add_at(self, target, idx, x):
        import cupyx
        cupyx.scatter_add(target, idx, x)
        return target

    def asarray(self, value, like):
        import cupy
        with cupy.cuda.Device(like.device):
            return cupy.asarray(value)

    def scipy_function(self, module, name, fun, elementwise):
        twin = 'cupyx.scipy.' + module
        try:
            return functools.reduce(getattr, name.split('.'), importlib.import_module(twin))
        except (ImportError, AttributeError):
            raise self.lacks(module, name, '{} has no {}'.format(twin, name)) from None


def adapter(array_type):
    return CupyAdapter()
