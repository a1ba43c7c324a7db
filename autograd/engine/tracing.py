"""Boxes, traces and the ``primitive`` wrapper.

A *trace* is one differentiation in progress (one call of ``make_vjp``, ``make_jvp``, ...). Values that
depend on its input are wrapped in a ``Box`` that remembers the trace and the trace's record of the value
(a tape position in reverse mode, a tangent in forward mode). Traces are numbered from a counter that only
grows, so a trace started inside another one always outranks it: ``primitive`` unwraps the highest-ranked
trace first and lets the lower ones see the result, which is what makes ``grad(grad(f))`` nest correctly.
The counter is shared by all threads; two threads never share a trace, so they never mix boxes.
"""
import importlib
import itertools
import os
import threading


not_compiled = {}
"""Compiled module name -> why it is not in use (``python -m autograd`` reports it)."""


def load_compiled(name, package):
    """The compiled module ``name`` of ``package``, or None where it was not built or AUTOGRAD_PURE_PYTHON
    is set (then the pure-Python code that does the same work runs)."""
    if os.environ.get('AUTOGRAD_PURE_PYTHON'):
        not_compiled[package + name] = 'AUTOGRAD_PURE_PYTHON is set'
        return None
    try:
        return importlib.import_module(name, package)
    except ImportError as error:
        not_compiled[package + name] = 'it did not compile at install or does not load ({})'.format(error)
        return None


speedups = load_compiled('._speedups', __package__)  # the C versions of the hot paths below
_trace_levels = itertools.count(1)  # the pure-Python engine's; the C one counts on its own
_local = threading.local()


def active_traces():
    """The traces whose functions this thread is running, outermost first."""
    try:
        return _local.stack
    except AttributeError:
        _local.stack = []
        return _local.stack


def tracing_active():
    """True while this thread runs a function under some differentiation (forward pass or rules)."""
    return bool(getattr(_local, 'stack', None))


pass_scopes = []
"""``(enter, exit)`` pairs run around every pass of a differentiation as ``exit(enter())``: the forward pass
and reverse mode's backward pass. The array layer registers one that allocates the pass's arrays from a
cache."""


def _python_in_pass(trace, fun, *args):
    """``fun(*args)`` as a pass: with a trace, its forward pass (seen by ``tracing_active``; the trace is
    finished on return), else a pass of no trace of its own (the backward pass). The pass scopes run
    around it.

    A signal handler's exception (KeyboardInterrupt) can land between any two bytecodes, so each change is
    one call made inside the ``try`` (CPython runs handlers only after a call returns), and the ``finally``
    undoes the trace's part before making any call. ``speedups.in_pass`` does all of it in C, the scopes
    included: the only one, the array cache's, is compiled and so never meets this function.
    """
    stack = active_traces()
    exits = []
    try:
        if trace is not None:
            stack.append(trace)
        for enter, exit_scope in pass_scopes:
            exits.append((exit_scope, enter()))
        return fun(*args)
    finally:
        if trace is not None:
            trace.active = False
            stack.remove(trace)
        for exit_scope, token in reversed(exits):
            exit_scope(token)


class _TraceFields:
    __slots__ = ('level', 'active', 'thread', 'tape')

    def __init__(self):
        self.level = next(_trace_levels)
        self.active = True
        self.thread = threading.get_ident()


class _BoxFields:
    __slots__ = ('_value', '_trace', '_node')

    def __init__(self, value, trace, node):
        self._value = value
        self._trace = trace
        self._node = node


# The C module defines the same fields (and initialization: the next level, active, this thread), so that
# its primitive wrapper can read them directly.
_TraceBase, _BoxBase = (speedups.TraceBase, speedups.BoxBase) if speedups else (_TraceFields, _BoxFields)
if speedups:
    speedups.configure_passes(_local, pass_scopes)
in_pass = speedups.in_pass if speedups else _python_in_pass


class Trace(_TraceBase):
    """One differentiation in progress, of a function at ``argument``. Subclasses say what a primitive call
    records."""
    __slots__ = ('__weakref__', 'argument')
    notrace = frozenset()

    def check_thread(self, fun):
        """Refuse a value of this trace used by another thread while this one is still running it."""
        if threading.get_ident() != self.thread:
            raise RuntimeError(
                "{} received a value traced by a differentiation that another thread is running. Each "
                "thread must differentiate its own values; pass plain values between threads "
                "(autograd.tracer.getval).".format(_name(fun)))

    def record(self, fun, argvals, kwargs, ans, argnums, nodes):
        """Record ``ans = fun(*argvals, **kwargs)``; ``nodes`` are the records of the boxed ``argnums``."""
        raise NotImplementedError


class ConstantTrace(Trace):
    """The trace of constants: arrays created inside differentiated code (``np.zeros`` and friends).

    They are boxed so that values can be assigned into them (``B[i] = x`` makes B traced), but nothing is
    recorded for them: a constant box's record is None, operations on constants alone give constants, and
    where a constant meets a traced value it is just its plain value. Its level, 0, is below every trace.
    A primitive's body runs while tracing is active, so arrays it makes are constant boxes too: traces
    record its result as the plain value, which is what its derivative rules and its callers expect.
    """
    __slots__ = ()
    notrace = frozenset()

    def __init__(self):
        self.level = 0
        self.active = True
        self.thread = None

    def record(self, fun, argvals, kwargs, ans, argnums, nodes):
        return new_box(ans, self, None)


class _TypeTable(dict):
    """Value type -> box maker. Libraries assign into it directly (``Box.type_mappings[T] = maker``), so the
    functions in ``registration_listeners`` hear of each type however it was registered."""
    __slots__ = ()

    def __setitem__(self, value_type, maker):
        dict.__setitem__(self, value_type, maker)
        for listener in registration_listeners:
            listener(value_type)


registration_listeners = []
"""Functions called with each value type entered in ``Box.type_mappings`` (see autograd.numpy.subclasses)."""


class Box(_BoxBase):
    """A value being differentiated by ``_trace``; ``_node`` is that trace's record of it."""
    __slots__ = ()
    type_mappings = _TypeTable()
    types = set()

    def __repr__(self):
        return 'Autograd{}({!r})'.format(type(self).__name__, self._value)

    def __bool__(self):
        return bool(self._value)

    def __hash__(self):
        return id(self)

    @classmethod
    def register(cls, value_type):
        """Make values of ``value_type`` traced in boxes of this class."""
        Box.type_mappings[value_type] = cls
        Box.type_mappings[cls] = cls  # a box traced again by an outer differentiation
        Box.types.add(cls)


class _BoxIfKind:
    """A box maker: values whose ``dtype.kind`` is one of ``kinds`` go in ``box_type`` boxes, others stay plain
    (or become ``otherwise(value, trace)``)."""
    __slots__ = ('box_type', 'kinds', 'otherwise')

    def __init__(self, box_type, kinds, otherwise=None):
        self.box_type = box_type
        self.kinds = kinds
        self.otherwise = otherwise

    def __call__(self, value, trace, node):
        if value.dtype.kind in self.kinds:
            return self.box_type(value, trace, node)
        return value if self.otherwise is None else self.otherwise(value, trace)


BoxIfKind = speedups.BoxIfKind if speedups else _BoxIfKind


def constant_value(x):
    """``x`` without its box if it is a constant (see ConstantTrace)."""
    if isinstance(x, Box) and x._trace is CONSTANT:
        return x._value
    return x


def isbox(x):
    """Whether ``x`` is a traced value (a Box of some differentiation, running or finished)."""
    return isinstance(x, Box)


def getval(x):
    """The plain value inside any number of boxes."""
    while isinstance(x, Box):
        x = x._value
    return x


_untraced_types = (bool, int, str, bytes, type(None), type(Ellipsis), slice, range)

subclass_checks = {}
"""Registered value type -> ``check(subclass)``, run before values of a subclass are traced like the
base's; it raises TypeError for subclasses whose values would get wrong derivatives."""


def box_type_of(value_type):
    """The Box class (or box-making callable) for ``value_type``; None when its values carry no derivative."""
    try:
        return Box.type_mappings[value_type]
    except KeyError:
        pass
    maker = None
    for base in value_type.__mro__[1:]:
        if base in Box.type_mappings:
            if base in subclass_checks:
                subclass_checks[base](value_type)
            maker = Box.type_mappings[base]
            break
    else:
        if registers_itself(value_type):
            return Box.type_mappings[value_type]
        if not issubclass(value_type, _untraced_types) and not _is_numpy_integer(value_type):
            raise TypeError(
                "autograd cannot trace values of type {0}: it has no Box. Register one with "
                "Box.register({0}) and VSpace.register({0}), or return a supported value (a float, a "
                "complex number, an array or a list/tuple/dict of them).".format(value_type.__name__))
    Box.type_mappings[value_type] = maker
    return maker


type_finders = []
"""Functions ``finder(value_type) -> bool`` consulted for a type that no Box or VSpace is registered for; one
that returns True has registered both (array libraries are registered this way when their first array shows
up, so they are never imported before)."""


def registers_itself(value_type):
    """Whether a type finder has just registered ``value_type``."""
    return any(finder(value_type) for finder in type_finders)


def _is_numpy_integer(value_type):
    module = getattr(value_type, '__module__', '')
    return module == 'numpy' and value_type.__name__.startswith(('int', 'uint', 'bool'))


def new_box(value, trace, node):
    """Box ``value`` for ``trace``; values that carry no derivative (integers, booleans) stay plain."""
    maker = Box.type_mappings.get(type(value)) or box_type_of(type(value))
    if maker is None:
        return value
    return maker(value, trace, node)


class DeadTraceError(RuntimeError):
    """A value traced by a finished differentiation was used where computing with it would be wrong."""


class TracedConversionError(TypeError):
    """A traced value was to be turned into a plain one (``numpy.asarray(x)``), which would drop it from the
    derivative."""


def contains_box(obj):
    """True for a box, or a list or tuple with a box somewhere inside."""
    if not isinstance(obj, (list, tuple)):
        return isinstance(obj, Box)
    kinds = set(map(type, obj))  # one pass at C speed; only nested sequences need looking into
    return any(issubclass(k, Box) for k in kinds) or (
        any(issubclass(k, (list, tuple)) for k in kinds) and any(map(contains_box, obj)))


sequence_packer = []
"""At most one function that packs a list or tuple holding traced values into one traced value (the array
layer registers ``array``), for primitives given such sequences where they take array-likes."""


def retry_packed(f_wrapped, args, kwargs, error):
    """A call of primitive ``f_wrapped`` that raised ``error`` (a TracedConversionError): again with its plain
    list and tuple arguments that hold traced values packed by ``sequence_packer``; ``error`` if there are none
    (the conversion had another cause) or they cannot be packed (ragged sequences)."""
    holding = [isinstance(arg, (list, tuple)) and contains_box(arg) for arg in args]
    if sequence_packer and any(holding):
        pack, = sequence_packer
        try:
            packed = [pack(arg) if holds else arg for arg, holds in zip(args, holding)]
        except (TypeError, ValueError):
            raise error from None
        return f_wrapped(*packed, **kwargs)
    raise error


def finished(x):
    """Whether ``x`` is a box of a differentiation that has finished (its function returned or raised)."""
    return isinstance(x, Box) and not x._trace.active


def strip_finished(x):
    """``x`` without the boxes of finished differentiations and constants: what it is to a new one."""
    while isinstance(x, Box) and (x._trace is CONSTANT or not x._trace.active):
        x = x._value
    return x


def output_of(fun, x):
    """``fun(x)`` as a differentiation running ``fun`` sees it, to be called inside its pass (while its own
    trace is active): without boxes of finished differentiations or constants."""
    return strip_finished(fun(x))


def _contains_itself(fun):
    # Recursing until the interpreter's limit can crash some CPython versions (3.13.0) instead of raising.
    return RecursionError("{} was given a box that contains itself (its _value is the box), so its value "
                          "can never be reached".format(_name(fun)))


def _keyword_box(fun, kwargs):
    names = sorted(k for k, v in kwargs.items() if isinstance(v, Box))
    return TypeError(
        "{}: the traced value passed as keyword argument {} would not be differentiated. autograd "
        "differentiates positional arguments of primitives; pass it positionally.".format(
            _name(fun), ', '.join(repr(n) for n in names)))


def _name(fun):
    return getattr(fun, '__name__', repr(fun))


_FIRST, _SECOND, _BOTH = (0,), (1,), (0, 1)


CONSTANT = ConstantTrace()


def primitive(fun):
    """Wrap ``fun`` so that calls on boxed arguments are recorded by their trace.

    Autograd does not look inside a primitive: its derivative comes from the rules registered for it
    (``defvjp``, ``defjvp``). Calls without boxed arguments go straight to ``fun``.
    """
    if speedups:
        f_wrapped = speedups.Primitive(fun, _call_traced)
    else:
        f_wrapped = _python_primitive(fun)
    f_wrapped.fun = fun
    f_wrapped._is_autograd_primitive = True
    _copy_identity(fun, f_wrapped)
    return f_wrapped


def _python_primitive(fun):
    """The wrapper in Python; ``speedups.Primitive`` takes the same fast paths."""
    def f_wrapped(*args, **kwargs):
        try:
            for arg in args:
                if isinstance(arg, Box):
                    break
            else:
                if kwargs:
                    _refuse_keyword_boxes(fun, kwargs)
                    return fun(*args, **kwargs)
                return fun(*args)
            if kwargs:
                _refuse_keyword_boxes(fun, kwargs)
            if len(args) == 1:  # the most common traced call, without the bookkeeping for several boxes
                top = arg._trace
                if not top.active:
                    return _call_traced(f_wrapped, fun, args, kwargs)
                value = arg._value
                if value is arg:
                    raise _contains_itself(fun)
                inner = f_wrapped if isinstance(value, Box) else fun
                if top.notrace and f_wrapped in top.notrace:
                    return inner(value, **kwargs)
                ans = inner(value, **kwargs) if kwargs else inner(value)
                return top.record(f_wrapped, (value,), kwargs, ans, _FIRST, (arg._node,))
            if len(args) == 2:  # binary operators: one traced operand, or two of the same trace
                a, b = args
                if isinstance(a, Box):
                    top = a._trace
                    if not isinstance(b, Box):
                        value = a._value
                        if top.active and not top.notrace and not isinstance(value, Box):
                            ans = fun(value, b, **kwargs) if kwargs else fun(value, b)
                            return top.record(f_wrapped, (value, b), kwargs, ans, _FIRST, (a._node,))
                    elif b._trace is top:
                        value, other = a._value, b._value
                        if top.active and not top.notrace and not isinstance(value, Box) \
                                and not isinstance(other, Box):
                            ans = fun(value, other, **kwargs) if kwargs else fun(value, other)
                            return top.record(f_wrapped, (value, other), kwargs, ans, _BOTH, (a._node, b._node))
                else:
                    top = b._trace
                    value = b._value
                    if top.active and not top.notrace and not isinstance(value, Box):
                        ans = fun(a, value, **kwargs) if kwargs else fun(a, value)
                        return top.record(f_wrapped, (a, value), kwargs, ans, _SECOND, (b._node,))
            return _call_traced(f_wrapped, fun, args, kwargs)
        except TracedConversionError as error:
            return retry_packed(f_wrapped, args, kwargs, error)
    return f_wrapped


def _refuse_keyword_boxes(fun, kwargs):
    for value in kwargs.values():
        if isinstance(value, Box):
            raise _keyword_box(fun, kwargs)


def _call_traced(f_wrapped, fun, args, kwargs):
    """A call of primitive ``f_wrapped`` with boxed arguments, in general: boxes of several traces (the
    highest-ranked records the call), constants, boxes inside boxes, finished traces."""
    _refuse_keyword_boxes(fun, kwargs)
    top = None
    constants = None
    for i, arg in enumerate(args):
        if isinstance(arg, Box):
            trace = arg._trace
            if not trace.active:
                return _call_with_finished(f_wrapped, fun, args, kwargs, trace)
            if trace is top:
                argnums.append(i)
            elif trace is CONSTANT:
                constants = [i] if constants is None else constants + [i]
            elif top is None or trace.level > top.level:
                mixed = top is not None
                top = trace
                argnums = [i]
            else:
                mixed = True
    if top is None:
        top, argnums, constants, mixed = CONSTANT, constants, None, False
    argvals = list(args)
    if constants:
        for i in constants:
            argvals[i] = args[i]._value
    nodes = []
    for i in argnums:
        box = args[i]
        argvals[i] = value = box._value
        if value is box:
            raise _contains_itself(fun)
        nodes.append(box._node)
        mixed = mixed or isinstance(value, Box)
    # Values also boxed by an enclosing trace go through f_wrapped again, to be recorded there.
    inner = f_wrapped if mixed else fun
    if top.notrace and f_wrapped in top.notrace:
        return inner(*argvals, **kwargs)
    return top.record(f_wrapped, argvals, kwargs, inner(*argvals, **kwargs), argnums, nodes)


def _call_with_finished(f_wrapped, fun, args, kwargs, trace):
    """A call given a value of the finished differentiation ``trace``, kept by a library (as HIPS Autograd
    allows) and computed with later. To every differentiation still running it is a constant, so it is
    replaced by its plain value; when no running one takes part, the result is a box of ``trace`` that
    records nothing (it still looks traced to code that asks, as in HIPS Autograd)."""
    values = [strip_finished(arg) for arg in args]
    for value in values:
        if isinstance(value, Box):
            ans = f_wrapped(*values, **kwargs)
            if isinstance(ans, Box):
                return ans
            break
    else:
        ans = fun(*values, **kwargs)
    return new_box(ans, trace, None)


def notrace_primitive(fun):
    """Wrap ``fun`` to run on plain values: its result is treated as a constant (no derivative)."""
    def f_wrapped(*args, **kwargs):
        try:
            return fun(*[getval(arg) for arg in args], **kwargs)
        except TracedConversionError as error:
            return retry_packed(f_wrapped, args, kwargs, error)
    f_wrapped.fun = fun
    f_wrapped._is_autograd_primitive = True
    f_wrapped._is_notrace = True
    _copy_identity(fun, f_wrapped)
    return f_wrapped


def _copy_identity(fun, wrapper):
    for attr in ('__name__', '__qualname__', '__module__', '__doc__'):
        try:
            setattr(wrapper, attr, getattr(fun, attr))
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = fun
