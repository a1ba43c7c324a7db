"""Recovering a damped oscillator's decay rate and frequency from noisy observations, by gradient descent
through ``autograd.scipy.integrate.odeint``.

The model is ``x'' = -2 gamma x' - omega^2 x``, integrated as the first-order system ``(x, v)``. The loss is
the mean squared difference between the simulated ``x`` and the observations; its gradient with respect to
``(gamma, omega)`` comes from odeint's adjoint rule. Run it with ``python examples/ode_fit.py`` (needs
SciPy); it writes ``ode_fit.png`` into the output folder (see example_setup.py): the data, the starting and the fitted trajectories, and
the parameters along the way. ``AUTOGRAD_EXAMPLES_QUICK=1`` takes fewer steps on fewer observations;
``AUTOGRAD_EXAMPLES_OUTDIR`` puts the picture elsewhere.
"""
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402

import autograd.numpy as np  # noqa: E402
import autograd.numpy.random as npr  # noqa: E402
from autograd import value_and_grad  # noqa: E402
from autograd.misc.optimizers import adam  # noqa: E402
from autograd.scipy.integrate import odeint  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402

TRUE_PARAMS = np.array([0.25, 2.0])  # gamma (decay rate), omega (angular frequency)
Y0 = np.array([1.0, 0.0])  # starting position and velocity


def oscillator(state, t, params):
    position, velocity = state[0], state[1]
    gamma, omega = params[0], params[1]
    return np.stack([velocity, -2 * gamma * velocity - omega ** 2 * position])


def positions(params, times):
    return odeint(oscillator, Y0, times, args=(params,), rtol=1e-6, atol=1e-8)[:, 0]


def loss(params, times, observed):
    return np.mean((positions(params, times) - observed) ** 2)


def main():
    rs = npr.RandomState(0)
    times = np.linspace(0, 10, 20 if QUICK else 40)
    observed = positions(TRUE_PARAMS, times) + 0.05 * rs.randn(len(times))

    start = np.array([0.5, 1.8])
    history = []

    def loss_grad(params, i):
        value, gradient = value_and_grad(loss)(params, times, observed)
        history.append((value, params))
        return gradient

    fitted = adam(loss_grad, start, num_iters=25 if QUICK else 100, step_size=0.03)
    print('true gamma {:.3f}, omega {:.3f}'.format(*TRUE_PARAMS))
    print('fitted gamma {:.3f}, omega {:.3f}'.format(*fitted))
    print('loss {:.5f} at the start, {:.5f} fitted'.format(history[0][0], loss(fitted, times, observed)))

    fine = np.linspace(0, 10, 400)
    fig, (ax_fit, ax_params) = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={'width_ratios': [3, 2]})
    ax_fit.plot(times, observed, 'o', color='tab:red', markersize=4, label='noisy observations')
    ax_fit.plot(fine, positions(start, fine), ':', color='grey', label='start')
    ax_fit.plot(fine, positions(fitted, fine), color='tab:blue', label='fitted')
    ax_fit.plot(fine, positions(TRUE_PARAMS, fine), 'k--', linewidth=0.8, label='true')
    ax_fit.set_xlabel('t')
    ax_fit.set_ylabel('x(t)')
    ax_fit.set_title('Damped oscillator fit through odeint')
    ax_fit.legend(fontsize='small')

    path_params = np.array([p for _, p in history])
    ax_params.plot(path_params[:, 0], label='gamma')
    ax_params.plot(path_params[:, 1], label='omega')
    for value, color in zip(TRUE_PARAMS, ('tab:blue', 'tab:orange')):
        ax_params.axhline(value, color=color, linestyle='--', linewidth=0.8)
    ax_params.set_xlabel('adam iteration')
    ax_params.set_title('Parameters (dashed: true values)')
    ax_params.legend(fontsize='small')
    save_figure(fig, 'ode_fit.png')


if __name__ == '__main__':
    main()
