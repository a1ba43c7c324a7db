"""Running table tests a second time on ``StrictArray``, a CPU array as strict as CuPy
(tests/backends/strict_array.py), to prove the rules neutral to the array library.

A test takes part when its code calls ``check`` or ``check_grads``; in its strict run those convert the
float arrays they are given, and those the checked function refers to (its closure, defaults and globals),
as a CuPy user would have all their data on the device. The strict runs known to fail, with the reason, are in
tests/backends/strict_unsupported.py (docs/backends.md lists them). A test directory's conftest.py calls
``parametrize`` and ``mark_unsupported`` from its hooks and ``array_type`` from its fixture.
"""
import functools
import types

import pytest

from autograd import test_util
from autograd.numpy.backends import register_array_type
from autograd.numpy.wrapper import adapters

from ..numpy import util
from .strict_array import StrictArray, to_strict
from .strict_scipy import StrictScipy
from .strict_unsupported import UNSUPPORTED

ARRAY_TYPES = ('ndarray', 'strict')
_CHECKERS = frozenset(['check', 'check_grads'])


def parametrize(metafunc):
    if _CHECKERS.intersection(metafunc.function.__code__.co_names):
        metafunc.parametrize('array_type', ARRAY_TYPES, indirect=True)


def mark_unsupported(items, directory):
    """Expected failures for the strict runs in ``directory`` (each conftest's hook sees every test)."""
    for item in items:
        if item.path.is_relative_to(directory) and getattr(item, 'callspec', None) \
                and item.callspec.params.get('array_type') == 'strict':
            reason = UNSUPPORTED.get(item.nodeid.rpartition('/')[2])
            if reason is not None:
                item.add_marker(pytest.mark.xfail(reason=reason, strict=True))


def array_type(request, monkeypatch, kinds='fc'):
    """The kind of array of this run; for a strict one, the checkers convert the arrays of the dtype ``kinds``
    to StrictArrays, and SciPy's functions reach them through ``StrictScipy``, as CuPy's reach
    ``cupyx.scipy``."""
    kind = getattr(request, 'param', 'ndarray')
    if kind == 'strict':
        use_strict_scipy(monkeypatch)
        strict = _on_strict_arrays(test_util.check_grads, functools.partial(to_strict, kinds=kinds))
        for module in (request.module, util):
            if hasattr(module, 'check_grads'):
                monkeypatch.setattr(module, 'check_grads', strict)
    return kind


def use_strict_scipy(monkeypatch):
    """Give StrictArray its SciPy for the rest of the test."""
    register_array_type(StrictArray)
    monkeypatch.setitem(adapters, StrictArray, StrictScipy())


def _on_strict_arrays(check_grads, convert):
    def strict_check_grads(fun, *args, **kwargs):
        checker = check_grads(_with_strict_constants(fun, convert), *args, **kwargs)

        def check_on_strict(*values, **keywords):
            return checker(*map(convert, values), **{k: convert(v) for k, v in keywords.items()})
        return check_on_strict
    return strict_check_grads


def _with_strict_constants(fun, convert):
    if not isinstance(fun, types.FunctionType):
        return fun
    names = set(fun.__code__.co_names)
    global_values = {k: convert(v) if k in names else v for k, v in fun.__globals__.items()}
    closure = fun.__closure__ and tuple(_strict_cell(cell, convert) for cell in fun.__closure__)
    defaults = fun.__defaults__ and tuple(map(convert, fun.__defaults__))
    strict = types.FunctionType(fun.__code__, global_values, fun.__name__, defaults, closure)
    strict.__kwdefaults__ = fun.__kwdefaults__
    return strict


def _strict_cell(cell, convert):
    try:
        return types.CellType(convert(cell.cell_contents))
    except ValueError:  # a name the function refers to but that is not bound yet
        return types.CellType()
