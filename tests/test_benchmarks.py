"""The benchmark suite runs (in its quick mode: toy sizes, no timing, no HIPS Autograd)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmark_runs_every_workload():
    result = subprocess.run([sys.executable, str(ROOT / 'benchmarks' / 'run.py'), '--quick'],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for name in ['chain50', 'fan1000', 'mlp', 'rnn', 'big', 'hvp', 'jacobian', 'forward_loop']:
        assert name in result.stdout


def test_overhead_script_reports_both_engines():
    result = subprocess.run([sys.executable, str(ROOT / 'benchmarks' / 'overhead.py')],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split('  ')[0] for line in lines] == ['compiled engine', 'pure-Python engine']
    assert all('forward' in line and 'reverse' in line and 'us/primitive' in line for line in lines)


def test_both_timing_modes_return_a_median_and_a_count():
    sys.path.insert(0, str(ROOT / 'benchmarks'))
    try:
        import measure
    finally:
        sys.path.remove(str(ROOT / 'benchmarks'))
    calls = []
    for timing in (measure.measure, measure.measure_steady):
        median, count = timing(lambda: calls.append(1), 3, 0.0)
        assert median > 0 and count >= 3
    assert len(calls) >= 8  # both warm-up calls, the batch-sizing call and at least 3 timed runs each


def test_torch_workloads_exist_for_the_shared_names():
    sys.path.insert(0, str(ROOT / 'benchmarks'))
    try:
        import torch_workloads
        import workloads
    finally:
        sys.path.remove(str(ROOT / 'benchmarks'))
    assert set(torch_workloads.WORKLOADS) <= set(workloads.WORKLOADS)


def test_torch_workloads_run_where_torch_is_installed():
    pytest.importorskip('torch')
    result = subprocess.run([sys.executable, str(ROOT / 'benchmarks' / 'measure.py'), 'torch', '--quick'],
                            cwd=str(ROOT / 'benchmarks'), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) == {'chain50', 'fan1000'}
