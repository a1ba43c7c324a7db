"""CuPy arrays: everything through NumPy's dispatch, but for scatter-adds and host constants."""
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


def adapter(array_type):
    return CupyAdapter()
