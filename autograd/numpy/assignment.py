"""Assignment into arrays inside differentiated code: ``B[idx] = v``, ``x[idx] += y``, ``x *= y``.

A traced array is immutable underneath: its value may be recorded on the tape. Assigning into it
records ``index_update`` (a copy with ``B[idx] = v``) and rebinds the box to the result, so every name
for ``B`` sees the new value, as in NumPy. Arrays created inside differentiated code by
``autograd.numpy`` (``zeros``, ``ones``, ``full``, ``array``, ...) are constant boxes, so they take traced
values too. ``index_update`` and ``index_add`` are also the functional form, for code that prefers no
mutation.

Views follow NumPy where autograd can see them: an array read by basic indexing (``row = B[0]``) is a
view of ``B``; writing into ``row`` writes into ``B``, and writing into ``B`` updates ``row``. Any other
sharing of memory (views made by ``reshape``, ``transpose``, ``.T``, ``ravel``, ...) is refused at the
assignment with ``AliasingError``, which says to take a copy: never a silently stale value.
"""
import sys
import weakref

import numpy as _np

from ..engine import (CONSTANT, Box, DeadTraceError, active_traces, defjvp, defvjp, finished, getval, primitive,
                      tracing_active)
from . import wrapper as anp
from .derivatives.helpers import is_complex, shape_of, unbroadcast


class AliasingError(TypeError, ValueError):
    """Assigning into a traced array that another, untracked array shares memory with (a view made by
    reshape, transpose, .T or ravel, or the caller's array): NumPy would change both, which autograd cannot
    follow. Take a copy first (``x = x.copy()``). A TypeError, as assignment into a traced array is in HIPS
    Autograd, and a ValueError."""


@primitive
def index_update(x, idx, v):
    """A copy of ``x`` with ``x[idx] = v``: NumPy's assignment (``v`` broadcast and cast to ``x``'s dtype;
    where an index repeats, the last write wins), as a function that differentiates.

    >>> index_update(np.zeros(3), 1, 5.0)
    array([0., 5., 0.])
    """
    if _np.iscomplexobj(v) and not _np.iscomplexobj(x):
        raise TypeError("Cannot assign complex values into a real array of dtype {}; make the array complex "
                        "first (x.astype(complex)).".format(_np.result_type(x)))
    out = _copy_for(x, v)
    out[idx] = anp.on_backend_of(out, v)
    return out


@primitive
def index_add(x, idx, v):
    """A copy of ``x`` with ``v`` added at ``idx``; where an index repeats, every addition counts
    (``numpy.add.at``), unlike ``x[idx] += v``.

    >>> index_add(np.zeros(3), [0, 0, 2], 1.0)
    array([2., 0., 1.])
    """
    out = _copy_for(x, v, dtype=_np.result_type(x, v))
    return anp.add_at(out, idx, anp.on_backend_of(out, v))


def _copy_for(x, v, dtype=None):
    """A copy of ``x`` to write ``v`` into, in ``v``'s array library when that is another than NumPy and ``x`` is
    NumPy's (a constant such as ``np.zeros(n)`` is promoted to the library of the values put in it)."""
    if type(x) in anp.adapters:
        out = _np.copy(x)
        return out if dtype is None else out.astype(dtype)
    return anp.on_backend_of(v, _np.array(x, copy=True, dtype=dtype))


def _landed(x_shape, idx, region_shape):
    """Which elements of the (broadcast) assigned value ``x[idx] = v`` keeps: the last write at each index."""
    labels = _np.full(x_shape, -1, dtype=_np.intp)
    ids = _np.arange(int(_np.prod(region_shape)), dtype=_np.intp).reshape(region_shape)
    labels[idx] = ids
    return labels[idx] == ids


def _update_vjp_v(g, ans, x, idx, v):
    read = anp.getitem(g, idx)
    if not anp.is_basic_index(idx):
        read = anp.where(_landed(shape_of(x), idx, shape_of(read)), read, anp.zeros_like(read))
    return unbroadcast(read, v)


def _zero_like_value(g):
    return 0j if is_complex(g) else 0.0


defvjp(index_update, lambda ans, x, idx, v: lambda g: index_update(g, idx, _zero_like_value(g)), None,
       lambda ans, x, idx, v: lambda g: _update_vjp_v(g, ans, x, idx, v))
defjvp(index_update, lambda g, ans, x, idx, v: index_update(g, idx, _zero_like_value(g)), None,
       lambda g, ans, x, idx, v: index_update(anp.zeros_like(ans, dtype=_np.result_type(ans, g)), idx, g))
defvjp(index_add, lambda ans, x, idx, v: lambda g: g, None,
       lambda ans, x, idx, v: lambda g: unbroadcast(anp.getitem(g, idx), v))
defjvp(index_add, lambda g, ans, x, idx, v: g, None,
       lambda g, ans, x, idx, v: index_add(anp.zeros_like(ans, dtype=_np.result_type(ans, g)), idx, g))


# Views of traced arrays made by basic indexing: the view knows its parent and index, the parent keeps
# weak references to its views. Nothing else is tracked, so code that never assigns pays only this.

def track_view(parent, view, idx):
    view._parent = parent
    view._index = idx
    try:
        views = parent._views
    except AttributeError:
        views = parent._views = []
    if len(views) >= 32 and len(views) & (len(views) - 1) == 0:  # at powers of two, forget dead views
        views[:] = [ref for ref in views if ref() is not None]
    views.append(weakref.ref(view))


def _live_views(box):
    views = [ref() for ref in getattr(box, '_views', ())]
    return [v for v in views if v is not None and getattr(v, '_parent', None) is box]


def _rebind(box, new):
    """Make ``box`` the value ``new`` (a box, or a plain value made constant)."""
    if not isinstance(new, Box):
        new = type(box)(new, CONSTANT, None)
    box._value, box._trace, box._node = new._value, new._trace, new._node


def _innermost(box):
    value = box._value
    while isinstance(value, Box):
        value = value._value
    return value


def _tapes_to_search(box, whole=False):
    """``(tape, start)`` pairs that may hold ``box``'s array: its own reverse trace's tape from where the
    array was made (from the start if ``whole``, for arrays made before it), or, for constants and nested
    or forward traces, every running trace's whole tape."""
    if type(box._node) is int and not isinstance(box._value, Box):
        return [(box._trace.tape, 1 if whole else box._node)]
    return [(trace.tape, 1) for trace in active_traces() if getattr(trace, 'tape', None)]


def _unexplained_references(box, views, of_base=False):
    """Whether something besides the history refers to ``box``'s array (or to the array that one is a view
    of): references from the tapes (the array itself, boxes of it, views of it that only the tapes hold)
    and from tracked views are history. Only this frame may name the array while it counts."""
    array, own = _innermost(box), None
    if of_base:
        own, array = array, array.base
    holder = box
    while isinstance(holder._value, Box):
        holder = holder._value
    slots = 0
    boxes = set()
    found_views = {}  # id -> [view, tape slots holding it, ids of boxes holding it, tracked]

    def visit(x, tracked=False):
        nonlocal slots
        if x is array:
            slots += 1
            return
        holding = None
        while isinstance(x, Box):
            if x._value is array:
                if x is not holder:
                    boxes.add(id(x))
                return
            holding, x = x, x._value
        if type(x) is _np.ndarray and x.base is array and x is not own:  # own: the holder of its base
            found = found_views.setdefault(id(x), [x, 0, set(), False])
            if holding is None:
                found[1] += 1
            else:
                found[2].add(id(holding))
            found[3] = found[3] or tracked
    _visit_history(box, views, visit, whole=of_base)
    # array: its holder (the box, or the base pointer of the box's view), this frame's name, getrefcount's
    # argument, then the history.
    if sys.getrefcount(array) > 3 + slots + len(boxes) + len(found_views):
        return True
    # A view on the tapes is history only if nothing else holds it (a user's reshape of the array would):
    # its references are found_views' list, the loop's name, getrefcount's argument, and what was found.
    return any(not tracked and sys.getrefcount(view) > 3 + tape_slots + len(holding_boxes)
               for view, tape_slots, holding_boxes, tracked in found_views.values())


def _visit_history(box, views, visit, whole):
    """Call ``visit`` on every value the relevant tapes recorded, and on the tracked views. (A function of its
    own, so that no loop variable outlives it holding a reference the caller is counting.)"""
    for tape, start in _tapes_to_search(box, whole):
        for entry in tape[start:]:
            if entry is not None:
                _, args, kwargs, ans, _, _ = entry
                visit(ans)
                for a in args:
                    visit(a)
                for v in kwargs.values():
                    visit(v)
    for view in views:
        visit(view, tracked=True)


def _aliasing(detail):
    return AliasingError(
        "Cannot assign into this traced array: {}. NumPy would change the other array too, which autograd "
        "cannot follow. Take a copy first (x = x.copy()), or assign into the array it came from.".format(detail))


def _check_unaliased(box, views):
    """Refuse to write into ``box`` when an array that autograd does not track shares its memory."""
    if finished(box):  # its history, which tells the references apart, went with its differentiation
        raise DeadTraceError(
            "Cannot assign into an array traced by a differentiation that has already finished. Assign into "
            "a copy of its plain value instead: x = numpy.array(autograd.tracer.getval(x)).")
    kind = type(_innermost(box))
    if kind is not _np.ndarray and kind not in anp.adapters:
        raise TypeError("'{}' object (a traced scalar) does not support item assignment".format(kind.__name__))
    if _unexplained_references(box, views):
        raise _aliasing('another array refers to its memory: a view of it (made by reshape, transpose, .T, '
                        'ravel, ...), or the caller\'s array when it is the differentiated argument itself')
    # Other libraries' views (CuPy's reshape) are not seen: their arrays have no NumPy base to compare.
    if kind is _np.ndarray and _innermost(box).base is not None and _unexplained_references(box, views,
                                                                                             of_base=True):
        raise _aliasing('it is a view (made by reshape, transpose, .T, ravel, ...) of another array')


def assign(box, idx, value):
    """``box[idx] = value`` with NumPy's semantics, for a (possibly constant) traced array ``box``."""
    parent = getattr(box, '_parent', None)
    if parent is not None:
        assign(parent, box._index, index_update(box, idx, value))
        return
    views = _live_views(box)
    _check_unaliased(box, views)
    _rebind(box, index_update(box, idx, value))
    box._views = []
    for view in views:
        _rebind(view, anp.getitem(box, view._index))
        track_view(box, view, view._index)


def update_in_place(box, fun, other):
    """``box op= other`` for an array: the result, cast to ``box``'s dtype, assigned into ``box`` (or, for an
    array autograd cannot assign into, returned, so that the name is rebound)."""
    result = fun(box, other)
    if shape_of(result) != shape_of(box):
        raise ValueError("non-broadcastable output operand with shape {} doesn't match the broadcast shape "
                         "{}".format(shape_of(box), shape_of(result)))
    if is_complex(result) and not is_complex(box):
        raise TypeError("Cannot cast the complex result of an in-place operation to the real array's dtype; "
                        "make the array complex first")
    try:
        assign(box, Ellipsis, result)
    except AliasingError:
        # The array is the caller's (the differentiated argument, or one inside an argument's container):
        # unless views of it are tracked (NumPy would update them), rebind the name to the result instead,
        # as HIPS Autograd does, and leave the caller's array unchanged.
        if _live_views(box) or not _is_an_argument(_innermost(box)):
            raise
        return result
    return box


def _is_an_argument(array):
    """True when ``array`` is the argument of a differentiation running on this thread, or inside one."""
    def holds(value):
        value = getval(value)
        if isinstance(value, dict):
            value = list(value.values())
        return value is array or isinstance(value, (list, tuple)) and any(map(holds, value))
    return any(holds(getattr(trace, 'argument', None)) for trace in active_traces())


def as_constant(value):
    """A float array created inside differentiated code, boxed as a constant so it accepts assignments."""
    if tracing_active() and (type(value) is _np.ndarray or type(value) in anp.adapters) and \
            value.dtype.kind in 'fc':
        from .array_box import ArrayBox
        return ArrayBox(value, CONSTANT, None)
    return value


CREATION = 'zeros ones empty full eye identity arange linspace zeros_like ones_like empty_like full_like ' \
           'array copy tri'.split()


def _constant_results(fun):
    def creation(*args, **kwargs):
        return as_constant(fun(*args, **kwargs))
    creation.__name__ = fun.__name__
    creation.__doc__ = fun.__doc__
    creation.__wrapped__ = getattr(fun, '__wrapped__', fun)
    creation.returns_constants_of = fun
    return creation


def install_creation_functions():
    """Make autograd.numpy's array-creating functions return assignable constants inside traced code."""
    for name in CREATION:
        original = getattr(anp, name)
        creation = _constant_results(original)
        setattr(anp, name, creation)
        for numpy_fun, wrapped in list(anp.dispatch.items()):
            if wrapped is original:
                anp.dispatch[numpy_fun] = creation


# NumPy's in-place writers, on arrays autograd can assign into: each is an assignment at the positions
# NumPy would write, with the values NumPy would write there (repeated cyclically where NumPy does).

def _cycled(values, count):
    """The first ``count`` elements of ``values`` flattened and repeated, as put/place/putmask use them."""
    flat = anp.ravel(values)
    size = shape_of(flat)[0]
    if size == 0:
        raise ValueError('cannot write from an empty array of values')
    return anp.getitem(flat, _np.arange(count) % size) if count != size else flat


def put(a, ind, v, mode='raise'):
    shape = shape_of(a)
    size = int(_np.prod(shape))
    ind = _np.ravel(ind).astype(_np.intp)
    if mode == 'wrap':
        ind = ind % size
    elif mode == 'clip':
        ind = _np.clip(ind, 0, size - 1)
    elif ((ind < -size) | (ind >= size)).any():
        raise IndexError('index out of range for array of size {}'.format(size))
    assign(a, _np.unravel_index(ind % size, shape), _cycled(v, len(ind)))


def place(arr, mask, vals):
    where = _np.nonzero(_np.reshape(mask, shape_of(arr)))
    assign(arr, where, _cycled(vals, len(where[0])))


def putmask(a, mask, values):
    positions = _np.flatnonzero(_np.broadcast_to(mask, shape_of(a)))
    flat_values = _cycled(values, int(_np.prod(shape_of(a))))
    assign(a, _np.unravel_index(positions, shape_of(a)), anp.getitem(flat_values, positions))


def copyto(dst, src, casting='same_kind', where=True):
    if not _np.can_cast(_np.result_type(getval_array(src)), _np.result_type(getval_array(dst)), casting):
        raise TypeError("Cannot cast array data from {} to {} according to the rule {!r}".format(
            _np.result_type(getval_array(src)), _np.result_type(getval_array(dst)), casting))
    assign(dst, Ellipsis, src if where is True else anp.where(where, src, dst))


def put_along_axis(arr, indices, values, axis):
    from .derivatives.indexing import along_axis_index
    idx = along_axis_index(shape_of(arr), indices, axis)
    assign(arr, idx, anp.broadcast_to(values, _np.broadcast_shapes(*[_np.shape(i) for i in idx])))


def fill_diagonal(a, val, wrap=False):
    shape = shape_of(a)
    if len(shape) < 2:
        raise ValueError('array must be at least 2-d')
    if len(shape) > 2 and len(set(shape)) != 1:
        raise ValueError('All dimensions of input must be of equal length')
    if len(shape) == 2:
        rows, cols = shape
        step = cols + 1
        end = None if wrap else cols * cols
        flat = _np.arange(rows * cols)[:end:step]
    else:
        flat = _np.ravel_multi_index((_np.arange(shape[0]),) * len(shape), shape)
    assign(a, _np.unravel_index(flat, shape), _cycled(val, len(flat)))


def getval_array(x):
    while isinstance(x, Box):
        x = x._value
    return x


IN_PLACE = {'put': put, 'place': place, 'putmask': putmask, 'copyto': copyto, 'put_along_axis': put_along_axis,
            'fill_diagonal': fill_diagonal}


def _in_place_writer(name, numpy_fun):
    ours = IN_PLACE[name]

    def writer(target, *args, **kwargs):
        if isinstance(target, Box):
            return ours(target, *args, **kwargs)
        if any(isinstance(a, Box) for a in list(args) + list(kwargs.values())):
            raise TypeError(
                "numpy.{} cannot write traced values into an array made by plain numpy: make the array with "
                "autograd.numpy's creation functions inside the differentiated function (np.zeros(n), "
                "np.copy(A)) so it can take them.".format(name))
        return numpy_fun(target, *args, **kwargs)
    writer.__name__ = name
    writer.__doc__ = numpy_fun.__doc__
    writer.__wrapped__ = numpy_fun
    return writer


def install_in_place_writers():
    """Make autograd.numpy's in-place writers (put, place, ...) assign into traced and created arrays."""
    for name in IN_PLACE:
        numpy_fun = getattr(_np, name)
        writer = _in_place_writer(name, numpy_fun)
        setattr(anp, name, writer)
        anp.dispatch[numpy_fun] = writer
