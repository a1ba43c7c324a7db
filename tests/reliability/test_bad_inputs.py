"""Every row of docs/errors.md: the bad input, the exact exception type and its message.

The simple rows are one table (``ROWS``), checked with the exact type (a subclass would fail) and a
message regex. Rows whose behaviour is more than one message (a function that raises, points without a
derivative, NaN and inf, escaped boxes, missing rules) have tests of their own below. The test ids are
the row names used in docs/errors.md.
"""
import gc
import re
import traceback
import warnings
import weakref

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import (deriv, elementwise_grad, grad, grad_and_aux, grad_named, hessian, holomorphic_grad,
                      jacobian, make_jvp, make_vjp, multigrad_dict, value_and_grad)
from autograd.engine import DeadTraceError, IndependentOutputWarning, TracedConversionError
from autograd.extend import defjvp, defvjp, getval, primitive
from autograd.numpy.numpy_boxes import ArrayBox
from autograd.numpy.subclasses import declare_safe


def f2(x, y):
    return x * y


def forgot_return(x):
    np.sin(x)


@primitive
def scale(x, factor=1.0):
    return x * factor


defvjp(scale, lambda ans, x, factor=1.0: lambda g: g * factor)
defjvp(scale, lambda g, ans, x, factor=1.0: g * factor)


@primitive
def half_ruled(x, y):
    """A primitive with a reverse rule for argument 0 only, and no forward rule at all."""
    return x * y


defvjp(half_ruled, lambda ans, x, y: lambda g: g * y)


@primitive
def ruleless(x):
    return x * 2.0


@primitive
def returns_a_set(x):
    return {1}


class UserBug(Exception):
    pass


SCALAR_OUTPUT = r'grad requires a scalar output; {} returned {}\. Use elementwise_grad for elementwise ' \
                r'functions or jacobian for the full derivative\.'
INTEGER = r"Can't differentiate with respect to an integer or boolean value \({}\): it has no derivative\. " \
          r'Pass a float instead \(3\.0 rather than 3, or x\.astype\(float\) for an array\)\.'
NOT_DIFFERENTIABLE = r"Can't differentiate with respect to a value of type {}\. Differentiable values are floats, " \
                     r'complex numbers, float/complex arrays and lists, tuples and dicts of them\.'
ARGNUM_TYPE = r'grad: argnum must be an int or a tuple of ints, got {}\. To differentiate with respect to a ' \
              r"named argument use grad_named\(fun, 'name'\)\."
ARGNUM_RANGE = r'grad: argnum={} but f2 was called with 2 positional arguments\. Pass the argument to ' \
               r'differentiate positionally, or use grad_named for keyword arguments\.'
KEYWORD = r"{}: the traced value passed as keyword argument '{}' would not be differentiated\. autograd " \
          r'differentiates positional arguments of primitives; pass it positionally\.'
CONVERSION = r'{0}\(\) of a traced value would drop it from the derivative\. Keep it an array \(use it ' \
             r'directly, or index it\), or call {0}\(\) on autograd\.tracer\.getval\(x\) if you really want a ' \
             r'constant\.'
MATRIX = r"autograd does not differentiate numpy\.matrix values: '\*' and '\*\*' are matrix products for " \
         r'them, so rules written for arrays would give wrong derivatives\. Convert with numpy\.asarray\(m\)'
MASKED = r'autograd does not differentiate masked arrays: the derivative would ignore the mask\. Apply the ' \
         r'mask first and pass a plain array'
SUBCLASS = r'autograd does not differentiate values of {}, an ndarray subclass whose operations may differ ' \
           r"from ndarray's, which the derivative rules assume\. Convert with numpy\.asarray\(x\), or declare the " \
           r'class safe with autograd\.numpy\.subclasses\.declare_safe if it keeps ndarray.s arithmetic\.$'
OBJECT_RESULT = r'autograd cannot differentiate through arrays of dtype object: a traced operation gave one, ' \
                r'so the derivative would be lost\. Convert object arrays with numpy\.asarray\(a, dtype=float\)'
NO_RULE = r"{0}-mode derivative of primitive '{3}' with respect to argument {1} is not defined\. Define " \
          r'it with autograd\.extend\.{2}\({3}, \.\.\.\), or compute that argument without ' \
          r'autograd\.numpy so it is not traced\.'

# (row name, thunk, exact exception type, message regex matched from the start of the message)
ROWS = [
    ('non-scalar-output', lambda: grad(np.sin)(onp.ones(3)), TypeError, SCALAR_OUTPUT.format('sin', r'shape \(3,\)')),
    ('container-output', lambda: grad(lambda x: [x, x])(1.0), TypeError,
     SCALAR_OUTPUT.format('<lambda>', 'a list')),
    ('non-numeric-output', lambda: grad(lambda x: 'done')(1.0), TypeError,
     r'grad needs <lambda> to return a scalar; it returned a str$'),
    ('boolean-output', lambda: grad(lambda x: np.allclose(x, 2.0 * x / 2.0))(onp.ones(3)), TypeError,
     r'grad needs <lambda> to return a floating-point value; it returned a Python bool\. Integer and boolean '
     r'results \(comparisons, np\.allclose, np\.argmax, counts\) have no derivative: return the floating-point '
     r'quantity that depends on the input\.$'),
    ('integer-output', lambda: grad(lambda x: np.sum(x > 0))(onp.ones(3)), TypeError,
     r'grad needs <lambda> to return a floating-point value; it returned values of dtype int64\.'),
    ('complex-output', lambda: grad(lambda z: z ** 2)(1.0 + 1j), TypeError,
     r'grad requires a real scalar output; <lambda> returned a complex value\. Use holomorphic_grad for a '
     r'holomorphic function, or differentiate np\.real/np\.abs of the output\.'),
    ('complex-output-value_and_grad', lambda: value_and_grad(lambda z: z * 1j)(1.0), TypeError,
     r'value_and_grad requires a real scalar output.*Use holomorphic_grad'),
    ('complex-output-elementwise_grad', lambda: elementwise_grad(lambda z: z * 1j)(onp.ones(2)), TypeError,
     r'elementwise_grad requires a real output; <lambda> returned a complex one$'),
    ('holomorphic_grad-non-scalar', lambda: holomorphic_grad(lambda z: z * onp.ones(2))(1j), TypeError,
     r'holomorphic_grad requires a scalar output; <lambda> returned shape \(2,\)'),
    ('integer-argument', lambda: grad(lambda x: x * 2.0)(3), TypeError, INTEGER.format('3')),
    ('numpy-integer-argument', lambda: grad(lambda x: x * 2.0)(onp.int64(3)), TypeError,
     INTEGER.format(r'np\.int64\(3\)')),
    ('boolean-argument', lambda: grad(lambda x: x * 2.0)(True), TypeError, INTEGER.format('True')),
    ('integer-array-argument', lambda: grad(lambda x: np.sum(x * 2.0))(onp.arange(3)), TypeError,
     INTEGER.format(r'array\(\[0, 1, 2\]\)')),
    ('boolean-array-argument', lambda: grad(lambda x: np.sum(x * 2.0))(onp.array([True])), TypeError,
     INTEGER.format(r'array\(\[ True\]\)')),
    ('integer-argument-forward', lambda: deriv(lambda x: x * 2.0)(3), TypeError, INTEGER.format('3')),
    ('integer-argument-make_vjp', lambda: make_vjp(lambda x: x * 2.0)(3), TypeError, INTEGER.format('3')),
    ('integer-inside-container', lambda: grad(lambda d: d['a'] * d['b'])({'a': 1.0, 'b': 2}), TypeError,
     INTEGER.format('2')),
    ('string-argument', lambda: grad(lambda x: 1.0)('text'), TypeError, NOT_DIFFERENTIABLE.format('str')),
    ('none-argument', lambda: grad(lambda x: 1.0)(None), TypeError, NOT_DIFFERENTIABLE.format('NoneType')),
    ('object-argument', lambda: grad(lambda x: 1.0)(object()), TypeError, NOT_DIFFERENTIABLE.format('object')),
    ('none-argument-forward', lambda: deriv(lambda x: 1.0)(None), TypeError, NOT_DIFFERENTIABLE.format('NoneType')),
    ('matrix-argument', lambda: grad(lambda m: np.sum(np.sin(m)))(onp.asmatrix(onp.eye(2))), TypeError, MATRIX),
    ('matrix-argument-forward', lambda: deriv(lambda m: np.sum(m * m))(onp.asmatrix(onp.eye(2))), TypeError,
     MATRIX),
    ('matrix-constant', lambda: grad(lambda x: np.sum(x * onp.asmatrix(onp.eye(2))))(onp.ones((2, 2))),
     TypeError, MATRIX),
    ('masked-array-argument', lambda: grad(lambda x: np.sum(x * x))(onp.ma.array([1.0, 2.0], mask=[0, 1])),
     TypeError, MASKED),
    ('masked-array-constant', lambda: grad(lambda x: np.sum(x * onp.ma.array([1.0, 2.0], mask=[0, 1])))(
        onp.ones(2)), TypeError, MASKED),
    ('ndarray-subclass-argument', lambda: grad(lambda x: np.sum(x * x))(onp.ones(2).view(onp.recarray)),
     TypeError, SUBCLASS.format(r'numpy\.rec\.recarray')),
    ('object-array-constant', lambda: grad(lambda x: np.sum(x * onp.array([1, 2], dtype=object)))(onp.ones(2)),
     TypeError, OBJECT_RESULT),
    ('object-array-constant-forward', lambda: deriv(lambda x: np.sum(onp.array([1, 2], dtype=object) * x))(1.0),
     TypeError, OBJECT_RESULT),
    ('argnum-out-of-range', lambda: grad(f2, 2)(1.0, 2.0), IndexError, ARGNUM_RANGE.format(2)),
    ('argnum-negative-out-of-range', lambda: grad(f2, -3)(1.0, 2.0), IndexError, ARGNUM_RANGE.format(-3)),
    ('argnum-passed-by-keyword', lambda: grad(f2, 1)(2.0, y=3.0), IndexError,
     r'grad: argnum=1 but f2 was called with 1 positional argument\. '),
    ('argnum-string', lambda: grad(f2, 'x'), TypeError, ARGNUM_TYPE.format("'x'")),
    ('argnum-float', lambda: grad(f2, 1.0), TypeError, ARGNUM_TYPE.format(r'1\.0')),
    ('argnum-bool', lambda: grad(f2, True), TypeError, ARGNUM_TYPE.format('True')),
    ('argnum-none', lambda: grad(f2, None), TypeError, ARGNUM_TYPE.format('None')),
    ('argnum-tuple-of-non-ints', lambda: grad(f2, (0, 'y')), TypeError,
     r"grad: argnum must be an int or a tuple of ints, got \(0, 'y'\)$"),
    ('argnum-repeated', lambda: grad(f2, (0, 0)), ValueError, r'grad: argnum \(0, 0\) names an argument twice$'),
    ('grad_named-unknown-name', lambda: grad_named(f2, 'z'), ValueError,
     r"grad_named: f2 has no argument named 'z'; its arguments are x, y$"),
    ('grad_named-missing-keyword', lambda: grad_named(lambda x, **kw: x * kw['extra'], 'extra')(1.0), TypeError,
     r"grad_named: <lambda>\(\) was called without argument 'extra'$"),
    ('returns-none', lambda: grad(forgot_return)(1.0), TypeError,
     r'grad needs forgot_return to return a scalar; it returned None \(is a return statement missing\?\)$'),
    ('returns-none-jacobian', lambda: jacobian(forgot_return)(1.0), TypeError,
     r'jacobian needs forgot_return to return an array; it returned None'),
    ('returns-none-value_and_grad', lambda: value_and_grad(forgot_return)(1.0), TypeError,
     r'value_and_grad needs forgot_return to return a scalar; it returned None'),
    ('returns-unsupported-type', lambda: grad(lambda x: returns_a_set(x))(1.0), TypeError,
     r'autograd cannot trace values of type set: it has no Box\. Register one with Box\.register\(set\) and '
     r'VSpace\.register\(set\)'),
    ('non-callable-grad', lambda: grad(3.0), TypeError, r'grad needs a function to differentiate, got 3\.0$'),
    ('non-callable-deriv', lambda: deriv('f'), TypeError, r"deriv needs a function to differentiate, got 'f'$"),
    ('non-callable-make_vjp', lambda: make_vjp(None), TypeError, r'make_vjp needs a function to differentiate'),
    ('non-callable-grad_named', lambda: grad_named(3.0, 'x'), TypeError,
     r'grad_named needs a function whose signature Python can inspect; 3\.0 has none$'),
    ('traced-keyword-argument', lambda: grad(lambda f: scale(2.0, factor=f))(3.0), TypeError,
     KEYWORD.format('scale', 'factor')),
    ('traced-keyword-argument-forward', lambda: deriv(lambda f: scale(2.0, factor=f))(3.0), TypeError,
     KEYWORD.format('scale', 'factor')),
    ('traced-keyword-argument-numpy', lambda: grad(lambda x: np.sum(np.linspace(0.0, stop=x, num=3)))(1.0),
     TypeError, KEYWORD.format('linspace', 'stop')),
    ('float-of-traced-value', lambda: grad(lambda x: float(x) * 2.0)(1.0), TracedConversionError, CONVERSION.format('float')),
    ('complex-of-traced-value', lambda: grad(lambda x: complex(x).real)(1.0), TracedConversionError,
     CONVERSION.format('complex')),
    ('math-module-on-traced-value', lambda: grad(lambda x: __import__('math').sin(x))(1.0), TracedConversionError,
     CONVERSION.format('float')),
    ('float-of-traced-value-forward', lambda: deriv(lambda x: float(x))(1.0), TracedConversionError, CONVERSION.format('float')),
    ('no-reverse-rule', lambda: grad(half_ruled, 1)(2.0, 3.0), NotImplementedError,
     NO_RULE.format('Reverse', 1, 'defvjp', 'half_ruled')),
    ('no-rule-at-all', lambda: grad(ruleless)(2.0), NotImplementedError,
     NO_RULE.format('Reverse', 0, 'defvjp', 'ruleless')),
    ('no-forward-rule', lambda: deriv(half_ruled)(2.0, 3.0), NotImplementedError,
     NO_RULE.format('Forward', 0, 'defjvp', 'half_ruled')),
    ('in-place-sort', lambda: grad(lambda x: np.sum(x.sort()))(onp.ones(3)), TypeError,
     r'x\.sort\(\) sorts in place, which a traced array cannot do; use x = np\.sort\(x\) instead$'),
    ('jacobian-container-output', lambda: jacobian(lambda x: [x, x])(onp.ones(2)), TypeError,
     r'jacobian needs an array \(or scalar\) input and output; for containers use make_vjp'),
    ('multigrad_dict-nothing-differentiable', lambda: multigrad_dict(lambda n, name: 1.0)(3, 'a'), TypeError,
     r'multigrad_dict: none of the arguments of <lambda>\(\) is differentiable'),
]


@pytest.mark.filterwarnings('ignore:the matrix subclass:PendingDeprecationWarning')
@pytest.mark.parametrize('thunk, exception, message', [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])
def test_bad_input_gets_its_documented_error(thunk, exception, message):
    with pytest.raises(Exception) as info:
        thunk()
    assert type(info.value) is exception, 'raised {!r}'.format(info.value)
    assert re.match(message, str(info.value)), str(info.value)


def test_every_row_is_documented():
    with open(__file__.replace('tests/reliability/test_bad_inputs.py', 'docs/errors.md')) as doc:
        text = doc.read()
    missing = [name for name, *_ in ROWS if '`{}`'.format(name) not in text]
    assert not missing, 'rows without a line in docs/errors.md: {}'.format(missing)


@pytest.mark.parametrize('value', [onp.array(['a']), onp.array([1.0], dtype=object)], ids=['str', 'object'])
def test_string_and_object_arrays_are_refused_for_what_they_are(value):
    with pytest.raises(TypeError) as info:
        grad(lambda x: 1.0)(value)
    assert 'integer or boolean' not in str(info.value) and str(value.dtype) in str(info.value)


def test_memmap_arguments_are_differentiated_like_arrays(tmp_path):
    x = onp.memmap(tmp_path / 'x', dtype=float, mode='w+', shape=(3,))
    x[:] = [1.0, 2.0, 3.0]
    assert onp.array_equal(grad(lambda x: np.sum(x * x))(x), [2.0, 4.0, 6.0])


def test_a_subclass_declared_safe_is_differentiated_like_arrays():
    class Harmless(onp.ndarray):
        pass
    x = onp.ones(2).view(Harmless)
    with pytest.raises(TypeError, match='declare_safe'):
        grad(lambda x: np.sum(x * x))(x)
    declare_safe(Harmless)
    assert grad(lambda x: np.sum(x * x))(x).tolist() == [2.0, 2.0]
    with pytest.raises(TypeError, match='takes an ndarray subclass'):
        declare_safe(list)


def test_integer_and_object_constants_created_inside_are_no_error():
    ints = grad(lambda x: np.sum(x * onp.arange(3)))(onp.ones(3))
    objects = grad(lambda x: np.sum(x) + len(np.array([1, 'a'], dtype=object)))(onp.ones(3))
    assert ints.tolist() == [0.0, 1.0, 2.0] and objects.tolist() == [1.0, 1.0, 1.0]


@pytest.mark.parametrize('fun', [forgot_return, lambda x: x > 0.0], ids=['returns-none', 'returns-bool'])
def test_forward_mode_names_the_output_when_the_function_returns_no_float(fun):
    with pytest.raises(TypeError, match='return'):
        deriv(fun)(1.0)


def test_numpy_integer_argnum():
    assert grad(f2, onp.int64(1))(2.0, 3.0) == 2.0


# A function that raises -------------------------------------------------------------------------------

def _trace_of(box):
    return weakref.ref(box._trace)


@pytest.mark.parametrize('operator', [grad, deriv, make_vjp, make_jvp], ids=lambda op: op.__name__)
def test_exception_in_traced_function_reaches_the_caller_unchanged(operator):
    kept = []

    def broken(x):
        y = np.sin(x) * 2.0
        kept.append(y)
        raise UserBug('user bug', 42)
    with pytest.raises(UserBug) as info:
        call = operator(broken)(1.0)
        if operator is make_jvp:
            call(1.0)
    error = info.value
    assert error.args == ('user bug', 42) and error.__cause__ is None and error.__context__ is None
    frames = traceback.extract_tb(error.__traceback__)
    assert frames[-1].name == 'broken' and frames[-1].line == "raise UserBug('user bug', 42)"
    # The failed differentiation is closed: a value kept from it is a constant now...
    assert not np.sin(kept[0])._trace.active
    # ... and nothing keeps it alive once the caller drops the exception.
    trace = _trace_of(kept[0])
    del kept[:], info, error, frames
    gc.collect()
    assert trace() is None
    assert grad(np.sin)(0.0) == 1.0 and deriv(np.sin)(0.0) == 1.0


def test_exception_in_a_derivative_rule_reaches_the_caller_unchanged():
    @primitive
    def fragile(x):
        return x * 2.0

    def vjp_that_fails(ans, x):
        def vjp(g):
            raise UserBug('rule bug')
        return vjp
    defvjp(fragile, vjp_that_fails)
    defjvp(fragile, lambda g, ans, x: 1 / 0)
    with pytest.raises(UserBug, match='rule bug') as info:
        grad(lambda x: np.sin(fragile(x)))(1.0)
    assert traceback.extract_tb(info.value.__traceback__)[-1].name == 'vjp'
    with pytest.raises(ZeroDivisionError):
        deriv(fragile)(1.0)
    assert grad(lambda x: np.sin(x) * 2.0)(0.0) == 2.0


def test_exception_caught_inside_an_enclosing_differentiation():
    def broken(y):
        np.exp(y)
        raise UserBug('inner')

    def outer(x):
        try:
            grad(broken)(x)
        except UserBug:
            pass
        return x * x
    assert grad(outer)(3.0) == 6.0
    assert deriv(outer)(3.0) == 6.0


def test_exception_during_the_backward_pass_of_make_vjp_leaves_the_vjp_usable():
    calls = []

    @primitive
    def flaky(x):
        return x * 3.0

    def vjp_maker(ans, x):
        def vjp(g):
            calls.append(g)
            if len(calls) == 1:
                raise UserBug('first call fails')
            return g * 3.0
        return vjp
    defvjp(flaky, vjp_maker)
    vjp, _ = make_vjp(lambda x: np.sin(flaky(x)))(0.0)
    with pytest.raises(UserBug):
        vjp(1.0)
    assert vjp(1.0) == 3.0


# Points where the derivative does not exist ------------------------------------------------------------

@pytest.mark.parametrize('fun, x, value', [
    (np.abs, 0.0, 0.0),
    (np.fabs, 0.0, 0.0),
    (lambda x: np.maximum(x, 0.0), 0.0, 0.5),  # relu at 0: the mean of the one-sided derivatives
    (lambda x: np.maximum(x, 1.0), 1.0, 0.5),
    (lambda x: np.minimum(x, 1.0), 1.0, 0.5),
    (lambda x: np.maximum(x, x), 1.0, 1.0),  # both halves reach x
    (lambda x: np.max(x * onp.array([1.0, 1.0, 0.5])), 2.0, 1.0),
], ids=['abs', 'fabs', 'relu', 'maximum-tie', 'minimum-tie', 'maximum-of-x-and-x', 'max-of-ties'])
def test_subgradient_at_a_kink_in_both_modes(fun, x, value):
    assert grad(fun)(x) == value
    assert deriv(fun)(x) == value


def test_abs_of_complex_zero_has_zero_gradient():
    assert grad(np.abs)(0j) == 0j
    assert make_jvp(np.abs)(0j)(1.0 + 1.0j)[1] == 0.0


def test_maximum_tie_splits_the_gradient_between_both_arguments():
    assert grad(np.maximum, (0, 1))(1.0, 1.0) == (0.5, 0.5)
    assert grad(np.minimum, (0, 1))(1.0, 1.0) == (0.5, 0.5)
    assert onp.array_equal(grad(np.max)(onp.array([1.0, 1.0, 0.0])), [0.5, 0.5, 0.0])
    assert onp.array_equal(grad(np.min)(onp.array([1.0, 1.0, 2.0])), [0.5, 0.5, 0.0])
    assert make_jvp(np.max)(onp.array([1.0, 1.0, 0.0]))(onp.array([1.0, 0.0, 0.0]))[1] == 0.5


@pytest.mark.parametrize('mode', ['rev', 'fwd'])
def test_sqrt_at_zero_is_inf_with_numpys_warning(mode):
    with pytest.warns(RuntimeWarning, match='divide by zero'):
        d = grad(np.sqrt)(0.0) if mode == 'rev' else deriv(np.sqrt)(0.0)
    assert d == onp.inf
    with pytest.warns(RuntimeWarning, match='divide by zero'):
        g = elementwise_grad(np.sqrt)(onp.array([0.0, 4.0]))
    assert onp.array_equal(g, [onp.inf, 0.25])


# NaN and inf --------------------------------------------------------------------------------------------

@pytest.mark.parametrize('fun, x, expected', [
    (np.sin, onp.nan, onp.nan),
    (np.exp, onp.inf, onp.inf),
    (np.exp, -onp.inf, 0.0),
    (np.tanh, onp.inf, 0.0),
    (np.arctan, onp.inf, 0.0),
    (lambda x: x * x, onp.inf, onp.inf),
    (lambda x: x * onp.nan, 1.0, onp.nan),
    (lambda x: np.maximum(x, onp.nan), 1.0, 0.0),  # maximum picks the NaN: x gets no gradient
    (lambda x: np.fmax(x, onp.nan), 1.0, 1.0),  # fmax ignores the NaN
], ids=['sin-nan', 'exp-inf', 'exp-minus-inf', 'tanh-inf', 'arctan-inf', 'square-inf', 'times-nan',
        'maximum-nan', 'fmax-nan'])
def test_nan_and_inf_give_numpys_value_in_both_modes(fun, x, expected):
    with warnings.catch_warnings():
        warnings.simplefilter('error')  # none of these warns in NumPy either
        assert onp.array_equal(grad(fun)(x), expected, equal_nan=True)
        assert onp.array_equal(deriv(fun)(x), expected, equal_nan=True)


@pytest.mark.parametrize('fun, x, expected, warning', [
    (np.sqrt, -1.0, onp.nan, 'invalid value'),
    (np.log, 0.0, onp.inf, 'divide by zero'),
    (np.log, -1.0, -1.0, 'invalid value'),  # log(-1) is nan, but its derivative's formula 1/x is finite
], ids=['sqrt-negative', 'log-zero', 'log-negative'])
def test_nan_and_inf_outside_the_domain_warn_like_numpy(fun, x, expected, warning):
    with pytest.warns(RuntimeWarning, match=warning):
        assert onp.array_equal(grad(fun)(x), expected, equal_nan=True)


def test_nan_stays_in_its_element():
    x = onp.array([onp.nan, 0.0, onp.inf])
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', RuntimeWarning)  # NumPy warns for sin(inf) and cos(inf)
        expected = onp.cos(x)
        assert onp.array_equal(grad(lambda x: np.sum(np.sin(x)))(x), expected, equal_nan=True)
        assert onp.array_equal(make_jvp(np.sin)(x)(onp.ones(3))[1], expected, equal_nan=True)


# Boxes that escape their differentiation ---------------------------------------------------------------

def _leak(operator):
    kept = []

    def f(x):
        kept.append(x * 2.0)
        return x * 2.0
    call = operator(f)(1.0)
    if operator is make_jvp:
        call(1.0)
    return kept[0]


@pytest.mark.parametrize('operator', [grad, make_vjp, deriv, make_jvp], ids=lambda op: op.__name__)
def test_escaped_box_used_after_its_differentiation_computes(operator):
    # Libraries keep boxes on their tapes and compute with them later, as HIPS Autograd allows.
    leaked = _leak(operator)
    for result, expected in ((np.sin(leaked), onp.sin(2.0)), (leaked + 1.0, 3.0), (1.0 - leaked, -1.0),
                             (leaked * leaked, 4.0)):
        assert isinstance(result, ArrayBox) and result._trace is leaked._trace and result._node is None
        assert getval(result) == expected
    assert float(leaked) == 2.0 and getval(np.stack([leaked, 1.0])).tolist() == [2.0, 1.0]


@pytest.mark.parametrize('operator', [grad, deriv], ids=lambda op: op.__name__)
def test_escaped_box_is_a_constant_to_a_later_differentiation(operator):
    leaked = _leak(operator)
    assert grad(lambda x: x * leaked)(3.0) == 2.0
    assert deriv(lambda x: leaked * x ** 2)(3.0) == 12.0
    assert grad(lambda x: np.sin(x) + leaked)(leaked) == onp.cos(2.0)
    with pytest.warns(IndependentOutputWarning):
        assert grad(lambda x: leaked * 5.0)(3.0) == 0.0


def test_box_escaping_an_inner_differentiation_into_the_outer_one():
    def outer(x, returned_alone=False):
        kept = []

        def inner(y):
            kept.append(y * x)
            return y * x
        grad(inner)(1.0)
        return kept[0] if returned_alone else kept[0] * x  # kept[0] is the outer differentiation's x
    assert grad(outer)(2.0) == 4.0
    assert grad(outer)(2.0, True) == 1.0
    assert deriv(outer)(2.0) == 4.0


def test_assigning_into_an_array_of_a_finished_differentiation_is_refused():
    kept = []
    grad(lambda x: kept.append(x * 2.0) or np.sum(kept[-1]))(onp.ones(3))
    with pytest.raises(DeadTraceError, match='already finished. Assign into a copy of its plain value'):
        kept[0][0] = 1.0


# Output independent of the input, and holomorphic_grad of a real input ---------------------------------

def test_output_independent_of_the_input_gives_zero_and_a_warning():
    with pytest.warns(IndependentOutputWarning, match='Output seems independent of the input'):
        assert grad(lambda x: 1.0 * (x > 0.0))(1.0) == 0.0  # a boolean output itself is refused (test_errors)
    with pytest.warns(IndependentOutputWarning):
        g = grad(lambda x: np.sum(x.astype(int)) * 1.0)(onp.ones(2, onp.float32))
    assert g.dtype == onp.float32 and not g.any()


def test_holomorphic_grad_of_a_real_input_warns():
    with pytest.warns(UserWarning, match='Input to holomorphic_grad is not complex'):
        assert holomorphic_grad(lambda z: z * z)(1.0) == 2.0


def test_reverse_rule_is_looked_up_only_by_the_backward_pass():
    vjp, ans = make_vjp(half_ruled, 1)(2.0, 3.0)  # recording needs no rule
    assert ans == 6.0
    with pytest.raises(NotImplementedError, match=NO_RULE.format('Reverse', 1, 'defvjp', 'half_ruled')):
        vjp(1.0)
    assert grad(half_ruled)(2.0, 3.0) == 3.0


def test_grad_and_aux_of_complex_output():
    with pytest.raises(TypeError, match='grad_and_aux requires a real scalar output'):
        grad_and_aux(lambda z: (z * 1j, None))(1.0)


def test_hessian_of_function_returning_none():
    with pytest.raises(TypeError, match='returned None'):
        hessian(forgot_return)(1.0)
