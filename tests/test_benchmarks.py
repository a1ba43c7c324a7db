"""The benchmark suite runs (in its quick mode: toy sizes, gradients compared, no timing, no HIPS Autograd)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SIX = {'chain50', 'fan1000', 'mlp', 'rnn', 'big', 'hvp'}


@pytest.fixture
def benchmarks_path():
    sys.path.insert(0, str(ROOT / 'benchmarks'))
    yield
    sys.path.remove(str(ROOT / 'benchmarks'))


def quick_run(*options):
    result = subprocess.run([sys.executable, str(ROOT / 'benchmarks' / 'run.py'), '--quick'] + list(options),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_quick_benchmark_runs_every_workload_single_threaded():
    out = quick_run('--no-torch', '--pure-python')
    for name in ['chain50', 'fan1000', 'mlp', 'rnn', 'big', 'hvp', 'jacobian', 'forward_loop']:
        assert name in out
    assert 'under numpy, ours, ours-py, gradients agreeing' in out
    assert out.count('"OPENBLAS_NUM_THREADS": "1"') == 3


def test_quick_dask_benchmark_agrees_with_the_hand_written_gradient():
    pytest.importorskip('dask.distributed')
    result = subprocess.run([sys.executable, str(ROOT / 'benchmarks' / 'dask_logistic.py'), '--quick'],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert 'quick run: ours, ' in result.stdout and 'the loss alone ran; value and gradient agree' in result.stdout


def test_overhead_script_reports_both_engines():
    result = subprocess.run([sys.executable, str(ROOT / 'benchmarks' / 'overhead.py')],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split('  ')[0] for line in lines] == ['compiled engine', 'pure-Python engine']
    assert all('forward' in line and 'reverse' in line and 'us/primitive' in line for line in lines)


def test_steady_and_cold_timings_call_the_workload(benchmarks_path):
    import measure
    calls = []
    assert measure.steady(lambda: calls.append(1), 5) > 0 and len(calls) == 5
    assert measure.cold(lambda: calls.append(1)) > 0 and len(calls) == 6


def test_gradients_are_flattened_in_order(benchmarks_path):
    import measure
    assert measure.flat([(1.0, [2, 3]), ((4.0,),)]).tolist() == [1.0, 2.0, 3.0, 4.0]


class _Stub:
    def __init__(self, label, grad):
        self.label, self.grad = label, grad

    def ask(self, op, name, path):
        import numpy
        numpy.save(path, numpy.asarray(self.grad, dtype=float))


def test_a_gradient_that_disagrees_stops_the_run_before_timing(benchmarks_path, tmp_path):
    import run
    agreeing = [_Stub('ours', [1.0, 2.0]), _Stub('torch', [1.0, 2.0 + 1e-14])]
    assert run.check_gradients('mlp', agreeing, str(tmp_path))['torch'] < 1e-13
    with pytest.raises(SystemExit, match='mlp: the gradients of ours and hips differ'):
        run.check_gradients('mlp', [_Stub('ours', [1.0, 2.0]), _Stub('hips', [1.0, 2.1])], str(tmp_path))


def test_every_headline_workload_has_a_torch_version(benchmarks_path):
    import torch_workloads
    import workloads
    assert set(torch_workloads.WORKLOADS) == SIX and SIX <= set(workloads.WORKLOADS)


def test_torch_gradients_agree_with_ours_where_torch_is_installed():
    pytest.importorskip('torch')
    out = quick_run()
    assert 'under numpy, ours, torch, gradients agreeing' in out
    assert '"torch.get_num_threads": 1' in out
