"""A custom primitive with a numerically stable gradient: softplus(x) = log(1 + exp(x)).

Written naively, ``exp(x)`` overflows for x > 709: the value becomes inf and the gradient that autograd
derives by the chain rule, exp(x) / (1 + exp(x)), becomes inf / inf = nan. As a primitive, softplus computes
its value stably and declares its derivative, the logistic sigmoid, in a form that cannot overflow; both
reverse mode (``defvjp``) and forward mode (``defjvp``) get a rule, written with ``autograd.numpy`` so that
second derivatives work too. ``check_grads`` verifies the rules against finite differences.

Run it with ``python examples/custom_primitive.py``; it writes ``custom_primitive.png`` into the output folder (see example_setup.py): the
naive and the custom value and gradient on [-20, 1000]. ``AUTOGRAD_EXAMPLES_QUICK=1`` uses fewer points;
``AUTOGRAD_EXAMPLES_OUTDIR`` puts the picture elsewhere.
"""
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402

import autograd.numpy as np  # noqa: E402
from autograd import elementwise_grad, grad  # noqa: E402
from autograd.extend import defjvp, defvjp, primitive  # noqa: E402
from autograd.test_util import check_grads  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402



def naive_softplus(x):
    return np.log(1 + np.exp(x))


def sigmoid(x):
    """1 / (1 + exp(-x)) written through tanh, which saturates instead of overflowing."""
    return 0.5 * (1 + np.tanh(0.5 * x))


@primitive
def softplus(x):
    """log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)): the exponent is never positive."""
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


defvjp(softplus, lambda ans, x: lambda g: g * sigmoid(x))
defjvp(softplus, lambda g, ans, x: g * sigmoid(x))


def main():
    x = np.linspace(-20, 1000, 300 if QUICK else 2000)
    with np.errstate(over='ignore', invalid='ignore'):
        naive_value, naive_grad = naive_softplus(x), elementwise_grad(naive_softplus)(x)
    value, gradient = softplus(x), elementwise_grad(softplus)(x)

    overflow = x[~np.isfinite(naive_grad)]
    print('naive gradient is not finite from x = {:.1f} on ({} of {} points)'.format(
        overflow.min(), overflow.size, x.size))
    print('custom gradient is finite everywhere: {}'.format(bool(np.all(np.isfinite(gradient)))))
    with np.errstate(over='ignore', invalid='ignore'):
        naive_at_1000 = grad(naive_softplus)(1000.0)
    print('gradient at x = 1000: naive {}, custom {}'.format(naive_at_1000, grad(softplus)(1000.0)))
    print('second derivative at 0 (sigmoid\'(0) = 0.25): {}'.format(grad(grad(softplus))(0.0)))
    check_grads(softplus, modes=['fwd', 'rev'], order=2)(np.array([-30.0, -1.0, 0.3, 2.0, 800.0]))
    print('check_grads passed in both modes to order 2')

    fig, (ax_value, ax_grad) = plt.subplots(1, 2, figsize=(11, 4.2))
    ax_value.plot(x, value, color='tab:blue', linewidth=3, alpha=0.5, label='custom primitive')
    ax_value.plot(x, np.where(np.isfinite(naive_value), naive_value, np.nan), 'k--', label='naive')
    ax_value.set_title('softplus(x) (naive is inf past x = 709.8)')
    ax_grad.plot(x, gradient, color='tab:blue', linewidth=3, alpha=0.5, label='custom VJP: sigmoid(x)')
    ax_grad.plot(x, naive_grad, 'k--', label='naive: chain rule through exp')
    ax_grad.axvspan(overflow.min(), x.max(), color='tab:red', alpha=0.15, label='naive gradient is nan')
    ax_grad.set_ylim(-0.05, 1.1)
    ax_grad.set_title('d softplus / dx')
    for ax in (ax_value, ax_grad):
        ax.set_xlabel('x')
        ax.legend(loc='center right', fontsize='small')
    near_zero = np.linspace(-10, 10, 201)
    inset = ax_grad.inset_axes([0.2, 0.15, 0.3, 0.4])
    inset.plot(near_zero, elementwise_grad(softplus)(near_zero), color='tab:blue')
    inset.set_title('near 0: the sigmoid', fontsize=8)
    inset.tick_params(labelsize=7)
    save_figure(fig, 'custom_primitive.png')


if __name__ == '__main__':
    main()
