"""trapezoid, simpson, cumulative_trapezoid, cumulative_simpson: values against SciPy's and derivatives in
every argument against finite differences (both modes, order 2), for odd and even sample counts, any axis,
1-D and n-D ``x``, real and complex ``y``."""
import numpy as onp
import pytest
import scipy.integrate

import autograd.scipy.integrate as I

from ..numpy.util import check, ids, rand

FUNCTIONS = ['trapezoid', 'simpson', 'cumulative_trapezoid', 'cumulative_simpson']
# (shape of y, axis): odd and even counts along the axis, which Simpson's rules treat differently, and
# the short cases (one or two samples) that fall back to the trapezoid.
SHAPES = [((5,), -1), ((6,), 0), ((2,), -1), ((3, 4), 0), ((4, 7), 1), ((2, 3, 6), -2)]


def sample_points(n):
    """Increasing, unequally spaced sample points."""
    return onp.cumsum(onp.random.uniform(0.5, 1.5, n))


def xs(shape, axis):
    """x given as None (dx), 1-D, and with y's full shape."""
    n = shape[axis]
    full = onp.moveaxis(onp.apply_along_axis(lambda _: sample_points(n), -1, onp.zeros(
        onp.moveaxis(onp.zeros(shape), axis, -1).shape)), -1, axis)
    return [None, sample_points(n), full]


def call(module, name, y, x, dx, axis, **kwargs):
    if x is None:
        return getattr(module, name)(y, dx=dx, axis=axis, **kwargs)
    return getattr(module, name)(y, x=x, axis=axis, **kwargs)


@pytest.mark.parametrize('dtype', [float, complex], ids=ids)
@pytest.mark.parametrize('shape, axis', SHAPES, ids=ids)
@pytest.mark.parametrize('name', FUNCTIONS)
def test_values_and_derivatives(name, shape, axis, dtype):
    y = rand(*shape, dtype=dtype)
    for x in xs(shape, axis):
        onp.testing.assert_allclose(call(I, name, y, x, 0.7, axis), call(scipy.integrate, name, y, x, 0.7, axis),
                                    rtol=1e-12, atol=1e-12)
        if x is None:
            check(lambda y, dx: call(I, name, y, None, dx, axis), y, 0.7)
        else:
            check(lambda y, x: call(I, name, y, x, None, axis), y, x)


@pytest.mark.parametrize('shape, axis', [((5,), -1), ((3, 4), 0), ((2,), 0), ((2, 3), 0)], ids=ids)
def test_cumulative_simpson_initial_and_array_dx(shape, axis):
    y = rand(*shape)
    edge = list(shape)
    edge[axis] = 1
    initial, dx = rand(*edge), onp.random.uniform(0.5, 1.5, edge)
    for kwargs in [dict(initial=1.5), dict(initial=initial), dict(initial=initial, dx=dx)]:
        onp.testing.assert_allclose(I.cumulative_simpson(y, axis=axis, **kwargs),
                                    scipy.integrate.cumulative_simpson(y, axis=axis, **kwargs), rtol=1e-12)
    check(lambda y, initial, dx: I.cumulative_simpson(y, dx=dx, axis=axis, initial=initial), y, initial, dx)


def test_cumulative_trapezoid_initial_zero():
    y = rand(4, 3)
    onp.testing.assert_allclose(I.cumulative_trapezoid(y, axis=0, initial=0),
                                scipy.integrate.cumulative_trapezoid(y, axis=0, initial=0))
    check(lambda y: I.cumulative_trapezoid(y, axis=0, initial=0), y)


@pytest.mark.parametrize('call_bad, message', [
    (lambda: I.cumulative_trapezoid(rand(4), initial=2.0), 'initial must be None or 0'),
    (lambda: I.trapezoid(rand(4), onp.arange(3.0)), 'x must have as many points as y'),
    (lambda: I.simpson(rand(4), axis=2), 'axis=2 is out of range'),
    (lambda: I.cumulative_simpson(rand(4), x=onp.array([0.0, 2.0, 1.0, 3.0])), 'strictly increasing'),
])
def test_bad_input_is_refused_by_name(call_bad, message):
    with pytest.raises(ValueError, match=message):
        call_bad()
