"""``python -m autograd``: the version, the engine and why, the array cache, NumPy and SciPy."""
import os
import subprocess
import sys

import numpy

import autograd


def _run(**env):
    return subprocess.run([sys.executable, '-m', 'autograd'], capture_output=True, text=True, check=True,
                          env=dict(os.environ, **env)).stdout.splitlines()


def test_reports_version_engine_cache_and_libraries():
    lines = _run()
    assert lines[0] == 'autograd {}'.format(autograd.__version__)
    assert lines[1].startswith('engine: compiled') or lines[1].startswith('engine: pure Python, because')
    assert lines[2].startswith('array cache: ')
    assert 'NumPy {}'.format(numpy.__version__) in lines and any(line.startswith('SciPy ') for line in lines)


def test_says_why_the_engine_is_pure_python():
    lines = _run(AUTOGRAD_PURE_PYTHON='1')
    assert lines[1] == 'engine: pure Python, because AUTOGRAD_PURE_PYTHON is set'
    assert lines[2] == 'array cache: off, because AUTOGRAD_PURE_PYTHON is set'


def test_version_satisfies_requirements_written_for_hips_autograd():
    major = int(autograd.__version__.split('.')[0])
    assert major >= 2  # libraries require autograd>=1.5; pip would replace a lower version with HIPS's
