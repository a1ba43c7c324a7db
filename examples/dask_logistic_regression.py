"""Logistic regression on a Dask array larger than a worker's memory, trained with adam on a dask.distributed
cluster.

The data never has to fit in one process: ``X`` is a Dask array in chunks, spread over two worker processes
each allowed less memory than ``X`` takes, and the loss is written with ``autograd.numpy`` exactly as for
NumPy. ``value_and_grad`` of it is lazy (a Dask scalar and a Dask gradient); one ``dask.persist`` per step
reads the chunks once for both, on the workers. adam takes the lazy gradient as it is and persists each
step's weights and running averages, so they live on the cluster too and no graph grows with the steps. A
tqdm bar shows the loss.

Run it with ``python examples/dask_logistic_regression.py`` (needs dask[distributed], tqdm, matplotlib);
it writes ``dask_logistic_regression.png`` (the loss per step) into the output folder (see
example_setup.py). ``AUTOGRAD_EXAMPLES_QUICK=1`` uses less data, fewer steps and worker threads.
"""
import dask
import dask.array as da
import matplotlib
from dask.distributed import Client, LocalCluster

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
from tqdm import tqdm  # noqa: E402

import autograd.numpy as np  # noqa: E402
from autograd import value_and_grad  # noqa: E402
from autograd.misc.optimizers import adam  # noqa: E402
from example_setup import QUICK, save_figure  # noqa: E402


def loss(w, X, y):
    # log(1 + exp(-z)) for the labels y in {0, 1}, written stably with logaddexp.
    z = X @ w
    return np.mean(np.logaddexp(0.0, z) - y * z)


def main():
    rows, features, chunks = (20_000, 10, 4) if QUICK else (4_000_000, 50, 40)
    num_iters = 30 if QUICK else 200
    x_bytes = rows * features * 8
    # A worker may hold 90% of X's size, so X has to be spread over both. Quick mode's workers are threads of
    # this process, whose whole memory a limit would count: no limit there.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=not QUICK, dashboard_address=None,
                      scheduler_kwargs={'dashboard_address': ':0'},  # any free port for its health checks
                      memory_limit=0 if QUICK else int(0.9 * x_bytes)) as cluster, Client(cluster):
        rng = da.random.default_rng(0)
        X = rng.standard_normal((rows, features), chunks=(rows // chunks, features)).persist()
        true_w = np.linspace(-1.0, 1.0, features)
        y = (rng.random(rows, chunks=rows // chunks) < 1.0 / (1.0 + da.exp(-(X @ true_w)))).astype(float)
        y = y.persist()
        values, losses = [], []

        def gradient(w, i):
            value, g = dask.persist(*value_and_grad(loss)(w, X, y))
            values.append(value)
            return g

        with tqdm(total=num_iters, desc='adam on Dask', disable=None) as bar:
            def show_progress(w, i, g):
                losses.append(float(values.pop()))
                bar.set_postfix(loss='{:.4f}'.format(losses[-1]))
                bar.update()
            w = adam(gradient, np.zeros(features), callback=show_progress, num_iters=num_iters, step_size=0.1)
            w = w.compute()
    print('loss {:.4f} at the start, {:.4f} at the end'.format(losses[0], losses[-1]))
    print('largest weight error: {:.3f}'.format(float(np.max(np.abs(w - true_w)))))

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(losses)
    ax.set_xlabel('adam step')
    ax.set_ylabel('mean logistic loss')
    ax.set_title('{:,} x {} Dask array in {} chunks'.format(rows, features, chunks))
    save_figure(fig, 'dask_logistic_regression.png')


if __name__ == '__main__':
    main()
