"""Showing training progress with a tqdm progress bar driven by the optimizer's callback.

A small network learns a noisy wave with ``autograd.misc.optimizers.adam``. The gradient function keeps
the loss it computed (``value_and_grad`` gives both at the cost of one), and ``callback(params, i, g)``,
called by adam on every iteration, advances the bar and shows that loss. tqdm draws nothing when standard
error is not a terminal (``disable=None``), so the example also runs quietly in tests and logs.

Run it with ``python examples/progress_bar.py`` (needs tqdm); it writes ``progress_bar.png`` into the output folder (see example_setup.py):
the loss per iteration and the fitted curve. ``AUTOGRAD_EXAMPLES_QUICK=1`` takes fewer steps;
``AUTOGRAD_EXAMPLES_OUTDIR`` puts the picture elsewhere.
"""
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
from tqdm import tqdm  # noqa: E402

import autograd.numpy as np  # noqa: E402
import autograd.numpy.random as npr  # noqa: E402
from autograd import value_and_grad  # noqa: E402
from autograd.misc.optimizers import adam  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402



def predict(params, x):
    hidden = np.tanh(x[:, None] * params['w1'] + params['b1'])
    return hidden @ params['w2'] + params['b2']


def loss(params, x, y):
    return np.mean((predict(params, x) - y) ** 2)


def main():
    rs = npr.RandomState(0)
    x = np.linspace(-3, 3, 80)
    y = np.sin(2 * x) * np.exp(-0.1 * x ** 2) + 0.1 * rs.randn(len(x))
    width = 20
    params = {'w1': rs.randn(width), 'b1': rs.randn(width), 'w2': 0.1 * rs.randn(width), 'b2': 0.0}
    num_iters = 100 if QUICK else 2000
    losses = []

    def loss_grad(params, i):
        value, gradient = value_and_grad(loss)(params, x, y)
        losses.append(value)
        return gradient

    with tqdm(total=num_iters, desc='adam', disable=None) as bar:
        def show_progress(params, i, g):
            bar.update(1)
            if i % 10 == 0:
                bar.set_postfix(loss='{:.4f}'.format(losses[-1]))

        params = adam(loss_grad, params, callback=show_progress, num_iters=num_iters, step_size=0.02)
    print('{} iterations: loss {:.4f} at the start, {:.4f} at the end'.format(
        num_iters, losses[0], loss(params, x, y)))

    fig, (ax_loss, ax_fit) = plt.subplots(1, 2, figsize=(10, 4))
    ax_loss.semilogy(losses)
    ax_loss.set_xlabel('adam iteration')
    ax_loss.set_ylabel('mean squared error')
    ax_loss.set_title('Loss reported to the progress bar')
    fine = np.linspace(-3, 3, 300)
    ax_fit.plot(x, y, 'o', color='tab:red', markersize=3, label='data')
    ax_fit.plot(fine, predict(params, fine), color='tab:blue', label='network')
    ax_fit.set_xlabel('x')
    ax_fit.set_title('Fit after {} iterations'.format(num_iters))
    ax_fit.legend(fontsize='small')
    save_figure(fig, 'progress_bar.png')


if __name__ == '__main__':
    main()
