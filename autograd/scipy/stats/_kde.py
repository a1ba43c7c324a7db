"""``gaussian_kde``, ``scipy.stats.gaussian_kde``: a kernel density estimate with Gaussian kernels,
differentiable in the points it is evaluated at, the dataset and the weights.

The bandwidth follows SciPy: Scott's or Silverman's factor of the effective sample size, a number, or a
callable of the estimate, times the weighted covariance of the data. The members without derivative
(``resample``, ``integrate_box``, ...) are SciPy's, on the plain values.
"""
import math

import numpy as _np
import scipy.stats

from ... import numpy as anp
from ...engine import getval
from ..special import logsumexp


class gaussian_kde:  # noqa: N801 (SciPy's name)
    def __init__(self, dataset, bw_method=None, weights=None):
        self.dataset = anp.atleast_2d(dataset)
        self.d, self.n = _np.shape(getval(self.dataset))
        if self.n < 2:
            raise ValueError('gaussian_kde: dataset must have more than one point (columns), got shape {}.'
                             .format(_np.shape(getval(self.dataset))))
        if weights is None:
            weights = anp.ones_like(self.dataset[0]) / self.n
        else:
            weights = anp.ravel(weights)
            weights = weights / anp.sum(weights)
        self.weights = weights
        self.neff = 1.0 / anp.sum(weights ** 2)
        self.set_bandwidth(bw_method)

    def scotts_factor(self):
        return self.neff ** (-1.0 / (self.d + 4))

    def silverman_factor(self):
        return (self.neff * (self.d + 2.0) / 4.0) ** (-1.0 / (self.d + 4))

    covariance_factor = scotts_factor

    def set_bandwidth(self, bw_method=None):
        if bw_method is None or bw_method == 'scott':
            self.covariance_factor = self.scotts_factor
        elif bw_method == 'silverman':
            self.covariance_factor = self.silverman_factor
        elif callable(bw_method):
            self.covariance_factor = lambda: bw_method(self)
        elif _np.isscalar(getval(bw_method)):
            self.covariance_factor = lambda: bw_method
        else:
            raise ValueError("gaussian_kde: bw_method must be 'scott', 'silverman', a scalar or a callable, "
                             "got {!r}.".format(bw_method))
        self.factor = self.covariance_factor()
        centered = self.dataset - anp.sum(self.dataset * self.weights, axis=1, keepdims=True)
        # The weighted covariance with NumPy's correction for reliability weights (ddof=1).
        data_covariance = (centered * self.weights) @ anp.transpose(centered) / (1.0 - anp.sum(self.weights ** 2))
        self.covariance = data_covariance * self.factor ** 2
        self.inv_cov = anp.linalg.inv(self.covariance)

    def _points(self, points):
        points = anp.atleast_2d(points)
        d, m = _np.shape(getval(points))
        if d != self.d:
            if d == 1 and m == self.d:
                return anp.reshape(points, (self.d, 1))
            raise ValueError('gaussian_kde: points have dimension {}, the dataset has dimension {}.'.format(d, self.d))
        return points

    def logpdf(self, x):
        points = self._points(x)
        diff = self.dataset[:, :, None] - points[:, None, :]  # (d, n, m)
        quadratic = anp.sum(diff * anp.einsum('ij,jnm->inm', self.inv_cov, diff), axis=0)
        log_norm = 0.5 * (anp.linalg.slogdet(self.covariance)[1] + self.d * math.log(2.0 * math.pi))
        return logsumexp(-0.5 * quadratic + anp.log(self.weights)[:, None], axis=0) - log_norm

    def evaluate(self, points):
        return anp.exp(self.logpdf(points))

    __call__ = pdf = evaluate

    def _scipy(self):
        return scipy.stats.gaussian_kde(getval(self.dataset), bw_method=getval(self.factor),
                                        weights=getval(self.weights))

    def __getattr__(self, name):
        if name.startswith('_') or not hasattr(scipy.stats.gaussian_kde, name):
            raise AttributeError("'gaussian_kde' object has no attribute '{}'".format(name))
        return getattr(self._scipy(), name)
