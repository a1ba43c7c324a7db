"""The SciPy coverage table: every callable is classified, and docs/scipy_coverage.md is current."""
import pytest
import scipy

from autograd.scipy import coverage

from ..generated_docs import assert_current


def rows_of(module):
    return dict(coverage.classified_rows())[module]


@pytest.mark.parametrize('module', [m for m, _ in coverage.classified_rows()])
def test_every_callable_is_classified_with_a_reason(module):
    for name, kind, detail in rows_of(module):
        assert kind in ('ruled', 'passthrough', 'unsupported') and detail, name


def test_at_least_150_special_functions_are_ruled():
    assert [kind for _, kind, _ in rows_of('scipy.special')].count('ruled') >= 150


def test_refused_arguments_are_named_with_the_reason():
    details = {name: detail for name, _, detail in rows_of('scipy.special')}
    assert 'not in x (its derivative has no closed form' in details['scipy.special.zeta']
    assert 'not in n (it is an integer' in details['scipy.special.eval_legendre']
    assert 'not in v (its derivative has no closed form' in details['scipy.special.kv']


def test_stats_rows_are_per_distribution_and_method():
    rows = {name: kind for name, kind, _ in rows_of('scipy.stats')}
    assert rows['scipy.stats.norm.logpdf'] == 'ruled'
    assert 'scipy.stats.norm.pmf' not in rows and 'scipy.stats.poisson.pmf' in rows
    assert 'norm' in coverage.ruled_distributions(rows_of('scipy.stats'))


def test_committed_table_is_current():
    assert_current('scipy_coverage.md', 'SciPy', scipy.__version__, coverage.table(), 'autograd.scipy.coverage')
