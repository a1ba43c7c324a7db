"""Benchmark our autograd against the plain-NumPy forward pass, HIPS Autograd and PyTorch eager, side by side.

    python benchmarks/run.py            # full run: tables on stdout, JSON in benchmarks/results/
    python benchmarks/run.py --quick    # toy sizes, gradients checked, no timing, no HIPS (used by the tests)
    python benchmarks/run.py --only mlp,rnn --rounds 41
    python benchmarks/run.py --pure-python   # adds our engine without its compiled parts
    python benchmarks/run.py --torch /path/to/python   # PyTorch installed in another interpreter
    python benchmarks/run.py --base ../main --no-hips --no-torch   # a change against its base checkout

Every system runs in its own worker process (measure.py), with BLAS single-threaded unless ``--threads``
says otherwise. For each workload, the gradients of all systems are first checked to agree; then, after a
warm-up, each round lets every system take a turn (in an order that rotates from round to round): a
batch of back-to-back calls (the steady state of a training loop) and one call right after a full
garbage collection (cold). Ratios are taken within a round and their median over the rounds reported, so
load from other processes on the machine hits both sides of a ratio alike.

HIPS Autograd 1.9.1 is installed on first use into benchmarks/.venv-hips (a separate virtualenv, so the
two packages named ``autograd`` never meet); PyTorch is used from ``--torch`` or, when it imports there,
from this interpreter. A system that can't be had is skipped with a notice.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

import numpy

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HIPS_VENV = HERE / '.venv-hips'
HIPS_SPEC = 'autograd==1.9.1'
sys.path.insert(0, str(HERE))
from measure import THREAD_VARIABLES  # noqa: E402
from workloads import MEMORY_WORKLOADS, WORKLOADS  # noqa: E402

# Largest difference between two systems' gradients, relative to the largest entry, that is rounding:
# float32 sums over a 1024-wide, 50-step recurrence in different orders differ far more than float64 ones.
AGREEMENT = {'rnn': 1e-4}
AGREEMENT_DEFAULT = 1e-9
BATCH_SECONDS = 0.02  # the least time a steady batch takes, so timer resolution and call jitter don't count
WARMUP_SECONDS = 0.3


class Worker:
    """One system's measure.py process, answering one JSON line per request."""

    def __init__(self, label, python, impl, threads, quick, env_path=None, pure_python=False):
        env = dict(os.environ)
        for name in ('PYTHONPATH', 'AUTOGRAD_PURE_PYTHON'):
            env.pop(name, None)
        env.update({name: str(threads) for name in THREAD_VARIABLES})
        if env_path:
            env['PYTHONPATH'] = env_path
        if pure_python:
            env['AUTOGRAD_PURE_PYTHON'] = '1'
        self.label = label
        self.process = subprocess.Popen([str(python), str(HERE / 'measure.py'), impl] + ['--quick'] * quick,
                                        cwd=str(HERE), env=env, text=True, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self.info = self.ask('info')

    def ask(self, op, **request):
        self.process.stdin.write(json.dumps(dict(request, op=op)) + '\n')
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError('the {} worker stopped (its error is above)'.format(self.label))
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def hips_python():
    python = HIPS_VENV / 'bin' / 'python'
    if python.exists():
        return python
    try:
        venv.create(HIPS_VENV, with_pip=True)
        subprocess.run([str(python), '-m', 'pip', 'install', '--quiet', HIPS_SPEC, 'numpy'],
                       check=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as error:
        print('notice: HIPS Autograd could not be installed ({}); its column is skipped'.format(error))
        return None
    return python


def torch_python(given):
    python = given or sys.executable
    found = subprocess.run([str(python), '-c', 'import torch'], capture_output=True).returncode == 0
    if not found:
        print('notice: PyTorch does not import in {} (pass --torch PYTHON); its column is skipped'.format(python))
    return python if found else None


def check_gradients(name, workers, folder):
    """Max relative difference of each system's gradient from ours; raises where one isn't rounding."""
    grads = {}
    for worker in workers:
        path = os.path.join(folder, '{}-{}.npy'.format(name, worker.label))
        worker.ask('gradient', name=name, path=path)
        grads[worker.label] = numpy.load(path)
    ours = grads['ours']
    scale = max(numpy.max(numpy.abs(ours), initial=0.0), numpy.finfo(float).tiny)
    differences = {}
    for label, grad in grads.items():
        if label == 'ours':
            continue
        if grad.shape != ours.shape:
            raise SystemExit('{}: {} gives a gradient of {} numbers, ours {}'.format(
                name, label, grad.size, ours.size))
        differences[label] = float(numpy.max(numpy.abs(grad - ours), initial=0.0) / scale)
        if not differences[label] <= AGREEMENT.get(name, AGREEMENT_DEFAULT):
            raise SystemExit('{}: the gradients of ours and {} differ by {:.2e} of the largest entry: nothing '
                             'was timed'.format(name, label, differences[label]))
    return differences


def batch_size(worker, name):
    """Warm ``worker`` up on ``name`` and return the number of calls that makes a batch of BATCH_SECONDS."""
    calls, spent = 1, 0.0
    while spent < WARMUP_SECONDS:
        seconds = worker.ask('steady', name=name, calls=calls)['seconds']
        spent += seconds * calls
        calls = max(1, int(BATCH_SECONDS / max(seconds, 1e-9)))
    return calls


def time_workload(name, workers, rounds):
    calls = {worker.label: batch_size(worker, name) for worker in workers}
    times = {worker.label: {'steady': [], 'cold': []} for worker in workers}
    for r in range(rounds):
        order = workers[r % len(workers):] + workers[:r % len(workers)]
        for worker in order:
            times[worker.label]['steady'].append(
                worker.ask('steady', name=name, calls=calls[worker.label])['seconds'])
        for worker in order:
            times[worker.label]['cold'].append(worker.ask('cold', name=name)['seconds'])
    return times


def summarize(times):
    """Per system: median steady and cold time, and ours' median ratio to it with the quartiles."""
    summary = {}
    ours = times['ours']
    for label, own in times.items():
        entry = {}
        for mode in ('steady', 'cold'):
            ratios = sorted(a / b for a, b in zip(ours[mode], own[mode]))
            quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
            entry[mode] = {'median_s': statistics.median(own[mode]), 'ratio': statistics.median(ratios),
                           'ratio_q1': quartiles[0], 'ratio_q3': quartiles[2]}
        summary[label] = entry
    return summary


def ratio_cell(entry):
    return '{:.2f} ({:.2f}-{:.2f})'.format(entry['ratio'], entry['ratio_q1'], entry['ratio_q3'])


def tables(results, labels):
    others = [label for label in labels if label != 'ours']
    lines = []
    for mode in ('steady', 'cold'):
        lines.append('{}: ms per call, and ours / system as the median (quartiles) of per-round ratios'.format(
            'steady state (back-to-back calls)' if mode == 'steady' else 'cold (one call after gc.collect())'))
        header = '{:<13}'.format('workload') + ''.join('{:>11}'.format(label) for label in labels) + \
            ''.join('{:>20}'.format('ours/' + label) for label in others)
        lines += [header, '-' * len(header)]
        for name, result in results.items():
            cells = [result['timing'].get(label) for label in labels]
            lines.append('{:<13}'.format(name) + ''.join(
                '{:>11.3f}'.format(cell[mode]['median_s'] * 1e3) if cell else '{:>11}'.format('-')
                for cell in cells) + ''.join(
                '{:>20}'.format(ratio_cell(result['timing'][label][mode]) if label in result['timing'] else '-')
                for label in others))
        lines.append('')
    lines.append('peak memory of one call, MB (tracemalloc; torch: growth of the resident set)')
    lines.append('{:<13}'.format('workload') + ''.join('{:>11}'.format(label) for label in labels))
    for name, result in results.items():
        if result.get('peak'):
            lines.append('{:<13}'.format(name) + ''.join(
                '{:>11.1f}'.format(result['peak'][label] / 2 ** 20) if label in result['peak'] else
                '{:>11}'.format('-') for label in labels))
    return '\n'.join(lines)


def start_workers(args):
    make = lambda *a, **k: Worker(*a, threads=args.threads, quick=args.quick, **k)
    workers = [make('numpy', sys.executable, 'numpy'), make('ours', sys.executable, 'ours', env_path=str(ROOT))]
    if args.pure_python:
        workers.append(make('ours-py', sys.executable, 'ours', env_path=str(ROOT), pure_python=True))
    if args.base:
        workers.append(make('base', sys.executable, 'ours', env_path=args.base))
    hips = None if args.no_hips or args.quick else hips_python()
    if hips:
        workers.append(make('hips', hips, 'hips'))
    torch = None if args.no_torch else torch_python(args.torch)
    if torch:
        workers.append(make('torch', torch, 'torch'))
    return workers


def run(args, workers, folder):
    names = [n for n in WORKLOADS if not args.only or n in args.only.split(',')]
    for worker in workers:
        print('{:<8} {}'.format(worker.label, json.dumps(worker.info['threads'])))
    results = {}
    for name in names:
        present = [w for w in workers if name in w.info['workloads']]
        graders = [w for w in present if w.label != 'numpy']
        differences = check_gradients(name, graders, folder)
        if args.quick:
            present[0].ask('gradient', name=name, path=os.path.join(folder, name + '.npy'))
            results[name] = differences
            continue
        print('{}: gradients agree ({}); timing {} rounds'.format(name, ', '.join(
            '{} {:.1e}'.format(label, d) for label, d in differences.items()) or 'ours only', args.rounds),
            flush=True)
        results[name] = {'agreement': differences,
                         'timing': summarize(time_workload(name, present, args.rounds))}
        if name in MEMORY_WORKLOADS:
            peaks = {w.label: w.ask('peak', name=name) for w in present}
            results[name]['peak'] = {label: p['bytes'] for label, p in peaks.items() if 'bytes' in p}
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--only', default='', help='comma-separated workload names')
    parser.add_argument('--rounds', type=int, default=21)
    parser.add_argument('--threads', type=int, default=1, help='BLAS/OpenMP threads of every system')
    parser.add_argument('--no-hips', action='store_true')
    parser.add_argument('--no-torch', action='store_true')
    parser.add_argument('--torch', metavar='PYTHON', help='an interpreter with PyTorch (CPU) installed')
    parser.add_argument('--pure-python', action='store_true',
                        help='also time our engine without its compiled parts (AUTOGRAD_PURE_PYTHON=1)')
    parser.add_argument('--base', metavar='CHECKOUT',
                        help='also time this project as built in another checkout (a change\'s base), as "base"')
    args = parser.parse_args()
    workers = start_workers(args)
    try:
        with tempfile.TemporaryDirectory() as folder:
            results = run(args, workers, folder)
    finally:
        for worker in workers:
            worker.close()
    if args.quick:
        print('quick run: every workload ran under {}, gradients agreeing ({})'.format(
            ', '.join(w.label for w in workers), ', '.join(results)))
        return
    print()
    print(tables(results, [w.label for w in workers]))
    out_dir = HERE / 'results'
    out_dir.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
    record = {'when': stamp, 'machine': platform.platform(), 'python': platform.python_version(),
              'rounds': args.rounds, 'threads': {w.label: w.info['threads'] for w in workers},
              'versions': {w.label: w.info['version'] for w in workers}, 'results': results}
    path = out_dir / 'bench-{}.json'.format(stamp)
    path.write_text(json.dumps(record, indent=1))
    print('saved', path.relative_to(ROOT))


if __name__ == '__main__':
    main()
