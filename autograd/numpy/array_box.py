"""``ArrayBox``: a traced array or scalar that behaves like a NumPy array.

Operators and methods call the ``autograd.numpy`` functions, so they are recorded like any other call.
Plain NumPy calls on a box (``numpy.sin(box)``, ``ndarray + box``) reach the same wrappers through
``__array_ufunc__`` and ``__array_function__``.
"""
import numpy as _np

from ..engine import CONSTANT, Box, BoxIfKind, TracedConversionError, getval, strip_finished
from ..engine.tracing import subclass_checks
from . import assignment
from . import wrapper as anp
from .subclasses import check_array_type


class ArrayBox(Box):
    # A box read from another by basic indexing is a view of it: _parent and _index say where it came
    # from, and the parent's _views hold weak references to it (see assignment.py).
    __slots__ = ('_parent', '_index', '_views', '__weakref__')
    __array_priority__ = 100.0

    # Traced values are arrays or NumPy scalars (Python numbers are traced as NumPy scalars), so the
    # value's own attributes answer these.
    @property
    def shape(self):
        return self._value.shape

    @property
    def ndim(self):
        return self._value.ndim

    @property
    def size(self):
        return self._value.size

    @property
    def dtype(self):
        return self._value.dtype

    @property
    def T(self):
        return anp.transpose(self)

    @property
    def mT(self):
        return anp.swapaxes(self, -1, -2)

    @property
    def real(self):
        return anp.real(self)

    @property
    def imag(self):
        return anp.imag(self)

    def __len__(self):
        return len(self._value)

    def __iter__(self):
        return (anp.getitem(self, i) for i in range(len(self._value)))

    def __getitem__(self, idx):
        result = anp.getitem(self, idx)
        if type(result) is ArrayBox and anp.is_basic_index(idx) and _is_view(result):
            assignment.track_view(self, result, idx)
        return result

    def __setitem__(self, idx, value):
        assignment.assign(self, idx, value)

    def __iadd__(self, other): return _in_place(self, anp.add, other)
    def __isub__(self, other): return _in_place(self, anp.subtract, other)
    def __imul__(self, other): return _in_place(self, anp.multiply, other)
    def __itruediv__(self, other): return _in_place(self, anp.true_divide, other)
    def __ipow__(self, other): return _in_place(self, anp.power, other)
    def __imatmul__(self, other): return _in_place(self, anp.matmul, other)
    def __ifloordiv__(self, other): return _in_place(self, anp.floor_divide, other)
    def __imod__(self, other): return _in_place(self, anp.remainder, other)

    def __array__(self, dtype=None, copy=None):
        # Integers and booleans carry no derivative, so a conversion to them (np.int64(x)) loses nothing.
        if dtype is None or _np.dtype(dtype).kind not in 'biu':
            return _np.asarray(_constant(self, 'numpy.asarray'), dtype)
        return _np.asarray(getval(self), dtype)

    def __format__(self, spec):
        return format(self._value, spec)

    def __getattr__(self, name):
        # Reached only for names ArrayBox does not define: read-only views of a constant's data.
        if name in _CONSTANT_ONLY:
            return getattr(_constant(self, name), name)
        raise AttributeError("'{}' object has no attribute '{}'".format(type(self).__name__, name))

    def __float__(self):
        return float(_constant(self, 'float'))

    def __int__(self):
        return int(getval(self))  # an integer carries no derivative: nothing is lost

    def __complex__(self):
        return complex(_constant(self, 'complex'))

    # The operators are the primitives themselves, which bind like methods: one Python call less per
    # operation. The reflected ones swap the operands.
    __neg__ = anp.negative
    __abs__ = anp.abs
    __add__ = anp.add
    __sub__ = anp.subtract
    __mul__ = anp.multiply
    __truediv__ = anp.true_divide
    __pow__ = anp.power
    __matmul__ = anp.matmul
    __mod__ = anp.remainder
    __floordiv__ = anp.floor_divide
    __eq__ = anp.equal
    __ne__ = anp.not_equal
    __lt__ = anp.less
    __le__ = anp.less_equal
    __gt__ = anp.greater
    __ge__ = anp.greater_equal

    def __pos__(self): return self
    def __radd__(self, other): return anp.add(other, self)
    def __rsub__(self, other): return anp.subtract(other, self)
    def __rmul__(self, other): return anp.multiply(other, self)
    def __rtruediv__(self, other): return anp.true_divide(other, self)
    def __rpow__(self, other): return anp.power(other, self)
    def __rmatmul__(self, other): return anp.matmul(other, self)
    def __rmod__(self, other): return anp.remainder(other, self)
    def __rfloordiv__(self, other): return anp.floor_divide(other, self)
    __hash__ = Box.__hash__

    def reshape(self, *shape, order='C'):
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = shape[0]
        return anp.reshape(self, shape, order=order)

    def transpose(self, *axes):
        if len(axes) == 1 and not isinstance(axes[0], int):
            axes = axes[0]
        return anp.transpose(self, axes or None)

    def astype(self, dtype, order='K', casting='unsafe', subok=True, copy=True):
        if not _np.can_cast(self.dtype, dtype, casting):
            raise TypeError("Cannot cast array data from {} to {} according to the rule {!r}".format(
                self.dtype, _np.dtype(dtype), casting))
        return anp.astype(self, dtype, copy=copy)

    def flatten(self, order='C'):
        return anp.ravel(self, order=order)

    def compress(self, condition, axis=None, out=None):
        return anp.compress(condition, self, axis, out)

    def sort(self, axis=-1, kind=None, order=None):
        raise TypeError("x.sort() sorts in place, which a traced array cannot do; use x = np.sort(x) instead")

    def conj(self):
        return anp.conjugate(self)

    conjugate = conj

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        wrapped = anp.dispatch.get(ufunc)
        out = kwargs.get('out')
        if out is not None and not any(isinstance(o, Box) for o in out):
            raise _traced_into_plain_array(ufunc)
        if method != '__call__' or wrapped is None or out is not None:
            return NotImplemented
        return wrapped(*inputs, **kwargs)

    def __array_function__(self, func, types, args, kwargs):
        wrapped = anp.dispatch.get(func)
        if wrapped is None:
            return NotImplemented
        if getattr(wrapped, '_is_autograd_primitive', False) and not _has_box(args):
            raise TypeError(
                "numpy.{0} was given traced values inside a list or tuple, which autograd cannot see "
                "there. Pass the arrays as separate arguments or use a function made for sequences "
                "(autograd.numpy.stack, concatenate, array).".format(func.__name__))
        return wrapped(*args, **kwargs)


_CONSTANT_ONLY = frozenset(['tolist', 'item', 'tobytes', 'itemsize', 'nbytes', 'strides'])


def _constant(box, kind):
    # A value of a finished differentiation can no longer lose a derivative by conversion.
    if box._trace is not CONSTANT and box._trace.active:
        raise _conversion_error(kind)
    return strip_finished(box)


def _is_view(box):
    value = box._value
    while isinstance(value, Box):
        value = value._value
    return isinstance(value, _np.ndarray) and value.base is not None


def _holds_array(box):
    value = box._value
    while isinstance(value, Box):
        value = value._value
    return isinstance(value, _np.ndarray) or type(value) in anp.adapters


def _in_place(box, fun, other):
    """``box op= other``: in place for arrays, as in NumPy; a new value for scalars (return NotImplemented)."""
    # No local name may hold the array here: assignment counts the references to it.
    if not _holds_array(box):
        return NotImplemented
    return assignment.update_in_place(box, fun, other)


def _has_box(args):
    return any(isinstance(a, Box) for a in args)


def _traced_into_plain_array(ufunc):
    # NumPy's own message ("operand type(s) all returned NotImplemented") does not say what to do.
    return TypeError(
        "numpy.{0} cannot write a traced value into a plain NumPy array (out=, or an in-place operator such as "
        "buf += x on an array made by numpy): autograd would lose its derivative. Make the array with "
        "autograd.numpy inside the differentiated function (buf = np.ones(3); buf += x), or use the result "
        "(buf = buf + x).".format(ufunc.__name__))


def _conversion_error(kind):
    return TracedConversionError(
        "{0}() of a traced value would drop it from the derivative. Keep it an array (use it directly, or "
        "index it), or call {0}() on autograd.tracer.getval(x) if you really want a constant. If it came from "
        "assigning into an array made by numpy (B[i] = x calls {0}(x)), make that array with autograd.numpy's "
        "creation functions inside the differentiated function (B = np.zeros(n), or B = np.copy(A) for an "
        "existing array), or use np.stack, np.where or autograd.numpy.index_update.".format(kind))


_METHODS = """
    all any argmax argmin argsort clip copy cumprod cumsum diagonal dot max mean min
    nonzero prod ptp ravel repeat round searchsorted squeeze std sum swapaxes take trace var
""".split()


def _method(name):
    def method(self, *args, **kwargs):
        # Looked up at call time: derivative modules may replace a function with a hand-written wrapper.
        return getattr(anp, name)(self, *args, **kwargs)
    method.__name__ = name
    method.__doc__ = getattr(_np.ndarray, name).__doc__ if hasattr(_np.ndarray, name) else None
    return method


for _name in _METHODS:
    setattr(ArrayBox, _name, _method(_name))
del _name


def _numpy_scalar_box(scalar_type):
    """Python floats are traced as NumPy scalars, so rules follow NumPy's arithmetic (1/0 is inf, not an error)."""
    return lambda value, trace, node: ArrayBox(scalar_type(value), trace, node)


ArrayBox.types.add(ArrayBox)
def _untraced_array(value, trace):
    """A result with no derivative: fine for integers and booleans, an error for objects (which may hold
    traced numbers, whose derivative would be lost)."""
    if value.dtype.kind == 'O' and trace is not CONSTANT:
        raise TypeError(
            "autograd cannot differentiate through arrays of dtype object: a traced operation gave one, so "
            "the derivative would be lost. Convert object arrays with numpy.asarray(a, dtype=float) (or "
            "complex) before using them with traced values.")
    return value


# Float and complex arrays are traced; integer and boolean arrays carry no derivative.
Box.type_mappings[_np.ndarray] = BoxIfKind(ArrayBox, 'fc', _untraced_array)
subclass_checks[_np.ndarray] = check_array_type
for _t in (_np.float16, _np.float32, _np.float64, _np.longdouble, _np.complex64,
           _np.complex128, _np.clongdouble):
    ArrayBox.register(_t)
Box.type_mappings[float] = _numpy_scalar_box(_np.float64)
Box.type_mappings[complex] = _numpy_scalar_box(_np.complex128)
del _t
