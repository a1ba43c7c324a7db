"""Logistic regression on two synthetic clusters, trained with ``autograd.misc.optimizers.adam``.

Run it with ``python examples/logistic_regression.py``; it writes ``logistic_regression.png`` into
the output folder (see example_setup.py): the training loss, and the data with the learned decision boundary.
``AUTOGRAD_EXAMPLES_QUICK=1`` trains on less data for fewer steps; ``AUTOGRAD_EXAMPLES_OUTDIR`` puts the
picture elsewhere.
"""
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402

import autograd.numpy as np  # noqa: E402
import autograd.numpy.random as npr  # noqa: E402
from autograd import grad  # noqa: E402
from autograd.misc.optimizers import adam  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402



def make_data(rs, n):
    """``n`` points in the plane: half around (-1, -1) labelled 0, half around (1, 1) labelled 1."""
    labels = np.arange(n) % 2
    centres = np.where(labels[:, None] == 1, 1.0, -1.0)
    inputs = centres + 1.1 * rs.randn(n, 2)
    return inputs, labels.astype(float)


def logits(params, inputs):
    return inputs @ params['weights'] + params['bias']


def loss(params, inputs, labels, l2=1e-3):
    """Mean negative log-likelihood plus a small L2 penalty. log(1 + exp(-z)) = logaddexp(0, -z) keeps
    large margins from overflowing."""
    z = logits(params, inputs)
    signs = 2 * labels - 1
    return np.mean(np.logaddexp(0, -signs * z)) + l2 * np.sum(params['weights'] ** 2)


def main():
    rs = npr.RandomState(0)
    inputs, labels = make_data(rs, 60 if QUICK else 400)
    params = {'weights': np.zeros(2), 'bias': 0.0}
    losses = []

    def objective_grad(params, i):
        return grad(loss)(params, inputs, labels)

    def record(params, i, g):
        losses.append(loss(params, inputs, labels))

    params = adam(objective_grad, params, callback=record, num_iters=60 if QUICK else 300, step_size=0.1)
    accuracy = np.mean((logits(params, inputs) > 0) == (labels == 1))
    print('initial loss {:.4f}, final loss {:.4f}'.format(losses[0], loss(params, inputs, labels)))
    print('weights {}, bias {:.3f}'.format(np.round(params['weights'], 3), params['bias']))
    print('training accuracy: {:.3f}'.format(accuracy))

    fig, (ax_loss, ax_data) = plt.subplots(1, 2, figsize=(10, 4.2))
    ax_loss.plot(losses)
    ax_loss.set_xlabel('adam iteration')
    ax_loss.set_ylabel('training loss')
    ax_loss.set_title('Loss')

    grid = np.linspace(-4.5, 4.5, 120)
    gx, gy = np.meshgrid(grid, grid)
    probabilities = 1 / (1 + np.exp(-logits(params, np.stack([gx.ravel(), gy.ravel()], axis=1))))
    shading = ax_data.contourf(gx, gy, probabilities.reshape(gx.shape), levels=20, cmap='RdBu_r', alpha=0.5)
    ax_data.contour(gx, gy, probabilities.reshape(gx.shape), levels=[0.5], colors='k')
    for label, marker in ((0, 'o'), (1, '^')):
        chosen = labels == label
        ax_data.scatter(inputs[chosen, 0], inputs[chosen, 1], marker=marker, s=14,
                        color='tab:blue' if label == 0 else 'tab:red', edgecolor='k', linewidth=0.3,
                        label='class {}'.format(label))
    fig.colorbar(shading, ax=ax_data, label='P(class 1)')
    ax_data.set_title('Data and decision boundary (P = 0.5)')
    ax_data.legend(loc='upper left', fontsize='small')
    ax_data.set_aspect('equal')
    save_figure(fig, 'logistic_regression.png')


if __name__ == '__main__':
    main()
