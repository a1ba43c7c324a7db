"""Lists, tuples and dicts as differentiable values: their boxes, vector spaces and constructors.

``autograd.list``, ``tuple`` and ``dict`` build containers whose elements may be traced; ``isinstance``
and ``type`` see through boxes. Gradients with respect to a container have its structure and types
(namedtuples included).
"""
import builtins as _py

from .engine import (Box, SparseObject, VSpace, defjvp, defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum,
                     defvjp_direct, getval, primitive, vspace)


def isinstance(obj, classinfo):
    """``builtins.isinstance`` that looks through boxes at the traced value."""
    return _py.isinstance(getval(obj), classinfo)


def type(obj):
    """``builtins.type`` of the traced value inside any boxes."""
    return _py.type(getval(obj))


@primitive
def container_take(A, idx):
    return A[idx]


@primitive
def container_untake(x, idx, vs):
    """The element of container space ``vs`` that is ``x`` at ``idx`` and zero elsewhere."""
    parts = vs.zero_parts()
    parts[vs.position(idx)] = x
    return vs.build(parts)


@primitive
def make_sequence(seq_type, *elts):
    return _build_sequence(seq_type, elts)


@primitive
def make_dict(keys, *values):
    return _py.dict(_py.zip(keys, values))


def _build_sequence(seq_type, elts):
    if seq_type is _py.list or seq_type is _py.tuple:
        return seq_type(elts)
    if hasattr(seq_type, '_fields'):
        return seq_type(*elts)
    return seq_type(elts)


class SlotGradient(SparseObject):
    """A container's gradient known at some positions only (indices of a sequence, keys of a dict); the
    others are zero and never allocated. The container's vector space is built only where a zero must be
    filled in: a take's gradient is made once per element read, so building it there would cost a walk of
    the whole container for every element."""
    __slots__ = ('container', 'slots')

    def __init__(self, container, slots):
        self.container = container
        self.slots = slots

    @property
    def vs(self):
        return result_vspace(self.container)

    def mut_add(self, dense):
        positions = _positions(self.container)
        parts = {p: dense[p] for p in positions}
        for pos, g in self.slots.items():
            parts[pos] = result_vspace(parts[pos]).add(parts[pos], g)
        return _build_like(self.container, [parts[p] for p in positions])

    def densify(self):
        slots, container = self.slots, self.container
        return _build_like(container, [slots[p] if p in slots else result_vspace(container[p]).zeros()
                                       for p in _positions(container)])

    def merge(self, other):
        if _py.type(other) is not SlotGradient:
            return other.mut_add(self.densify())
        slots = _py.dict(self.slots)
        for pos, g in other.slots.items():
            slots[pos] = result_vspace(g).add(slots[pos], g) if pos in slots else g
        return SlotGradient(self.container, slots)


def _positions(container):
    """The keys of a dict, the indices of a sequence."""
    return _py.tuple(container) if _py.isinstance(container, _py.dict) else _py.range(_py.len(container))


def _build_like(container, parts):
    if _py.isinstance(container, _py.dict):
        return make_dict(_py.tuple(container), *parts)
    return make_sequence(_py.type(container), *parts)


def _take_gradient(g, ans, A, idx):
    if _py.isinstance(g, Box):
        return container_untake(g, idx, result_vspace(A))
    A = getval(A)
    if _py.isinstance(idx, slice):
        return SlotGradient(A, _py.dict(_py.zip(_py.range(_py.len(A))[idx], g)))
    if not _py.isinstance(A, _py.dict):
        idx %= _py.len(A)
    return SlotGradient(A, {idx: g})


def _take_vjp(ans, A, idx):
    return lambda g: _take_gradient(g, ans, A, idx)


defvjp_direct(container_take, _take_gradient)
defjvp(container_take, 'same')
defvjp(container_untake, lambda ans, x, idx, vs: lambda g: container_take(g, idx))
defjvp(container_untake, 'same')
defvjp_argnum(make_sequence, lambda argnum, ans, args, kwargs: lambda g: container_take(g, argnum - 1))
defvjp_argnum(make_dict, lambda argnum, ans, args, kwargs: lambda g: container_take(g, args[0][argnum - 1]))


def _container_jvp(fun):
    def jvp(argnums, tangents, ans, args, kwargs):
        parts = [None if i == 0 else result_vspace(a).zeros() for i, a in _py.enumerate(args)]
        parts[0] = args[0]
        for argnum, t in _py.zip(argnums, tangents):
            parts[argnum] = t
        return fun(*parts)
    defjvp_argnums(fun, jvp)


_container_jvp(make_sequence)
_container_jvp(make_dict)


class _SeesThroughBoxes(_py.type):
    """``isinstance(x, autograd.list)`` holds for plain and traced lists alike."""
    def __instancecheck__(cls, instance):
        return _py.isinstance(getval(instance), cls.__mro__[1])


class list(_py.list, metaclass=_SeesThroughBoxes):
    """``list(iterable)`` whose result is traced when its elements are."""
    def __new__(cls, iterable=()):
        return make_sequence(_py.list, *iterable)


class tuple(_py.tuple, metaclass=_SeesThroughBoxes):
    """``tuple(iterable)`` whose result is traced when its elements are."""
    def __new__(cls, iterable=()):
        return make_sequence(_py.tuple, *iterable)


class dict(_py.dict, metaclass=_SeesThroughBoxes):
    """``dict(...)`` (same arguments as the builtin) whose result is traced when its values are."""
    def __new__(cls, *args, **kwargs):
        plain = _py.dict(*args, **kwargs)
        return make_dict(_py.tuple(plain), *plain.values())


class SequenceBox(Box):
    """A traced list or tuple: indexing, iteration, ``len`` and ``+`` work as on the value."""
    __slots__ = ()

    def __getitem__(self, idx):
        return container_take(self, idx)

    def __len__(self):
        return _py.len(self._value)

    def __iter__(self):
        return (container_take(self, i) for i in _py.range(_py.len(self._value)))

    def __add__(self, other):
        return make_sequence(_py.type(self._value), *self, *other)

    def __radd__(self, other):
        return make_sequence(_py.type(self._value), *other, *self)

    def __contains__(self, item):
        return item in self._value

    def index(self, value):
        return self._value.index(value)

    def __getattr__(self, name):
        fields = getattr(type(self._value), '_fields', ())
        if name in fields:
            return container_take(self, fields.index(name))
        raise AttributeError("{!r} object has no attribute {!r}".format(type(self._value).__name__, name))


class DictBox(Box):
    """A traced dict: item access, iteration, ``keys``, ``values``, ``items`` and ``get``."""
    __slots__ = ()

    def __getitem__(self, key):
        return container_take(self, key)

    def __len__(self):
        return _py.len(self._value)

    def __iter__(self):
        return _py.iter(self._value)

    def __contains__(self, key):
        return key in self._value

    def keys(self):
        return self._value.keys()

    def values(self):
        return [self[k] for k in self._value]

    def items(self):
        return [(k, self[k]) for k in self._value]

    def get(self, key, default=None):
        return self[key] if key in self._value else default


SequenceBox.register(_py.list)
SequenceBox.register(_py.tuple)
DictBox.register(_py.dict)


class ConstantVSpace(VSpace):
    """The zero-dimensional space of a non-differentiable element (an integer, a string) in a container that a
    primitive returned, such as the rank in ``lstsq``'s result. Its zero is None: no gradient."""
    __slots__ = ()
    size = 0

    def zeros(self):
        return None

    ones = randn = zeros

    def standard_basis(self):
        return iter(())

    def _add(self, x, y):
        return None

    def _scalar_mul(self, x, a):
        return None

    def _inner_prod(self, x, y):
        return 0.0

    def _key(self):
        return ()


def result_vspace(value):
    """``vspace(value)`` for a value a primitive computed: containers may hold constant elements.

    Arguments to differentiate get plain ``vspace``, which refuses integers anywhere, so a user's
    ``[1, 2]`` is an error rather than a silent zero gradient.
    """
    if _py.isinstance(getval(value), (_py.list, _py.tuple, _py.dict)):
        return vspace_of_container(value, constants=True)
    try:
        return vspace(value)
    except TypeError:
        return ConstantVSpace()


def vspace_of_container(value, constants=False):
    plain = getval(value)
    cls = DictVSpace if _py.isinstance(plain, _py.dict) else SequenceVSpace
    return cls(value, constants)


class ContainerVSpace(VSpace):
    """The product of the element spaces; ``build`` makes a container of this space's type from parts."""
    __slots__ = ('shape', 'size', 'iscomplex')

    def __init__(self, value, constants=False):
        # None is the gradient of a constant element (ConstantVSpace's zero) of a primitive's result.
        self.shape = [result_vspace(x) if constants else ConstantVSpace() if x is None else vspace(x)
                      for x in self.parts(value)]
        self.size = _py.sum(vs.size for vs in self.shape)
        self.iscomplex = _py.any(vs.iscomplex for vs in self.shape)

    def zero_parts(self):
        return [vs.zeros() for vs in self.shape]

    def zeros(self):
        return self.build(self.zero_parts())

    def ones(self):
        return self.build([vs.ones() for vs in self.shape])

    def randn(self):
        return self.build([vs.randn() for vs in self.shape])

    def standard_basis(self):
        for i, vs in _py.enumerate(self.shape):
            for basis_vector in vs.standard_basis():
                parts = self.zero_parts()
                parts[i] = basis_vector
                yield self.build(parts)

    def _add(self, xs, ys):
        return self._map(lambda vs, x, y: vs.add(x, y), xs, ys)

    def _scalar_mul(self, xs, a):
        return self._map(lambda vs, x: vs.scalar_mul(x, a), xs)

    def _inner_prod(self, xs, ys):
        total = 0.0
        for vs, x, y in _py.zip(self.shape, self.parts(xs), self.parts(ys)):
            total = total + vs.inner_prod(x, y)
        return total

    def _covector(self, xs):
        return self._map(lambda vs, x: vs.covector(x), xs)

    def cast(self, xs):
        # Traced values are rebuilt too: under an enclosing trace, the gradient of a list of numbers may be a
        # traced array, which must become a list of numbers as it does untraced.
        return self.build([vs.cast(x) for vs, x in _py.zip(self.shape, self.parts(xs))])

    def _map(self, f, *containers):
        columns = [self.parts(c) for c in containers]
        return self.build([f(vs, *xs) for vs, *xs in _py.zip(self.shape, *columns)])


class SequenceVSpace(ContainerVSpace):
    __slots__ = ('seq_type',)

    def __init__(self, value, constants=False):
        self.seq_type = _py.type(getval(value))
        super().__init__(value, constants)

    @staticmethod
    def parts(value):
        return _py.list(value)

    def position(self, idx):
        return idx if _py.isinstance(idx, slice) else idx % _py.len(self.shape)

    def build(self, parts):
        return make_sequence(self.seq_type, *parts)

    def _key(self):
        return (self.seq_type, _py.tuple(self.shape))


class DictVSpace(ContainerVSpace):
    __slots__ = ('keys',)

    def __init__(self, value, constants=False):
        self.keys = _py.tuple(getval(value))
        super().__init__(value, constants)

    def parts(self, value):
        return [value[k] for k in self.keys]

    def position(self, key):
        return self.keys.index(key)

    def build(self, parts):
        return make_dict(self.keys, *parts)

    def _key(self):
        return (self.keys, _py.tuple(self.shape))


ListVSpace = TupleVSpace = NamedTupleVSpace = SequenceVSpace  # HIPS Autograd's names
SequenceVSpace.register(_py.list)
SequenceVSpace.register(_py.tuple)
DictVSpace.register(_py.dict)


def pack(value):
    """Turn a list/tuple/dict holding traced values into one traced container (for function outputs)."""
    if _py.isinstance(value, (_py.list, _py.tuple)) and not _py.isinstance(value, Box):
        parts = [pack(x) for x in value]
        if _py.any(_py.isinstance(x, Box) for x in parts):
            return make_sequence(_py.type(value), *parts)
    elif _py.isinstance(value, _py.dict):
        parts = [pack(x) for x in value.values()]
        if _py.any(_py.isinstance(x, Box) for x in parts):
            return make_dict(_py.tuple(value), *parts)
    return value


# HIPS Autograd's other names in this module, for code that imports them.
isinstance_, type_, list_, tuple_, dict_ = _py.isinstance, _py.type, _py.list, _py.tuple, _py.dict
TupleMeta = ListMeta = DictMeta = _SeesThroughBoxes
grad_container_take = _take_vjp


def _make_dict(keys, vals):
    return make_dict(_py.tuple(keys), *vals)


@primitive
def sequence_extend_right(seq, *elts):
    """``seq`` with ``elts`` appended, of ``seq``'s type."""
    return seq + _py.type(seq)(elts)


@primitive
def sequence_extend_left(seq, *elts):
    """``seq`` with ``elts`` prepended, of ``seq``'s type."""
    return _py.type(seq)(elts) + seq


def grad_sequence_extend_right(argnum, ans, args, kwargs):
    n = _py.len(args[0])
    return lambda g: container_take(g, slice(None, n)) if argnum == 0 else container_take(g, n + argnum - 1)


def grad_sequence_extend_left(argnum, ans, args, kwargs):
    n = _py.len(args) - 1
    return lambda g: container_take(g, slice(n, None)) if argnum == 0 else container_take(g, argnum - 1)


def fwd_grad_make_sequence(argnum, g, ans, seq_type, *args, **kwargs):
    """The tangent of ``make_sequence(seq_type, *args)`` from tangent ``g`` of ``args[argnum - 1]``."""
    parts = [g if i == argnum - 1 else result_vspace(a).zeros() for i, a in _py.enumerate(args)]
    return make_sequence(seq_type, *parts)


defvjp_argnum(sequence_extend_right, grad_sequence_extend_right)
defvjp_argnum(sequence_extend_left, grad_sequence_extend_left)
defjvp_argnum(sequence_extend_right, lambda argnum, g, ans, args, kwargs: sequence_extend_right(
    *[g if i == argnum else result_vspace(a).zeros() for i, a in _py.enumerate(args)]))
defjvp_argnum(sequence_extend_left, lambda argnum, g, ans, args, kwargs: sequence_extend_left(
    *[g if i == argnum else result_vspace(a).zeros() for i, a in _py.enumerate(args)]))
