"""The coverage table: every public NumPy callable is classified, and docs/coverage.md is current."""
import subprocess
import sys

import numpy

from autograd.numpy import coverage, wrapper

from ..generated_docs import assert_current


def test_every_numpy_callable_is_classified():
    unclassified = [(name, detail) for name, kind, detail in coverage.classified_rows() if kind is None]
    assert not unclassified, 'classify these as ruled, passthrough or unsupported: {}'.format(unclassified)


def test_at_least_95_percent_of_differentiable_functions_are_ruled():
    assert coverage.ruled_fraction(coverage.classified_rows()) >= 0.95


def test_committed_table_is_current():
    assert_current('coverage.md', 'NumPy', numpy.__version__, coverage.table(), 'autograd.numpy.coverage')


def test_import_survives_numpy_without_a_removed_name():
    # NumPy removes names (row_stack in 2.5): the namespace is built from what this NumPy has.
    script = ('import numpy\n'
              'for name in ("row_stack", "concat"):\n'
              '    if hasattr(numpy, name): delattr(numpy, name)\n'
              'import autograd.numpy as np\n'
              'from autograd.numpy import coverage\n'
              'assert not hasattr(np, "row_stack") and np.vstack([[1.0], [2.0]]).shape == (2, 1)\n'
              'print(coverage.lacking_note())')
    out = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, check=True).stdout
    assert '`numpy.concat`' in out and '`numpy.row_stack`' in out


def test_coverage_table_names_what_this_numpy_lacks(monkeypatch):
    monkeypatch.setattr(wrapper, 'lacking', [])
    assert 'has every name' in coverage.lacking_note()
    assert not wrapper.numpy_has('no_such_function')
    assert '`numpy.no_such_function`' in coverage.table()
