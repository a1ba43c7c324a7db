"""ndarray subclasses: the derivative rules assume ndarray's arithmetic, so only subclasses known to keep
it are traced. Any other is refused with the fix, never differentiated into a silently wrong answer."""
import numpy as _np

KNOWN_SAFE = {_np.ndarray, _np.memmap}


def declare_safe(subclass):
    """Trace values of ``subclass`` like plain arrays: declare that its arithmetic and functions are ndarray's
    (results may keep the subclass)."""
    if not (isinstance(subclass, type) and issubclass(subclass, _np.ndarray)):
        raise TypeError('declare_safe takes an ndarray subclass, got {!r}'.format(subclass))
    KNOWN_SAFE.add(subclass)


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
