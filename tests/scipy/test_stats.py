"""autograd.scipy.stats, univariate distributions, generated from ``stats_registry``: values equal SciPy's (on
and off the support, NaN for bad parameters), and derivatives in x (or q) and every continuous parameter agree
with finite differences (both modes, order 2), with parameters broadcast against x and x against them."""
import importlib
import pkgutil
import types

import numpy as onp
import pytest
import scipy.stats

import autograd.numpy as np
from autograd import grad, make_jvp
from autograd.scipy import stats

from ..numpy.util import check
from .stats_registry import CDF_FAMILY, CONTINUOUS, CONTINUOUS_METHODS, DISCRETE, DISCRETE_METHODS, MULTIVARIATE

Q_DOMAIN = (0.05, 0.95)
# (x shape, parameter shape): scalars, x broadcast against parameters, parameters against x.
SHAPE_PAIRS = [((), ()), ((2, 3), (3,)), ((3,), (2, 1))]


def draw(shape, domain):
    if isinstance(domain, onp.ndarray):  # the values of a discrete shape
        return onp.resize(domain, shape) if shape else domain[0]
    x = onp.random.uniform(domain[0], domain[1], shape)
    return x if shape else x[()]


def methods(name, candidates):
    """The methods the module defines itself (not SciPy's, served through ``__getattr__``)."""
    return [m for m in candidates if m in vars(getattr(stats, name))]


def params(name, shape):
    entry = CONTINUOUS[name]
    values = {p: draw(shape, domain) for p, domain in entry.shapes.items()}
    values.update(loc=draw(shape, entry.loc), scale=draw(shape, entry.scale))
    return values


def ids(cases):
    return ['{}.{}'.format(*case) for case in cases]


CASES = [(name, fun) for name in sorted(CONTINUOUS) for fun in methods(name, CONTINUOUS_METHODS)]


def call(module, fun, first, p):
    with onp.errstate(invalid='ignore'):  # SciPy warns at vonmises.logsf's NaN (a negative sf past a turn)
        return getattr(module, fun)(**p) if fun == 'entropy' else getattr(module, fun)(first, **p)


@pytest.mark.parametrize('name, fun', CASES, ids=ids(CASES))
def test_values_match_scipy(name, fun):
    # Parameters broadcast against x.
    # Points inside, on the edges of and outside the support (and deep in the tails for the quantiles).
    first = (onp.array([-0.5, 0.0, 1e-12, 0.05, 0.5, 0.9, 1.0 - 1e-12, 1.0, 1.5])[:, None] if fun in ('ppf', 'isf')
             else onp.array([-1.5, -0.2, 0.0, 0.3, 0.5, 1.0, 1.7, 3.0, 5.0])[:, None])
    p = params(name, (3,))
    ours, theirs = getattr(stats, name), getattr(scipy.stats, name)
    onp.testing.assert_allclose(call(ours, fun, first, p), call(theirs, fun, first, p), rtol=1e-9, atol=1e-300)
    positional = list(p.values())
    if fun != 'entropy':
        with onp.errstate(invalid='ignore'):
            theirs_positional = getattr(theirs, fun)(first, *positional)
        onp.testing.assert_allclose(getattr(ours, fun)(first, *positional), theirs_positional, rtol=1e-9, atol=1e-300)
        # Defaults, and 0-d arguments giving a 0-d result.
        onp.testing.assert_allclose(getattr(ours, fun)(0.7, *positional[:-2]),
                                    getattr(theirs, fun)(0.7, *positional[:-2]), rtol=1e-9)


@pytest.mark.parametrize('name, fun', CASES, ids=ids(CASES))
def test_bad_parameters_give_nan(name, fun):
    p = params(name, ())
    p['scale'] = onp.array([-1.0, 1.0])
    ours = call(getattr(stats, name), fun, 0.7, p)
    assert onp.isnan(ours[0]) and not onp.isnan(ours[1])
    assert onp.isnan(call(getattr(scipy.stats, name), fun, 0.7, p)[0])


def _argnames(name, fun):
    entry = CONTINUOUS[name]
    names = ([] if fun == 'entropy' else ['x']) + list(entry.shapes) + ['loc', 'scale']
    if fun in CDF_FAMILY:
        names = [n for n in names if n not in entry.refused]
    if fun == 'entropy':
        names.remove('loc')  # the entropy does not depend on it
    if name == 'uniform' and fun in ('logpdf', 'pdf'):
        names = ['scale']  # the density is constant in x and loc on the support
    return names


@pytest.mark.parametrize('shapes', SHAPE_PAIRS, ids=str)
@pytest.mark.parametrize('name, fun', CASES, ids=ids(CASES))
def test_derivatives(name, fun, shapes):
    x_domain = Q_DOMAIN if fun in ('ppf', 'isf') else CONTINUOUS[name].x
    values = dict(x=draw(shapes[0], x_domain), **params(name, shapes[1]))
    names = _argnames(name, fun)
    fixed = {n: v for n, v in values.items() if n not in names}

    def f(*args):
        # Parameters passed by keyword, as users do; they are traced all the same.
        given = dict(zip(names, args), **fixed)
        return call(getattr(stats, name), fun, given.pop('x', None), given)
    check(f, *[values[n] for n in names], order=CONTINUOUS[name].order)


REFUSALS = [(name, fun, shape) for name in sorted(CONTINUOUS) for shape in CONTINUOUS[name].refused
            for fun in CDF_FAMILY] + [(name, fun, shape) for name in sorted(DISCRETE)
                                      for shape in DISCRETE[name].refused for fun in CDF_FAMILY[:4]]


@pytest.mark.parametrize('name, fun, shape', REFUSALS, ids=['{}.{}-{}'.format(*r) for r in REFUSALS])
def test_refused_derivatives_name_distribution_method_and_parameter(name, fun, shape):
    if name in CONTINUOUS:
        p, first = params(name, ()), 0.5 if fun in ('ppf', 'isf') else CONTINUOUS[name].x[0]
    else:
        p, first = discrete_params(name, ()), DISCRETE[name].k[1]
    message = r'stats\.{}\.{}: no derivative with respect to {} '.format(name, fun, shape)

    def f(v):
        return getattr(getattr(stats, name), fun)(first, **dict(p, **{shape: v}))
    with pytest.raises(NotImplementedError, match=message):
        grad(f)(p[shape])
    with pytest.raises(NotImplementedError, match=message):
        make_jvp(f)(p[shape])(1.0)


def test_off_support_derivatives_are_zero_not_nan():
    x = onp.array([-1.0, 2.0])
    assert onp.all(grad(lambda a: np.sum(stats.gamma.pdf(x, a)))(1.5) == grad(stats.gamma.pdf, 1)(2.0, 1.5))
    assert onp.array_equal(grad(lambda x: np.sum(stats.gamma.cdf(x, 2.0)))(x)[0], 0.0)
    assert onp.array_equal(grad(lambda x: np.sum(stats.beta.logpdf(x, 2.0, 3.0)))(onp.array([-0.5, 1.5])),
                           [0.0, 0.0])
    assert onp.array_equal(grad(lambda q: np.sum(stats.gamma.ppf(q, 2.0)))(onp.array([-0.5, 0.5]))[0], 0.0)


def test_uniform_density_is_constant_in_x():
    with pytest.warns(UserWarning, match='independent'):
        assert grad(stats.uniform.logpdf)(0.5, 0.0, 2.0) == 0.0
    assert grad(stats.uniform.logpdf, 2)(0.5, 0.0, 2.0) == -0.5


def test_laplace_kink_subgradient():
    assert grad(stats.laplace.logpdf)(0.0) == 0.0
    assert onp.isclose(grad(stats.laplace.cdf)(0.0), 0.5)


def test_signatures_and_argument_errors_are_scipy_like():
    import inspect
    assert str(inspect.signature(stats.gamma.logpdf)) == '(x, a, loc=0.0, scale=1.0)'
    assert str(inspect.signature(stats.binom.pmf)) == '(k, n, p, loc=0)'
    with pytest.raises(TypeError, match=r"gamma\.cdf: missing a required argument: 'a'"):
        stats.gamma.cdf(1.0)
    with pytest.raises(TypeError, match=r"norm\.logpdf: multiple values for argument 'x'"):
        stats.norm.logpdf(1.0, x=2.0)
    # Lists as SciPy takes them, and the entropy broadcast against loc.
    onp.testing.assert_allclose(stats.gamma.ppf([0.1, 0.5], [1.0, 2.0]), scipy.stats.gamma.ppf([0.1, 0.5], [1.0, 2.0]))
    onp.testing.assert_allclose(stats.poisson.pmf([1, 2], 2.0), scipy.stats.poisson.pmf([1, 2], 2.0))
    assert onp.shape(stats.norm.entropy(loc=[0.0, 1.0])) == onp.shape(scipy.stats.norm.entropy(loc=[0.0, 1.0])) == (2,)


def test_submodules_import_both_ways():
    import autograd.scipy.stats.norm as norm_module
    from autograd.scipy.stats import norm
    assert norm is norm_module and norm.logpdf(0.0) == scipy.stats.norm.logpdf(0.0)


def test_every_distribution_is_in_the_registry():
    modules = {m.name for m in pkgutil.iter_modules(stats.__path__) if not m.name.startswith('_')}
    assert modules == set(CONTINUOUS) | set(DISCRETE) | set(MULTIVARIATE)
    assert len(modules) >= 30


@pytest.mark.parametrize('name', [''] + sorted(set(CONTINUOUS) | set(DISCRETE) | set(MULTIVARIATE)))
def test_namespaces_hold_scipy_names_only(name):
    ours = importlib.import_module('autograd.scipy.stats' + ('.' + name if name else ''))
    theirs = getattr(scipy.stats, name) if name else scipy.stats
    public = [n for n in vars(ours) if not n.startswith('_')]
    assert [n for n in public if not hasattr(theirs, n)] == []
    if name:
        assert not [n for n in public if isinstance(vars(ours)[n], types.ModuleType)]


MEMBER_ARGS = {'dirichlet': (onp.ones(3),), 'multivariate_normal': (onp.zeros(2),), 'poisson': (2.0,),
               'bernoulli': (0.3,), 'binom': (5, 0.3), 'betabinom': (5, 2.0, 3.0), 'geom': (0.3,), 'nbinom': (2.0, 0.3),
               'multinomial': (5, onp.array([0.2, 0.3, 0.5])), 'multivariate_t': (onp.zeros(2),),
               'matrix_normal': (onp.zeros((2, 3)),), 'wishart': (3.5, onp.eye(2)), 'invwishart': (3.5, onp.eye(2))}


@pytest.mark.parametrize('name', sorted(set(CONTINUOUS) | set(DISCRETE) | set(MULTIVARIATE)))
def test_scipy_members_without_derivatives_are_there(name):
    ours, theirs = getattr(stats, name), getattr(scipy.stats, name)
    args = MEMBER_ARGS.get(name) or tuple(onp.mean(d) for d in CONTINUOUS[name].shapes.values())
    assert onp.shape(ours.rvs(*args, size=2)) == onp.shape(theirs.rvs(*args, size=2))
    assert ours.rvs.__name__ == name + '.rvs'
    if name not in DISCRETE and name != 'multinomial':  # whose samples are integers, which carry no derivative
        with pytest.raises(NotImplementedError, match=name + r'\.rvs'):
            grad(lambda p: np.sum(ours.rvs(p, *args[1:], size=2)))(args[0] if args else 1.0)
    with pytest.raises(AttributeError, match='no_such_member'):
        ours.no_such_member


# Discrete distributions: differentiable in their continuous shapes; k, loc and integer shapes are discrete.
DISCRETE_CASES = [(name, fun) for name in sorted(DISCRETE) for fun in methods(name, DISCRETE_METHODS)]


def discrete_params(name, shape):
    return {p: draw(shape, domain) for p, domain in DISCRETE[name].shapes.items()}


@pytest.mark.parametrize('name, fun', DISCRETE_CASES, ids=ids(DISCRETE_CASES))
def test_discrete_values_match_scipy(name, fun):
    first = (onp.array([-0.5, 0.0, 0.05, 0.5, 0.9, 1.0, 1.5])[:, None] if fun in ('ppf', 'isf') else
             onp.array([-1, 0, 1, 2, 2.5, 4, 5, 9, 12])[:, None])
    p = discrete_params(name, (3,))
    ours, theirs = getattr(stats, name), getattr(scipy.stats, name)
    onp.testing.assert_allclose(call(ours, fun, first, p), call(theirs, fun, first, p), rtol=1e-9, atol=1e-300)
    if fun != 'entropy':
        onp.testing.assert_allclose(getattr(ours, fun)(first, *p.values(), loc=1),
                                    getattr(theirs, fun)(first, *p.values(), loc=1), rtol=1e-9, atol=1e-300)
        bad = dict(p, **{list(p)[-1]: -1.0})
        assert onp.all(onp.isnan(getattr(ours, fun)(first, **bad)))


@pytest.mark.parametrize('shapes', SHAPE_PAIRS, ids=str)
@pytest.mark.parametrize('name, fun', [c for c in DISCRETE_CASES if c[1] not in ('ppf', 'isf')],
                         ids=ids([c for c in DISCRETE_CASES if c[1] not in ('ppf', 'isf')]))
def test_discrete_derivatives(name, fun, shapes):
    entry = DISCRETE[name]
    k = onp.broadcast_to(onp.resize(entry.k, shapes[0][-1:] or (1,)), shapes[0]) if shapes[0] else entry.k[0]
    p = discrete_params(name, shapes[1])
    names = [n for n, d in entry.shapes.items() if not isinstance(d, onp.ndarray)
             and not (fun in CDF_FAMILY and n in entry.refused)]

    def f(*args):
        given = dict(p, **dict(zip(names, args)))
        return call(getattr(stats, name), fun, k, given)
    check(f, *[p[n] for n in names])


@pytest.mark.parametrize('name', sorted(DISCRETE))
def test_discrete_arguments_are_refused_when_traced(name):
    p = discrete_params(name, ())
    module = getattr(stats, name)
    with pytest.raises(TypeError, match=r'{}\.logpmf: k is discrete'.format(name)):
        grad(lambda k: module.logpmf(k, **p))(1.0)
    with pytest.raises(TypeError, match=r'{}\.cdf: loc is discrete'.format(name)):
        grad(lambda loc: module.cdf(2, loc=loc, **p))(0.0)
    for shape, domain in DISCRETE[name].shapes.items():
        if isinstance(domain, onp.ndarray):
            with pytest.raises(TypeError, match=r'{}\.pmf: {} is discrete'.format(name, shape)):
                grad(lambda n: module.pmf(1, **dict(p, **{shape: n})))(4.0)


def test_discrete_quantiles_are_integers_without_derivative():
    assert stats.poisson.ppf(0.5, 3.0, loc=1) == scipy.stats.poisson.ppf(0.5, 3.0, loc=1)
    with pytest.warns(UserWarning, match='independent'):
        assert grad(stats.poisson.ppf, 1)(0.5, 3.0) == 0.0


@pytest.mark.parametrize('a, b', [(5.0, 6.0), (-6.0, -5.0), (-1.0, 10.0), (2.0, onp.inf), (-onp.inf, 0.5)], ids=str)
def test_truncnorm_keeps_its_digits_in_the_tails(a, b):
    x = onp.linspace(max(a, -3.0), min(b, 8.0), 5)[1:-1]
    for fun in ['logpdf', 'cdf', 'sf', 'logcdf', 'logsf']:
        onp.testing.assert_allclose(getattr(stats.truncnorm, fun)(x, a, b),
                                    getattr(scipy.stats.truncnorm, fun)(x, a, b), rtol=1e-12)
    for fun in ['ppf', 'isf']:
        q = onp.array([0.01, 0.5, 0.99])
        onp.testing.assert_allclose(getattr(stats.truncnorm, fun)(q, a, b),
                                    getattr(scipy.stats.truncnorm, fun)(q, a, b), rtol=1e-12)


def test_discrete_edges():
    # All the mass on one point: no entropy (SciPy's geom gives NaN at p = 1).
    onp.testing.assert_array_equal(stats.poisson.entropy(onp.array([0.0, 0.3])) == 0.0, [True, False])
    assert stats.geom.entropy(1.0) == 0.0
    # log sf near 1 from log1p of the cdf, where SciPy's log of the sf rounds to 0.
    onp.testing.assert_allclose(stats.binom.logsf(0, 30, 0.97), -scipy.stats.binom.cdf(0, 30, 0.97), rtol=1e-12)
