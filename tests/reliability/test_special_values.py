"""Every derivative rule follows NumPy's floating-point semantics at zeros, infinities and NaNs.

Where NumPy gives inf or nan (with a RuntimeWarning), a rule must too: Python arithmetic on a plain
number argument (``1.0 / 0.0``) raises instead. Each primitive with a reverse rule is called, in both
modes, on every combination of such values (Python numbers and arrays) that NumPy itself accepts.
RuntimeWarnings are expected here and silenced on purpose; a missing rule and LinAlgError (NumPy's
answer for a singular matrix) are not this test's subject.
"""
import itertools
import math
import warnings

import numpy as onp
import pytest

import autograd.numpy as anp
import autograd.scipy.special as sps
from autograd import deriv, grad
from autograd.engine import make_jvp, make_vjp, vspace
from autograd.engine.rules import primitive_vjps, vjps_by_argnum

SPECIAL = [0.0, math.inf, -math.inf, math.nan]
VALUES = [shaped for v in SPECIAL for shaped in (v, onp.full(3, v), onp.full((2, 2), v))]
# Arguments that are not such numbers: an index must be an integer, and so are the orders of yn and the
# spherical Bessel functions (SciPy 1.18 spends minutes on an infinite order).
NOT_NUMBERS = {'take', 'yn', 'spherical_jn', 'spherical_yn', 'spherical_in', 'spherical_kn'}


def _primitives(module):
    for name in sorted(dir(module)):
        fun = getattr(module, name)
        if name.startswith('_') or name in NOT_NUMBERS or not getattr(fun, '_is_autograd_primitive', False) \
                or getattr(fun, '_is_notrace', False):
            continue
        if fun in vjps_by_argnum or fun in primitive_vjps:
            yield fun


def _differentiable_argnums(fun, nargs):
    rules = vjps_by_argnum.get(fun)
    return [i for i in range(nargs) if rules is None or rules.get(i) is not None]


def _both_modes(fun, args, argnum):
    def of_one(x):
        return fun(*args[:argnum], x, *args[argnum + 1:])
    vjp, ans = make_vjp(of_one, args[argnum])
    vjp(vspace(ans).ones())
    make_jvp(of_one, args[argnum])(vspace(args[argnum]).ones())


# One case per primitive (the first name it has in its module), so that workers share the sweep.
RULED = [pytest.param(fun, id='{}.{}'.format(module.__name__, fun.__name__))
         for module in (anp, anp.linalg, anp.fft, sps) for fun in dict.fromkeys(_primitives(module))]


@pytest.mark.parametrize('fun', RULED)
def test_rules_give_numpys_inf_and_nan_instead_of_raising(fun):
    failures = {}
    nin = getattr(fun.fun, 'nin', None)
    for nargs in (nin,) if nin else (1, 2):
        # Shaped values for one or two arguments; with more, all shape pairs have been seen and the sweep
        # would take minutes (hyp2f1's four arguments).
        for args in itertools.product(VALUES if nargs <= 2 else SPECIAL, repeat=nargs):
            with warnings.catch_warnings(), onp.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                try:
                    fun(*args)
                except Exception:
                    continue  # NumPy refuses these arguments itself
                for argnum in _differentiable_argnums(fun, nargs):
                    try:
                        _both_modes(fun, args, argnum)
                    except (NotImplementedError, onp.linalg.LinAlgError):
                        pass
                    except Exception as error:
                        failures.setdefault(argnum, (args, repr(error)))
    assert not failures, failures


@pytest.mark.parametrize('zero', [0.0, 0], ids=['float', 'int'])
def test_dividing_by_a_plain_zero_gives_inf_with_numpys_warning(zero):
    with pytest.warns(RuntimeWarning, match='divide by zero'):
        g = grad(lambda x: anp.sum(x / zero))(onp.ones(2, dtype=onp.float32))
    assert g.dtype == onp.float32 and onp.isposinf(g).all()
    with pytest.warns(RuntimeWarning, match='divide by zero'):
        assert deriv(lambda x: x / zero)(1.0) == math.inf
