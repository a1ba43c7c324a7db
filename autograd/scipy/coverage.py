"""Which SciPy callables autograd differentiates: the coverage table, generated from the rule registries.

    python -m autograd.scipy.coverage > docs/scipy_coverage.md

Every public callable of ``scipy.special``, ``scipy.linalg``, ``scipy.signal`` and ``scipy.integrate``, and
every method among ``METHODS`` of every ``scipy.stats`` distribution (then the other public callables of
``scipy.stats``), is classed as in ``autograd.numpy.coverage``: ruled, passthrough or unsupported with the
reason. A ruled function that refuses some arguments (orders, counts, parameters without a closed-form
derivative) names them with the reason.
"""
import scipy
import scipy.integrate
import scipy.linalg
import scipy.signal
import scipy.special
import scipy.stats

from ..numpy import coverage as numpy_coverage
from . import integrate, linalg, signal, special, stats
from ._special.common import REFUSED, RULED_ARGUMENTS

MODULES = (('scipy.special', scipy.special, special), ('scipy.linalg', scipy.linalg, linalg),
           ('scipy.signal', scipy.signal, signal), ('scipy.integrate', scipy.integrate, integrate))

METHODS = ('pdf', 'logpdf', 'pmf', 'logpmf', 'cdf', 'logcdf', 'sf', 'logsf', 'ppf', 'isf', 'entropy')

NO_RULE_YET = 'no derivative rule yet'


def _reasons(reason, names):
    return {'scipy.special.' + name: reason for name in names.split()}


UNSUPPORTED = {
    **_reasons('Mathieu and spheroidal wave functions: their characteristic values have no closed-form '
               'derivative', ' '.join(n for n in dir(scipy.special) if n.startswith(('mathieu_', 'pro_', 'obl_')))),
    **_reasons('returns every degree and order up to n at once (with derivatives by diff_n): not implemented',
               'assoc_legendre_p assoc_legendre_p_all legendre_p legendre_p_all sph_legendre_p sph_legendre_p_all '
               'sph_harm_y_all lqn lqmn riccati_jn riccati_yn pbdn_seq pbdv_seq pbvv_seq'),
    **_reasons('noncentral distribution functions: derivatives are series in the noncentrality, not implemented',
               'chndtr chndtridf chndtrinc chndtrix nctdtr nctdtridf nctdtrinc nctdtrit ncfdtr ncfdtri '
               'ncfdtridfd ncfdtridfn ncfdtrinc'),
    **_reasons('one-sided Kolmogorov-Smirnov distribution of n samples: derivatives of its finite sum are not '
               'implemented', 'smirnov smirnovi'),
    **_reasons('the result is a count of a discrete distribution', 'bdtrik bdtrin nbdtrik nbdtrin pdtrik'),
    **_reasons(NO_RULE_YET, 'agm airye besselpoly diric ellip_harm ellip_harm_2 ellip_normal elliprd elliprg '
               'elliprj lmbda lpmv pbwa tklmbda'),
    'scipy.special.test': "SciPy's own test runner",
}
"""Qualified SciPy name -> why autograd does not differentiate it."""


def _refusals(fun):
    """The refused arguments of ``fun``, grouped by reason."""
    by_reason = {}
    for name, why in REFUSED.get(fun, {}).items():
        by_reason.setdefault(why, []).append(name)
    return '; '.join('{} ({})'.format(', '.join(names), why) for why, names in by_reason.items())


def classify(qualname, fun):
    """``(class, detail)`` for one SciPy callable, as ``autograd.numpy.coverage.classify``."""
    if RULED_ARGUMENTS.get(fun) == 0:
        return 'unsupported', 'no derivative in ' + _refusals(fun)
    kind, detail = numpy_coverage.classify(qualname, fun, UNSUPPORTED)
    if kind == 'ruled' and fun in REFUSED:
        detail += '; not in ' + _refusals(fun)
    if kind is None and detail == 'primitive without rules':
        return 'unsupported', NO_RULE_YET
    if kind is None:
        return 'unsupported', 'not in autograd.' + qualname.rpartition('.')[0]
    return kind, detail


def distributions():
    """``(name, SciPy distribution)`` for every distribution object of ``scipy.stats``."""
    kinds = (scipy.stats.rv_continuous, scipy.stats.rv_discrete, scipy.stats._multivariate.multi_rv_generic)
    return [(name, obj) for name, obj in sorted(vars(scipy.stats).items())
            if not name.startswith('_') and isinstance(obj, kinds)]


def stats_rows():
    """A row per method of each distribution, then one per other public callable of ``scipy.stats``."""
    rows, names = [], set()
    for name, distribution in distributions():
        names.add(name)
        ours = vars(stats).get(name)
        for method in METHODS:
            if not hasattr(distribution, method):
                continue
            qualname = 'scipy.stats.{}.{}'.format(name, method)
            if ours is None:
                rows.append((qualname, 'unsupported', 'distribution not in autograd.scipy.stats'))
            elif callable(vars(ours).get(method)):
                rows.append((qualname, 'ruled', 'built from ruled primitives'))
            else:
                rows.append((qualname, 'unsupported', 'method not in autograd.scipy.stats.' + name))
    others = (('scipy.stats', scipy.stats, stats),)
    rows += [(q, 'unsupported', 'not in autograd.scipy.stats') for q, _ in numpy_coverage.public_callables(others)
             if q.rpartition('.')[2] not in names]
    return rows


def classified_rows():
    """``(module, rows)`` for each SciPy module, rows being ``(qualified name, class, detail)``."""
    modules = [(module[0], [(q,) + classify(q, fun) for q, fun in numpy_coverage.public_callables((module,))])
               for module in MODULES]
    return modules[:2] + [('scipy.stats', stats_rows())] + modules[2:]


def ruled_distributions(rows):
    """The distributions with at least one ruled method."""
    return sorted({q.split('.')[2] for q, kind, _ in rows if kind == 'ruled'})


def summary(module, rows):
    """The table's line of counts for ``module``."""
    counts = numpy_coverage.counts_of(rows)
    return '| {} | {} | {} | {} | {} |'.format(module, len(rows), counts.get('ruled', 0),
                                              counts.get('passthrough', 0), counts.get('unsupported', 0))


def table():
    modules = classified_rows()
    lines = ['# SciPy coverage', '',
             'Generated by `python -m autograd.scipy.coverage` from the rule registries, with SciPy {}; do not '
             'edit. Ruled: VJP and JVP rules (both modes). Functions ruled in some arguments name the ones they '
             'refuse, with the reason.'.format(scipy.__version__), '',
             '| module | callables | ruled | passthrough | unsupported |', '| --- | --- | --- | --- | --- |']
    lines += [summary(module, rows) for module, rows in modules]
    lines += ['', 'scipy.stats rows are one per distribution and method; {} distributions have ruled methods.'
              .format(len(ruled_distributions(dict(modules)['scipy.stats'])))]
    for module, rows in modules:
        lines += ['', '## ' + module, '', '| function | class | detail |', '| --- | --- | --- |']
        lines += numpy_coverage.table_rows(rows)
    return '\n'.join(lines) + '\n'


if __name__ == '__main__':
    print(table(), end='')
