"""The functions the backend tests differentiate: name -> (function, argument shapes, rand options per
argument), the elementwise tables and more; and those Dask cannot run lazily, with why."""
import autograd.numpy as np
from autograd import grad

from ..numpy.test_elementwise import BINARY, UNARY
from .scipy_functions import SCIPY

_ANY = {}
_POSITIVE = {'positive': True}


def _unary(fun, shape=(4, 3), options=_ANY):
    return fun, [shape], [options]


_MORE = {
    'sum': _unary(np.sum),
    'sum_axis_keepdims': _unary(lambda x: np.sum(x, axis=0, keepdims=True)),
    'mean': _unary(lambda x: np.mean(x, axis=1)),
    'prod': _unary(lambda x: np.prod(x, axis=0)),
    'max': _unary(lambda x: np.max(x, axis=1)),
    'min': _unary(np.min),
    'amax': _unary(lambda x: np.amax(x, axis=0)),
    'std': _unary(lambda x: np.std(x, axis=0)),
    'var': _unary(lambda x: np.var(x, axis=1, ddof=1)),
    'cumsum': _unary(lambda x: np.cumsum(x, axis=0)),
    'cumprod': _unary(lambda x: np.cumprod(x, axis=1)),
    'nansum': _unary(np.nansum),
    'nanmean': _unary(lambda x: np.nanmean(x, axis=0)),
    'logsumexp_by_hand': _unary(lambda x: np.log(np.sum(np.exp(x), axis=1))),
    'reshape': _unary(lambda x: np.reshape(x, (2, 2, 3))),
    'ravel': _unary(np.ravel),
    'transpose': _unary(np.transpose),
    'swapaxes': _unary(lambda x: np.swapaxes(x, 0, 1)),
    'moveaxis': _unary(lambda x: np.moveaxis(x[None], 0, 2)),
    'squeeze': _unary(lambda x: np.squeeze(x[:, :1])),
    'expand_dims': _unary(lambda x: np.expand_dims(x, 1)),
    'concatenate': ((lambda x, y: np.concatenate([x, y], axis=0)), [(4, 3), (2, 3)], [_ANY, _ANY]),
    'stack': ((lambda x, y: np.stack([x, y])), [(4, 3), (4, 3)], [_ANY, _ANY]),
    'hstack': ((lambda x, y: np.hstack([x, y])), [(4, 3), (4, 2)], [_ANY, _ANY]),
    'tile': _unary(lambda x: np.tile(x, (2, 1))),
    'repeat': _unary(lambda x: np.repeat(x, 2, axis=0)),
    'flip': _unary(lambda x: np.flip(x, axis=1)),
    'roll': _unary(lambda x: np.roll(x, 1, axis=0)),
    'diagonal': _unary(np.diagonal, (3, 3)),
    'trace': _unary(np.trace, (3, 3)),
    'triu': _unary(np.triu, (3, 3)),
    'tril': _unary(np.tril, (3, 3)),
    'where': _unary(lambda x: np.where(x > 0, x, 2.0 * x)),
    'clip': _unary(lambda x: np.clip(x, -0.5, 0.5)),
    'dot': (np.dot, [(4, 3), (3, 2)], [_ANY, _ANY]),
    'matmul': (np.matmul, [(4, 3), (3,)], [_ANY, _ANY]),
    'tensordot': ((lambda x, y: np.tensordot(x, y, axes=1)), [(4, 3), (3, 2)], [_ANY, _ANY]),
    'einsum': ((lambda x, y: np.einsum('ij,jk->ik', x, y)), [(4, 3), (3, 2)], [_ANY, _ANY]),
    'outer': (np.outer, [(4,), (3,)], [_ANY, _ANY]),
    'inner': (np.inner, [(4, 3), (2, 3)], [_ANY, _ANY]),
    'vdot': (np.vdot, [(4, 3), (4, 3)], [_ANY, _ANY]),
    'norm': _unary(np.linalg.norm),
    'norm_axis': _unary(lambda x: np.linalg.norm(x, axis=1)),
    'basic_index': _unary(lambda x: x[1:, ::2]),
    'integer_index': _unary(lambda x: x[[0, 2, 2]]),
    'take': _unary(lambda x: np.take(x, [0, 2, 2], axis=1)),
    'broadcast_to': _unary(lambda x: np.broadcast_to(x, (2, 4, 3))),
    'atleast_2d': _unary(np.atleast_2d, (3,)),
    'diff': _unary(lambda x: np.diff(x, axis=0)),
    'average': _unary(lambda x: np.average(x, axis=0)),
    'sort': _unary(lambda x: np.sort(x, axis=0)),
    'solve': (np.linalg.solve, [(3, 3), (3,)], [{'positive': True}, _ANY]),
    'inv': _unary(np.linalg.inv, (3, 3), _POSITIVE),
    'det': _unary(np.linalg.det, (3, 3)),
    'fft': _unary(lambda x: np.fft.fft(x, axis=0)),
}

FUNCTIONS = {}
FUNCTIONS.update({name: (fun, [(2, 3)], [options]) for name, (fun, options) in UNARY.items()})
FUNCTIONS.update({name: (fun, [(2, 3), (3,)], [x_options, y_options])
                  for name, (fun, x_options, y_options) in BINARY.items()})
FUNCTIONS.update(_MORE)
FUNCTIONS.update(SCIPY)

_LACKS = "Dask lacks numpy.{}: refused while differentiating (NumPy would compute the graph on the host)"
_DATA_BRANCH = "the rule looks at the data (for zeros, whose product rule differs), which computes a Dask graph"
_ND_FANCY = "the adjoint reads the array with an n-d integer index, which Dask does not support"

DASK_UNSUPPORTED = {
    'sort': _LACKS.format('sort'),
    'det': _LACKS.format('linalg.det'),
    'inner': _LACKS.format('inner'),
    'real_if_close': _LACKS.format('real_if_close'),
    'prod': _DATA_BRANCH,
    'cumprod': _DATA_BRANCH,
    'diagonal': _ND_FANCY,
    'trace': _ND_FANCY,
    'fft': "Dask takes an FFT only along an axis held in one chunk (the test's arrays have two)",
}


def first_and_second_order(fun, n_args):
    """Gradients of a real loss of ``fun`` in each argument, and gradients of a function of those."""
    def loss(*args):
        value = fun(*args)
        if not hasattr(value, 'shape'):  # the pair of divmod and modf, perhaps a traced one
            value = np.stack([value[0], value[1]])
        return np.sum(np.real(np.sin(value)))

    def second(*args):
        return np.sum(np.cos(grad(loss)(*args)))
    return [grad(f, i) for f in (loss, second) for i in range(n_args)]
