"""Indexing and selection: reading ``A[idx]`` (and its adjoint, adding a gradient back at ``idx``),
choosing elements with ``where``."""
from ...engine import Box, SparseObject, defjvp, defvjp, vspace
from .. import wrapper as anp
from .helpers import broadcast_like, unbroadcast


def _getitem_vjp(ans, A, idx):
    vs = vspace(A)

    def vjp(g):
        if isinstance(g, Box):
            return anp.untake(g, idx, vs)
        # Outside higher-order differentiation the gradient is added in place into the accumulated one,
        # instead of materialising an array of zeros for every read.
        return SparseObject(vs, lambda dense: anp.add_at(dense, idx, g))
    return vjp


defvjp(anp.getitem, _getitem_vjp)
defjvp(anp.getitem, 'same')
defvjp(anp.untake, lambda ans, x, idx, vs: lambda g: anp.getitem(g, idx))
defjvp(anp.untake, 'same')


def _where_part(condition, g, chosen):
    """``g`` where ``condition`` picks the argument (``chosen`` True for x, False for y), zero elsewhere."""
    zeros = anp.zeros_like(g)
    return anp.where(condition, g, zeros) if chosen else anp.where(condition, zeros, g)


defvjp(anp.where, None,
       lambda ans, c, x, y: lambda g: unbroadcast(_where_part(c, g, True), x),
       lambda ans, c, x, y: lambda g: unbroadcast(_where_part(c, g, False), y))
defjvp(anp.where, None,
       lambda g, ans, c, x, y: broadcast_like(_where_part(c, g, True), ans),
       lambda g, ans, c, x, y: broadcast_like(_where_part(c, g, False), ans))
