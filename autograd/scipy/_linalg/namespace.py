"""SciPy's ``scipy.linalg`` wrapped as primitives, and the functions written here in place of SciPy's. The
rule modules beside this one read and extend it; ``autograd.scipy.linalg`` exposes its ``__all__``."""
import functools

import scipy.linalg as _source

from ...numpy.backends import scipy_on_backends
from ...numpy.wrapper import wrap_namespace

# Functions whose results carry no derivative: LAPACK/BLAS lookups, structure tests, matrices built
# from sizes alone.
NOTRACE = frozenset("""
    get_blas_funcs get_lapack_funcs find_best_blas_type issymmetric ishermitian bandwidth
    hilbert invhilbert pascal invpascal dft hadamard helmert
""".split())


@functools.cache
def _on_backends(name):
    return scipy_on_backends('linalg', name, getattr(_source, name))


class _ScipyLinalg:
    """``scipy.linalg`` for the rules that call SciPy's functions on plain values: each computes on its
    arguments' array library (CuPy's ``cupyx.scipy.linalg``, say), not necessarily SciPy's."""

    def __getattr__(self, name):
        return _on_backends(name)


scipy_linalg = _ScipyLinalg()

__all__ = wrap_namespace(vars(_source), globals(), NOTRACE, forward=lambda name, fun: _on_backends(name))


def refuse(name, why):
    raise NotImplementedError("autograd.scipy.linalg.{}: {}".format(name, why))


def replaces(fun):
    """Decorator: ``fun`` stands in for SciPy's function of the same name, with its documentation."""
    source_fun = getattr(_source, fun.__name__)
    fun.__doc__ = source_fun.__doc__
    if not hasattr(fun, '__wrapped__'):
        fun.__wrapped__ = source_fun
    fun.__module__, fun.__qualname__ = __name__, fun.__name__
    globals()[fun.__name__] = fun
    return fun
