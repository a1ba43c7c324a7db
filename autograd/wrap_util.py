"""Turning a unary differential operator ``op(fun, x)`` into one that takes ``argnum`` and any arguments."""
import inspect
from functools import update_wrapper
from types import MethodType

import numpy as _np


def get_name(f):
    return getattr(f, '__name__', '[unknown name]')


def get_doc(f):
    return getattr(f, '__doc__', '')


def wraps(fun, namestr='{fun}', docstr='{doc}', **kwargs):
    """Decorator giving a function the name ``namestr`` and docstring ``docstr``, formatted with ``fun``'s
    name (``{fun}``), docstring (``{doc}``) and ``kwargs``. Unlike ``functools.wraps`` it sets no
    ``__wrapped__``, so ``inspect.signature`` shows the decorated function's own signature."""
    def decorate(f):
        try:
            f.__name__ = f.__qualname__ = namestr.format(fun=get_name(fun), **kwargs)
            f.__module__ = getattr(fun, '__module__', f.__module__)
            f.__doc__ = docstr.format(fun=get_name(fun), doc=get_doc(fun), **kwargs)
        except (AttributeError, TypeError):  # a callable object that keeps its own name
            pass
        return f
    return decorate


def wrap_nary_f(fun, op, argnum):
    """Decorator naming the function that ``op`` made of ``fun`` (``grad_of_f_wrt_argnum_0``)."""
    return wraps(fun, '{op}_of_{fun}_wrt_argnum_{argnum}',
                 '    {op} of function {fun} with respect to argument number {argnum}. Given the same arguments as '
                 '{fun}, returns the {op}.\n\n{fun}:\n{doc}', op=get_name(op), argnum=argnum)


def subvals(args, replacements):
    """``args`` (a tuple) with ``args[i] = value`` for each ``(i, value)`` in ``replacements``."""
    args = list(args)
    for i, value in replacements:
        args[i] = value
    return tuple(args)


def _check_argnum(op_name, argnum):
    if isinstance(argnum, bool) or not isinstance(argnum, (int, _np.integer, tuple, list)):
        raise TypeError(
            "{}: argnum must be an int or a tuple of ints, got {!r}. To differentiate with respect to a "
            "named argument use grad_named(fun, 'name').".format(op_name, argnum))
    if isinstance(argnum, (tuple, list)):
        if any(isinstance(i, bool) or not isinstance(i, (int, _np.integer)) for i in argnum):
            raise TypeError("{}: argnum must be an int or a tuple of ints, got {!r}"
                            .format(op_name, argnum))
        if len(set(argnum)) != len(argnum):
            raise ValueError("{}: argnum {!r} names an argument twice".format(op_name, argnum))


def _positional(op_name, fun, args, argnum):
    if not -len(args) <= argnum < len(args):
        raise IndexError(
            "{}: argnum={} but {} was called with {} positional argument{}. Pass the argument to "
            "differentiate positionally, or use grad_named for keyword arguments.".format(
                op_name, argnum, getattr(fun, '__name__', 'the function'), len(args),
                '' if len(args) == 1 else 's'))
    return argnum % len(args)


def unary_to_nary(unary_operator):
    """Lift ``unary_operator(fun, x, *op_args, **op_kwargs)`` to ``op(fun, argnum=0, *op_args, ...)``.

    The lifted operator returns a function of the same arguments as ``fun`` that applies the unary
    operator to ``fun`` seen as a function of argument ``argnum`` alone; a tuple ``argnum`` makes that
    argument the tuple of the named arguments (and the result a tuple).
    """
    op_name = unary_operator.__name__

    @wraps(unary_operator)
    def nary_operator(fun, argnum=0, *op_args, **op_kwargs):
        if not callable(fun):
            raise TypeError("{} needs a function to differentiate, got {!r}".format(op_name, fun))
        _check_argnum(op_name, argnum)

        def nary_f(*args, **kwargs):
            if isinstance(argnum, (int, _np.integer)):
                if type(argnum) is int and 0 <= argnum < len(args):
                    i = argnum
                else:
                    i = _positional(op_name, fun, args, int(argnum))
                x = args[i]

                def unary_f(x):
                    return fun(*args[:i], x, *args[i + 1:], **kwargs)
                unary_f.__name__ = getattr(fun, '__name__', 'unary_f')
            else:
                positions = [_positional(op_name, fun, args, int(j)) for j in argnum]
                x = tuple(args[i] for i in positions)

                def unary_f(x):
                    return fun(*subvals(args, zip(positions, x)), **kwargs)
                unary_f.__name__ = getattr(fun, '__name__', 'unary_f')
            return unary_operator(unary_f, x, *op_args, **op_kwargs)
        made = update_wrapper(OperatorFunction(nary_f, (_remake, (nary_operator, fun, argnum, op_args,
                                                                  op_kwargs))), fun)
        return wrap_nary_f(fun, unary_operator, argnum)(made)
    nary_operator.__signature__ = _lifted_signature(unary_operator)
    return nary_operator


def _lifted_signature(unary_operator):
    """``(fun, argnum=0, <the unary operator's options>)``: what introspection shows for the lifted one."""
    unary = list(inspect.signature(unary_operator).parameters.values())
    argnum = inspect.Parameter('argnum', inspect.Parameter.POSITIONAL_OR_KEYWORD, default=0)
    return inspect.Signature([unary[0], argnum] + unary[2:])


class OperatorFunction:
    """A function made by an operator (``grad(f)``): it pickles as the operator applied to the function
    again, both by reference, so it can be sent to other processes (``multiprocessing``) where ``f`` can."""
    __slots__ = ('_call', '_recipe', '__dict__', '__weakref__')

    def __init__(self, call, recipe):
        self._call = call
        self._recipe = recipe

    def __call__(self, *args, **kwargs):
        return self._call(*args, **kwargs)

    def __get__(self, instance, owner=None):
        return self if instance is None else MethodType(self, instance)

    def __reduce__(self):
        return self._recipe

    def __repr__(self):
        return '<function {}>'.format(self.__qualname__)


def _remake(operator, fun, argnum, op_args, op_kwargs):
    return operator(fun, argnum, *op_args, **op_kwargs)
