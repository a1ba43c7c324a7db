"""Every table test that checks derivatives runs twice: on NumPy arrays, and on ``StrictArray``, a CPU array
as strict as CuPy (tests/backends/strict_runs.py says how)."""
import pathlib

import pytest

from ..backends import strict_runs


def pytest_generate_tests(metafunc):
    strict_runs.parametrize(metafunc)


def pytest_collection_modifyitems(items):
    strict_runs.mark_unsupported(items, pathlib.Path(__file__).parent)


@pytest.fixture(autouse=True)
def array_type(request, monkeypatch):
    return strict_runs.array_type(request, monkeypatch)
