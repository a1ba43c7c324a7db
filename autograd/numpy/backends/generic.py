"""What autograd needs from an array library beyond NumPy's dispatch, for any library that has it all."""
import numpy as _np

from ...engine import constant_value
from .. import wrapper as anp
from ..vspaces import ArrayVSpace, ComplexArrayVSpace, _real_if_needed, _traced, cast_in_its_library


class Adapter:
    """An array library's answers to what ``__array_function__`` cannot dispatch. Subclass it for a library
    that lacks some of them and pass an instance to ``register_array_type``."""

    name = 'this array library'
    eager = True
    """Whether values are computed when made; only then may a rule look at data (``if x > 0``)."""

    refuses = {}
    """NumPy function name -> why autograd refuses to differentiate it on this library (a wrong result)."""

    def add_at(self, target, idx, x):
        """``target`` with ``x`` added at ``idx`` (repeated indices add up); may write into ``target``."""
        _np.add.at(target, idx, anp.on_backend_of(target, x))
        return target

    def asarray(self, value, like):
        """A host value (NumPy array or scalar) as an array of ``like``'s library, on its device."""
        return _np.asarray(value, like=like)

    def scipy_function(self, module, name, fun, elementwise):
        """The function computing SciPy's ``fun`` (``scipy.<module>.<name>``, ``elementwise`` or not) on this
        library's arrays.

        By default SciPy's own, which reaches the arrays through ``numpy.asarray``: right for a library whose
        arrays live in host memory; one that refuses that conversion (CuPy) names its own SciPy module."""
        return fun

    def lacks(self, module, name, why):
        """The error for a SciPy function this library cannot compute, rather than computing it on the host."""
        return NotImplementedError(
            "autograd.scipy.{}.{} on {} arrays: {}. Compute it outside the differentiated function (on NumPy "
            "arrays), or use a function this library provides.".format(module, name, self.name, why))

    def spread(self, g, like):
        """``g`` broadcast to the shape of ``like``, an array of this library, and laid out as it is (a
        reduction's gradient spread back over its input); written with autograd.numpy, as a rule is."""
        return anp.broadcast_to(g, _np.shape(like))

    def settle(self, values):
        """``values``, arrays of this library, computed where they live, so that later work builds on
        their results rather than on the work that made them; an eager library's values already are."""
        return values


class _ForeignSpace:
    """A vector space whose vectors are made by the library of ``like``, a value of the space."""
    __slots__ = ()

    def __init__(self, value, adapter):
        super().__init__(value)
        self.like = value
        self.adapter = adapter

    def zeros(self):
        return _np.zeros_like(self.like)

    def ones(self):
        return _np.ones_like(self.like)

    def standard_basis(self):
        for idx in _np.ndindex(*self.shape):
            v = self.zeros()
            v[idx] = 1
            yield v

    def randn(self):
        return self.adapter.asarray(super().randn(), like=self.like)

    def mut_add(self, x, y):
        return x + y

    def cast(self, x):
        if _traced(x):
            return _real_if_needed(self, x)
        x = constant_value(x)
        if type(x) is not type(self.like):
            x = self.adapter.asarray(x, like=self.like)
        return cast_in_its_library(self, x)


class ForeignArrayVSpace(_ForeignSpace, ArrayVSpace):
    __slots__ = ('like', 'adapter')


class ForeignComplexArrayVSpace(_ForeignSpace, ComplexArrayVSpace):
    __slots__ = ('like', 'adapter')


def foreign_vspace(value, adapter):
    space = ForeignComplexArrayVSpace if value.dtype.kind == 'c' else ForeignArrayVSpace
    return space(value, adapter)
