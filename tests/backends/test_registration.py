"""How arrays of other libraries are taken in: lazily, by their module, or by an explicit registration."""
import subprocess
import sys

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad
from autograd.numpy.backends import Adapter, register_array_type
from autograd.numpy.wrapper import adapters

from ..generated_docs import assert_current
from . import doc
from .strict_array import StrictArray


def test_import_autograd_imports_no_array_library():
    code = "import sys, autograd, autograd.numpy; print(sorted({'dask', 'cupy'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                          check=True).stdout.strip() == '[]'


def test_an_array_type_with_the_protocols_is_taken_in_on_first_sight():
    g = grad(lambda x: np.sum(np.tanh(x) ** 2))(StrictArray(onp.linspace(-1.0, 1.0, 5)))
    assert type(g) is StrictArray
    onp.testing.assert_allclose(g.get(), grad(lambda x: np.sum(np.tanh(x) ** 2))(onp.linspace(-1.0, 1.0, 5)))


def test_assignment_into_a_numpy_constant_promotes_it():
    def f(x):
        out = np.zeros(4)
        out[[0, 0, 3]] = x
        return np.sum(out * out)
    g = grad(f)(StrictArray(onp.array([1.0, 2.0, 3.0])))
    assert type(g) is StrictArray
    onp.testing.assert_allclose(g.get(), [0.0, 4.0, 6.0])


def test_explicit_registration_takes_an_adapter(monkeypatch):
    calls = []
    monkeypatch.setitem(adapters, StrictArray, adapters.get(StrictArray, Adapter()))  # restored after

    class CountingAdapter(Adapter):
        def add_at(self, target, idx, x):
            calls.append(idx)
            return super().add_at(target, idx, x)
    register_array_type(StrictArray, CountingAdapter())
    g = grad(lambda x: np.sum(x[[0, 0, 2]]))(StrictArray(onp.ones(3)))
    onp.testing.assert_allclose(g.get(), [2.0, 0.0, 1.0])
    assert calls


def test_registration_refuses_types_without_the_protocols():
    with pytest.raises(TypeError, match='__array_ufunc__ and __array_function__'):
        register_array_type(list)
    with pytest.raises(TypeError, match='declare_safe'):
        register_array_type(onp.ma.MaskedArray)


def test_committed_docs_are_current():
    # The strict run's expected failures depend on NumPy (2.5 gives complex eigenvalues for real matrices).
    assert_current('backends.md', 'NumPy', onp.__version__, doc.generate(), 'tests.backends.doc')
