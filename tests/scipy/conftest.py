"""The registry-driven tests of the SciPy rules, and the signal tests, run twice, as the NumPy table tests do:
on NumPy arrays and on ``StrictArray``, a CPU array as strict as CuPy whose SciPy stands in for ``cupyx.scipy``
(tests/backends/strict_runs.py says how)."""
import pathlib

import pytest

from ..backends import strict_runs

STRICT_FILES = frozenset(['test_special_rules.py', 'test_linalg_rules.py', 'test_stats.py', 'test_signal.py',
                          'test_signal_detrend.py', 'test_signal_fft_convolve.py', 'test_signal_filters.py',
                          'test_signal_spectral.py', 'test_stats_multivariate.py'])
INTEGER_AND_FLOAT = 'iufc'
"""The SciPy tests' integer arrays (orders, degrees, counts) are data, which a CuPy user keeps on the device."""


def pytest_generate_tests(metafunc):
    if metafunc.definition.path.name in STRICT_FILES:
        strict_runs.parametrize(metafunc)


def pytest_collection_modifyitems(items):
    strict_runs.mark_unsupported(items, pathlib.Path(__file__).parent)


@pytest.fixture(autouse=True)
def array_type(request, monkeypatch):
    return strict_runs.array_type(request, monkeypatch, kinds=INTEGER_AND_FLOAT)
