"""Sorting (``sort``, ``sort_complex``, ``partition``): the result reads the input in a permuted order,
so gradients follow that permutation back, and tangents are permuted the same way.

Among equal elements any order is a valid sort; the gradient of each output goes to the input element
``argsort`` puts there (a valid subgradient where ties make the sort non-differentiable).
"""
import numpy as _np

from ...engine import Box, defjvp, defvjp
from .. import wrapper as anp
from .helpers import is_complex, shape_of
from .indexing import along_axis_index, getitem_vjp


def _sort_vjp(ans, a, axis=-1, kind=None, order=None, *, stable=None):
    perm = anp.argsort(a, axis, kind, order, stable=stable)
    return getitem_vjp(ans, a, along_axis_index(shape_of(a), perm, axis))


def _sort_jvp(t, ans, a, axis=-1, kind=None, order=None, *, stable=None):
    return anp.take_along_axis(t, anp.argsort(a, axis, kind, order, stable=stable), axis)


defvjp(anp.sort, _sort_vjp)
defjvp(anp.sort, _sort_jvp)


def _real_like(g, a):
    """``g`` as the gradient of ``a``: its real part where ``a`` is real."""
    return g if is_complex(a) else anp.real(g)


# sort_complex sorts along the last axis and returns complex values even for real input.
defvjp(anp.sort_complex, lambda ans, a: lambda g: _sort_vjp(ans, a)(_real_like(g, a)))
defjvp(anp.sort_complex, lambda t, ans, a: _sort_jvp(t, ans, a) + 0j)

_partition = anp.partition


@anp.define_wrapper('partition', _np.partition)
def partition(a, kth, axis=-1, kind='introselect', order=None):
    # A traced partition reads ``a`` in the order argpartition gives, so its values and its gradient
    # come from one and the same arrangement (partition itself may arrange the elements differently).
    if not isinstance(a, Box):
        return _partition(a, kth, axis, kind, order)
    return anp.take_along_axis(a, anp.argpartition(a, kth, axis, kind, order), axis)
