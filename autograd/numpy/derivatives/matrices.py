"""Helpers of the linear-algebra rules (``numpy.linalg`` and ``scipy.linalg``): transposes over stacks of
matrices, the Hermitian matrix that one-triangle routines read, and right-hand sides as columns."""
from .. import wrapper as anp
from .helpers import shape_of


def T(x):
    return anp.swapaxes(x, -1, -2)


def H(x):
    return anp.conj(anp.swapaxes(x, -1, -2))


def sym(x):
    return 0.5 * (x + H(x))


def lower_half(x):
    """The strictly lower triangle of ``x`` plus half its diagonal."""
    return 0.5 * (anp.tril(x) + anp.tril(x, -1))


def hermitian_from_half(x, UPLO='L'):
    """The Hermitian matrix made of ``x``'s lower (or upper) triangle and the real part of its diagonal:
    what LAPACK's Hermitian routines read. Linear, so it maps tangents too."""
    return 2.0 * sym(lower_half(x if UPLO.upper() == 'L' else H(x)))


def half_gradient(g, UPLO='L'):
    """The adjoint of ``hermitian_from_half``: a standard cotangent of the matrix read, as one of ``x``."""
    half = 2.0 * lower_half(sym(g))
    return half if UPLO.upper() == 'L' else H(half)


def column(x, b):
    """A 1-D right-hand side ``b`` (and things shaped like it) as a column, as the solvers read it."""
    return x[..., None] if len(shape_of(b)) == 1 else x


def uncolumn(x, b):
    return x[..., 0] if len(shape_of(b)) == 1 else x
