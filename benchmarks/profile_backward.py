"""Where a gradient's backward pass spends its time and memory, rule by rule.

    python benchmarks/profile_backward.py rnn mlp      # any workloads of workloads.py that take a gradient
    REPEATS=200 python benchmarks/profile_backward.py mlp   # more walks to average (default 5)

Records the tape of the workload's loss with our engine, then walks it backwards as the engine's reverse
pass does, timing each rule call and each gradient accumulation, grouped by primitive and argument. A
second walk, under tracemalloc, gives the most memory each step had in use beyond what it started with.
The notes flag a gradient whose dtype is wider than the value it is for (an upcast) and one that is not
C-contiguous.
"""
import os
import sys
import time
import tracemalloc
from collections import defaultdict

for _variable in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ.setdefault(_variable, '1')

import numpy  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import autograd  # noqa: E402
import autograd.numpy as anp  # noqa: E402
from autograd.engine.reverse import ReverseTrace, _accumulate  # noqa: E402
from autograd.engine.rules import node_vjps  # noqa: E402
from autograd.engine.tracing import in_pass, new_box, output_of  # noqa: E402
from autograd.engine.vspace import SparseObject  # noqa: E402
from workloads import WORKLOADS  # noqa: E402


class Capture(Exception):
    def __init__(self, loss, params):
        super().__init__()
        self.loss, self.params = loss, params


def loss_and_params(name):
    """The workload's loss function and parameters, caught at its call to ``grad``."""
    def grabbing_grad(loss):
        return lambda params: (_ for _ in ()).throw(Capture(loss, params))
    shim = type('shim', (), {'grad': staticmethod(grabbing_grad)})
    try:
        WORKLOADS[name](anp, shim)()
    except Capture as captured:
        return captured.loss, captured.params
    raise SystemExit('{} does not take a gradient with grad'.format(name))


def record(loss, params):
    trace = ReverseTrace()
    trace.argument = params
    end = in_pass(trace, output_of, loss, new_box(params, trace, 0))
    return trace.tape, end._node


def _name(fun):
    return getattr(fun, '__name__', repr(fun))


def walk(tape, out, step_hook):
    """The reverse pass (as ``backward_pass``), calling ``step_hook(key, phase, thunk)`` around each rule
    call and accumulation; returns the notes on each contribution."""
    grads = [None] * (out + 1)
    owned = bytearray(out + 1)
    grads[out] = numpy.ones_like(tape[out][3])
    notes = defaultdict(set)
    for i in range(out, 0, -1):
        g, grads[i] = grads[i], None
        if g is None:
            continue
        fun, args, kwargs, ans, argnums, parents = tape[i]
        if isinstance(g, SparseObject):
            g = step_hook('{} of {}'.format(type(g).__name__, _name(fun)), 'densify', g.densify)
        for argnum, parent in zip(argnums, parents):
            key = '{}[{}]'.format(_name(fun), argnum)
            (c,) = step_hook(key, 'rule', lambda: node_vjps(fun, (argnum,), ans, args, kwargs, g))
            if c is None:
                continue
            value = tape[parent][3] if parent else None
            if hasattr(c, 'dtype') and hasattr(value, 'dtype') and c.dtype.itemsize > value.dtype.itemsize:
                notes[key].add('upcast {}->{}'.format(value.dtype, c.dtype))
            if isinstance(c, numpy.ndarray) and not c.flags.c_contiguous:
                notes[key].add('not contiguous')
            if isinstance(c, SparseObject):
                notes[key].add(type(c).__name__)
            if grads[parent] is None:
                grads[parent] = c
            else:
                grads[parent] = step_hook(key, 'accumulate',
                                          lambda: _accumulate(grads[parent], owned[parent], c))
                owned[parent] = 1
    return notes


def profile(name, repeats=int(os.environ.get("REPEATS", 5))):
    loss, params = loss_and_params(name)
    tape, out = record(loss, params)
    seconds = defaultdict(float)
    counts = defaultdict(int)

    def timed(key, phase, thunk):
        start = time.perf_counter()
        result = thunk()
        seconds[key, phase] += time.perf_counter() - start
        counts[key, phase] += 1
        return result
    # Each walk is a pass, as the engine's: new arrays come from the array cache, as they do in a gradient.
    in_pass(None, walk, tape, out, lambda key, phase, thunk: thunk())  # warm up
    start = time.perf_counter()
    for _ in range(repeats):
        notes = in_pass(None, walk, tape, out, timed)
    total = (time.perf_counter() - start) / repeats
    peaks = defaultdict(int)

    def traced(key, phase, thunk):
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        result = thunk()
        peaks[key, phase] = max(peaks[key, phase], tracemalloc.get_traced_memory()[1] - before)
        return result
    tracemalloc.start()
    walk(tape, out, traced)
    tracemalloc.stop()
    print('{}: backward pass {:.2f} ms over {} tape entries (mean of {} walks)'.format(
        name, total * 1e3, out, repeats))
    print('{:<36} {:>11} {:>6} {:>10} {:>11}  {}'.format('rule[argnum]', 'phase', 'calls', 'ms', 'peak MB',
                                                          'notes'))
    for key, phase in sorted(seconds, key=seconds.get, reverse=True):
        print('{:<36} {:>11} {:>6} {:>10.3f} {:>11.2f}  {}'.format(
            key, phase, counts[key, phase] // repeats, seconds[key, phase] / repeats * 1e3,
            peaks[key, phase] / 2 ** 20, ', '.join(sorted(notes.get(key, ())))))
    print()


if __name__ == '__main__':
    for workload in sys.argv[1:] or ['rnn', 'mlp']:
        profile(workload)
