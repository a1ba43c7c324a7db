"""Benchmark our autograd against the plain-NumPy forward pass and HIPS Autograd, side by side.

    python benchmarks/run.py            # full run: table on stdout, JSON in benchmarks/results/
    python benchmarks/run.py --quick    # every workload once at toy sizes, no timing (used by the tests)
    python benchmarks/run.py --pure-python   # adds a column: our engine without its compiled parts
    python benchmarks/run.py --steady   # back-to-back calls, collector off, instead of cold single calls
    python benchmarks/run.py --torch /path/to/python   # adds PyTorch eager (installed there) where it applies

HIPS Autograd 1.9.1 is installed on first use into benchmarks/.venv-hips (a separate virtualenv, so
the two packages named ``autograd`` never meet); where that cannot be done the HIPS column is skipped
with a notice. Times are medians over repeated runs, all measured in this one invocation.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HIPS_VENV = HERE / '.venv-hips'
HIPS_SPEC = 'autograd==1.9.1'


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


def run_measure(python, impl, extra, env_path=None, pure_python=False):
    env = dict(os.environ)
    env.pop('PYTHONPATH', None)
    env.pop('AUTOGRAD_PURE_PYTHON', None)
    if env_path:
        env['PYTHONPATH'] = env_path
    if pure_python:
        env['AUTOGRAD_PURE_PYTHON'] = '1'
    out = subprocess.run([str(python), str(HERE / 'measure.py'), impl] + extra, cwd=str(HERE),
                         capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def table(results, names):
    header = '{:<13} {:>11} {:>11} {:>11} {:>9} {:>9} {:>12} {:>12} {:>11} {:>12}'.format(
        'workload', 'numpy', 'ours', 'hips', 'ours/np', 'ours/hips', 'ours peak', 'hips peak', 'ours in py',
        'in py peak')
    lines = [header, '-' * len(header)]
    for name in names:
        np_t = results['numpy'][name]['median_s']
        ours = results['ours'][name]
        hips = results.get('hips', {}).get(name)
        pure = results.get('ours-py', {}).get(name)
        ms = lambda t: '{:.3f} ms'.format(t * 1e3)
        mb = lambda r: '{:.1f} MB'.format(r['peak_bytes'] / 2 ** 20) if r and 'peak_bytes' in r else '-'
        lines.append('{:<13} {:>11} {:>11} {:>11} {:>9.2f} {:>9} {:>12} {:>12} {:>11} {:>12}'.format(
            name, ms(np_t), ms(ours['median_s']), ms(hips['median_s']) if hips else '-',
            ours['median_s'] / np_t, '{:.3f}'.format(ours['median_s'] / hips['median_s']) if hips else '-',
            mb(ours), mb(hips), ms(pure['median_s']) if pure else '-', mb(pure)))
    return '\n'.join(lines)


def torch_table(results):
    lines = ['{:<13} {:>11} {:>11} {:>11}'.format('workload', 'ours', 'torch', 'ours/torch')]
    for name, timing in results['torch'].items():
        ours = results['ours'][name]['median_s']
        lines.append('{:<13} {:>8.3f} ms {:>8.3f} ms {:>11.3f}'.format(
            name, ours * 1e3, timing['median_s'] * 1e3, ours / timing['median_s']))
    return '\n'.join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--no-hips', action='store_true')
    parser.add_argument('--only', default='')
    parser.add_argument('--repeats', type=int, default=7)
    parser.add_argument('--steady', action='store_true',
                        help='time back-to-back calls with the garbage collector off (warm caches), instead '
                             'of single calls after a full collection')
    parser.add_argument('--torch', metavar='PYTHON',
                        help='a Python interpreter with PyTorch installed: adds PyTorch eager on the workloads '
                             'of torch_workloads.py')
    parser.add_argument('--pure-python', action='store_true',
                        help='also time our engine without its compiled parts (AUTOGRAD_PURE_PYTHON=1)')
    args = parser.parse_args()
    extra = ['--repeats', str(args.repeats)] + (['--quick'] if args.quick else []) + (
        ['--only', args.only] if args.only else []) + (['--steady'] if args.steady else [])
    results = {'numpy': run_measure(sys.executable, 'numpy', extra),
               'ours': run_measure(sys.executable, 'ours', extra, env_path=str(ROOT))}
    if args.quick:
        print('quick run: every workload ran under numpy and ours ({})'.format(', '.join(results['ours'])))
        return
    if args.pure_python:
        results['ours-py'] = run_measure(sys.executable, 'ours', extra, env_path=str(ROOT), pure_python=True)
    if not args.no_hips:
        python = hips_python()
        if python:
            results['hips'] = run_measure(python, 'hips', extra)
    if args.torch:
        results['torch'] = run_measure(args.torch, 'torch', extra)
    names = list(results['ours'])
    print(table(results, names))
    if 'torch' in results:
        print()
        print(torch_table(results))
    out_dir = HERE / 'results'
    out_dir.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')
    record = {'when': stamp, 'machine': platform.platform(), 'python': platform.python_version(),
              'timing': 'steady' if args.steady else 'cold', 'results': results}
    path = out_dir / 'bench-{}.json'.format(stamp)
    path.write_text(json.dumps(record, indent=1))
    print('saved', path.relative_to(ROOT))


if __name__ == '__main__':
    main()
