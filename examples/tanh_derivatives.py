"""tanh and its first four derivatives on [-7, 7], each derivative taken by differentiating the one before.

Run it with ``python examples/tanh_derivatives.py``; it writes ``tanh_derivatives.png`` into the output folder (see example_setup.py).
``AUTOGRAD_EXAMPLES_QUICK=1`` uses fewer points; ``AUTOGRAD_EXAMPLES_OUTDIR`` puts the picture elsewhere.
"""
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402

import autograd.numpy as np  # noqa: E402
from autograd import elementwise_grad, grad  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402



def derivatives(fun, count):
    """``[fun, fun', fun'', ...]``: each an ``elementwise_grad`` of the one before, so it takes arrays."""
    funs = [fun]
    for _ in range(count):
        funs.append(elementwise_grad(funs[-1]))
    return funs


def main():
    x = np.linspace(-7, 7, 101 if QUICK else 701)
    funs = derivatives(np.tanh, 4)
    curves = [f(x) for f in funs]

    # The same derivatives of a scalar: grad of grad of ... at one point.
    scalar_fun, at = np.tanh, 0.5
    for order in range(1, 5):
        scalar_fun = grad(scalar_fun)
        print('d^{} tanh / dx^{} at {}: {:+.6f} (elementwise_grad gives {:+.6f})'.format(
            order, order, at, scalar_fun(at), funs[order](np.array([at]))[0]))

    t = np.tanh(x)
    closed_form = [t, 1 - t ** 2, -2 * t * (1 - t ** 2), (1 - t ** 2) * (6 * t ** 2 - 2)]
    error = max(np.max(np.abs(c - k)) for c, k in zip(curves, closed_form))
    print('largest difference from the closed forms of orders 0-3: {:.2e}'.format(error))

    fig, ax = plt.subplots(figsize=(7, 4.5))
    labels = ['tanh(x)', "1st derivative", "2nd derivative", "3rd derivative", "4th derivative"]
    for curve, label in zip(curves, labels):
        ax.plot(x, curve, label=label)
    ax.set_xlim(-7, 7)
    ax.set_xlabel('x')
    ax.set_title('tanh and its derivatives by repeated elementwise_grad')
    ax.axhline(0, color='grey', linewidth=0.5)
    ax.legend(loc='upper left', fontsize='small')
    save_figure(fig, 'tanh_derivatives.png')


if __name__ == '__main__':
    main()
