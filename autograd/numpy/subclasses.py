"""ndarray subclasses: the derivative rules assume ndarray's arithmetic, so only subclasses known to keep
it are traced. Any other is refused with the fix, never differentiated into a silently wrong answer.

A subclass that libraries trace (declared safe here, or entered in ``Box.type_mappings`` as libraries built
on HIPS Autograd do) gets its own ``__array_ufunc__`` wrapped to return NotImplemented when a traced value
is an operand. NumPy's protocol asks that of every override, but a subclass that defers to
``ndarray.__array_ufunc__`` and wraps whatever comes back turns that NotImplemented into an object array:
``constant * x`` then gives garbage instead of letting the traced operand's ``__array_ufunc__`` compute it.
"""
import functools

import numpy as _np

from ..engine import Box
from ..engine.tracing import registration_listeners

KNOWN_SAFE = {_np.ndarray, _np.memmap}


def declare_safe(subclass):
    """Trace values of ``subclass`` like plain arrays: declare that its arithmetic and functions are ndarray's
    (results may keep the subclass)."""
    if not (isinstance(subclass, type) and issubclass(subclass, _np.ndarray)):
        raise TypeError('declare_safe takes an ndarray subclass, got {!r}'.format(subclass))
    KNOWN_SAFE.add(subclass)
    defer_to_traced_operands(subclass)


def defer_to_traced_operands(value_type):
    """Wrap the ``__array_ufunc__`` of ndarray subclass ``value_type``, if it has its own, to return
    NotImplemented when an operand (or ``out``) is traced, so the traced value's override computes the call."""
    if not (isinstance(value_type, type) and issubclass(value_type, _np.ndarray)):
        return
    own = value_type.__array_ufunc__
    if own is _np.ndarray.__array_ufunc__ or getattr(own, 'defers_to_traced_operands', False):
        return

    @functools.wraps(own)
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if any(isinstance(x, Box) for x in inputs + kwargs.get('out', ())):
            return NotImplemented
        return own(self, ufunc, method, *inputs, **kwargs)

    __array_ufunc__.defers_to_traced_operands = True
    try:
        value_type.__array_ufunc__ = __array_ufunc__
    except TypeError:
        pass  # a compiled type with immutable attributes: it keeps its own behaviour


registration_listeners.append(defer_to_traced_operands)


def check_array_type(value_type):
    """Raise TypeError, naming the fix, unless values of ``value_type`` are traced exactly like arrays."""
    if value_type in KNOWN_SAFE:
        return
    if issubclass(value_type, _np.matrix):
        raise TypeError(
            "autograd does not differentiate numpy.matrix values: '*' and '**' are matrix products for them, "
            "so rules written for arrays would give wrong derivatives. Convert with numpy.asarray(m) (and "
            "use @ for matrix products).")
    if issubclass(value_type, _np.ma.MaskedArray):
        raise TypeError(
            "autograd does not differentiate masked arrays: the derivative would ignore the mask. Apply the "
            "mask first and pass a plain array, e.g. x.filled(0.0) or numpy.asarray(x) with np.where(mask, "
            "0.0, x) inside the function.")
    raise TypeError(
        "autograd does not differentiate values of {}.{}, an ndarray subclass whose operations may differ "
        "from ndarray's, which the derivative rules assume. Convert with numpy.asarray(x), or declare the "
        "class safe with autograd.numpy.subclasses.declare_safe if it keeps ndarray's arithmetic.".format(
            value_type.__module__, value_type.__qualname__))
