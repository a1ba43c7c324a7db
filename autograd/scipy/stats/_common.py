"""What the distributions share: values off the support, logs of probabilities, SciPy's other members."""
import numpy as _np
import scipy.stats

from ... import numpy as anp
from ...engine import primitive
from ...numpy.backends import scipy_on_backends
from ...numpy.wrapper import adapters


def all_true(mask):
    """Whether every element of ``mask`` (a bool or a boolean array) is known true; faster than numpy.all.

    False for an array of a lazy library (Dask), whose data is not computed to branch on: the caller takes
    the path that holds for any mask."""
    if isinstance(mask, bool):
        return mask
    adapter = adapters.get(type(mask))
    return (adapter is None or adapter.eager) and bool(mask.all())


def on_support(inside, fun, z, safe, outside):
    """``fun(z)`` where ``inside``, ``outside`` elsewhere.

    Off the support ``z`` is replaced by the point ``safe`` before calling ``fun``, so that ``fun`` neither
    warns there nor turns the derivative at the other elements into NaN (the zero gradient ``where``
    sends to the discarded branch would meet an infinite partial derivative).
    """
    if all_true(inside):
        return fun(z)
    return anp.where(inside, fun(anp.where(inside, z, safe)), outside)


def log_probability(p):
    """log(p), with -inf and a zero derivative (not a warning and an infinite one) where p is 0."""
    return on_support(p != 0, anp.log, p, 1.0, -_np.inf)


def scipy_members(module):
    """A module ``__getattr__`` for ``module``, the twin of a ``scipy.stats`` distribution: the members of
    SciPy's distribution that ``module`` does not define (``rvs``, ``fit``, ``mean``, ``interval``, ...).

    They become primitives without derivative rules, so they run as SciPy's on plain values, and a traced
    argument gets an error naming the function rather than a silent zero derivative.
    """
    short_name = module.__name__.rpartition('.')[2]
    distribution = getattr(scipy.stats, short_name)

    def __getattr__(name):
        member = None if name.startswith('_') else getattr(distribution, name, None)
        if not callable(member):
            raise AttributeError("module '{}' has no attribute '{}'".format(module.__name__, name))
        wrapped = primitive(scipy_on_backends('stats', short_name + '.' + name, member))
        wrapped.__name__ = wrapped.__qualname__ = short_name + '.' + name
        wrapped.__module__ = module.__name__
        setattr(module, name, wrapped)
        return wrapped
    return __getattr__
