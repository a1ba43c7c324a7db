"""A small neural network classifying scikit-learn's bundled 8x8 handwritten digits, trained with adam.

Run it with ``python examples/neural_net_digits.py`` (needs scikit-learn; the data ships with it, nothing
is downloaded). It prints the test accuracy and writes ``neural_net_digits.png`` into the output folder (see example_setup.py): the
training curve and some test digits with their predicted labels. ``AUTOGRAD_EXAMPLES_QUICK=1`` trains for
fewer steps; ``AUTOGRAD_EXAMPLES_OUTDIR`` puts the picture elsewhere.
"""
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

import autograd.numpy as np  # noqa: E402
import autograd.numpy.random as npr  # noqa: E402
from autograd import grad  # noqa: E402
from autograd.misc.optimizers import adam  # noqa: E402
from autograd.scipy.special import logsumexp  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402

LAYER_SIZES = [64, 64, 10]
BATCH_SIZE = 128


def init_params(rs, sizes, scale=0.1):
    """A list of (weights, biases) pairs, one per layer."""
    return [(scale * rs.randn(m, n), scale * rs.randn(n)) for m, n in zip(sizes[:-1], sizes[1:])]


def log_probabilities(params, inputs):
    """Class log-probabilities: tanh hidden layers, then a log-softmax over the last layer's outputs."""
    for weights, biases in params[:-1]:
        inputs = np.tanh(inputs @ weights + biases)
    weights, biases = params[-1]
    outputs = inputs @ weights + biases
    return outputs - logsumexp(outputs, axis=1, keepdims=True)


def loss(params, inputs, one_hot, l2=1e-4):
    penalty = sum(np.sum(w ** 2) for w, _ in params)
    return -np.mean(np.sum(log_probabilities(params, inputs) * one_hot, axis=1)) + l2 * penalty


def accuracy(params, inputs, labels):
    return np.mean(np.argmax(log_probabilities(params, inputs), axis=1) == labels)


def main():
    digits = load_digits()
    rs = npr.RandomState(0)
    order = rs.permutation(len(digits.target))
    inputs, labels = digits.data[order] / 16.0, digits.target[order]
    one_hot = np.eye(10)[labels]
    n_train = int(0.8 * len(labels))
    train, test = slice(0, n_train), slice(n_train, None)
    batches = [slice(start, start + BATCH_SIZE) for start in range(0, n_train, BATCH_SIZE)]

    def batch_grad(params, i):
        batch = batches[i % len(batches)]
        return grad(loss)(params, inputs[train][batch], one_hot[train][batch])

    curve = []

    def record(params, i, g):
        if i % len(batches) == 0:
            curve.append((i, loss(params, inputs[train], one_hot[train]),
                          accuracy(params, inputs[test], labels[test])))

    num_iters = len(batches) * (5 if QUICK else 60)
    params = adam(batch_grad, init_params(rs, LAYER_SIZES), callback=record, num_iters=num_iters,
                  step_size=0.01)
    test_accuracy = accuracy(params, inputs[test], labels[test])
    print('training loss {:.4f}, training accuracy {:.3f}'.format(
        loss(params, inputs[train], one_hot[train]), accuracy(params, inputs[train], labels[train])))
    print('test accuracy: {:.3f}'.format(test_accuracy))

    fig = plt.figure(figsize=(11, 4.5))
    grid = fig.add_gridspec(3, 9)
    ax_curve = fig.add_subplot(grid[:, :4])
    steps, losses, accuracies = zip(*curve)
    ax_curve.plot(steps, losses, color='tab:blue', label='training loss')
    ax_curve.set_xlabel('adam iteration')
    ax_curve.set_ylabel('training loss', color='tab:blue')
    ax_acc = ax_curve.twinx()
    ax_acc.plot(steps, accuracies, color='tab:orange', label='test accuracy')
    ax_acc.set_ylabel('test accuracy', color='tab:orange')
    ax_acc.set_ylim(0, 1)
    ax_curve.set_title('Training curve (test accuracy {:.3f})'.format(test_accuracy))

    predictions = np.argmax(log_probabilities(params, inputs[test]), axis=1)
    for k in range(15):
        ax = fig.add_subplot(grid[k // 5, 4 + k % 5])
        ax.imshow(inputs[test][k].reshape(8, 8), cmap='gray_r')
        right = predictions[k] == labels[test][k]
        ax.set_title('predicted {}'.format(predictions[k]) + ('' if right else ' (is {})'.format(labels[test][k])),
                     fontsize=8, color='k' if right else 'red')
        ax.axis('off')
    save_figure(fig, 'neural_net_digits.png')


if __name__ == '__main__':
    main()
