"""The engine's own cost per primitive call, in microseconds: forward (tracing) and reverse (the backward
pass), over a chain of scalar ``sin`` calls, for the compiled engine and for the pure-Python one.

    python benchmarks/overhead.py

Each figure is the best of several timings of a 1,000-call chain, less the same chain in plain NumPy
(forward) or the same rule arithmetic in plain NumPy (reverse), divided by 1,000.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LENGTH = 1000


def best(fun, rounds=15):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fun()
        times.append(time.perf_counter() - start)
    return min(times)


def measure():
    import numpy as onp
    import autograd.numpy as np
    from autograd.engine import make_vjp

    def chain(x):
        for _ in range(LENGTH):
            x = np.sin(x)
        return x

    def plain_chain(x):
        for _ in range(LENGTH):
            x = onp.sin(x)
        return x

    def plain_rules(x):
        g = onp.float64(1.0)
        for _ in range(LENGTH):
            g = onp.cos(x) * g
        return g
    x = onp.float64(0.5)
    forward = best(lambda: make_vjp(chain, x)) - best(lambda: plain_chain(x))
    vjp, _ = make_vjp(chain, x)
    reverse = best(lambda: vjp(1.0)) - best(lambda: plain_rules(x))
    return {'forward_us': forward / LENGTH * 1e6, 'reverse_us': reverse / LENGTH * 1e6}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--child':
        print(json.dumps(measure()))
        return
    for label, pure in (('compiled engine', False), ('pure-Python engine', True)):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop('AUTOGRAD_PURE_PYTHON', None)
        if pure:
            env['AUTOGRAD_PURE_PYTHON'] = '1'
        out = subprocess.run([sys.executable, __file__, '--child'], env=env, capture_output=True, text=True,
                             check=True)
        result = json.loads(out.stdout)
        print('{:<20} forward {:.2f} us/primitive   reverse {:.2f} us/primitive'.format(
            label, result['forward_us'], result['reverse_us']))


if __name__ == '__main__':
    main()
