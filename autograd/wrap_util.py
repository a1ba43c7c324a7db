"""Turning a unary differential operator ``op(fun, x)`` into one that takes ``argnum`` and any arguments."""
from functools import update_wrapper, wraps
from types import MethodType

import numpy as _np


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
        if not argnum or any(isinstance(i, bool) or not isinstance(i, (int, _np.integer)) for i in argnum):
            raise TypeError("{}: argnum must be an int or a non-empty tuple of ints, got {!r}"
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
        _describe(made, op_name, fun, argnum)
        return made
    return nary_operator


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


def _describe(nary_f, op_name, fun, argnum):
    """Name and document the function an operator made, e.g. ``grad_of_loss_wrt_argnum_1``."""
    fun_name = getattr(fun, '__name__', 'fun')
    nary_f.__name__ = nary_f.__qualname__ = '{}_of_{}_wrt_argnum_{}'.format(op_name, fun_name, argnum)
    nary_f.__doc__ = '    {} of function {} with respect to argument number {}.'.format(op_name, fun_name, argnum)
    if getattr(fun, '__doc__', None):
        nary_f.__doc__ += ' Its documentation:\n\n' + fun.__doc__
