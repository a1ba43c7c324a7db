"""Logistic regression's value and gradient on a persisted Dask array, on a 2-worker dask.distributed cluster:
our ``value_and_grad`` of the loss against dask-glm's hand-written ``Logistic.loglike`` and
``Logistic.gradient``, and against the loss alone.

    python benchmarks/dask_logistic.py               # X of 4e6 x 50 in 40 chunks; table, and results/dask-glm-<time>.json
    python benchmarks/dask_logistic.py --rounds 15
    python benchmarks/dask_logistic.py --quick       # toy sizes, threads, value and gradient compared, no timing

Each system builds its graph and computes it with one ``dask.compute`` per call, as a training step would.
The value and gradient of all systems are first checked to agree. Each round times one call of every system,
in an order that rotates from round to round; ratios are taken within a round and their median reported.
Where dask-glm does not import, its two methods are replaced by the same formulas written here (and the
table says so).
"""
import argparse
import datetime
import json
import logging
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from measure import THREAD_VARIABLES  # noqa: E402

os.environ.update({name: '1' for name in THREAD_VARIABLES})  # before NumPy loads, here and in the workers

import dask  # noqa: E402
import dask.array as da  # noqa: E402
import numpy  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

import autograd.numpy as np  # noqa: E402
from autograd import value_and_grad  # noqa: E402

AGREEMENT = 1e-9
"""Largest difference of the values and gradients, relative to the largest entry, that is rounding."""


def loss(w, X, y):
    """The negative log-likelihood as dask-glm writes it: sum(Xw + log1p(exp(-Xw))) - y . Xw."""
    z = X @ w
    return np.sum(z + np.log1p(np.exp(-z))) - np.dot(y, z)


def by_hand_family():
    """dask-glm's ``Logistic`` where it imports; else its two formulas, the gradient being X^T (sigmoid(Xw) - y)."""
    try:
        from dask_glm.families import Logistic
        return 'dask-glm', Logistic
    except ImportError:
        pass

    class Logistic:
        @staticmethod
        def loglike(z, y):
            return (z + da.log1p(da.exp(-z))).sum() - da.dot(y, z)

        @staticmethod
        def gradient(z, X, y):
            return da.dot(X.T, 1.0 / (1.0 + da.exp(-z)) - y)
    return 'by-hand', Logistic


def systems(X, y):
    label, family = by_hand_family()

    def ours(w):
        return dask.compute(*value_and_grad(loss)(w, X, y))

    def by_hand(w):
        z = X.dot(w)
        return dask.compute(family.loglike(z, y), family.gradient(z, X, y))

    def loss_alone(w):
        return dask.compute(loss(w, X, y))
    return {'ours': ours, label: by_hand, 'loss': loss_alone}


def data(rows, features, chunks):
    rng = da.random.default_rng(0)
    X = rng.standard_normal((rows, features), chunks=(rows // chunks, features))
    y = (rng.random(rows, chunks=rows // chunks) < 0.5).astype(float)
    return dask.persist(X, y)


def check_agreement(runs, w):
    results = {label: run(w) for label, run in runs.items() if label != 'loss'}
    ours_value, ours_grad = results.pop('ours')
    scale = max(abs(ours_value), numpy.max(numpy.abs(ours_grad)))
    differences = {}
    for label, (value, grad) in results.items():
        differences[label] = max(abs(value - ours_value), numpy.max(numpy.abs(grad - ours_grad))) / scale
        if not differences[label] <= AGREEMENT:
            raise SystemExit('the value and gradient of ours and {} differ by {:.2e} of the largest entry: '
                             'nothing was timed'.format(label, differences[label]))
    return differences


def time_rounds(runs, w, rounds):
    labels = list(runs)
    times = {label: [] for label in labels}
    for r in range(rounds):
        for label in labels[r % len(labels):] + labels[:r % len(labels)]:
            start = time.perf_counter()
            runs[label](w)
            times[label].append(time.perf_counter() - start)
    return times


def summarize(times):
    """Per system: median seconds, and ours' median per-round ratio to it with the quartiles."""
    summary = {}
    for label, own in times.items():
        ratios = sorted(a / b for a, b in zip(times['ours'], own))
        quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
        summary[label] = {'median_s': statistics.median(own), 'ratio': statistics.median(ratios),
                          'ratio_q1': quartiles[0], 'ratio_q3': quartiles[2]}
    return summary


def table(summary):
    lines = ['{:<10}{:>12}{:>28}'.format('system', 'median s', 'ours / system (quartiles)')]
    for label, entry in summary.items():
        lines.append('{:<10}{:>12.3f}{:>28}'.format(label, entry['median_s'], '{:.2f} ({:.2f}-{:.2f})'.format(
            entry['ratio'], entry['ratio_q1'], entry['ratio_q3'])))
    return '\n'.join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--rounds', type=int, default=11)
    parser.add_argument('--rows', type=int, default=4_000_000)
    parser.add_argument('--features', type=int, default=50)
    parser.add_argument('--chunks', type=int, default=40)
    args = parser.parse_args()
    rows, features, chunks = (40_000, 5, 4) if args.quick else (args.rows, args.features, args.chunks)
    # Silent workers: a failing task raises here anyway, and a loaded machine makes them log heartbeats that
    # race the scheduler's close.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=not args.quick, dashboard_address=None,
                      scheduler_kwargs={'dashboard_address': ':0'}, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster):
        X, y = data(rows, features, chunks)
        w = numpy.linspace(-0.1, 0.1, features)
        runs = systems(X, y)
        differences = check_agreement(runs, w)
        agreement = ', '.join('{} {:.1e}'.format(label, d) for label, d in differences.items())
        if args.quick:
            print('quick run: ours, {} and the loss alone ran; value and gradient agree ({})'.format(
                ', '.join(differences), agreement))
            return
        print('{:,} x {} in {} chunks on 2 worker processes; values and gradients agree ({}); timing {} '
              'rounds'.format(rows, features, chunks, agreement, args.rounds), flush=True)
        summary = summarize(time_rounds(runs, w, args.rounds))
    print(table(summary))
    stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
    record = {'when': stamp, 'machine': platform.platform(), 'python': platform.python_version(),
              'versions': {'dask': dask.__version__, 'numpy': numpy.__version__}, 'shape': [rows, features],
              'chunks': chunks, 'rounds': args.rounds, 'agreement': differences, 'summary': summary}
    path = HERE / 'results' / 'dask-glm-{}.json'.format(stamp)
    path.write_text(json.dumps(record, indent=1))
    print('saved', path.relative_to(HERE.parent))


if __name__ == '__main__':
    main()
