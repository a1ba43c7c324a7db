"""The autograd.numpy namespace's wrappers are the objects pickle finds by name."""
import importlib
import pickle

import pytest

import autograd.numpy as np

MODULES = ['autograd.numpy', 'autograd.numpy.linalg', 'autograd.numpy.fft']


@pytest.mark.parametrize('module_name', MODULES)
def test_every_wrapped_function_pickles_by_reference(module_name):
    module = importlib.import_module(module_name)
    wrappers = [getattr(module, name) for name in dir(module)
                if getattr(getattr(module, name), '_is_autograd_primitive', False)]
    assert len(wrappers) > 10
    for wrapper in wrappers:
        assert pickle.loads(pickle.dumps(wrapper)) is wrapper


def test_a_wrapper_keeps_numpys_name():
    assert np.sin.__name__ == 'sin' and np.linalg.det.__name__ == 'det'
