"""Kept for code written against HIPS Autograd's ``autograd.numpy.numpy_jvps``."""
from .derivatives.helpers import broadcast_like


def broadcast(x, target):
    """The tangent ``x`` broadcast to ``target``'s shape."""
    return broadcast_like(x, target)
