"""Time (and optionally trace memory of) the workloads under one implementation; print JSON.

Run by run.py in a separate process per implementation, so each imports only its own ``autograd``:
``python measure.py ours|hips|numpy|torch [--quick] [--steady] [--repeats N] [--only a,b]`` (torch: only the
workloads of torch_workloads.py).
"""
import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc

import numpy

from workloads import MEMORY_WORKLOADS, WORKLOADS


def load(impl):
    if impl == 'numpy':
        return numpy, None
    if impl == 'torch':
        import torch
        return torch, None
    import autograd
    import autograd.numpy
    return autograd.numpy, autograd


def time_once(fun):
    start = time.perf_counter()
    fun()
    return time.perf_counter() - start


def measure(fun, repeats, min_seconds):
    """Median time of single calls, each after a full garbage collection: no collection pauses inside,
    but every call starts with the CPU caches cold (the collection walked every object)."""
    fun()  # warm up caches and lazy imports
    times = []
    deadline = time.perf_counter() + min_seconds
    while len(times) < repeats or (time.perf_counter() < deadline and len(times) < 50 * repeats):
        gc.collect()
        times.append(time_once(fun))
    return statistics.median(times), len(times)


def measure_steady(fun, repeats, min_seconds):
    """Median per-call time of batches of back-to-back calls with the collector off, as ``timeit`` does:
    the steady state of a loop that calls ``fun`` again and again."""
    fun()
    batch = max(1, int(0.01 / max(time_once(fun), 1e-9)))  # batches of about 10 ms
    times = []
    gc.collect()
    gc.disable()
    try:
        deadline = time.perf_counter() + min_seconds
        while len(times) < repeats or (time.perf_counter() < deadline and len(times) < 50 * repeats):
            start = time.perf_counter()
            for _ in range(batch):
                fun()
            times.append((time.perf_counter() - start) / batch)
    finally:
        gc.enable()
    return statistics.median(times), len(times) * batch


def peak_memory(fun):
    gc.collect()
    tracemalloc.start()
    fun()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('impl', choices=['ours', 'hips', 'numpy', 'torch'])
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--repeats', type=int, default=7)
    parser.add_argument('--min-seconds', type=float, default=1.0)
    parser.add_argument('--only', default='')
    parser.add_argument('--steady', action='store_true')
    args = parser.parse_args()
    np, ag = load(args.impl)
    workloads = WORKLOADS
    if args.impl == 'torch':
        from torch_workloads import WORKLOADS as workloads
    names = [n for n in workloads if not args.only or n in args.only.split(',')]
    results = {}
    for name in names:
        fun = workloads[name](np, quick=args.quick) if args.impl == 'torch' else \
            workloads[name](np, ag, quick=args.quick)
        if args.quick:
            fun()
            results[name] = {'ran': True}
            continue
        median, count = (measure_steady if args.steady else measure)(fun, args.repeats, args.min_seconds)
        results[name] = {'median_s': median, 'runs': count}
        if name in MEMORY_WORKLOADS:
            results[name]['peak_bytes'] = peak_memory(fun)
    json.dump(results, sys.stdout)


if __name__ == '__main__':
    main()
