"""The coverage table: every public NumPy callable is classified, and docs/coverage.md is current."""
import re
from pathlib import Path

import numpy
import pytest

from autograd.numpy import coverage

DOC = Path(__file__).resolve().parents[2] / 'docs' / 'coverage.md'


def test_every_numpy_callable_is_classified():
    unclassified = [(name, detail) for name, kind, detail in coverage.classified_rows() if kind is None]
    assert not unclassified, 'classify these as ruled, passthrough or unsupported: {}'.format(unclassified)


def test_at_least_95_percent_of_differentiable_functions_are_ruled():
    assert coverage.ruled_fraction(coverage.classified_rows()) >= 0.95


def test_committed_table_is_current():
    committed = DOC.read_text()
    generated_with = re.search(r'with NumPy (\S+);', committed).group(1)
    if generated_with != numpy.__version__:
        pytest.skip('docs/coverage.md lists the callables of NumPy {}, not of this NumPy {}'.format(
            generated_with, numpy.__version__))
    assert committed == coverage.table(), 'regenerate: python -m autograd.numpy.coverage > docs/coverage.md'
