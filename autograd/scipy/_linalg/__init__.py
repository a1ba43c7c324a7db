"""The derivative rules of ``autograd.scipy.linalg``, grouped by kind of function; importing this package
registers them all on the primitives of ``namespace``."""
from . import (banded, basic, decompositions, equations, factored, matrix_functions, structured,  # noqa: F401
               schur, triangular)
