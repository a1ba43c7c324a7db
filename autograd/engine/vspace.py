"""Vector spaces: what the engine needs to know about a differentiable value's type.

Each differentiable type has a ``VSpace`` describing the space its values (and their gradients) live in:
zeros, addition, scaling, the inner product, random and basis vectors. ``vspace(x)`` finds it.
"""
from .tracing import Box, getval, registers_itself


class VSpace:
    """The vector space of a differentiable type: ``zeros``, ``ones``, ``add(x, y)``, ``scalar_mul(x, a)`` = a x,
    ``inner_prod(x, y)`` = <x, y> (real part of sum conj(x) y for complex values), ``covector(x)`` (the conjugate,
    which turns a gradient into a cotangent), ``randn`` and ``standard_basis``. ``VSpace.register(T)`` makes a
    subclass the space of values of type ``T``; ``vspace(x)`` finds it."""
    __slots__ = ()
    mappings = {}
    iscomplex = False

    def zeros(self):
        raise NotImplementedError

    def ones(self):
        raise NotImplementedError

    def standard_basis(self):
        raise NotImplementedError

    def randn(self):
        raise NotImplementedError

    def add(self, x, y):
        return self._add(x, y)

    def mut_add(self, x, y):
        """``x + y``, reusing ``x``'s memory where the type allows; ``x`` must be owned by the caller."""
        return self._add(x, y)

    def scalar_mul(self, x, a):
        return self._scalar_mul(x, a)

    def inner_prod(self, x, y):
        return self._inner_prod(x, y)

    def covector(self, x):
        return self._covector(x)

    def cast(self, x):
        """``x`` as a value of this space's own type (a gradient has its argument's type)."""
        return x

    def _add(self, x, y):
        return x + y

    def _scalar_mul(self, x, a):
        return x * a

    def _inner_prod(self, x, y):
        raise NotImplementedError

    def _covector(self, x):
        return x

    def __eq__(self, other):
        return type(self) is type(other) and self._key() == other._key()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((type(self), self._key()))

    def _key(self):
        raise NotImplementedError

    def __repr__(self):
        return '{}{}'.format(type(self).__name__, self._key())

    @classmethod
    def register(cls, value_type, vspace_maker=None):
        """Use ``vspace_maker(value)`` (default: this class) as the space of values of ``value_type``."""
        VSpace.mappings[value_type] = vspace_maker or cls


accumulators = {}
"""Value type -> ``f(prev, c, prev_owned)`` giving ``prev + c`` for the reverse pass without building a VSpace;
``prev_owned`` says ``prev`` may be overwritten. Registered by the layers that know the type."""


def vspace(value):
    """The vector space ``value`` lives in; raises TypeError for types that carry no derivative."""
    try:
        return VSpace.mappings[type(value)](value)
    except KeyError:
        pass
    if isinstance(value, Box):
        return vspace(getval(value))
    for base in type(value).__mro__[1:]:
        if base in VSpace.mappings:
            return VSpace.mappings[base](value)
    if registers_itself(type(value)):
        return VSpace.mappings[type(value)](value)
    raise TypeError(
        "Can't differentiate with respect to a value of type {}. Differentiable values are floats, complex "
        "numbers, float/complex arrays and lists, tuples and dicts of them.".format(type(value).__name__))


def in_precision_of(g, value):
    """A plain Python number ``g``, given as the cotangent or tangent of ``value``, in ``value``'s precision.

    NumPy lets a Python number take an array's dtype; the rules that spread a cotangent into an array
    (a sum's) can't, so ``1.0`` for a float32 loss would turn its whole backward pass to float64.
    """
    if type(g) not in (float, int, complex):
        return g
    dtype = getattr(value, 'dtype', None)
    kind = getattr(dtype, 'kind', '')
    if kind == 'c' or (kind == 'f' and type(g) is not complex):
        return dtype.type(g)
    return g


class SparseObject:
    """A gradient that is zero except for a few entries: it adds itself into a dense one in place.

    ``mut_add(dense)`` adds this gradient into ``dense`` (which the caller owns) and returns the sum.
    """
    __slots__ = ('vs', 'mut_add')

    def __init__(self, vs, mut_add):
        self.vs = vs
        self.mut_add = mut_add

    def densify(self):
        return self.mut_add(self.vs.zeros())

    def merge(self, other):
        """The sum with another sparse gradient; subclasses may keep it sparse."""
        return other.mut_add(self.densify())


VSpace.register(SparseObject, lambda x: x.vs)
