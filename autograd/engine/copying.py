"""``copy.copy`` and ``copy.deepcopy`` of a traced value give a traced copy.

Without these, ``copy`` falls back to pickling a box's fields: the compiled box cannot be pickled, and a
deep copy of the Python one copies its trace too, so the copy is no longer followed and its gradient is
silently zero. A copy is the identity for derivatives, so each is a primitive passing the gradient (or
tangent) through unchanged.
"""
import copy

from .rules import defjvp, defvjp
from .tracing import Box, primitive


copied = primitive(copy.copy)
deep_copied = primitive(copy.deepcopy)
for _copy in (copied, deep_copied):
    defvjp(_copy, lambda ans, value: lambda g: g)
    defjvp(_copy, lambda g, ans, value: g)
del _copy

Box.__copy__ = lambda self: copied(self)
Box.__deepcopy__ = lambda self, memo: deep_copied(self)
