"""Flattening nested lists, tuples, dicts, arrays and scalars to one vector, and back."""
import numpy as _np

from .. import numpy as anp
from ..builtins import make_dict, make_sequence
from ..engine import getval, isbox


def flatten(value):
    """Return ``(vector, unflatten)``: every number in ``value`` in one 1-D array, and its inverse.

    The numbers come in order: list and tuple items in turn, dict values by sorted key (as in HIPS Autograd).

    ``unflatten(vector)`` rebuilds the structure (the same container types, array shapes and dtypes,
    Python scalars as Python scalars). Both directions are differentiable.

    >>> vector, unflatten = flatten({'w': [1.0, 2.0], 'b': 3.0}); vector
    array([3., 1., 2.])
    >>> unflatten(vector * 2)
    {'w': [2.0, 4.0], 'b': 6.0}
    """
    leaves = []
    spec = _describe(value, leaves)
    vector = anp.concatenate([anp.ravel(leaf) for leaf in leaves]) if leaves else _np.zeros(0)

    def unflatten(vector):
        return _rebuild(spec, vector, [0])
    return vector, unflatten


def flatten_func(func, example):
    """For ``func`` of a structure like ``example``: a function of its flat vector with a flat output.

    Returns ``(flat_func, unflatten, flat_example)``.
    """
    flat_example, unflatten = flatten(example)

    def flat_func(vector, *args, **kwargs):
        return flatten(func(unflatten(vector), *args, **kwargs))[0]
    return flat_func, unflatten, flat_example


def _describe(value, leaves):
    """A description of ``value``'s structure; its numbers are appended to ``leaves`` in order."""
    plain = getval(value)
    if isinstance(plain, dict):
        order = _sorted_keys(plain)
        return ('dict', tuple(plain), order, [_describe(value[k], leaves) for k in order])
    if isinstance(plain, (list, tuple)):
        return ('sequence', type(plain), [_describe(v, leaves) for v in value])
    leaves.append(value)
    # An array's own shape and dtype: converting a lazy (Dask) array with asarray would compute it.
    array = plain if hasattr(plain, 'shape') and hasattr(plain, 'dtype') else _np.asarray(plain)
    if array.dtype.kind not in 'biufc':
        raise TypeError("flatten: {!r} is not a number or an array of numbers".format(plain))
    scalar_type = type(plain) if array.ndim == 0 and not isinstance(plain, _np.ndarray) else None
    return ('leaf', array.shape, array.dtype, array.size, scalar_type)


def _sorted_keys(d):
    """``d``'s keys in the order their values take in the vector: sorted, as HIPS Autograd orders them (so a
    flattened parameter vector is the same under both), or as inserted where keys do not compare."""
    try:
        return sorted(d)
    except TypeError:
        return list(d)


def _rebuild(spec, vector, position):
    kind = spec[0]
    if kind == 'dict':
        _, keys, order, children = spec
        parts = {k: _rebuild(c, vector, position) for k, c in zip(order, children)}
        return make_dict(keys, *[parts[k] for k in keys])
    if kind == 'sequence':
        _, seq_type, children = spec
        return make_sequence(seq_type, *[_rebuild(c, vector, position) for c in children])
    _, shape, dtype, size, scalar_type = spec
    start = position[0]
    position[0] += size
    if scalar_type is not None:
        piece = vector[start]
        return piece if isbox(piece) else _as_scalar(scalar_type, piece)
    piece = anp.reshape(vector[start:start + size], shape)
    return piece if isbox(piece) else piece.astype(dtype if dtype.kind in 'fc' else piece.dtype)


def _as_scalar(scalar_type, value):
    if issubclass(scalar_type, (bool, int, _np.integer, _np.bool_)):
        return float(value)
    return scalar_type(value)
