"""The autograd.scipy modules expose SciPy's public names and underscore names, and no helpers."""
import importlib

import pytest

# HIPS Autograd's modules that SciPy no longer has, and the coverage tool.
EXTRAS = {'autograd.scipy': {'misc', 'coverage'}, 'autograd.scipy.misc': {'logsumexp'}}


@pytest.mark.parametrize('name', ['autograd.scipy', 'autograd.scipy.special', 'autograd.scipy.signal',
                                  'autograd.scipy.integrate', 'autograd.scipy.misc', 'autograd.scipy.linalg',
                                  'autograd.scipy.stats'])
def test_only_scipy_names_are_public(name):
    module = importlib.import_module(name)
    # scipy.misc is deprecated (and empty); autograd.scipy.misc is HIPS Autograd's.
    scipy_name = name.replace('autograd.', '', 1)
    scipy_names = set() if name.endswith('misc') else set(dir(importlib.import_module(scipy_name)))
    public = {n for n in vars(module) if not n.startswith('_')}
    assert public - scipy_names - EXTRAS.get(name, set()) == set()


def test_functions_still_reach_their_helpers():
    from autograd import grad
    from autograd.scipy import integrate, signal
    import autograd.numpy as np
    assert grad(lambda a: np.sum(signal.convolve(a, np.ones(3))))(np.ones(4)).tolist() == [3.0] * 4
    assert integrate.odeint is importlib.import_module('autograd.scipy.integrate').odeint
