"""HIPS Autograd's ``autograd.numpy.numpy_wrapper``: the wrapped NumPy namespace and its helpers."""
import numpy as _np

from .wrapper import *  # noqa: F401,F403
from .wrapper import array, astype as _astype_primitive, concatenate_args, notrace_primitive, primitive, wrap_namespace  # noqa: F401

numpy_version = _np.__version__


def _astype(A, dtype, order='K', casting='unsafe', subok=True, copy=True):
    """``A.astype(dtype)`` for a plain or traced array."""
    if not _np.can_cast(_np.result_type(A), dtype, casting):
        raise TypeError("Cannot cast array data from {} to {} according to the rule {!r}".format(
            _np.result_type(A), _np.dtype(dtype), casting))
    return _astype_primitive(A, dtype, copy=copy)


def array_from_args(array_args, array_kwargs, *args):
    """``numpy.array(args, *array_args, **array_kwargs)``, traced through the separate ``args``."""
    return array(list(args), *array_args, **array_kwargs)
