"""``autograd.numpy``: NumPy, with every differentiable function traced. Use it as ``import autograd.numpy as np``.

Every public name of the installed NumPy is here, with NumPy's docstring; docs/coverage.md lists which
functions have derivative rules. Its own additions are below: functional assignment and AliasingError.
"""
from numpy import __version__  # noqa: F401 (NumPy's, as HIPS Autograd has it)
from . import array_box, backends, derivatives, memory, vspaces  # noqa: F401 (register boxes, rules, spaces, the cache)
from .assignment import (AliasingError, index_add, index_update, install_creation_functions,
                         install_in_place_writers)

install_creation_functions()
install_in_place_writers()
from .wrapper import *  # noqa: F401,F403,E402
from . import fft, linalg, random  # noqa: F401
from . import numpy_boxes, numpy_jvps, numpy_vjps, numpy_vspaces, numpy_wrapper  # noqa: F401,E402 (HIPS paths)
