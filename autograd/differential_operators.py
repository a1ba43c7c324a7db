"""Differential operators: everything is built on the engine's ``make_vjp`` and ``make_jvp``.

Each operator is written for a function of one argument and lifted by ``unary_to_nary`` to take
``argnum`` (an int, or a tuple for several arguments at once).
"""
import inspect
import warnings
from functools import wraps

from . import engine
from . import numpy as np
from .builtins import pack, tuple as atuple  # noqa: F401 (HIPS Autograd's name)
from .engine import TracedConversionError, defjvp_argnum, defvjp_argnum, getval, isbox, primitive, vspace
from .wrap_util import unary_to_nary

__all__ = ['make_vjp', 'make_jvp', 'grad', 'elementwise_grad', 'deriv', 'jacobian', 'holomorphic_grad',
           'grad_named', 'multigrad', 'multigrad_dict', 'hessian', 'make_hvp', 'hessian_tensor_product',
           'hessian_vector_product', 'tensor_jacobian_product', 'vector_jacobian_product', 'make_ggnvp',
           'value_and_grad', 'grad_and_aux', 'checkpoint', 'make_jvp_reversemode']


def _traced_output(fun):
    """``fun`` with list/tuple/dict outputs holding traced values turned into one traced container."""
    def traced(x):
        try:
            return pack(fun(x))
        except ValueError as error:
            # NumPy turns the error of float(x), where a traced x is set into an element of a plain array,
            # into "setting an array element with a sequence"; ours says what to do.
            if isinstance(error.__cause__, TracedConversionError):
                raise TracedConversionError(*error.__cause__.args) from error
            raise
    return traced


def _make_vjp(fun, x):
    return engine.make_vjp(_traced_output(fun), x)


def _make_jvp(fun, x):
    return engine.make_jvp(_traced_output(fun), x)


def _make_vjp_once(fun, x):
    return engine.make_vjp_once(_traced_output(fun), x)


@unary_to_nary
def make_vjp(fun, x):
    """Return ``(vjp, fun(x))``: ``vjp(v)`` is the vector-Jacobian product of ``v`` with ``fun`` at ``x``.

    >>> vjp, y = make_vjp(np.sin)(0.0); vjp(2.0)
    2.0
    """
    return _make_vjp(fun, x)


@unary_to_nary
def make_jvp(fun, x):
    """Return ``jvp(v) -> (fun(x), J v)``: the Jacobian-vector product of ``fun`` at ``x`` (forward mode).

    >>> make_jvp(np.sin)(0.0)(2.0)
    (np.float64(0.0), np.float64(2.0))
    """
    return _make_jvp(fun, x)


@unary_to_nary
def make_jvp_reversemode(fun, x):
    """Return ``v -> J v``, the Jacobian-vector product of ``fun`` at ``x``, computed in reverse mode: the VJP
    is linear in its cotangent, so differentiating it (at zero) again in reverse mode gives the JVP.

    >>> make_jvp_reversemode(np.sin)(0.0)(2.0)
    2.0
    """
    vjp, ans = _make_vjp(fun, x)
    vjp_of_vjp, _ = _make_vjp(vjp, vspace(ans).zeros())
    return vjp_of_vjp


def _output_vspace(op_name, fun, ans, what='a scalar'):
    if ans is None:
        raise TypeError("{} needs {} to return {}; it returned None (is a return statement missing?)"
                        .format(op_name, _fun_name(fun), what))
    value = getval(ans)
    if isinstance(value, int) or getattr(getattr(value, 'dtype', None), 'kind', None) in ('b', 'i', 'u'):
        raise TypeError(
            "{} needs {} to return a floating-point value; it returned {}. Integer and boolean results "
            "(comparisons, np.allclose, np.argmax, counts) have no derivative: return the floating-point "
            "quantity that depends on the input.".format(
                op_name, _fun_name(fun), 'values of dtype {}'.format(value.dtype) if hasattr(value, 'dtype')
                else 'a Python {}'.format(type(value).__name__)))
    try:
        return vspace(ans)
    except TypeError as error:  # chained: for an array subclass, the cause says how to make it work
        raise TypeError("{} needs {} to return {}; it returned a {}".format(
            op_name, _fun_name(fun), what, type(ans).__name__)) from error


def _fun_name(fun):
    return getattr(fun, '__name__', 'the function')


def _scalar_cotangent(op_name, fun, ans, allow_complex=False):
    vs = _output_vspace(op_name, fun, ans)
    if vs.size != 1 or not hasattr(vs, 'dtype'):
        raise TypeError(
            "{} requires a scalar output; {} returned {}. Use elementwise_grad for elementwise functions "
            "or jacobian for the full derivative.".format(
                op_name, _fun_name(fun), 'shape {}'.format(vs.shape) if hasattr(vs, 'dtype')
                else 'a {}'.format(type(getval(ans)).__name__)))
    if vs.iscomplex and not allow_complex:
        raise TypeError(
            "{} requires a real scalar output; {} returned a complex value. Use holomorphic_grad for a "
            "holomorphic function, or differentiate np.real/np.abs of the output.".format(op_name, _fun_name(fun)))
    return vs.ones()


@unary_to_nary
def grad(fun, x):
    """
    Returns a function which computes the gradient of scalar-valued ``fun`` with respect to argument
    ``argnum`` (an int, or a tuple of them for a tuple of gradients). The gradient has that argument's type.

    >>> grad(np.sin)(0.0)
    1.0
    """
    vjp, ans = engine.make_vjp_once(_traced_output(fun), x)
    return vjp(_scalar_cotangent('grad', fun, ans))


@unary_to_nary
def value_and_grad(fun, x):
    """Return ``(fun(x), grad(fun)(x))`` from one evaluation.

    >>> value_and_grad(np.sin)(0.0)
    (np.float64(0.0), 1.0)
    """
    vjp, ans = _make_vjp_once(fun, x)
    return ans, vjp(_scalar_cotangent('value_and_grad', fun, ans))


@unary_to_nary
def grad_and_aux(fun, x):
    """For ``fun`` returning ``(value, aux)``: return ``(gradient of value, aux)``.

    >>> grad_and_aux(lambda x: (x ** 2, 'note'))(3.0)
    (6.0, 'note')
    """
    aux = []

    def value_only(x):
        value, extra = fun(x)
        aux.append(extra)
        return value
    vjp, ans = _make_vjp_once(value_only, x)
    return vjp(_scalar_cotangent('grad_and_aux', fun, ans)), _strip_boxes(aux[0])


def _strip_boxes(value):
    if isinstance(value, (list, tuple)) and not isbox(value):
        stripped = [_strip_boxes(v) for v in value]
        return type(value)(*stripped) if hasattr(value, '_fields') else type(value)(stripped)
    if isinstance(value, dict):
        return {k: _strip_boxes(v) for k, v in value.items()}
    return getval(value)


@unary_to_nary
def elementwise_grad(fun, x):
    """The sum of the rows of the Jacobian: for elementwise functions, the derivative at each element.

    >>> elementwise_grad(np.sin)(np.zeros(2))
    array([1., 1.])
    """
    vjp, ans = _make_vjp_once(fun, x)
    vs = _output_vspace('elementwise_grad', fun, ans, 'an array')
    if vs.iscomplex:
        raise TypeError("elementwise_grad requires a real output; {} returned a complex one"
                        .format(_fun_name(fun)))
    return vjp(vs.ones())


@unary_to_nary
def holomorphic_grad(fun, x):
    """The complex derivative f'(z) of a holomorphic scalar function.

    >>> holomorphic_grad(lambda z: z ** 2)(1j)
    2j
    """
    if not vspace(x).iscomplex:
        warnings.warn("Input to holomorphic_grad is not complex", stacklevel=3)
    vjp, ans = _make_vjp_once(fun, x)
    return vjp(_scalar_cotangent('holomorphic_grad', fun, ans, allow_complex=True))


@unary_to_nary
def deriv(fun, x):
    """The derivative of ``fun`` at ``x`` in the direction of ones (forward mode): f'(x) for scalars.

    >>> deriv(np.sin)(0.0)
    np.float64(1.0)
    """
    return engine.make_jvp(_traced_output(fun), x)(vspace(x).ones())[1]


@unary_to_nary
def jacobian(fun, x):
    """The Jacobian array, of shape ``fun(x).shape + x.shape``.

    >>> jacobian(lambda x: 2 * x)(np.ones(2))
    array([[2., 0.],
           [0., 2.]])
    """
    vjp, ans = _make_vjp(fun, x)
    ans_vs, x_vs = _output_vspace('jacobian', fun, ans, 'an array'), vspace(x)
    if not (hasattr(ans_vs, 'dtype') and hasattr(x_vs, 'dtype')):
        raise TypeError("jacobian needs an array (or scalar) input and output; for containers use make_vjp "
                        "or flatten them with autograd.misc.flatten_func")
    rows = [vjp(v) for v in ans_vs.standard_basis()]
    return np.reshape(np.stack(rows), ans_vs.shape + x_vs.shape)


@unary_to_nary
def hessian(fun, x):
    """The Hessian of scalar ``fun``: the Jacobian of its gradient, shape ``x.shape + x.shape``.

    >>> hessian(lambda x: np.sum(x ** 3))(np.ones(2))
    array([[6., 0.],
           [0., 6.]])
    """
    return jacobian(jacobian(fun))(x)


@unary_to_nary
def make_hvp(fun, x):
    """Return ``(hvp, grad(fun)(x))`` where ``hvp(v)`` is the Hessian of ``fun`` at ``x`` times ``v``.

    >>> hvp, g = make_hvp(lambda x: np.sum(x ** 3))(np.ones(2)); hvp(np.array([1.0, 0.0]))
    array([6., 0.])
    """
    return _make_vjp(grad(fun), x)


def hessian_tensor_product(fun, argnum=0):
    """``f(*args, v)`` = the Hessian of ``fun`` w.r.t. argument ``argnum``, contracted with ``v``.

    Computed forward-over-reverse: the directional derivative of the gradient along ``v``.

    >>> hessian_tensor_product(lambda x: np.sum(x ** 3))(np.ones(2), np.array([1.0, 0.0]))
    array([6., 0.])
    """
    jvp_of_grad = make_jvp(grad(fun, argnum), argnum)

    def hessian_times(*args, **kwargs):
        args, v = args[:-1], args[-1]
        return jvp_of_grad(*args, **kwargs)(v)[1]
    return hessian_times


def hessian_vector_product(fun, argnum=0):
    """``f(*args, v)`` = the Hessian of ``fun`` w.r.t. argument ``argnum`` times the vector ``v``: the
    ``hessian_tensor_product`` of a vector argument.

    >>> hessian_vector_product(lambda x: np.sum(x ** 3))(np.array([1.0, 2.0]), np.array([1.0, 1.0]))
    array([ 6., 12.])
    """
    return hessian_tensor_product(fun, argnum)


def tensor_jacobian_product(fun, argnum=0):
    """``f(*args, v)`` = ``v`` contracted with the leading axes of the Jacobian of ``fun``.

    With ``v`` shaped like ``fun``'s output this is the vector-Jacobian product (one reverse pass); a ``v``
    with fewer axes leaves the output's remaining axes in front of the argument's.

    >>> tensor_jacobian_product(lambda x: 2 * x)(np.ones(2), np.array([1.0, 3.0]))
    array([2., 6.])
    """
    def vector_times_jacobian(*args, **kwargs):
        args, v = args[:-1], args[-1]
        vjp, ans = make_vjp(fun, argnum)(*args, **kwargs)
        ans_vs = vspace(ans)
        if not hasattr(ans_vs, 'dtype') or len(ans_vs.shape) <= np.ndim(v):
            return vjp(v)
        # One reverse pass for each element e of the axes v leaves: the cotangent is v (outer) e.
        rest = vspace(getval(ans)[(0,) * np.ndim(v)])
        rows = [vjp(np.tensordot(v, e, axes=0)) for e in rest.standard_basis()]
        return np.reshape(np.stack(rows), rest.shape + np.shape(rows[0]))
    return vector_times_jacobian


def vector_jacobian_product(fun, argnum=0):
    """``f(*args, v)`` = the vector ``v`` times the Jacobian of ``fun`` w.r.t. argument ``argnum`` (the VJP):
    the ``tensor_jacobian_product`` of a vector-valued ``fun``.

    >>> vector_jacobian_product(lambda x: np.sin(x))(np.zeros(2), np.array([1.0, 3.0]))
    array([1., 3.])
    """
    return tensor_jacobian_product(fun, argnum)


def _half_squared_norm(y):
    return 0.5 * np.sum(y ** 2, axis=-1)


def make_ggnvp(f, g=_half_squared_norm, f_argnum=0):
    """The generalised Gauss-Newton product of ``g(f(x))``: ``v -> J_f^T H_g J_f v``.

    ``make_ggnvp(f, g)(x)`` returns that function of ``v``; ``g`` defaults to half the squared norm.

    >>> make_ggnvp(lambda x: 2 * x)(np.ones(2))(np.array([1.0, 0.0]))
    array([4., 0.])
    """
    @unary_to_nary
    def _make_ggnvp(f, x):
        f_vjp, f_x = _make_vjp(f, x)
        g_hvp, _ = _make_vjp(grad(g), f_x)
        f_jvp = engine.make_jvp(f, x)
        return lambda v: f_vjp(g_hvp(f_jvp(v)[1]))
    return _make_ggnvp(f, f_argnum)


def multigrad(fun, argnums=(0,)):
    """Gradients of scalar ``fun`` with respect to several positional arguments at once, as a tuple.

    >>> multigrad(lambda x, y: x * y, argnums=[0, 1])(2.0, 3.0)
    (3.0, 2.0)
    """
    return grad(fun, tuple(argnums))


def _signature(op_name, fun):
    try:
        return inspect.signature(fun)
    except (TypeError, ValueError):
        raise TypeError("{} needs a function whose signature Python can inspect; {!r} has none"
                        .format(op_name, fun)) from None


def grad_named(fun, argname):
    """The gradient of scalar ``fun`` with respect to the argument called ``argname``.

    The argument may be passed positionally or by keyword (or left at its default).

    >>> grad_named(lambda x, scale: scale * x ** 2, 'scale')(3.0, scale=2.0)
    9.0
    """
    sig = _signature('grad_named', fun)
    params = sig.parameters
    takes_var_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
    if argname not in params and not takes_var_kwargs:
        raise ValueError("grad_named: {} has no argument named {!r}; its arguments are {}".format(
            _fun_name(fun), argname, ', '.join(params) or 'none'))

    @wraps(fun)
    def gradfun(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        if argname in bound.arguments:
            x = bound.arguments[argname]
            where = bound.arguments
        else:
            extra = next((n for n, p in params.items() if p.kind is p.VAR_KEYWORD), None)
            where = bound.arguments.get(extra, {})
            if argname not in where:
                raise TypeError("grad_named: {}() was called without argument {!r}".format(
                    _fun_name(fun), argname))
            x = where[argname]

        def fun_of_arg(value):
            where[argname] = value
            return fun(*bound.args, **bound.kwargs)
        return grad(fun_of_arg)(x)
    return gradfun


def _is_differentiable(value):
    try:
        vspace(value)
    except TypeError:
        return False
    return True


def multigrad_dict(fun):
    """Gradients of scalar ``fun`` with respect to all its differentiable arguments, by name.

    Arguments that carry no derivative (integers, booleans, strings, None, ...) are left out of the dict.

    >>> multigrad_dict(lambda x, y: x * y)(2.0, 3.0)
    {'x': 3.0, 'y': 2.0}
    """
    sig = _signature('multigrad_dict', fun)

    @wraps(fun)
    def gradfun(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        names = [name for name, value in bound.arguments.items() if _is_differentiable(value)]
        if not names:
            raise TypeError("multigrad_dict: none of the arguments of {}() is differentiable (floats, "
                            "complex numbers, float arrays or containers of them)".format(_fun_name(fun)))

        def fun_of_dict(values):
            for name in names:
                bound.arguments[name] = values[name]
            return fun(*bound.args, **bound.kwargs)
        return grad(fun_of_dict)({name: bound.arguments[name] for name in names})
    return gradfun


def checkpoint(fun):
    """``fun`` as a primitive that stores only its inputs; its derivatives re-run it when needed.

    Trades compute for memory: intermediate values inside ``fun`` are not kept on the tape.

    >>> grad(checkpoint(lambda x: np.sin(x) ** 2))(0.0)
    0.0
    """
    wrapped = primitive(fun)
    defvjp_argnum(wrapped, lambda argnum, ans, args, kwargs: make_vjp(fun, argnum)(*args, **kwargs)[0])
    defjvp_argnum(wrapped, lambda argnum, g, ans, args, kwargs: make_jvp(fun, argnum)(*args, **kwargs)(g)[1])
    return wrapped
