"""The rule registry: every way of defining a primitive's derivatives, checked by finite differences."""
import numpy as onp
import pytest

import autograd.numpy as np
from autograd import deriv, grad, make_jvp
from autograd.core import primitive_vjps
from autograd.extend import (def_linear, defjvp, defjvp_argnum, defjvp_argnums, defvjp, defvjp_argnum,
                             defvjp_argnums, notrace_primitive, primitive, register_notrace, JVPNode, VJPNode)
from autograd.test_util import check_grads


def fresh(fun):
    return primitive(fun)


def test_defvjp_and_defjvp_per_argument():
    f = fresh(lambda x, y: x ** 2 * np.sin(y))
    defvjp(f, lambda ans, x, y: lambda g: g * 2 * x * np.sin(y),
           lambda ans, x, y: lambda g: g * x ** 2 * np.cos(y))
    defjvp(f, lambda g, ans, x, y: g * 2 * x * np.sin(y),
           lambda g, ans, x, y: g * x ** 2 * np.cos(y))
    check_grads(f, 0)(1.3, 0.4)
    check_grads(f, 1)(1.3, 0.4)


def test_defvjp_with_argnums_and_none_means_zero():
    f = fresh(lambda x, flag, y: x * y)
    defvjp(f, lambda ans, x, flag, y: lambda g: g * x, argnums=[2])
    defvjp(f, lambda ans, x, flag, y: lambda g: g * y, None)
    assert grad(f, 2)(2.0, 1.0, 3.0) == 2.0
    assert grad(f, 0)(2.0, 1.0, 3.0) == 3.0
    assert grad(f, 1)(2.0, 1.0, 3.0) == 0.0


def test_defvjp_argnum_and_defjvp_argnum():
    f = fresh(lambda *xs: np.prod(np.stack(xs)))
    defvjp_argnum(f, lambda argnum, ans, args, kwargs: lambda g: g * ans / args[argnum])
    defjvp_argnum(f, lambda argnum, g, ans, args, kwargs: g * ans / args[argnum])
    check_grads(f, (0, 1, 2))(1.5, 2.0, 0.7)


def test_defvjp_argnums_and_defjvp_argnums():
    f = fresh(lambda x, y: x * y)
    defvjp_argnums(f, lambda argnums, ans, args, kwargs: lambda g: [g * args[1 - i] for i in argnums])
    defjvp_argnums(f, lambda argnums, gs, ans, args, kwargs: sum(g * args[1 - i] for i, g in zip(argnums, gs)))
    check_grads(f, (0, 1))(1.5, 2.0)
    assert primitive_vjps[f] is not None


def test_defjvp_same_and_def_linear():
    double = fresh(lambda x: 2.0 * x)
    defjvp(double, 'same')
    assert deriv(double)(3.0) == 2.0
    bilinear = fresh(lambda x, y: x * y)
    def_linear(bilinear)
    assert make_jvp(bilinear, 1)(2.0, 3.0)(1.0) == (6.0, 2.0)
    with pytest.raises(NotImplementedError, match='Reverse-mode'):
        grad(bilinear)(2.0, 3.0)


def test_rules_can_be_added_later_without_losing_earlier_ones():
    f = fresh(lambda x, y: x + y)
    defvjp(f, lambda ans, x, y: lambda g: g)
    defvjp(f, lambda ans, x, y: lambda g: 2 * g, argnums=[1])
    assert grad(f, (0, 1))(1.0, 1.0) == (1.0, 2.0)


def test_non_callable_rule_is_refused():
    with pytest.raises(TypeError, match='must be callable'):
        defvjp(fresh(lambda x: x), 'nope')
    with pytest.raises(TypeError, match="callable, None or 'same'"):
        defjvp(fresh(lambda x: x), 3)


def test_notrace_primitive_gives_constants():
    rounded = notrace_primitive(onp.round)
    assert grad(lambda x: rounded(x) * x)(1.4) == 1.0


def test_register_notrace_per_mode():
    f = fresh(lambda x: x * 3.0)
    defvjp(f, lambda ans, x: lambda g: 3.0 * g)
    register_notrace(JVPNode, f)
    assert grad(f)(1.0) == 3.0
    assert deriv(lambda x: f(x) + x)(1.0) == 1.0
    g = fresh(lambda x: x * 3.0)
    register_notrace(VJPNode, g)
    assert grad(lambda x: g(x) + x)(1.0) == 1.0


def test_primitive_keeps_name_and_doc():
    def documented(x):
        """Doc."""
        return x
    p = primitive(documented)
    assert p.__name__ == 'documented' and p.__doc__ == 'Doc.' and p.fun is documented


def test_deprecated_rule_methods_of_core_primitives():
    from autograd.core import primitive as core_primitive

    x, y = onp.random.randn(2, 3), onp.random.randn(2, 3)
    by_defgrad = core_primitive(lambda x, y: x * np.sin(y))
    with pytest.warns(DeprecationWarning, match='autograd.extend.defvjp'):
        by_defgrad.defgrad(lambda ans, x, y: lambda g: g * np.sin(y))
    with pytest.warns(DeprecationWarning):
        by_defgrad.defgrad(lambda ans, x, y: lambda g: g * x * np.cos(y), argnum=1)
    check_grads(by_defgrad, (0, 1), modes=['rev'], order=1)(x, y)

    by_defvjp = core_primitive(lambda x, y: x * np.sin(y))
    seen = []

    def vjp_x(g, ans, vs, gvs, x, y):
        seen.append((vs.shape, gvs.shape))
        return g * np.sin(y)
    with pytest.warns(DeprecationWarning, match='autograd.extend.defvjp'):
        by_defvjp.defvjp(vjp_x)
        by_defvjp.defvjp(lambda g, ans, vs, gvs, x, y: g * x * np.cos(y), argnum=1)
    check_grads(by_defvjp, (0, 1), modes=['rev'], order=1)(x, y)
    assert seen[0] == ((2, 3), (2, 3))

    zero = core_primitive(lambda x, y: 0.0 * x * y)
    with pytest.warns(DeprecationWarning, match='defvjp_is_zero'):
        zero.defvjp_is_zero([0, 1])
    assert onp.all(grad(lambda x: np.sum(zero(x, y)))(x) == 0)
