"""Gaussian-process regression whose RBF-kernel hyperparameters are fit by maximizing the marginal
likelihood, with its gradient from ``value_and_grad`` handed to ``scipy.optimize.minimize``.

The hyperparameters are the logs of the lengthscale, the signal variance and the noise variance (logs keep
them positive without constraints). Run it with ``python examples/gaussian_process.py`` (needs SciPy); it
writes ``gaussian_process.png`` into the output folder (see example_setup.py): the data, the posterior mean and a two-standard-deviation
band. ``AUTOGRAD_EXAMPLES_QUICK=1`` uses fewer points; ``AUTOGRAD_EXAMPLES_OUTDIR`` puts the picture
elsewhere.
"""
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

import autograd.numpy as np  # noqa: E402
import autograd.numpy.random as npr  # noqa: E402
from autograd import value_and_grad  # noqa: E402
from autograd.scipy.linalg import solve_triangular  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402



def rbf_kernel(log_lengthscale, log_variance, x, z):
    distances = (x[:, None] - z[None, :]) / np.exp(log_lengthscale)
    return np.exp(log_variance) * np.exp(-0.5 * distances ** 2)


def negative_log_marginal_likelihood(hypers, x, y):
    """-log N(y | 0, K + noise I), through a Cholesky factor: 0.5 |L^-1 y|^2 + sum(log diag L) + const."""
    log_lengthscale, log_variance, log_noise = hypers
    covariance = rbf_kernel(log_lengthscale, log_variance, x, x) + np.exp(log_noise) * np.eye(len(x))
    factor = np.linalg.cholesky(covariance)
    whitened = solve_triangular(factor, y, lower=True)
    return (0.5 * np.sum(whitened ** 2) + np.sum(np.log(np.diag(factor)))
            + 0.5 * len(x) * np.log(2 * np.pi))


def posterior(hypers, x, y, x_new):
    """Mean and standard deviation of the noise-free function at ``x_new``."""
    log_lengthscale, log_variance, log_noise = hypers
    covariance = rbf_kernel(log_lengthscale, log_variance, x, x) + np.exp(log_noise) * np.eye(len(x))
    cross = rbf_kernel(log_lengthscale, log_variance, x_new, x)
    mean = cross @ np.linalg.solve(covariance, y)
    variance = np.exp(log_variance) - np.sum(cross * np.linalg.solve(covariance, cross.T).T, axis=1)
    return mean, np.sqrt(np.maximum(variance, 0.0))


def main():
    rs = npr.RandomState(0)
    n = 15 if QUICK else 40
    x = np.sort(rs.uniform(-5, 5, n))
    y = np.sin(x) + 0.3 * np.cos(2.5 * x) + 0.15 * rs.randn(n)

    start = np.array([0.0, 0.0, -1.0])
    objective = value_and_grad(negative_log_marginal_likelihood)
    result = minimize(objective, start, args=(x, y), jac=True, method='L-BFGS-B')
    hypers = result.x
    print('negative log marginal likelihood: {:.3f} at the start, {:.3f} fitted ({} evaluations)'.format(
        negative_log_marginal_likelihood(start, x, y), result.fun, result.nfev))
    print('lengthscale {:.3f}, signal std {:.3f}, noise std {:.3f}'.format(
        np.exp(hypers[0]), np.exp(hypers[1] / 2), np.exp(hypers[2] / 2)))

    x_plot = np.linspace(-6.5, 6.5, 150 if QUICK else 400)
    mean, std = posterior(hypers, x, y, x_plot)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.fill_between(x_plot, mean - 2 * std, mean + 2 * std, color='tab:blue', alpha=0.2,
                    label='posterior mean \u00b1 2 std')
    ax.plot(x_plot, mean, color='tab:blue', label='posterior mean')
    ax.plot(x_plot, np.sin(x_plot) + 0.3 * np.cos(2.5 * x_plot), 'k--', linewidth=0.8, label='true function')
    ax.plot(x, y, 'o', color='tab:red', markersize=4, label='noisy observations')
    ax.set_title('GP regression, hyperparameters by maximum marginal likelihood\n'
                 'lengthscale {:.2f}, signal std {:.2f}, noise std {:.2f}'.format(
                     np.exp(hypers[0]), np.exp(hypers[1] / 2), np.exp(hypers[2] / 2)))
    ax.set_xlabel('x')
    ax.legend(loc='lower left', fontsize='small')
    save_figure(fig, 'gaussian_process.png')


if __name__ == '__main__':
    main()
