"""SciPy's elementwise functions for the backend tests, in the form of functions.py's table: special
functions and distributions' methods, each differentiated in its first argument (the others fixed), on the
domain where both derivatives exist."""
import autograd.scipy.special as sp
from autograd.scipy import stats

_ANY = {}
_POSITIVE = {'positive': True}  # in [0.5, 2)
_UNIT = {'low': 0.0}  # in [0, 1)


def _unary(fun, options=_ANY):
    return fun, [(2, 3)], [options]


SCIPY = {
    'special.gamma': _unary(sp.gamma, _POSITIVE),
    'special.gammaln': _unary(sp.gammaln, _POSITIVE),
    'special.loggamma': _unary(sp.loggamma, _POSITIVE),
    'special.digamma': _unary(sp.digamma, _POSITIVE),
    'special.polygamma': _unary(lambda x: sp.polygamma(1, x), _POSITIVE),
    'special.rgamma': _unary(sp.rgamma, _POSITIVE),
    'special.beta': (sp.beta, [(2, 3), (3,)], [_POSITIVE, _POSITIVE]),
    'special.betaln': (sp.betaln, [(2, 3), (3,)], [_POSITIVE, _POSITIVE]),
    'special.gammainc': _unary(lambda a: sp.gammainc(a, 1.5), _POSITIVE),
    'special.gammaincc': _unary(lambda x: sp.gammaincc(2.5, x), _POSITIVE),
    'special.betainc': _unary(lambda x: sp.betainc(1.5, 2.5, x), _UNIT),
    'special.erf': _unary(sp.erf),
    'special.erfc': _unary(sp.erfc),
    'special.erfcx': _unary(sp.erfcx),
    'special.erfinv': _unary(lambda x: sp.erfinv(0.5 * x), _UNIT),
    'special.dawsn': _unary(sp.dawsn),
    'special.ndtr': _unary(sp.ndtr),
    'special.log_ndtr': _unary(sp.log_ndtr),
    'special.ndtri': _unary(lambda x: sp.ndtri(0.1 + 0.8 * x), _UNIT),
    'special.expit': _unary(sp.expit),
    'special.logit': _unary(lambda x: sp.logit(0.1 + 0.8 * x), _UNIT),
    'special.log_expit': _unary(sp.log_expit),
    'special.xlogy': (sp.xlogy, [(2, 3), (3,)], [_ANY, _POSITIVE]),
    'special.xlog1py': (sp.xlog1py, [(2, 3), (3,)], [_ANY, _POSITIVE]),
    'special.entr': _unary(sp.entr, _POSITIVE),
    'special.rel_entr': (sp.rel_entr, [(2, 3), (3,)], [_POSITIVE, _POSITIVE]),
    'special.i0': _unary(sp.i0),
    'special.i1e': _unary(sp.i1e, _POSITIVE),
    'special.j0': _unary(sp.j0),
    'special.y1': _unary(sp.y1, _POSITIVE),
    'special.jv': _unary(lambda x: sp.jv(1.5, x), _POSITIVE),
    'special.kv': _unary(lambda x: sp.kv(0.5, x), _POSITIVE),
    'special.exp1': _unary(sp.exp1, _POSITIVE),
    'special.zeta': _unary(lambda x: sp.zeta(2.5, x), _POSITIVE),
    'special.boxcox1p': _unary(lambda x: sp.boxcox1p(x, 0.5), _POSITIVE),
    'special.fresnel': _unary(sp.fresnel),
    'special.airy': _unary(sp.airy),
    'stats.norm.logpdf': _unary(lambda x: stats.norm.logpdf(x, 0.2, 1.5)),
    'stats.norm.cdf': _unary(lambda x: stats.norm.cdf(x, loc=0.2, scale=1.5)),
    'stats.norm.logsf': _unary(lambda x: stats.norm.logsf(x, 0.2, 1.5)),
    'stats.norm.ppf': _unary(lambda q: stats.norm.ppf(0.1 + 0.8 * q), _UNIT),
    'stats.t.logpdf': _unary(lambda x: stats.t.logpdf(x, 3.5)),
    'stats.t.cdf': _unary(lambda x: stats.t.cdf(x, 3.5)),
    'stats.gamma.logpdf': (lambda x, a: stats.gamma.logpdf(x, a), [(2, 3), (3,)], [_POSITIVE, _POSITIVE]),
    'stats.gamma.cdf': _unary(lambda x: stats.gamma.cdf(x, 2.5), _POSITIVE),
    'stats.gamma.ppf': _unary(lambda q: stats.gamma.ppf(0.1 + 0.8 * q, 2.5), _UNIT),
    'stats.beta.logpdf': _unary(lambda x: stats.beta.logpdf(0.1 + 0.8 * x, 1.5, 2.5), _UNIT),
    'stats.expon.logpdf': _unary(lambda x: stats.expon.logpdf(x, scale=1.5), _POSITIVE),
    'stats.logistic.cdf': _unary(stats.logistic.cdf),
    'stats.cauchy.logpdf': _unary(stats.cauchy.logpdf),
    'stats.lognorm.logpdf': _unary(lambda x: stats.lognorm.logpdf(x, 0.8), _POSITIVE),
    'stats.poisson.logpmf': _unary(lambda mu: stats.poisson.logpmf(3, mu), _POSITIVE),
    'stats.binom.pmf': _unary(lambda p: stats.binom.pmf(2, 5, 0.1 + 0.8 * p), _UNIT),
}
