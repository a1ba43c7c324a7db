"""A benchmark worker: one implementation in its own process, driven by run.py over a pipe.

    python measure.py numpy|ours|hips|torch [--quick]

Each line on standard input is a JSON request and gets one JSON line back:

    {"op": "info"}                                  thread counts and versions
    {"op": "gradient", "name": n, "path": p}        run once, save the result flattened to float64 as p (.npy)
    {"op": "steady", "name": n, "calls": k}         k back-to-back calls: {"seconds": time per call}
    {"op": "cold", "name": n}                       one call right after a full garbage collection
    {"op": "peak", "name": n}                       peak memory of one call, in bytes

``numpy`` runs the forward pass only (the baseline); the others compute the gradient. BLAS and OpenMP read
their thread count once, when loaded, so it is fixed here before NumPy or torch is imported.
"""
import os

THREAD_VARIABLES = ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'BLIS_NUM_THREADS',
                    'VECLIB_MAXIMUM_THREADS', 'NUMEXPR_NUM_THREADS')
for _variable in THREAD_VARIABLES:
    os.environ.setdefault(_variable, '1')

import argparse  # noqa: E402 (after the thread count is fixed)
import ctypes  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

import numpy  # noqa: E402

from workloads import WORKLOADS  # noqa: E402


def load(impl):
    """``(module, autograd or None, workload makers)`` for ``impl``."""
    if impl == 'numpy':
        return numpy, None, WORKLOADS
    if impl == 'torch':
        import torch
        from torch_workloads import WORKLOADS as torch_workloads
        return torch, None, torch_workloads
    import autograd
    import autograd.numpy
    return autograd.numpy, autograd, WORKLOADS


def flat(value):
    """Any nesting of lists and tuples of arrays, scalars or tensors as one float64 vector."""
    if isinstance(value, (list, tuple)):
        return numpy.concatenate([flat(v) for v in value] or [numpy.zeros(0)])
    if hasattr(value, 'detach'):
        value = value.detach().numpy()
    return numpy.ravel(numpy.asarray(value, dtype=numpy.float64))


def thread_info(module):
    info = {name: os.environ[name] for name in THREAD_VARIABLES}
    if hasattr(module, 'get_num_threads'):
        info['torch.get_num_threads'] = module.get_num_threads()
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return info
    info['threadpoolctl'] = {pool['internal_api']: pool['num_threads'] for pool in threadpool_info()}
    return info


def steady(fun, calls):
    start = time.perf_counter()
    for _ in range(calls):
        fun()
    return (time.perf_counter() - start) / calls


def cold(fun):
    gc.collect()
    start = time.perf_counter()
    fun()
    return time.perf_counter() - start


def _status_kib(field):
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith(field + ':'):
                return int(line.split()[1])
    raise OSError(field)


def rss_peak(fun):
    """Growth of the resident set's high-water mark over one call (Linux, glibc), for memory tracemalloc
    can't see (torch's allocator). Free heap memory is first given back to the system, or the call would
    reuse pages already counted as resident and seem to need none."""
    gc.collect()
    ctypes.CDLL(None).malloc_trim(0)
    with open('/proc/self/clear_refs', 'w') as clear:
        clear.write('5')  # resets VmHWM to the current resident set
    base = _status_kib('VmRSS')
    fun()
    return (_status_kib('VmHWM') - base) * 1024


def traced_peak(fun):
    gc.collect()
    tracemalloc.start()
    try:
        fun()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def serve(impl, quick, requests, replies):
    module, ag, makers = load(impl)
    funs = {}

    def workload(name):
        if name not in funs:
            funs[name] = makers[name](module, quick=quick) if impl == 'torch' else \
                makers[name](module, ag, quick=quick)
        return funs[name]

    for line in requests:
        request = json.loads(line)
        op, name = request['op'], request.get('name')
        if op == 'info':
            reply = {'threads': thread_info(module), 'version': getattr(module, '__version__', ''),
                     'workloads': list(makers)}
        elif op == 'gradient':
            numpy.save(request['path'], flat(workload(name)()))
            reply = {}
        elif op == 'steady':
            reply = {'seconds': steady(workload(name), request['calls'])}
        elif op == 'cold':
            reply = {'seconds': cold(workload(name))}
        elif op == 'peak':
            fun = workload(name)
            try:
                reply = {'bytes': rss_peak(fun), 'how': 'rss'} if impl == 'torch' else \
                    {'bytes': traced_peak(fun), 'how': 'tracemalloc'}
            except (OSError, AttributeError):  # not Linux, or no glibc
                reply = {}
        else:
            raise ValueError('unknown request {!r}'.format(op))
        replies.write(json.dumps(reply) + '\n')
        replies.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('impl', choices=['ours', 'hips', 'numpy', 'torch'])
    parser.add_argument('--quick', action='store_true')
    args = parser.parse_args()
    serve(args.impl, args.quick, sys.stdin, sys.stdout)


if __name__ == '__main__':
    main()
