"""Vector spaces of NumPy arrays and of Python/NumPy scalars (real and complex)."""
import numpy as _np

from ..engine import CONSTANT, Box, VSpace, constant_value, getval
from ..engine.vspace import accumulators
from . import wrapper as anp
from .subclasses import check_array_type


def _integer_error(value):
    raise TypeError(
        "Can't differentiate with respect to an integer or boolean value ({!r}): it has no derivative. "
        "Pass a float instead (3.0 rather than 3, or x.astype(float) for an array).".format(value))


class ArrayVSpace(VSpace):
    """Real float arrays of one shape and dtype. Inner product: the sum of elementwise products."""
    __slots__ = ('shape', 'dtype', 'size', 'ndim')

    def __init__(self, value):
        self.shape = value.shape
        self.dtype = value.dtype
        if self.dtype.kind in 'biu':
            _integer_error(value)
        if self.dtype.kind not in 'fc':
            raise TypeError("Can't differentiate with respect to an array of dtype {}: only float and complex "
                            "arrays carry derivatives. Convert it with numpy.asarray(x, dtype=float) (or "
                            "complex).".format(self.dtype))
        self.size = value.size
        self.ndim = value.ndim

    def _key(self):
        return (self.shape, self.dtype)

    def zeros(self):
        return _np.zeros(self.shape, self.dtype)

    def ones(self):
        return _np.ones(self.shape, self.dtype)

    def standard_basis(self):
        for idx in _np.ndindex(*self.shape):
            v = _np.zeros(self.shape, self.dtype)
            v[idx] = 1
            yield v

    def randn(self):
        return _np.asarray(_np.random.randn(*self.shape), self.dtype)

    def mut_add(self, x, y):
        if (type(x) is _np.ndarray and type(y) is _np.ndarray and x.shape == y.shape
                and x.dtype == y.dtype):
            x += y
            return x
        return x + y

    def _inner_prod(self, x, y):
        return _np.real(_np.vdot(x, y))

    def cast(self, x):
        if type(x) is _np.ndarray and x.dtype == self.dtype and x.shape == self.shape and x.flags.writeable:
            return x  # the common case, decided without the conversions below
        if _traced(x):
            return _real_if_needed(self, x)
        x = constant_value(x)
        if type(x) in anp.adapters:
            return cast_in_its_library(self, x)
        x = _np.asarray(x)
        if x.shape != self.shape:
            raise ValueError(
                "A gradient for an array of shape {} came back with shape {}: a derivative rule returned "
                "the wrong shape (for a custom primitive, check its defvjp rule).".format(self.shape, x.shape))
        if x.dtype != self.dtype:
            if x.dtype.kind == 'c' and self.dtype.kind != 'c':
                x = x.real
            x = x.astype(self.dtype)
        elif not x.flags.writeable:
            x = x.copy()
        return x


class ComplexArrayVSpace(ArrayVSpace):
    """Complex arrays, seen as real vector spaces of twice the dimension."""
    __slots__ = ()
    iscomplex = True

    def randn(self):
        parts = _np.random.randn(2, *self.shape) / _np.sqrt(2)
        return _np.asarray(parts[0] + 1j * parts[1], self.dtype)

    def _covector(self, x):
        return _np.conj(x)


_REAL_SCALARS = frozenset([float, _np.float16, _np.float32, _np.float64, _np.longdouble])


class ScalarVSpace(VSpace):
    """Python and NumPy real scalars; gradients come back as the same scalar type."""
    __slots__ = ('scalar_type', 'dtype')
    shape = ()
    size = 1
    ndim = 0

    def __init__(self, value):
        self.scalar_type = type(value)
        self.dtype = _np.dtype(self.scalar_type)

    def _key(self):
        return (self.scalar_type,)

    def zeros(self):
        return self.scalar_type(0)

    def ones(self):
        return self.scalar_type(1)

    def standard_basis(self):
        yield self.ones()

    def randn(self):
        return self.scalar_type(_np.random.randn())

    def _inner_prod(self, x, y):
        return _np.real(_np.conj(x) * y)

    def cast(self, x):
        if type(x) in _REAL_SCALARS and not self.iscomplex:
            return self.scalar_type(x)  # the common case, without NumPy's generic ndim and real
        if _traced(x):
            return _real_if_needed(self, x)
        x = constant_value(x)
        if type(x) in anp.adapters:
            return cast_in_its_library(self, x)
        if _np.ndim(x) != 0:
            raise ValueError("A gradient for a scalar came back with shape {}: a derivative rule returned "
                             "the wrong shape.".format(_np.shape(x)))
        if not self.iscomplex:
            x = _np.real(x)
        return self.scalar_type(x)


class ComplexScalarVSpace(ScalarVSpace):
    __slots__ = ()
    iscomplex = True

    def randn(self):
        return self.scalar_type(complex(*_np.random.randn(2)) / _np.sqrt(2))

    def _covector(self, x):
        return _np.conj(x)


def cast_in_its_library(vs, x):
    """``x``, an array of another library, with ``vs``'s shape and dtype, left in its library: a gradient with
    respect to a NumPy value computed from, say, Dask data stays lazy."""
    if x.shape != vs.shape:
        raise ValueError(
            "A gradient for an array of shape {} came back with shape {}: a derivative rule returned "
            "the wrong shape (for a custom primitive, check its defvjp rule).".format(vs.shape, x.shape))
    if x.dtype.kind == 'c' and not vs.iscomplex:
        x = x.real
    return x if x.dtype == vs.dtype else x.astype(vs.dtype)


def _real_if_needed(vs, x):
    """A traced gradient gets the argument's dtype (a real one keeping only its real part), as a plain one does."""
    if not vs.iscomplex and _dtype(x).kind == 'c':
        x = anp.real(x)
    if _dtype(x) != vs.dtype:
        x = anp.astype(x, vs.dtype)
    return x


def _dtype(x):
    value = getval(x)
    dtype = getattr(value, 'dtype', None)
    return _np.result_type(value) if dtype is None else dtype


def _traced(x):
    """True for a box being differentiated (constant boxes are plain values here)."""
    return isinstance(x, Box) and x._trace is not CONSTANT


def _array_vspace(value):
    if type(value) is not _np.ndarray:
        check_array_type(type(value))
    if value.dtype.kind == 'c':
        return ComplexArrayVSpace(value)
    return ArrayVSpace(value)


VSpace.register(_np.ndarray, _array_vspace)
for _t in (float, _np.float16, _np.float32, _np.float64, _np.longdouble):
    ScalarVSpace.register(_t)
for _t in (complex, _np.complex64, _np.complex128, _np.clongdouble):
    ComplexScalarVSpace.register(_t)
for _t in (int, bool, _np.bool_, _np.integer):
    VSpace.register(_t, _integer_error)
del _t


def _accumulate_array(prev, c, prev_owned):
    if prev_owned and type(c) is _np.ndarray and prev.shape == c.shape and prev.dtype == c.dtype:
        prev += c
        return prev
    return prev + c


def _add_scalars(prev, c, prev_owned):
    return prev + c


accumulators[_np.ndarray] = _accumulate_array
for _t in (_np.float16, _np.float32, _np.float64, _np.longdouble, _np.complex64, _np.complex128,
           _np.clongdouble):
    accumulators[_t] = _add_scalars
del _t
