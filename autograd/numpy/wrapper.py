"""The ``autograd.numpy`` namespace: every public NumPy name, with functions wrapped as primitives.

Differentiable functions become primitives (their rules live in ``derivatives/``); functions whose results
carry no derivative (comparisons, index searches, shapes, dtype queries, integer and boolean results,
arrays built from shapes) become notrace primitives that run on plain values. Types and constants are
the NumPy objects themselves; of the submodules, ``linalg``, ``fft`` and ``random`` have wrapped twins.

This module's globals shadow Python builtins (``all``, ``sum``, ``abs``, ...): code below uses ``_py.``.
"""
import builtins as _py
import sys as _sys
import types

import numpy as _np

from ..engine import Box, constant_value, getval, notrace_primitive, primitive

NOTRACE = frozenset("""
    zeros ones empty eye identity arange zeros_like ones_like empty_like tri indices diag_indices
    diag_indices_from tril_indices triu_indices tril_indices_from triu_indices_from mask_indices
    equal not_equal greater greater_equal less less_equal logical_and logical_or logical_xor logical_not
    isnan isinf isfinite isneginf isposinf isnat isclose allclose array_equal array_equiv isreal iscomplex
    isrealobj iscomplexobj isscalar isfortran signbit any all spacing
    argmax argmin nanargmax nanargmin argsort argpartition argwhere nonzero flatnonzero searchsorted
    count_nonzero bincount digitize histogram histogram2d histogramdd histogram_bin_edges unique
    unique_all unique_counts unique_inverse unique_values isin in1d intersect1d union1d setdiff1d setxor1d
    shape ndim size result_type can_cast promote_types min_scalar_type common_type issubdtype isdtype
    iinfo finfo dtype floor ceil round around rint fix trunc floor_divide
    bitwise_and bitwise_or bitwise_xor bitwise_not bitwise_invert bitwise_left_shift bitwise_right_shift
    bitwise_count invert left_shift right_shift gcd lcm
    ravel_multi_index unravel_index lexsort may_share_memory shares_memory
    array_repr array_str array2string binary_repr base_repr einsum_path broadcast_shapes ix_
    bartlett blackman hamming hanning kaiser packbits unpackbits iterable mintypecode typename
    busday_count busday_offset is_busday datetime_as_string datetime_data format_float_positional
    format_float_scientific get_include get_printoptions getbufsize geterr geterrcall info
    printoptions set_printoptions setbufsize seterr seterrcall show_config show_runtime nested_iters
    frombuffer fromfile fromiter fromregex fromstring genfromtxt load loadtxt save savetxt savez
    savez_compressed from_dlpack frompyfunc
""".split())

__all__ = []
dispatch = {}
"""NumPy function or ufunc -> its autograd.numpy wrapper, for ``__array_function__``/``__array_ufunc__``."""
adapters = {}
"""Array type of another library -> its ``backends.Adapter`` (filled by ``backends``)."""


def _wants_wrapping(obj):
    return callable(obj) and not isinstance(obj, (type, types.ModuleType))


def _found_by_name(obj):
    module = _sys.modules.get(getattr(obj, '__module__', None) or '')
    return getattr(module, getattr(obj, '__qualname__', ''), None) is obj


def wrap_namespace(source, target, notrace=NOTRACE, forward=None):
    """Copy the public names of ``source`` into ``target``, wrapping callables as (notrace) primitives.

    ``forward(name, obj)``, if given, is the function the primitive of ``obj`` calls (by default ``obj``)."""
    names = []
    for name, obj in source.items():
        if name.startswith('_') or isinstance(obj, types.ModuleType):
            continue
        if _wants_wrapping(obj):
            wrapped = dispatch.get(obj)
            if wrapped is None:
                body = forward(name, obj) if forward else obj
                wrapped = notrace_primitive(body) if name in notrace else primitive(body)
                dispatch[obj] = wrapped
            obj = wrapped
            if not _found_by_name(obj):  # pickle finds functions by name: point it at this home
                obj.__module__, obj.__qualname__ = target['__name__'], name
        target[name] = obj
        names.append(name)
    return names


def _sum(a, axis=None, dtype=None, out=None, keepdims=_np._NoValue, initial=_np._NoValue, where=_np._NoValue):
    # numpy.sum's Python layers cost more than reducing a small array: a plain array goes straight to the
    # reduction that numpy.sum would call.
    if type(a) is _np.ndarray and initial is _np._NoValue and where is _np._NoValue:
        return _np.add.reduce(a, axis, dtype, out, keepdims=False if keepdims is _np._NoValue else keepdims)
    # By keyword, and only those given: array libraries' sum signatures differ from NumPy's.
    given = {'keepdims': keepdims, 'initial': initial, 'where': where}
    given = {key: value for key, value in given.items() if value is not _np._NoValue}
    return _np.sum(a, axis=axis, dtype=dtype, out=out, **given)


def _astype(x, dtype, /, *, copy=True, device=None):
    if type(x) in adapters:  # some libraries (Dask) have only the method
        return x.astype(dtype, copy=copy)
    return _np.astype(x, dtype, copy=copy, device=device)


for _fun, _numpy_fun in ((_sum, _np.sum), (_astype, _np.astype)):
    for _attr in ('__name__', '__qualname__', '__module__', '__doc__'):
        setattr(_fun, _attr, getattr(_numpy_fun, _attr))
    dispatch[_numpy_fun] = primitive(_fun)
    dispatch[_numpy_fun].__wrapped__ = _numpy_fun
del _attr, _fun, _numpy_fun

__all__ += wrap_namespace(vars(_np), globals())


lacking = []
"""Names autograd has rules for that the installed NumPy does not have (NumPy removes names over time)."""


def numpy_has(name):
    """Whether the installed NumPy has ``name``; a missing one is noted in ``lacking`` for the coverage table.

    Rules for a name that some supported NumPy lacks are defined under ``if numpy_has(name):``, so that
    ``import autograd`` never looks up a name NumPy may have removed.
    """
    if hasattr(_np, name):
        return True
    if name not in lacking:
        lacking.append(name)
    return False


def define_wrapper(name, numpy_fun):
    """Decorator: make ``name`` in this namespace the decorated function, standing in for ``numpy_fun``.

    For functions that cannot be plain primitives, e.g. those taking sequences of arrays, which they
    pass on to a primitive taking the arrays as separate arguments.
    """
    def decorate(fun):
        fun.__name__ = name
        fun.__doc__ = numpy_fun.__doc__
        fun.__wrapped__ = numpy_fun
        globals()[name] = fun
        dispatch[numpy_fun] = fun
        if name not in __all__:
            __all__.append(name)
        return fun
    return decorate


@primitive
def getitem(A, idx):
    return A[idx]


@primitive
def untake(x, idx, vs):
    """The array of space ``vs`` that is zero but for ``x`` added at ``idx`` (the adjoint of indexing)."""
    return add_at(vs.zeros(), idx, x)


def on_backend_of(x, value):
    """A host constant ``value`` (a NumPy array or number) on ``x``'s array library: as it is for NumPy ``x``.

    Array libraries such as CuPy refuse NumPy operands, so constants a rule builds with NumPy go through here.
    """
    like = getval(x)
    adapter = adapters.get(type(like))
    if adapter is None:
        return value
    value = constant_value(value)  # constants made with autograd.numpy inside traced code are boxed
    if type(getval(value)) in adapters:
        return value
    if isinstance(value, Box):
        return _moved(value, like)
    return adapter.asarray(value, like=like)


@primitive
def _moved(value, like):
    """Host ``value`` on ``like``'s library; traced, for a host parameter (a Python number) that meets them."""
    return adapters[type(like)].asarray(value, like=like)


def foreign_array(values):
    """The first of ``values`` that belongs to another array library (through any boxes), or None."""
    for value in values:
        if type(getval(value)) in adapters:
            return getval(value)
    return None


def refuse_on_backend(name, x):
    """Raise NotImplementedError if ``x``'s array library cannot give ``name`` the result its rules assume."""
    adapter = adapters.get(type(getval(x)))
    if adapter is not None and name in adapter.refuses:
        raise NotImplementedError('{} on {} arrays: {}'.format(name, adapter.name, adapter.refuses[name]))


def contains_foreign(obj):
    """True for an array of another library, or a list or tuple with one somewhere inside."""
    if not adapters:  # no other library in use: nothing to look for
        return False
    if not isinstance(obj, (list, tuple)):
        return type(obj) in adapters
    kinds = set(map(type, obj))  # one pass at C speed, as contains_box
    return _py.any(k in adapters for k in kinds) or (
        _py.any(issubclass(k, (list, tuple)) for k in kinds) and _py.any(map(contains_foreign, obj)))


def add_at(A, idx, x):
    """``A[idx] += x``, adding repeated indices as often as they occur; in place where the library allows,
    so the result is returned."""
    if type(A) is not _np.ndarray and type(A) in adapters:
        return adapters[type(A)].add_at(A, idx, x)
    if is_basic_index(idx):
        A[idx] += x
    else:
        _np.add.at(A, idx, x)
    return A


def is_basic_index(idx):
    """True for indices made only of ints, slices, None and Ellipsis (which never repeat an element)."""
    if type(idx) is not tuple:
        idx = (idx,)
    return _py.all(i is None or i is Ellipsis or type(i) in (int, slice) or isinstance(i, _np.integer)
               for i in idx)


@primitive
def full_primitive(fill_value, shape, dtype=None, order='C'):
    # NumPy's full dispatches on like= only: an array of another library is filled in that library.
    like = fill_value if type(fill_value) in adapters else None
    return _np.full(shape, fill_value, dtype, order, like=like)


@define_wrapper('full', _np.full)
def full(shape, fill_value, dtype=None, order='C', **kwargs):
    return full_primitive(fill_value, shape, dtype, order, **kwargs)


@primitive
def stack_args(axis, *arrays):
    return _np.stack(_promoted(arrays), axis=axis)


@define_wrapper('stack', _np.stack)
def stack(arrays, axis=0, out=None, *, dtype=None):
    refuse_out('stack', out)
    result = stack_args(axis, *arrays)
    return result if dtype is None else astype(result, dtype)


@primitive
def concatenate_args(axis, *arrays):
    return _np.concatenate(_promoted(arrays), axis=axis)


def _promoted(arrays):
    """NumPy constants among arrays of another library, moved to that library (which refuses mixing)."""
    like = foreign_array(arrays)
    return arrays if like is None else [on_backend_of(like, a) for a in arrays]


@define_wrapper('concatenate', _np.concatenate)
def concatenate(arrays, axis=0, out=None, *, dtype=None):
    refuse_out('concatenate', out)
    if axis is None:
        arrays = [ravel(a) for a in arrays]
        axis = 0
    result = concatenate_args(axis, *arrays)
    return result if dtype is None else astype(result, dtype)


if numpy_has('concat'):
    globals()['concat'] = concatenate
    dispatch[_np.concat] = concatenate


def refuse_out(name, out):
    """Hand-written wrappers cannot write into ``out=``: they return a new (possibly traced) array."""
    if out is not None:
        raise TypeError("autograd.numpy.{} cannot write into out=; use its return value instead".format(name))
