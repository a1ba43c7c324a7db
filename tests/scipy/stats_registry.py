"""The one table of the univariate distributions of autograd.scipy.stats that the tests are generated from:
for each, the domains its derivatives are checked on and the derivatives it refuses. A distribution module
missing here fails ``test_every_distribution_is_in_the_registry``."""
import collections

import numpy as onp

LOC, SCALE = (-0.2, 0.2), (0.8, 1.5)
POSITIVE = (0.5, 3.0)
ANYWHERE = (-3.0, 3.0)

# shapes: name -> domain; x: where x lies inside the support for every drawn parameter; refused: the shapes
# the cdf family (cdf, logcdf, sf, logsf, ppf, isf) has no derivative in; order: of the derivatives checked.
Continuous = collections.namedtuple('Continuous', 'shapes x loc scale refused order')
Continuous.__new__.__defaults__ = (LOC, SCALE, (), 2)

CONTINUOUS = {
    'beta': Continuous({'a': (0.8, 3.0), 'b': (0.8, 3.0)}, (0.3, 1.2), (-0.1, 0.1), (1.5, 2.0)),
    'cauchy': Continuous({}, ANYWHERE),
    'chi2': Continuous({'df': (1.5, 6.0)}, POSITIVE),
    'expon': Continuous({}, POSITIVE),
    'gamma': Continuous({'a': (0.8, 3.0)}, POSITIVE),
    'gennorm': Continuous({'beta': (1.2, 3.0)}, (0.3, 2.0)),
    'gumbel_l': Continuous({}, ANYWHERE),
    'gumbel_r': Continuous({}, ANYWHERE),
    'halfcauchy': Continuous({}, POSITIVE),
    'halfnorm': Continuous({}, POSITIVE),
    'invgamma': Continuous({'a': (0.8, 3.0)}, POSITIVE),
    'laplace': Continuous({}, (0.3, 3.0)),
    'loggamma': Continuous({'c': (0.8, 3.0)}, ANYWHERE),
    'logistic': Continuous({}, ANYWHERE),
    'lognorm': Continuous({'s': (0.5, 1.5)}, POSITIVE),
    'norm': Continuous({}, ANYWHERE),
    'pareto': Continuous({'b': (0.8, 3.0)}, (2.0, 3.0)),
    'skewnorm': Continuous({'a': (-2.0, 3.0)}, ANYWHERE),
    't': Continuous({'df': (1.5, 6.0)}, ANYWHERE),
    'truncnorm': Continuous({'a': (-1.5, -0.6), 'b': (0.6, 1.5)}, (-0.3, 0.3), (-0.05, 0.05), (1.0, 1.5)),
    'uniform': Continuous({}, (0.3, 1.2), LOC, (1.5, 2.0)),
    'vonmises': Continuous({'kappa': (0.5, 3.0)}, ANYWHERE, refused=('kappa',)),
    'weibull_min': Continuous({'c': (0.8, 3.0)}, POSITIVE),
    'wrapcauchy': Continuous({'c': (0.2, 0.8)}, (1.0, 3.0)),
}

# shapes: name -> domain (continuous) or integer values (discrete shapes); k: counts where every method is
# differentiable in the shapes.
Discrete = collections.namedtuple('Discrete', 'shapes k refused')
Discrete.__new__.__defaults__ = ((),)

DISCRETE = {
    'bernoulli': Discrete({'p': (0.2, 0.8)}, [0]),  # at 1 the sf is 0 whatever p
    'betabinom': Discrete({'n': onp.array([4, 7, 9]), 'a': (0.5, 3.0), 'b': (0.5, 3.0)}, [0, 1, 3]),
    'binom': Discrete({'n': onp.array([4, 7, 9]), 'p': (0.2, 0.8)}, [0, 1, 3]),
    'geom': Discrete({'p': (0.2, 0.8)}, [1, 2, 5]),
    'nbinom': Discrete({'n': (0.5, 4.0), 'p': (0.2, 0.8)}, [0, 1, 5]),
    'poisson': Discrete({'mu': (0.5, 3.0)}, [0, 1, 2, 5]),
}

MULTIVARIATE = ['dirichlet', 'invwishart', 'matrix_normal', 'multinomial', 'multivariate_normal', 'multivariate_t',
                'wishart']

CONTINUOUS_METHODS = ['logpdf', 'pdf', 'cdf', 'logcdf', 'sf', 'logsf', 'ppf', 'isf', 'entropy']
DISCRETE_METHODS = ['logpmf', 'pmf', 'cdf', 'logcdf', 'sf', 'logsf', 'ppf', 'isf', 'entropy']
CDF_FAMILY = ['cdf', 'logcdf', 'sf', 'logsf', 'ppf', 'isf']
