"""autograd.scipy.stats: values equal SciPy's (on and off the support, and NaN for bad parameters), and
derivatives in x and every parameter agree with finite differences (both modes, order 2)."""
import numpy as onp
import pytest
import scipy.stats

import autograd.numpy as np
from autograd import grad
from autograd.scipy import stats
from autograd.scipy.stats import dirichlet, multivariate_normal, poisson

from ..numpy.util import check

CONTINUOUS_FUNCTIONS = ['logpdf', 'pdf', 'cdf', 'logcdf', 'sf', 'logsf']
LOC, SCALE = (-0.2, 0.2), (0.8, 1.5)

# name: (shape parameters and their domains, domain of x inside the support, loc domain, scale domain)
CONTINUOUS = {
    'norm': ({}, (-3.0, 3.0), LOC, SCALE),
    't': ({'df': (1.5, 6.0)}, (-3.0, 3.0), LOC, SCALE),
    'gamma': ({'a': (0.8, 3.0)}, (0.5, 3.0), LOC, SCALE),
    'chi2': ({'df': (1.5, 6.0)}, (0.5, 3.0), LOC, SCALE),
    'beta': ({'a': (0.8, 3.0), 'b': (0.8, 3.0)}, (0.3, 1.2), (-0.1, 0.1), (1.5, 2.0)),
    'expon': ({}, (0.5, 3.0), LOC, SCALE),
    'laplace': ({}, (-3.0, 3.0), LOC, SCALE),
    'logistic': ({}, (-3.0, 3.0), LOC, SCALE),
    'lognorm': ({'s': (0.5, 1.5)}, (0.5, 3.0), LOC, SCALE),
    'uniform': ({}, (0.3, 1.2), LOC, (1.5, 2.0)),
    'cauchy': ({}, (-3.0, 3.0), LOC, SCALE),
}
# The shape parameters of incomplete integrals, whose derivatives are refused in the cdf family.
# The uniform density depends on its scale only.
SCALE_ONLY = {('uniform', 'logpdf'), ('uniform', 'pdf')}


def draw(shape, domain):
    x = onp.random.uniform(domain[0], domain[1], shape)
    return x if shape else x[()]


def params(name, shape):
    shapes, x_domain, loc_domain, scale_domain = CONTINUOUS[name]
    values = {p: draw(shape, domain) for p, domain in shapes.items()}
    values.update(loc=draw(shape, loc_domain), scale=draw(shape, scale_domain))
    return values


def ids(cases):
    return ['{}.{}'.format(*case) for case in cases]


CASES = [(name, fun) for name in sorted(CONTINUOUS) for fun in CONTINUOUS_FUNCTIONS]


@pytest.mark.parametrize('name, fun', CASES, ids=ids(CASES))
def test_values_match_scipy(name, fun):
    # Points inside, on the edges of and outside the support; parameters broadcast against x.
    x = onp.array([-1.5, -0.2, 0.0, 0.3, 0.5, 1.0, 1.7, 3.0])[:, None]
    p = params(name, (3,))
    ours, theirs = getattr(getattr(stats, name), fun), getattr(getattr(scipy.stats, name), fun)
    onp.testing.assert_allclose(ours(x, **p), theirs(x, **p), rtol=1e-10, atol=1e-300)
    onp.testing.assert_allclose(ours(x, *p.values()), theirs(x, *p.values()), rtol=1e-10, atol=1e-300)
    # Defaults, and 0-d arguments giving a 0-d result.
    onp.testing.assert_allclose(ours(0.7, *list(p.values())[:-2]), theirs(0.7, *list(p.values())[:-2]), rtol=1e-10)


@pytest.mark.parametrize('name, fun', CASES, ids=ids(CASES))
def test_bad_parameters_give_nan(name, fun):
    p = params(name, ())
    p['scale'] = onp.array([-1.0, 1.0])
    ours = getattr(getattr(stats, name), fun)(0.7, **p)
    assert onp.isnan(ours[0]) and not onp.isnan(ours[1])
    assert onp.isnan(getattr(getattr(scipy.stats, name), fun)(0.7, **p)[0])


def _argnames(name, fun):
    names = ['x'] + list(CONTINUOUS[name][0]) + ['loc', 'scale']
    if (name, fun) in SCALE_ONLY:
        names = ['scale']
    return names


# (x shape, parameter shape): scalars, x broadcast against parameters, parameters against x.
SHAPE_PAIRS = [((), ()), ((2, 3), (3,)), ((3,), (2, 1))]


@pytest.mark.parametrize('shapes', SHAPE_PAIRS, ids=str)
@pytest.mark.parametrize('name, fun', CASES, ids=ids(CASES))
def test_derivatives(name, fun, shapes):
    values = dict(x=draw(shapes[0], CONTINUOUS[name][1]), **params(name, shapes[1]))
    names = _argnames(name, fun)
    fixed = {n: v for n, v in values.items() if n not in names}

    def f(*args):
        # Parameters passed by keyword, as users do; they are traced all the same.
        given = dict(zip(names, args), **fixed)
        return getattr(getattr(stats, name), fun)(given.pop('x'), **given)
    check(f, *[values[n] for n in names])


def test_off_support_derivatives_are_zero_not_nan():
    x = onp.array([-1.0, 2.0])
    assert onp.all(grad(lambda a: np.sum(stats.gamma.pdf(x, a)))(1.5) == grad(stats.gamma.pdf, 1)(2.0, 1.5))
    assert onp.array_equal(grad(lambda x: np.sum(stats.gamma.cdf(x, 2.0)))(x)[0], 0.0)
    assert onp.array_equal(grad(lambda x: np.sum(stats.beta.logpdf(x, 2.0, 3.0)))(onp.array([-0.5, 1.5])),
                           [0.0, 0.0])


def test_uniform_density_is_constant_in_x():
    with pytest.warns(UserWarning, match='independent'):
        assert grad(stats.uniform.logpdf)(0.5, 0.0, 2.0) == 0.0
    assert grad(stats.uniform.logpdf, 2)(0.5, 0.0, 2.0) == -0.5


def test_laplace_kink_subgradient():
    assert grad(stats.laplace.logpdf)(0.0) == 0.0
    assert onp.isclose(grad(stats.laplace.cdf)(0.0), 0.5)


def test_submodules_import_both_ways():
    import autograd.scipy.stats.norm as norm_module
    from autograd.scipy.stats import norm
    assert norm is norm_module and norm.logpdf(0.0) == scipy.stats.norm.logpdf(0.0)


@pytest.mark.parametrize('name', sorted(CONTINUOUS) + ['poisson', 'dirichlet', 'multivariate_normal'])
def test_scipy_members_without_derivatives_are_there(name):
    ours, theirs = getattr(stats, name), getattr(scipy.stats, name)
    args = {'dirichlet': (onp.ones(3),), 'multivariate_normal': (onp.zeros(2),), 'poisson': (2.0,),
            't': (3.0,), 'gamma': (2.0,), 'chi2': (3.0,), 'beta': (2.0, 3.0), 'lognorm': (0.5,)}.get(name, ())
    assert onp.shape(ours.rvs(*args, size=2)) == onp.shape(theirs.rvs(*args, size=2))
    assert ours.rvs.__name__ == name + '.rvs'
    if name != 'poisson':  # whose samples are integers, which carry no derivative
        with pytest.raises(NotImplementedError, match=name + r'\.rvs'):
            grad(lambda p: np.sum(ours.rvs(p, *args[1:], size=2)))(args[0] if args else 1.0)
    with pytest.raises(AttributeError, match='no_such_member'):
        ours.no_such_member


# Poisson: differentiable in mu; k is discrete.
POISSON_FUNCTIONS = ['logpmf', 'pmf', 'cdf', 'logcdf', 'sf', 'logsf']


@pytest.mark.parametrize('fun', POISSON_FUNCTIONS)
def test_poisson(fun):
    k = onp.array([-1, 0, 1, 2, 2.5, 5])[:, None]
    mu = onp.array([0.0, 0.5, 3.0])
    ours, theirs = getattr(poisson, fun), getattr(scipy.stats.poisson, fun)
    onp.testing.assert_allclose(ours(k, mu), theirs(k, mu), rtol=1e-10)
    onp.testing.assert_allclose(ours(k, mu, loc=1), theirs(k, mu, loc=1), rtol=1e-10)
    assert onp.isnan(ours(1, -1.0))
    for k_, mu_ in [(2, 1.5), (onp.array([0, 1, 4]), draw((3,), (0.5, 3.0))),
                    (onp.array([[0], [3]]), draw((3,), (0.5, 3.0)))]:
        check(lambda mu: ours(k_, mu), mu_)
    check(lambda mu: ours(k_, mu=mu, loc=-1), mu_)


def test_poisson_refuses_traced_counts():
    with pytest.raises(TypeError, match='discrete'):
        grad(poisson.logpmf)(2.0, 1.0)


# Dirichlet: components along the first axis of x, as in SciPy.
DIRICHLET_X = [onp.array([0.2, 0.3, 0.5]), onp.array([[0.2, 0.3], [0.3, 0.1], [0.5, 0.6]])]


@pytest.mark.parametrize('fun', ['logpdf', 'pdf'])
@pytest.mark.parametrize('x', DIRICHLET_X, ids=['point', 'points'])
def test_dirichlet(x, fun):
    alpha = onp.array([0.8, 2.0, 3.0])
    ours, theirs = getattr(dirichlet, fun), getattr(scipy.stats.dirichlet, fun)
    onp.testing.assert_allclose(ours(x, alpha), theirs(x, alpha), rtol=1e-12)
    onp.testing.assert_allclose(ours(x[:-1], alpha), theirs(x[:-1], alpha), rtol=1e-12)
    check(lambda alpha: ours(x, alpha), alpha)
    # Along the simplex: the last component is what is left, so the other components are free.
    check(lambda x_free, alpha: ours(x_free, alpha), x[:-1], alpha)


@pytest.mark.parametrize('x, alpha, message', [
    (onp.array([0.2, 0.3, 0.6]), onp.ones(3), 'simplex'),
    (onp.array([0.3, 0.8]), onp.ones(3), 'simplex'),
    (onp.array([0.5, 0.5]), onp.array([1.0, -1.0]), 'positive'),
    (onp.array([0.5, 0.5, 0.0, 0.0]), onp.ones(3), 'shape'),
    (onp.array([0.0, 1.0]), onp.array([0.5, 1.0]), 'positive where alpha < 1'),
], ids=['sum', 'missing-last-negative', 'alpha', 'length', 'zero'])
def test_dirichlet_refuses_bad_input(x, alpha, message):
    with pytest.raises(ValueError, match=message):
        dirichlet.logpdf(x, alpha)


# Multivariate normal: in x, mean and cov, for each form of cov.
def _spd(n):
    a = onp.random.randn(n, n)
    return a @ a.T + n * onp.eye(n)


@pytest.mark.parametrize('fun', ['logpdf', 'pdf'])
@pytest.mark.parametrize('x_shape, cov_form', [((3,), 'matrix'), ((4, 3), 'matrix'), ((2, 4, 3), 'matrix'),
                                               ((4, 3), 'diagonal'), ((4, 3), 'scalar')], ids=str)
def test_multivariate_normal(x_shape, cov_form, fun):
    x, mean = onp.random.randn(*x_shape), onp.random.randn(3)
    cov = {'matrix': _spd(3), 'diagonal': draw((3,), (0.5, 2.0)), 'scalar': 1.7}[cov_form]
    ours, theirs = getattr(multivariate_normal, fun), getattr(scipy.stats.multivariate_normal, fun)
    onp.testing.assert_allclose(ours(x, mean, cov), theirs(x, mean, cov), rtol=1e-12)
    check(lambda x, mean, cov: ours(x, mean=mean, cov=cov), x, mean, cov)


def test_multivariate_normal_one_dimensional_and_defaults():
    x = onp.array([0.3, -1.0, 2.0])
    for args in [(x,), (x, 0.5), (x, 0.5, 2.0), (0.3, 0.5, 2.0), (x[:, None], onp.array([0.5]), onp.array([[2.0]]))]:
        onp.testing.assert_allclose(multivariate_normal.logpdf(*args), scipy.stats.multivariate_normal.logpdf(*args))
    check(lambda x, mean, cov: multivariate_normal.logpdf(x, mean, cov), x, 0.5, 2.0)


def test_multivariate_normal_entropy():
    cov = _spd(3)
    for c in [cov, onp.diag(cov), 2.5]:
        assert onp.isclose(multivariate_normal.entropy(onp.zeros(3), c),
                           scipy.stats.multivariate_normal.entropy(onp.zeros(3), c))
    check(lambda cov: multivariate_normal.entropy(cov=cov), cov)


def test_multivariate_normal_refuses_bad_cov():
    with pytest.raises(onp.linalg.LinAlgError, match='allow_singular=True'):
        multivariate_normal.logpdf(onp.zeros(2), onp.zeros(2), onp.ones((2, 2)))
    with pytest.raises(ValueError, match='positive semidefinite'):
        multivariate_normal.logpdf(onp.zeros(2), onp.zeros(2), onp.array([1.0, -1.0]))
    with pytest.raises(ValueError, match='3 components'):
        multivariate_normal.logpdf(onp.zeros(2), onp.zeros(3), onp.eye(3))
    with pytest.raises(ValueError, match='singular cov has no derivative'):
        grad(lambda c: multivariate_normal.logpdf(onp.zeros(2), cov=c, allow_singular=True))(onp.ones((2, 2)))


@pytest.mark.parametrize('cov', [onp.diag([1.0, 2.0, 0.0]), onp.array([1.5, 0.0, 2.0]), 'rank 2'],
                         ids=['diagonal matrix', 'variances', 'rank 2'])
def test_multivariate_normal_singular_cov(cov):
    if isinstance(cov, str):
        a = onp.random.randn(3, 2)
        cov = a @ a.T
    basis = onp.linalg.eigh(onp.diag(cov) if cov.ndim == 1 else cov)[1][:, 1:]  # spans the support
    mean = onp.random.randn(3)
    on_support = mean + onp.random.randn(4, 2) @ basis.T
    off_support = on_support + onp.linalg.eigh(onp.diag(cov) if cov.ndim == 1 else cov)[1][:, 0]
    for x in [on_support, off_support, on_support[0]]:
        for fun in ['logpdf', 'pdf']:
            ours = getattr(multivariate_normal, fun)(x, mean, cov, allow_singular=True)
            onp.testing.assert_allclose(ours, getattr(scipy.stats.multivariate_normal, fun)(
                x, mean, cov, allow_singular=True), rtol=1e-10)
    assert onp.all(multivariate_normal.logpdf(off_support, mean, cov, allow_singular=True) == -onp.inf)
    onp.testing.assert_allclose(multivariate_normal.entropy(mean, cov),
                                scipy.stats.multivariate_normal.entropy(mean, cov))
    # Moving x or the mean within the support: a smooth function of the coordinates in the basis.
    check(lambda u, v: multivariate_normal.logpdf(u @ basis.T, v @ basis.T, cov, allow_singular=True),
          onp.random.randn(4, 2), onp.random.randn(2))


def test_multivariate_normal_reads_the_lower_triangle_of_cov():
    cov = _spd(3)
    skewed = cov + onp.triu(onp.random.randn(3, 3), 1)
    x, mean = onp.random.randn(4, 3), onp.random.randn(3)
    onp.testing.assert_allclose(multivariate_normal.logpdf(x, mean, skewed),
                                scipy.stats.multivariate_normal.logpdf(x, mean, skewed), rtol=1e-12)
    g = grad(lambda c: np.sum(multivariate_normal.logpdf(x, mean, c)))(skewed)
    assert onp.all(onp.triu(g, 1) == 0)
    check(lambda c: multivariate_normal.logpdf(x, mean, c), skewed)
