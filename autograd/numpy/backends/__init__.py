"""Array libraries other than NumPy: CuPy, Dask, and any array type that speaks NumPy's dispatch protocols.

Rules call ``autograd.numpy`` functions, and NumPy hands a foreign array to its own library through
``__array_ufunc__`` and ``__array_function__``; what NumPy cannot dispatch (``add.at``, functions a library
lacks) comes from the library's ``Adapter``. A library is registered the first time one of its arrays
reaches autograd, so ``import autograd`` never imports CuPy or Dask.
"""
import functools
import importlib
import itertools

import numpy as _np

from ...engine import Box, BoxIfKind, VSpace, isbox
from ...engine.tracing import type_finders
from .. import wrapper as anp
from ..array_box import ArrayBox
from .generic import Adapter, foreign_vspace

__all__ = ['Adapter', 'register_array_type', 'adapter_of', 'scipy_on_backends', 'settle']

_ADAPTER_MODULES = {'dask': '.dask', 'cupy': '.cupy'}
"""Top-level module of an array type -> the module here whose ``adapter(array_type)`` serves it."""

_adapters = anp.adapters


def register_array_type(array_type, adapter=None):
    """Differentiate values of ``array_type``, an array class of another library, like NumPy arrays.

    The class must implement ``__array_ufunc__`` and ``__array_function__`` (NumPy's dispatch protocols) and
    have ``shape``, ``dtype``, ``ndim`` and ``size``. ``adapter``, an ``Adapter`` (default: the generic one),
    supplies what the protocols cannot reach, such as scatter-adding into an array.
    """
    if not (hasattr(array_type, '__array_ufunc__') and hasattr(array_type, '__array_function__')):
        raise TypeError(
            "register_array_type: {} does not implement __array_ufunc__ and __array_function__, through "
            "which autograd.numpy reaches its library; wrap it in a class that does.".format(
                array_type.__qualname__))
    if issubclass(array_type, _np.ndarray):
        raise TypeError("register_array_type: {} is an ndarray subclass; use "
                        "autograd.numpy.subclasses.declare_safe for it".format(array_type.__qualname__))
    _adapters[array_type] = adapter or Adapter()
    Box.type_mappings[array_type] = BoxIfKind(ArrayBox, 'fc')
    VSpace.register(array_type, _foreign_vspace)


def adapter_of(value):
    """The adapter of ``value``'s array library; None for NumPy values and non-arrays."""
    return _adapters.get(type(value))


def scipy_on_backends(module, name, fun, elementwise=False):
    """``fun``, SciPy's ``scipy.<module>.<name>``, computing on the array library of its arguments; ufuncs, and
    functions declared ``elementwise``, may be applied blockwise.

    A single-output ufunc is returned as it is: NumPy hands another library's arrays to that library's
    ``__array_ufunc__`` (Dask applies it blockwise, CuPy finds it in ``cupyx.scipy.special``), and NumPy
    values pay nothing. Any other function calls, for another library's arrays, the one that library's
    adapter provides (``Adapter.scipy_function``), which refuses what the library cannot compute.
    """
    ufunc = isinstance(fun, _np.ufunc)
    if ufunc and fun.nout == 1:
        return fun

    @functools.wraps(fun)
    def on_backend(*args, **kwargs):
        adapter = _library_of(itertools.chain(args, kwargs.values()))
        if adapter is not None:
            return adapter.scipy_function(module, name, fun, elementwise or ufunc)(*args, **kwargs)
        return fun(*args, **kwargs)
    if ufunc:  # its arity, for code that reads it
        on_backend.nin, on_backend.nout = fun.nin, fun.nout
    return on_backend


def _library_of(values):
    """The adapter of the first of ``values`` from another array library (registered now if it is new)."""
    for value in values:
        adapter = _adapter_for(type(value))
        if adapter is not None:
            return adapter
    return None


def _adapter_for(value_type):
    """The adapter of ``value_type``'s library, registered on first sight; None for NumPy and non-arrays."""
    return _adapters[value_type] if value_type in _adapters or _find_array_type(value_type) else None


def settle(*values):
    """``values`` with those of lazy libraries (Dask) computed in one call per library, as a loop that
    builds each step on the last one's results needs (its graphs would grow with the steps otherwise).
    Eager libraries' values and traced values come back as they are, in a tuple.

    >>> settle(1.0, _np.ones(2))
    (1.0, array([1., 1.]))
    """
    lazy = {}
    for i, value in enumerate(values):
        if type(value) is _np.ndarray or isbox(value):
            continue
        adapter = _adapter_for(type(value))
        if adapter is not None and not adapter.eager:
            lazy.setdefault(adapter, []).append(i)
    if not lazy:
        return values
    settled = list(values)
    for adapter, positions in lazy.items():
        for i, value in zip(positions, adapter.settle([values[i] for i in positions])):
            settled[i] = value
    return tuple(settled)


def _foreign_vspace(value):
    return foreign_vspace(value, _adapters[type(value)])


def _find_array_type(value_type):
    if value_type in _adapters or issubclass(value_type, (_np.ndarray, _np.generic)):
        return False
    if not (hasattr(value_type, '__array_ufunc__') and hasattr(value_type, '__array_function__')):
        return False
    library = (getattr(value_type, '__module__', None) or '').partition('.')[0]
    adapter = None
    if library in _ADAPTER_MODULES:
        adapter = importlib.import_module(_ADAPTER_MODULES[library], __name__).adapter(value_type)
    register_array_type(value_type, adapter)
    return True


type_finders.append(_find_array_type)
