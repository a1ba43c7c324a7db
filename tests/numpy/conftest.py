"""Every table test that checks derivatives runs twice: on NumPy arrays, and on ``StrictArray``, a CPU array
as strict as CuPy (tests/backends/strict_array.py), to prove the rules neutral to the array library.

A test takes part when its code calls ``check`` or ``check_grads``; in its strict run those convert the
float arrays they are given, and those the checked function refers to (its closure, defaults and globals),
as a CuPy user would have all their data on the device. The strict runs known to fail, with the reason, are in
tests/backends/strict_unsupported.py (docs/backends.md lists them).
"""
import types

import pytest

from autograd import test_util

from ..backends.strict_array import to_strict
from ..backends.strict_unsupported import UNSUPPORTED
from . import util

ARRAY_TYPES = ('ndarray', 'strict')
_CHECKERS = frozenset(['check', 'check_grads'])


def pytest_generate_tests(metafunc):
    if _CHECKERS.intersection(metafunc.function.__code__.co_names):
        metafunc.parametrize('array_type', ARRAY_TYPES, indirect=True)


def pytest_collection_modifyitems(items):
    for item in items:
        if getattr(item, 'callspec', None) and item.callspec.params.get('array_type') == 'strict':
            reason = UNSUPPORTED.get(item.nodeid.rpartition('/')[2])
            if reason is not None:
                item.add_marker(pytest.mark.xfail(reason=reason, strict=True))


@pytest.fixture(autouse=True)
def array_type(request, monkeypatch):
    kind = getattr(request, 'param', 'ndarray')
    if kind == 'strict':
        strict = _on_strict_arrays(test_util.check_grads)
        for module in (request.module, util):
            if hasattr(module, 'check_grads'):
                monkeypatch.setattr(module, 'check_grads', strict)
    return kind


def _on_strict_arrays(check_grads):
    def strict_check_grads(fun, *args, **kwargs):
        checker = check_grads(_with_strict_constants(fun), *args, **kwargs)

        def check_on_strict(*values, **keywords):
            return checker(*map(to_strict, values), **{k: to_strict(v) for k, v in keywords.items()})
        return check_on_strict
    return strict_check_grads


def _with_strict_constants(fun):
    if not isinstance(fun, types.FunctionType):
        return fun
    names = set(fun.__code__.co_names)
    global_values = {k: to_strict(v) if k in names else v for k, v in fun.__globals__.items()}
    closure = fun.__closure__ and tuple(map(_strict_cell, fun.__closure__))
    defaults = fun.__defaults__ and tuple(map(to_strict, fun.__defaults__))
    strict = types.FunctionType(fun.__code__, global_values, fun.__name__, defaults, closure)
    strict.__kwdefaults__ = fun.__kwdefaults__
    return strict


def _strict_cell(cell):
    try:
        return types.CellType(to_strict(cell.cell_contents))
    except ValueError:  # a name the function refers to but that is not bound yet
        return types.CellType()
