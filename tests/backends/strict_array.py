"""``StrictArray``: a CPU stand-in for a CuPy array, as strict as CuPy about leaving NumPy.

It holds an ndarray but is no ndarray: NumPy functions and ufuncs reach it only through
``__array_function__``/``__array_ufunc__``, which unwrap it, compute, and wrap every array result again.
Like CuPy it refuses ``__array__`` (a silent copy to the host) and NumPy arrays as operands, so a derivative
rule that builds a NumPy constant or converts a value with ``numpy.asarray`` fails here as it would on a GPU.
Python and NumPy scalars are accepted, as CuPy accepts them.
"""
import numpy as onp


class MixedOperandError(TypeError):
    """A NumPy array met a StrictArray, which CuPy refuses."""


class StrictArray:
    __slots__ = ('data',)
    __array_priority__ = 50.0  # below autograd's boxes, above ndarray

    def __init__(self, data):
        if isinstance(data, StrictArray):
            data = data.data
        self.data = onp.asarray(data)

    def __array__(self, dtype=None, copy=None):
        raise TypeError("StrictArray refuses implicit conversion to a NumPy array (as CuPy does); "
                        "use .get()")

    def get(self):
        return self.data.copy()

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if any(_foreign(i) for i in inputs):
            return NotImplemented  # let the other operand's type (an autograd box) answer
        out = kwargs.get('out')
        if out is not None and not all(isinstance(o, StrictArray) for o in out):
            raise MixedOperandError('numpy.{}: out= must be StrictArrays'.format(ufunc.__name__))
        name = ufunc.__name__
        if method == 'at':  # the index (second) may be a host array, as CuPy's scatter functions take them
            inputs = (inputs[0], _unwrap_index(inputs[1])) + tuple(inputs[2:])
        elif any(isinstance(i, onp.ndarray) for i in inputs):
            raise MixedOperandError('numpy.{} was given a NumPy array and a StrictArray, which CuPy refuses'
                                    .format(name))
        result = getattr(ufunc, method)(*_unwrap(inputs, name), **_unwrap(kwargs, name))
        if out is not None:
            return out[0] if len(out) == 1 else out
        return _wrap(result)

    def __array_function__(self, func, types, args, kwargs):
        if not all(issubclass(t, (StrictArray, onp.ndarray)) for t in types):
            return NotImplemented
        if func in (onp.asarray, onp.array):  # the explicit copy to the device, as cupy.asarray
            return StrictArray(func(*(a.data if isinstance(a, StrictArray) else a for a in args), **kwargs))
        return _wrap(func(*_unwrap(args, func.__name__), **_unwrap(kwargs, func.__name__)))

    shape = property(lambda self: self.data.shape)
    dtype = property(lambda self: self.data.dtype)
    ndim = property(lambda self: self.data.ndim)
    size = property(lambda self: self.data.size)
    T = property(lambda self: StrictArray(self.data.T))
    mT = property(lambda self: StrictArray(self.data.mT))
    real = property(lambda self: StrictArray(self.data.real))
    imag = property(lambda self: StrictArray(self.data.imag))
    flags = property(lambda self: self.data.flags)

    def __getattr__(self, name):
        # Methods (sum, reshape, astype, ...) run on the data; their array results are wrapped again.
        attr = getattr(self.data, name)
        if not callable(attr):
            raise AttributeError(name)

        def method(*args, **kwargs):
            return _wrap(attr(*_unwrap(args, name), **_unwrap(kwargs, name)))
        return method

    def __getitem__(self, idx):
        return _wrap(self.data[_unwrap_index(idx)])

    def __setitem__(self, idx, value):
        if isinstance(value, onp.ndarray) and value.ndim:
            raise MixedOperandError('StrictArray.__setitem__ was given a NumPy array')
        self.data[_unwrap_index(idx)] = value.data if isinstance(value, StrictArray) else value

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __bool__(self):
        return bool(self.data)

    def __float__(self):
        return float(self.data)

    def __int__(self):
        return int(self.data)

    def __complex__(self):
        return complex(self.data)

    def __index__(self):
        return self.data.__index__()

    def __repr__(self):
        return 'StrictArray({!r})'.format(self.data)

    __hash__ = None


def _ufunc_operator(ufunc, reflected=False):
    if reflected:
        return lambda self, other: ufunc(other, self)
    return lambda self, other: ufunc(self, other)


for _name, _ufunc in [('add', onp.add), ('sub', onp.subtract), ('mul', onp.multiply), ('truediv', onp.true_divide),
                      ('floordiv', onp.floor_divide), ('mod', onp.remainder), ('pow', onp.power),
                      ('matmul', onp.matmul), ('and', onp.bitwise_and), ('or', onp.bitwise_or),
                      ('xor', onp.bitwise_xor)]:
    setattr(StrictArray, '__{}__'.format(_name), _ufunc_operator(_ufunc))
    setattr(StrictArray, '__r{}__'.format(_name), _ufunc_operator(_ufunc, reflected=True))
    setattr(StrictArray, '__i{}__'.format(_name),
            lambda self, other, _u=_ufunc: _u(self, other, out=(self,)))
for _name, _ufunc in [('eq', onp.equal), ('ne', onp.not_equal), ('lt', onp.less), ('le', onp.less_equal),
                      ('gt', onp.greater), ('ge', onp.greater_equal)]:
    setattr(StrictArray, '__{}__'.format(_name), _ufunc_operator(_ufunc))
for _name, _ufunc in [('neg', onp.negative), ('pos', onp.positive), ('abs', onp.absolute),
                      ('invert', onp.invert)]:
    setattr(StrictArray, '__{}__'.format(_name), lambda self, _u=_ufunc: _u(self))
del _name, _ufunc


def _foreign(obj):
    return hasattr(type(obj), '__array_ufunc__') and not isinstance(obj, (StrictArray, onp.ndarray, onp.generic))


def _unwrap(obj, fun_name):
    if isinstance(obj, StrictArray):
        return obj.data
    if isinstance(obj, onp.ndarray) and obj.dtype.kind in 'fc':
        # Integer and boolean host arrays pass as indices and masks; float ones are values CuPy refuses.
        raise MixedOperandError('numpy.{} was given a NumPy float array among StrictArrays, which CuPy '
                                'refuses'.format(fun_name))
    if isinstance(obj, (list, tuple)):
        return type(obj)(_unwrap(o, fun_name) for o in obj)
    if isinstance(obj, dict):
        return {k: _unwrap(v, fun_name) for k, v in obj.items()}
    return obj


def _unwrap_index(idx):
    # CuPy indexes with host integer and boolean arrays as well as its own.
    if isinstance(idx, tuple):
        return tuple(i.data if isinstance(i, StrictArray) else i for i in idx)
    return idx.data if isinstance(idx, StrictArray) else idx


def _wrap(obj):
    # CuPy returns 0-d arrays where NumPy returns scalars.
    if isinstance(obj, (onp.ndarray, onp.generic)) and not isinstance(obj, (onp.str_, onp.bytes_)):
        return StrictArray(obj)
    if isinstance(obj, (list, tuple)) and not hasattr(obj, '_fields'):
        return type(obj)(_wrap(o) for o in obj)
    if hasattr(obj, '_fields'):  # namedtuples (linalg results)
        return type(obj)(*(_wrap(o) for o in obj))
    return obj


def to_strict(value, kinds='fc'):
    """Float and complex NumPy scalars, and arrays of the dtype ``kinds`` (float and complex by default), as
    StrictArrays; anything else as it is."""
    if isinstance(value, (onp.floating, onp.complexfloating)) or (
            isinstance(value, onp.ndarray) and value.dtype.kind in kinds):
        return StrictArray(value)
    if isinstance(value, (list, tuple)) and not hasattr(value, '_fields'):
        return type(value)(to_strict(v, kinds) for v in value)
    if type(value) is dict:
        return {k: to_strict(v, kinds) for k, v in value.items()}
    return value
