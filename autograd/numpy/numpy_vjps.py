"""Kept for code written against HIPS Autograd's ``autograd.numpy.numpy_vjps``: the helpers that
extensions use to write rules. The rules themselves live in ``autograd.numpy.derivatives``."""
from . import wrapper as anp
from .derivatives.helpers import is_complex, replace_zero, unbroadcast  # noqa: F401


def unbroadcast_f(target, f):
    """The VJP ``g -> f(g)`` summed back over the axes along which ``target`` was broadcast."""
    return lambda g: unbroadcast(f(g), target)


def match_complex(target, x):
    """``x`` as a gradient for ``target``: its real part when ``target`` is real."""
    return anp.real(x) if is_complex(x) and not is_complex(target) else x


def untake(x, idx, vs):
    """The adjoint of ``A[idx]``: zeros of ``A``'s space ``vs`` with ``x`` added at ``idx``."""
    return anp.untake(x, idx, vs)
