"""The examples run and draw their figures; the docs' code runs and their claims hold; docs/api.md is current.

Each example runs in a subprocess in quick mode (AUTOGRAD_EXAMPLES_QUICK=1) and writes its PNG into a
temporary directory (AUTOGRAD_EXAMPLES_OUTDIR), so the repository is not modified. An example whose
optional dependency (matplotlib, scikit-learn, SciPy, tqdm) is missing is skipped.
"""
import doctest
import importlib
import inspect
import io
import os
import pkgutil
import re
import subprocess
import sys
import tempfile
import textwrap
from contextlib import redirect_stdout
from pathlib import Path

import pytest

import autograd
import autograd.numpy as anp

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / 'examples'
DOCS = ROOT / 'docs'
PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'


def _number(pattern, text):
    match = re.search(pattern, text)
    assert match, 'no line matching {!r} in:\n{}'.format(pattern, text)
    return [float(g) for g in match.groups()]


def _tanh_matches_closed_forms(out):
    assert _number(r'closed forms of orders 0-3: (\S+)', out)[0] < 1e-12
    for scalar, elementwise in re.findall(r'at 0\.5: (\S+) \(elementwise_grad gives (\S+)\)', out):
        assert scalar == elementwise


def _logistic_regression_learns(out):
    start, end = _number(r'initial loss (\S+), final loss (\S+)', out)
    assert end < 0.6 * start
    assert _number(r'training accuracy: (\S+)', out)[0] > 0.8


def _digits_classified(out):
    assert _number(r'test accuracy: (\S+)', out)[0] > 0.85


def _marginal_likelihood_maximized(out):
    start, fitted = _number(r'likelihood: (\S+) at the start, (\S+) fitted', out)
    assert fitted < start - 1
    assert 0.05 < _number(r'noise std (\S+)', out)[0] < 0.4  # the data's noise is 0.15


def _oscillator_recovered(out):
    gamma, omega = _number(r'fitted gamma (\S+), omega (\S+)', out)
    assert abs(gamma - 0.25) < 0.1 and abs(omega - 2.0) < 0.05
    start, fitted = _number(r'loss (\S+) at the start, (\S+) fitted', out)
    assert fitted < start / 3


def _custom_gradient_stable(out):
    assert 'gradient at x = 1000: naive nan, custom 1.0' in out
    assert 'custom gradient is finite everywhere: True' in out
    assert _number(r"second derivative at 0 .*: (\S+)", out)[0] == 0.25
    assert 'check_grads passed' in out


def _dask_loss_falls(out):
    start, end = _number(r'loss (\S+) at the start, (\S+) at the end', out)
    assert end < 0.8 * start


def _progress_loss_falls(out):
    start, end = _number(r'loss (\S+) at the start, (\S+) at the end', out)
    assert end < 0.2 * start


# (script, the modules it needs besides autograd, a check of what it prints)
CASES = [
    ('tanh_derivatives', ['matplotlib'], _tanh_matches_closed_forms),
    ('logistic_regression', ['matplotlib'], _logistic_regression_learns),
    ('neural_net_digits', ['matplotlib', 'sklearn', 'scipy'], _digits_classified),
    ('gaussian_process', ['matplotlib', 'scipy'], _marginal_likelihood_maximized),
    ('ode_fit', ['matplotlib', 'scipy'], _oscillator_recovered),
    ('custom_primitive', ['matplotlib'], _custom_gradient_stable),
    ('progress_bar', ['matplotlib', 'tqdm'], _progress_loss_falls),
    ('dask_logistic_regression', ['matplotlib', 'tqdm', 'dask.distributed'], _dask_loss_falls),
]


@pytest.mark.parametrize('name, needs, check', CASES, ids=[c[0] for c in CASES])
def test_example_runs_in_quick_mode_and_draws_its_figure(name, needs, check, tmp_path):
    for module in needs:
        pytest.importorskip(module)
    env = dict(os.environ, AUTOGRAD_EXAMPLES_QUICK='1', AUTOGRAD_EXAMPLES_OUTDIR=str(tmp_path),
               MPLBACKEND='Agg',
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get('PYTHONPATH', ''))
    result = subprocess.run([sys.executable, str(EXAMPLES / (name + '.py'))], capture_output=True, text=True,
                            env=env, cwd=str(tmp_path), timeout=120)
    assert result.returncode == 0, result.stderr
    figure = tmp_path / (name + '.png')
    assert 'wrote {}'.format(figure) in result.stdout
    data = figure.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10000
    check(result.stdout)


def test_examples_readme_lists_every_example():
    listed = set(re.findall(r'\]\((\w+\.py)\)', (EXAMPLES / 'README.md').read_text()))
    assert listed == {p.name for p in EXAMPLES.glob('*.py')}


@pytest.mark.parametrize('page', ['tutorial.md', 'primitives.md', 'migrating.md', 'api.md',
                                  '../examples/README.md', '../README.md'])
def test_relative_links_point_to_files(page):
    path = DOCS / page
    targets = re.findall(r'\]\(([^)#:]+)(?:#[^)]*)?\)', path.read_text())
    missing = [t for t in targets if not (path.parent / t).exists()]
    assert not missing


PAGES = ['README.md', 'docs/api.md', 'docs/backends.md', 'docs/coverage.md', 'docs/errors.md', 'docs/migrating.md',
         'docs/primitives.md', 'docs/scipy_coverage.md', 'docs/tutorial.md', 'examples/README.md',
         'benchmarks/README.md']
"""Every page of documentation; a test below fails when a new page is not listed."""

SHELL_BLOCKS = {'docs/tutorial.md': 'the README\'s first command, which CI runs'}
"""Pages with ```sh blocks, and what runs those commands."""


def fenced_blocks(markdown):
    """``(language, code)`` for each fenced block of a page, in order (indented ones, inside list items,
    dedented)."""
    return [(language, textwrap.dedent(code)) for _, language, code in
            re.findall(r'^( *)```(\w*)\n(.*?)^\1```', markdown, flags=re.M | re.S)]


def _page_blocks_of(markdown, language):
    return [code for lang, code in fenced_blocks(markdown) if lang == language]


def _page_blocks(page, language):
    return _page_blocks_of((ROOT / page).read_text(), language)


def test_every_page_is_listed_and_every_block_has_a_known_language():
    found = {str(path.relative_to(ROOT)) for path in
             [ROOT / 'README.md', *DOCS.glob('*.md'), *EXAMPLES.glob('*.md'), *(ROOT / 'benchmarks').glob('*.md')]}
    assert found == set(PAGES)
    for page in PAGES:
        for language, _ in fenced_blocks((ROOT / page).read_text()):
            assert language in ('python', 'pycon') or (language == 'sh' and page in SHELL_BLOCKS), (page, language)


@pytest.mark.parametrize('page', [p for p in PAGES if _page_blocks(p, 'python')])
def test_python_blocks_run(page):
    """A page's python blocks run in order in one namespace, as a reader would paste them."""
    pytest.importorskip('scipy')  # migrating.md uses autograd.scipy
    namespace = {'__name__': 'docs_' + Path(page).stem}
    for i, code in enumerate(_page_blocks(page, 'python')):
        with redirect_stdout(io.StringIO()):
            exec(compile(code, '{} (python block {})'.format(page, i + 1), 'exec'), namespace)


def _console_sections(page):
    """``(module name, section text)`` for each ``### `module.name` `` section of a page with pycon blocks."""
    parts = re.split(r'^### `([\w.]+)`$', (ROOT / page).read_text(), flags=re.M)
    return [(qualified.rsplit('.', 1)[0], text) for qualified, text in zip(parts[1::2], parts[2::2])]


@pytest.mark.parametrize('page', [p for p in PAGES if _page_blocks(p, 'pycon')])
def test_console_blocks_print_what_they_show(page):
    """Each ``>>>`` block, run with autograd's names and those of the module its section documents."""
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    sections = _console_sections(page)
    assert sum(len(_page_blocks_of(text, 'pycon')) for _, text in sections) == len(_page_blocks(page, 'pycon'))
    for module_name, text in sections:
        scope = dict(vars(autograd))
        scope.update(vars(importlib.import_module(module_name)))
        scope['np'] = anp
        for code in _page_blocks_of(text, 'pycon'):
            runner.run(doctest.DocTestParser().get_doctest(code, scope, module_name, page, 0), out=lambda text: None)
    assert runner.failures == 0


def test_forward_mode_wherever_there_is_a_reverse_rule():
    """migrating.md's claim: every NumPy, linalg, FFT and SciPy primitive with a VJP also has a JVP."""
    pytest.importorskip('scipy')
    from autograd.engine import primitive_jvps, primitive_vjps
    import autograd.scipy.stats
    names = ['autograd.numpy', 'autograd.numpy.linalg', 'autograd.numpy.fft', 'autograd.scipy.special',
             'autograd.scipy.linalg', 'autograd.scipy.signal', 'autograd.scipy.integrate']
    names += ['autograd.scipy.stats.' + m.name for m in pkgutil.iter_modules(autograd.scipy.stats.__path__)]
    reverse_only, counted = [], 0
    for name in names:
        for attr, value in vars(importlib.import_module(name)).items():
            if callable(value) and value in primitive_vjps:
                counted += 1
                if value not in primitive_jvps:
                    reverse_only.append('{}.{}'.format(name, attr))
    assert counted > 250
    assert not reverse_only


def _api_docs():
    sys.path.insert(0, str(ROOT / 'tools'))
    try:
        return importlib.import_module('api_docs')
    finally:
        sys.path.remove(str(ROOT / 'tools'))


def test_api_md_is_current():
    printed = io.StringIO()
    with redirect_stdout(printed):
        _api_docs().main()
    assert printed.getvalue() == (DOCS / 'api.md').read_text(), \
        'docs/api.md is stale: run `python tools/api_docs.py > docs/api.md`'


def public_functions():
    api = _api_docs()
    return [(module_name, name, value) for module_name in api.MODULES
            for name, value in api.public_names(importlib.import_module(module_name))]


# Public names whose docstring has no example yet (the engine and test_util); new ones must have one.
KNOWN_WITHOUT_EXAMPLE = {
    'autograd.isinstance', 'autograd.type', 'autograd.primitive', 'autograd.extend.def_linear',
    'autograd.extend.defjvp', 'autograd.extend.defjvp_argnum', 'autograd.extend.defjvp_argnums',
    'autograd.extend.defvjp', 'autograd.extend.defvjp_argnum', 'autograd.extend.defvjp_argnums',
    'autograd.extend.defvjp_direct', 'autograd.extend.getval', 'autograd.extend.isbox',
    'autograd.extend.notrace_primitive', 'autograd.extend.primitive', 'autograd.extend.register_notrace',
    'autograd.extend.vspace', 'autograd.misc.flatten_func', 'autograd.misc.render', 'autograd.misc.to_dot',
    'autograd.misc.const_graph', 'autograd.misc.optimizers.sgd', 'autograd.misc.optimizers.rmsprop',
    'autograd.misc.optimizers.adam', 'autograd.misc.fixed_points.fixed_point', 'autograd.test_util.scalar_close',
    'autograd.test_util.make_numerical_jvp', 'autograd.test_util.check_vjp', 'autograd.test_util.check_jvp',
    'autograd.test_util.check_equivalent', 'autograd.test_util.check_grads', 'autograd.test_util.combo_check',
}
KNOWN_WITHOUT_DOCSTRING = set()


def test_public_names_have_docstrings_and_functions_have_examples():
    without_doc, without_example = set(), set()
    for module_name, name, value in public_functions():
        doc = inspect.getdoc(value) or ''
        if not doc:
            without_doc.add(module_name + '.' + name)
        if not inspect.isclass(value) and '>>>' not in doc:
            without_example.add(module_name + '.' + name)
    assert without_doc <= KNOWN_WITHOUT_DOCSTRING, sorted(without_doc - KNOWN_WITHOUT_DOCSTRING)
    assert without_example <= KNOWN_WITHOUT_EXAMPLE, sorted(without_example - KNOWN_WITHOUT_EXAMPLE)


# Examples that print a NumPy scalar where the docstring shows a Python float.
KNOWN_DOCTEST_FAILURES = set()


def _doctest_cases():
    cases = []
    for module_name, name, value in public_functions():
        qualified = module_name + '.' + name
        marks = [pytest.mark.xfail(strict=True, reason='prints a NumPy scalar')] \
            if qualified in KNOWN_DOCTEST_FAILURES else []
        cases.append(pytest.param(module_name, value, id=qualified, marks=marks))
    return cases


@pytest.mark.parametrize('module_name, value', _doctest_cases())
def test_docstring_examples_hold(module_name, value):
    scope = dict(vars(autograd))
    scope.update(vars(importlib.import_module(module_name)))
    scope['np'] = anp
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder(recurse=False).find(value, globs=scope):
        runner.run(test, out=lambda text: None)
    assert runner.failures == 0


def test_examples_write_figures_to_a_scratch_folder_unless_told(monkeypatch):
    monkeypatch.delenv('AUTOGRAD_EXAMPLES_OUTDIR', raising=False)
    spec = importlib.util.spec_from_file_location('example_setup', ROOT / 'examples' / 'example_setup.py')
    setup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(setup)
    assert Path(setup.OUT_DIR) == Path(tempfile.gettempdir()) / 'autograd-examples'
