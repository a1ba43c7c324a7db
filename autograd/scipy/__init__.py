"""``autograd.scipy``: SciPy's special functions, distributions, linear algebra, signal processing and ODE
integration, differentiable.

SciPy is an optional dependency (``pip install autograd[scipy]``); ``autograd`` and ``autograd.numpy`` work
without it, and importing this package without it says how to install it.
"""
try:
    import scipy as _scipy  # noqa: F401
except ImportError as error:
    raise ImportError(
        "autograd.scipy needs SciPy, which is not installed. Install it with `pip install autograd[scipy]` "
        "(or `pip install scipy`).") from error

from . import integrate, linalg, misc, signal, special, stats  # noqa: F401,E402
from ._namespace import publish as _publish  # noqa: E402

# These modules import their helpers under public names; importers see only SciPy's names.
_publish(integrate)
_publish(signal)
