"""SciPy is optional: without it autograd and autograd.numpy work, and autograd.scipy says how to get it."""
import os
import subprocess
import sys
import textwrap

import autograd

REPO = os.path.dirname(os.path.dirname(os.path.abspath(autograd.__file__)))

# Run in a fresh interpreter where importing scipy fails as if it were not installed.
WITHOUT_SCIPY = textwrap.dedent("""
    import sys

    class HideScipy:
        def find_spec(self, name, path=None, target=None):
            if name == 'scipy' or name.startswith('scipy.'):
                raise ModuleNotFoundError("No module named 'scipy'", name='scipy')
            return None

    sys.meta_path.insert(0, HideScipy())

    import autograd
    import autograd.numpy as np
    assert autograd.grad(lambda x: np.sum(np.tanh(x)))(np.zeros(2)).tolist() == [1.0, 1.0]
    assert 'scipy' not in sys.modules
    try:
        import autograd.scipy
    except ImportError as error:
        print(error)
    else:
        raise AssertionError('autograd.scipy imported without SciPy')
""")


def test_autograd_works_without_scipy_and_autograd_scipy_says_how_to_install_it():
    result = subprocess.run([sys.executable, '-c', WITHOUT_SCIPY], cwd=REPO, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert 'pip install autograd[scipy]' in result.stdout


def test_with_scipy_the_package_exposes_its_submodules():
    import scipy.stats

    import autograd.scipy
    assert autograd.scipy.misc.logsumexp is autograd.scipy.special.logsumexp
    assert autograd.scipy.stats.multivariate_normal.logpdf(0.5) == scipy.stats.multivariate_normal.logpdf(0.5)
