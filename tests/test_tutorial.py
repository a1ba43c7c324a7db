"""The tutorial (shared/seed/autograd_tutorial.md) runs verbatim and what its prose promises holds."""
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as onp
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / 'examples' / 'tutorial.py'
SEED_CANDIDATES = [ROOT.parent / 'shared' / 'seed' / 'autograd_tutorial.md',
                   ROOT / 'shared' / 'seed' / 'autograd_tutorial.md']


def markdown_code_cells(markdown):
    """The code of each ``In [0]:`` cell: the lines after the marker up to the next paragraph of prose."""
    lines = markdown.split('\n')
    cells, i = [], 0
    while i < len(lines):
        if lines[i].strip() != 'In [0]:':
            i += 1
            continue
        i += 1
        cell = []
        while i < len(lines):
            if lines[i].strip():
                cell.append(lines[i])
                i += 1
                continue
            start = i
            while i < len(lines) and not lines[i].strip():
                i += 1
            end = i
            while end < len(lines) and lines[end].strip():
                end += 1
            paragraph = lines[i:end]
            if not paragraph or paragraph[0].startswith('## ') or paragraph[0].strip() == 'In [0]:':
                break
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter('ignore')
                    compile('\n'.join(cell + lines[start:end]), 'cell', 'exec')
            except SyntaxError:
                break
            cell.extend(lines[start:end])
            i = end
        cells.append('\n'.join(cell).rstrip())
    return cells


def example_cells():
    source = EXAMPLE.read_text()
    parts = re.split(r'^# In \[\d+\]:\n', source, flags=re.M)[1:]
    return [part.rstrip() for part in parts]


def test_example_holds_the_tutorial_cells_verbatim():
    seed = next((p for p in SEED_CANDIDATES if p.exists()), None)
    if seed is None:
        pytest.skip('shared/seed/autograd_tutorial.md is not beside this checkout')
    cells = markdown_code_cells(seed.read_text())
    assert len(cells) == 17
    # The one change: the seed's docstring holds "\\sigma", an invalid escape that Python 3.12+ warns about,
    # so the example makes that docstring raw.
    raw = [cell.replace('    """Implements the gradient', '    r"""Implements the gradient') for cell in cells]
    assert raw != cells and example_cells() == raw


def test_example_compiles_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        compile(EXAMPLE.read_text(), str(EXAMPLE), 'exec')


@pytest.fixture(scope='module')
def printed():
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get('PYTHONPATH', ''))
    result = subprocess.run([sys.executable, str(EXAMPLE)], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_gradient_matches_finite_differences(printed):
    automatic, numeric = float(printed[0]), float(printed[1])
    assert abs(automatic - numeric) < 1e-6
    assert abs(automatic - (1 - onp.tanh(0.5) ** 2) / 2) < 1e-12  # the tutorial's 'tanh' is tanh(x / 2)


def test_automatic_sigmoid_gradient_equals_manual(printed):
    assert float(printed[2]) == pytest.approx(float(printed[3]), rel=1e-15)


def test_flatten_prints_round_trip(printed):
    assert printed[4] == 'Flattened: [1. 1. 2. 2. 3. 3. 3.]'
    assert printed[5] == 'Unflattened: [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0, 3.0)]'
    assert "Unflattened: {'weights': [1.0, 2.0, 3.0, 4.0], 'biases': [1.0, 2.0]}" in printed
    assert any(line.startswith("Unflattened: {'layer1': {'weights': [1.0, 2.0, 3.0, 4.0]") for line in printed)


@pytest.fixture(scope='module')
def namespace():
    scope = {'__name__': 'tutorial'}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', (SyntaxWarning, DeprecationWarning))
        code = compile(EXAMPLE.read_text(), str(EXAMPLE), 'exec')
    exec(code, scope)
    return scope


def test_unflatten_gives_back_the_nested_dicts(namespace):
    assert namespace['unflatten_func'](namespace['flat_params']) == namespace['params']


def test_custom_logsumexp_gradient_is_the_softmax_chain_rule(namespace):
    y = onp.random.randn(10)
    z = y ** 2
    expected = 2 * y * onp.exp(z) / onp.sum(onp.exp(z))
    assert onp.allclose(namespace['grad_of_example'](y), expected)


def test_check_grads_catches_a_wrong_logsumexp_rule(namespace):
    from autograd.extend import defvjp, primitive
    from autograd.test_util import check_grads
    np = namespace['np']
    wrong = primitive(namespace['logsumexp'].fun)
    defvjp(wrong, lambda ans, x: lambda g: np.full(x.shape, g) * np.exp(x))
    with pytest.raises(AssertionError, match='Reverse-mode'):
        check_grads(lambda y: wrong(y ** 2), modes=['rev'], order=2)(onp.random.randn(10))
