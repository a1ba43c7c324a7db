"""Kept for code written against HIPS Autograd's ``autograd.util``."""
import warnings

from .engine.nodes import toposort  # noqa: F401
from .wrap_util import subvals


def subval(args, i, value):
    """``args`` (a tuple) with ``args[i] = value``."""
    return subvals(args, ((i, value),))


def func(f):
    """``f`` itself (HIPS Autograd used this to turn ``grad(f)`` objects into plain functions)."""
    return f


deprecation_msg = "quick_grad_check is deprecated; use autograd.test_util.check_grads"


def quick_grad_check(fun, arg0, extra_args=(), kwargs={}, verbose=True):
    """Deprecated: use ``autograd.test_util.check_grads``."""
    from .test_util import check_grads
    warnings.warn(deprecation_msg, DeprecationWarning, stacklevel=2)
    check_grads(lambda x: fun(x, *extra_args, **kwargs), modes=['rev'], order=1)(arg0)
    if verbose:
        print('Gradient projection OK')
