"""Every rule of autograd.scipy.special against finite differences, from the cases in special_cases.py."""
import numpy as onp
import pytest

import autograd.scipy.special as sp
from autograd.scipy import coverage

from ..numpy.util import check
from .special_cases import CASES

SHAPES = [(), (3,), (2, 3)]
BY_NAME = {c.name: c for c in CASES}


def draw(domain, shape, complex_):
    x = onp.random.uniform(*domain, shape)
    if complex_:
        x = x + 1j * onp.random.uniform(-0.3, 0.3, shape)
    return x if shape else x[()]


def arguments(case, shape, complex_=False):
    """The case's arguments: the first differentiated one of ``shape``, the others broadcast against it."""
    args, first = [], True
    for arg in case.args:
        if isinstance(arg, tuple):
            args.append(draw(arg, shape if first else shape[-1:], complex_))
            first = False
        else:
            args.append(arg)
    return args


def differentiated(case):
    return [i for i, arg in enumerate(case.args) if isinstance(arg, tuple)]


def test_every_ruled_function_has_a_case():
    rows = dict(coverage.classified_rows())['scipy.special']
    ruled = {name.rpartition('.')[2] for name, kind, _ in rows if kind == 'ruled'}
    assert ruled <= set(BY_NAME), 'add cases for {}'.format(sorted(ruled - set(BY_NAME)))
    assert len(BY_NAME) == len(CASES) and set(BY_NAME) <= ruled


@pytest.mark.parametrize('shape', SHAPES, ids=str)
@pytest.mark.parametrize('name', sorted(BY_NAME))
def test_rule(name, shape):
    case = BY_NAME[name]
    fun = getattr(sp, name)
    check(lambda *args: fun(*args, **case.kwargs), *arguments(case, shape), order=case.order,
          argnums=differentiated(case))


@pytest.mark.parametrize('name', sorted(c.name for c in CASES if c.complex_order))
def test_rule_complex(name):
    case = BY_NAME[name]
    fun = getattr(sp, name)
    check(lambda *args: fun(*args, **case.kwargs), *arguments(case, (2, 3), complex_=True),
          order=case.complex_order, argnums=differentiated(case))
