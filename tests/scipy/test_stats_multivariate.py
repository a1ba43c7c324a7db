"""autograd.scipy.stats, multivariate distributions: values equal SciPy's, derivatives in every argument agree
with finite differences (both modes, order 2)."""
import numpy as onp
import pytest
import scipy.stats

import autograd.numpy as np
from autograd import grad
from autograd.scipy.stats import dirichlet, multivariate_normal

from ..numpy.util import check


def draw(shape, domain):
    x = onp.random.uniform(domain[0], domain[1], shape)
    return x if shape else x[()]


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
    with pytest.raises(ValueError, match='cov: a singular matrix has no derivative'):
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


def _spd_stack(n, count):
    return onp.stack([_spd(n) / n for _ in range(count)], axis=-1)


@pytest.mark.parametrize('fun', ['logpdf', 'pdf'])
@pytest.mark.parametrize('x_shape, shape_form', [((3,), 'matrix'), ((4, 3), 'matrix'), ((2, 4, 3), 'matrix'),
                                                 ((4, 3), 'diagonal'), ((4, 3), 'scalar')], ids=str)
def test_multivariate_t(x_shape, shape_form, fun):
    from autograd.scipy.stats import multivariate_t
    x, loc, df = onp.random.randn(*x_shape), onp.random.randn(3), draw((), (1.5, 6.0))
    shape = {'matrix': _spd(3), 'diagonal': draw((3,), (0.5, 2.0)), 'scalar': 1.7}[shape_form]
    ours, theirs = getattr(multivariate_t, fun), getattr(scipy.stats.multivariate_t, fun)
    onp.testing.assert_allclose(ours(x, loc, shape, df), theirs(x, loc, shape, df), rtol=1e-12)
    check(lambda x, loc, shape, df: ours(x, loc=loc, shape=shape, df=df), x, loc, shape, df)


def test_multivariate_t_entropy_and_refusals():
    from autograd.scipy.stats import multivariate_t
    shape, df = _spd(3), 3.5
    onp.testing.assert_allclose(multivariate_t.entropy(onp.zeros(3), shape, df),
                                scipy.stats.multivariate_t.entropy(onp.zeros(3), shape, df), rtol=1e-12)
    check(lambda shape, df: multivariate_t.entropy(shape=shape, df=df), shape, df)
    with pytest.raises(ValueError, match='multivariate_t: df must be finite'):
        multivariate_t.logpdf(onp.zeros(3), onp.zeros(3), shape, onp.inf)
    with pytest.raises(ValueError, match='multivariate_t: shape is singular'):
        multivariate_t.logpdf(onp.zeros(2), onp.zeros(2), onp.ones((2, 2)), allow_singular=True)


def test_multinomial():
    from autograd.scipy.stats import multinomial
    x = onp.array([[1, 2, 3], [0, 0, 6], [1, 1, 3], [2, -1, 5]])
    p = onp.array([0.2, 0.3, 0.5])
    for fun in ['logpmf', 'pmf']:
        ours, theirs = getattr(multinomial, fun), getattr(scipy.stats.multinomial, fun)
        onp.testing.assert_allclose(ours(x, 6, p), theirs(x, 6, p), rtol=1e-12)
        onp.testing.assert_allclose(ours(x[0], onp.array([6, 7]), p), theirs(x[0], onp.array([6, 7]), p), rtol=1e-12)
        assert onp.isnan(ours(x[0], 6, onp.array([0.2, -0.3, 1.1])))
        # The last probability is 1 minus the others, so only they carry the derivative.
        check(lambda p_free: ours(x[:2], n=6, p=onp.concatenate([p_free, [0.0]]) + np.zeros(3)), p[:2])
        check(lambda p: ours(x[0], 6, p), onp.stack([p, [0.1, 0.6, 0.3]]))
    assert grad(lambda p: multinomial.logpmf(x[0], 6, p))(p)[-1] == 0.0
    with pytest.raises(TypeError, match='multinomial.logpmf: n is discrete'):
        grad(lambda n: multinomial.logpmf(x[0], n, p))(6.0)


@pytest.mark.parametrize('name', ['wishart', 'invwishart'])
@pytest.mark.parametrize('dim, count', [(1, 0), (1, 3), (3, 0), (3, 4)], ids=str)
def test_wisharts(name, dim, count):
    from autograd.scipy import stats
    ours, theirs = getattr(stats, name), getattr(scipy.stats, name)
    df, scale = draw((), (dim + 1.5, dim + 4.0)), _spd(dim) / dim
    if dim == 1:
        x, scale = (draw((count,), (0.5, 2.0)) if count else 1.3), scale[0, 0]
    else:
        x = _spd_stack(dim, count) if count else _spd(dim) / dim
    for fun in ['logpdf', 'pdf']:
        onp.testing.assert_allclose(getattr(ours, fun)(x, df, scale), getattr(theirs, fun)(x, df, scale), rtol=1e-10)
    onp.testing.assert_allclose(ours.entropy(df, scale), theirs.entropy(df, scale), rtol=1e-10)
    check(lambda x, df, scale: ours.logpdf(x, df=df, scale=scale), x, df, scale)
    check(lambda df, scale: ours.entropy(df=df, scale=scale), df, scale)


@pytest.mark.parametrize('X_shape, cov_form', [((2, 3), 'matrix'), ((4, 2, 3), 'matrix'), ((2, 3), 'scalar')],
                         ids=str)
def test_matrix_normal(X_shape, cov_form):
    from autograd.scipy.stats import matrix_normal
    X, mean = onp.random.randn(*X_shape), onp.random.randn(2, 3)
    rowcov, colcov = (_spd(2), _spd(3)) if cov_form == 'matrix' else (1.7, 0.6)
    for fun in ['logpdf', 'pdf']:
        ours, theirs = getattr(matrix_normal, fun), getattr(scipy.stats.matrix_normal, fun)
        onp.testing.assert_allclose(ours(X, mean, rowcov, colcov), theirs(X, mean, rowcov, colcov), rtol=1e-10)
    check(lambda X, mean, rowcov, colcov: matrix_normal.logpdf(X, mean=mean, rowcov=rowcov, colcov=colcov),
          X, mean, rowcov, colcov)
    if cov_form == 'matrix':
        onp.testing.assert_allclose(matrix_normal.entropy(rowcov, colcov),
                                    scipy.stats.matrix_normal.entropy(rowcov, colcov), rtol=1e-12)
        check(matrix_normal.entropy, rowcov, colcov)
    with pytest.raises(ValueError, match=r'matrix_normal: colcov must be a \(3, 3\) matrix'):
        matrix_normal.logpdf(X, mean, 1.0, onp.eye(2))


@pytest.mark.parametrize('bw_method', [None, 'silverman', 0.4, 'callable'])
@pytest.mark.parametrize('dim, weighted', [(1, False), (2, True)], ids=str)
def test_gaussian_kde(dim, weighted, bw_method):
    from autograd.scipy.stats import gaussian_kde
    data, points = onp.random.randn(dim, 12), onp.random.randn(dim, 5)
    weights = draw((12,), (0.5, 2.0)) if weighted else None
    bw = (lambda kde: 0.5 * kde.scotts_factor()) if bw_method == 'callable' else bw_method
    ours, theirs = gaussian_kde(data, bw, weights), scipy.stats.gaussian_kde(data, bw, weights)
    for fun in ['logpdf', 'pdf', 'evaluate', '__call__']:
        onp.testing.assert_allclose(getattr(ours, fun)(points), getattr(theirs, fun)(points), rtol=1e-10)
    onp.testing.assert_allclose(ours.integrate_box_1d(-1.0, 1.0) if dim == 1 else ours.neff,
                                theirs.integrate_box_1d(-1.0, 1.0) if dim == 1 else theirs.neff, rtol=1e-10)
    args = (points, data) + ((weights,) if weighted else ())
    check(lambda points, data, *w: gaussian_kde(data, bw, *w).logpdf(points), *args)
