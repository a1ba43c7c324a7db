"""HIPS Autograd's first extension API, still found in older code: primitives made by
``autograd.core.primitive`` have methods ``defgrad``, ``defvjp`` and ``defvjp_is_zero``. They work, with a
DeprecationWarning naming the ``autograd.extend`` function that replaces each."""
import warnings
from functools import partial

from .engine import defvjp, primitive as _primitive, vspace


def _deprecated(old, new):
    warnings.warn("{} is deprecated; use {} instead.".format(old, new), DeprecationWarning, stacklevel=3)


def _defgrad(fun, gradmaker, argnum=0):
    """``gradmaker(ans, *args, **kwargs)`` returns ``g -> gradient for argument argnum``."""
    _deprecated('primitive.defgrad(maker, argnum)', 'autograd.extend.defvjp(primitive, maker, argnums=[argnum])')
    defvjp(fun, gradmaker, argnums=[argnum])


def _defvjp(fun, vjp, argnum=0):
    """``vjp(g, ans, vs, gvs, *args, **kwargs)`` is the gradient for argument ``argnum``, ``vs`` and ``gvs``
    the vector spaces of that argument and of ``g``."""
    _deprecated('primitive.defvjp(vjp, argnum)', 'autograd.extend.defvjp(primitive, maker, argnums=[argnum]) '
                'with maker(ans, *args) returning g -> gradient')

    def maker(ans, *args, **kwargs):
        return lambda g: vjp(g, ans, vspace(args[argnum]), vspace(g), *args, **kwargs)
    defvjp(fun, maker, argnums=[argnum])


def _defvjp_is_zero(fun, argnums=(0,)):
    _deprecated('primitive.defvjp_is_zero(argnums)', 'autograd.extend.defvjp(primitive, None, ...)')
    defvjp(fun, *[None] * len(argnums), argnums=argnums)


def primitive(fun):
    """``autograd.extend.primitive(fun)``, with the deprecated rule-defining methods."""
    wrapped = _primitive(fun)
    wrapped.defgrad = partial(_defgrad, wrapped)
    wrapped.defvjp = partial(_defvjp, wrapped)
    wrapped.defvjp_is_zero = partial(_defvjp_is_zero, wrapped)
    return wrapped
