"""One description per distribution, SciPy's methods out of it.

A distribution module states its formulas once, for the standard form (``z = (x - loc) / scale`` for
continuous ones, ``k - loc`` for discrete ones), and calls ``continuous`` or ``discrete`` with them. These
write SciPy's methods into the module with SciPy's signatures, and add what every distribution shares:
``loc`` and ``scale``, values off the support, NaN for bad parameters, the methods that follow from others
(``pdf`` from ``logpdf``, ``logcdf`` from ``cdf``, ``isf`` from ``ppf``, ...), and clear refusals for
parameters whose derivative has no closed form here.
"""
import inspect
import itertools

import numpy as _np
import scipy.stats

from ... import numpy as anp
from ...differential_operators import elementwise_grad
from ...engine import defjvp, defvjp, getval, isbox, primitive
from ...numpy.backends import scipy_on_backends
from ...numpy.derivatives.helpers import broadcast_like, unbroadcast
from ...numpy.wrapper import foreign_array, on_backend_of
from ._common import all_true as _all, log_probability, on_support

CDF_FAMILY = ('cdf', 'logcdf', 'sf', 'logsf', 'ppf', 'isf')
NUMERIC_QUANTILE = 'the quantile is found numerically, and the cdf has no derivative in it here'


def _short(namespace):
    return namespace['__name__'].rpartition('.')[2]


def _signature(first, shapes, defaults):
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    return inspect.Signature([inspect.Parameter(n, kind) for n in first + tuple(shapes)]
                             + [inspect.Parameter(n, kind, default=v) for n, v in defaults])


_MISSING = object()


def _method(namespace, name, signature, body, doc):
    """A module function ``name`` with ``signature`` (positional or keyword, SciPy's defaults) calling
    ``body`` with every argument in order. Arguments are matched by hand: ``Signature.bind`` would cost
    more than the formulas; it only words the errors."""
    where = '{}.{}'.format(_short(namespace), name)
    names = list(signature.parameters)
    defaults = [p.default for p in signature.parameters.values() if p.default is not p.empty]
    required = len(names) - len(defaults)
    index = {n: i for i, n in enumerate(names)}

    def refuse(args, kwargs):
        try:
            signature.bind(*args, **kwargs)
        except TypeError as error:
            raise TypeError('autograd.scipy.stats.{}: {}; the signature is {}{}.'
                            .format(where, error, name, signature)) from None

    def method(*args, **kwargs):
        if len(args) > len(names):
            refuse(args, kwargs)
        values = list(args) + [_MISSING] * (required - len(args)) + defaults[max(len(args) - required, 0):]
        for key, value in kwargs.items():
            i = index.get(key, len(names))
            if i < len(args):
                refuse(args, kwargs)
            values[i:i + 1] = [value]
        if len(values) > len(names) or any(v is _MISSING for v in values):
            refuse(args, kwargs)
        return body(*[anp.array(v) if isinstance(v, (list, tuple)) else v for v in values])
    method.__name__ = method.__qualname__ = name
    method.__module__ = namespace['__name__']
    method.__signature__ = signature
    method.__doc__ = doc
    namespace[name] = method


def discrete_argument(where, argname, value):
    if isbox(value):
        raise TypeError('autograd.scipy.stats.{}: {} is discrete and has no derivative; compute it without '
                        'autograd so that it is not traced.'.format(where, argname))
    return value


def _nan_unless(ok, compute):
    if _all(ok):
        return compute()
    with _np.errstate(all='ignore'):
        return anp.where(ok, compute(), _np.nan)


def _interior(lo, hi):
    """A point inside [lo, hi] away from its ends, where formulas neither warn nor lose derivatives."""
    with _np.errstate(invalid='ignore'):
        return _np.where(_np.isfinite(lo), _np.where(_np.isfinite(hi), 0.5 * (lo + hi), lo + 1.0),
                         _np.where(_np.isfinite(hi), hi - 1.0, 0.0))


def _plain(values):
    return [getval(v) for v in values]


def _fill(z, inside, fun, outside, safe):
    """``fun(z)`` where ``inside``, the plain ``outside`` elsewhere, and NaN where z is NaN (as SciPy).
    ``outside`` and ``safe`` (a point inside, see ``on_support``) are functions, called only when needed."""
    if _all(inside):
        return fun(z)
    return on_support(inside, fun, z, safe(), _np.where(_np.isnan(getval(z)), _np.nan, outside()))


def _on_backends(name, method):
    """SciPy's ``scipy.stats.<name>.<method>`` (elementwise), computing on its arguments' array library."""
    return scipy_on_backends('stats', '{}.{}'.format(name, method), getattr(getattr(scipy.stats, name), method),
                             elementwise=True)


def scipy_function(name, method, slopes):
    """``scipy.stats.<name>.<method>(first, *shapes)`` of the standard form (a cdf or ppf SciPy finds
    numerically) as a primitive whose derivative in argument i is ``slopes[i](ans, first, *shapes)``,
    written with traced functions so that it differentiates again. Shapes past ``slopes`` must not be traced.
    """
    scipy_method = _on_backends(name, method)

    @primitive
    def fun(first, *shapes):
        with _np.errstate(all='ignore'):
            return scipy_method(first, *shapes)

    def vjp(i):
        return lambda ans, *args: lambda g: unbroadcast(g * slopes[i](ans, *args), args[i])

    def jvp(i):
        return lambda g, ans, *args: broadcast_like(g * slopes[i](ans, *args), ans)

    defvjp(fun, *[vjp(i) for i in range(len(slopes))])
    defjvp(fun, *[jvp(i) for i in range(len(slopes))])
    fun.__name__ = fun.__qualname__ = '{}.{}'.format(name, method)
    return fun


def _inverse(name, method, std_logpdf, cdf_partials):
    """SciPy's standard ``ppf`` or ``isf``, differentiated as the inverse of the cdf (or sf): d x / d q is
    1 / pdf(x) (or -1 / pdf(x)), and d x / d shape = -(d cdf / d shape) / pdf(x) either way, for the shapes
    that have a partial in ``cdf_partials``."""
    sign = 1.0 if method == 'ppf' else -1.0

    def density(x, shapes):
        return anp.exp(std_logpdf(x, *shapes))

    def shape_slope(partial):
        return lambda x, q, *shapes: -partial(x, *shapes) / density(x, shapes)

    slopes = [lambda x, q, *shapes: sign / density(x, shapes)]
    slopes += [shape_slope(partial) for partial in itertools.takewhile(lambda p: p is not None, cdf_partials)]
    return scipy_function(name, method, slopes)


def _partial(cdf, index):
    """d cdf / d shape number ``index``, elementwise, by differentiating the cdf's formula (traced functions,
    so the partial differentiates again)."""
    def partial(z, *shapes):
        shape = _np.broadcast_shapes(*(anp.shape(v) for v in (z,) + shapes))
        spread = anp.broadcast_to(shapes[index], shape)  # one cdf value per shape value
        return elementwise_grad(lambda s: cdf(z, *shapes[:index], s, *shapes[index + 1:]))(spread)
    return partial


def _always_valid(*shapes):
    return True


def _constant(support):
    return support if callable(support) else (lambda *shapes: support)


def _log_of(p, complement):
    """log(p), from log1p(-complement) where p is near 1 (where its own digits are lost). A p below 0 (the
    sf of vonmises past a turn, as SciPy's) gives NaN without a warning."""
    small = getval(p) < 0.5
    with _np.errstate(invalid='ignore'):
        if _all(small):
            return log_probability(p)
        return anp.where(small, log_probability(anp.where(small, p, 0.5)),
                         anp.log1p(-anp.where(small, 0.5, complement)))


def _exp_of(log_fun):
    return lambda z, *shapes: anp.exp(log_fun(z, *shapes))


def _one_minus(fun):
    return lambda z, *shapes: 1.0 - fun(z, *shapes)


def _tails(std):
    """The standard cdf, sf and their logs, each from its formula or from the others."""
    cdf, sf, logcdf, logsf = (std.get(m) for m in ('cdf', 'sf', 'logcdf', 'logsf'))
    if cdf is None:
        cdf = _exp_of(logcdf) if logcdf else _one_minus(sf)
    if sf is None:
        sf = _exp_of(logsf) if logsf else _one_minus(cdf)
    logcdf = logcdf or (lambda z, *s: _log_of(cdf(z, *s), sf(z, *s)))
    logsf = logsf or (lambda z, *s: _log_of(sf(z, *s), cdf(z, *s)))
    return dict(cdf=cdf, sf=sf, logcdf=logcdf, logsf=logsf)


def _quantiles(name, std, cdf_partials):
    """The standard ppf and isf, each from its formula, the other's, or SciPy's inverses of the cdf and sf."""
    ppf, isf = std.get('ppf'), std.get('isf')
    if ppf is None and isf is None:
        return {m: _inverse(name, m, std['logpdf'], cdf_partials) for m in ('ppf', 'isf')}
    ppf = ppf or (lambda q, *s: isf(1.0 - q, *s))
    isf = isf or (lambda q, *s: ppf(1.0 - q, *s))
    return dict(ppf=ppf, isf=isf)


def continuous(namespace, shapes=(), support=(-_np.inf, _np.inf), closed=True, valid=_always_valid,
               refused=None, cdf_partials=None, **std):
    """Write SciPy's methods of a continuous distribution into ``namespace`` (a module's ``globals()``).

    ``std`` holds formulas of the standard form in ``z`` (or ``q``) and the shapes, written with
    ``autograd.numpy``/``autograd.scipy.special``: ``logpdf`` (required) and any of ``cdf, sf, logcdf,
    logsf, ppf, isf, entropy``. ``support(*shapes)`` gives the ends of z's support (plain values),
    ``closed=False`` says the density is 0 at the ends, ``valid(*shapes)`` where the shapes are in range.
    ``refused`` maps a shape to the reason its cdf, sf, ppf, isf and their logs have no derivative in it.
    A ppf without formula is SciPy's, differentiated as the inverse of the cdf; ``cdf_partials`` maps a
    shape to d cdf / d shape for it, and the shapes without one are refused there.
    """
    unbounded = support == (-_np.inf, _np.inf)  # then no mask of the support is needed
    name, support = _short(namespace), _constant(support)
    refusals = {m: dict(refused or {}) for m in CDF_FAMILY}
    tails = _tails(std)
    cdf_partials = dict({s: _partial(tails['cdf'], i) for i, s in enumerate(shapes) if s not in refusals['cdf']},
                        **(cdf_partials or {}))
    if 'ppf' not in std and 'isf' not in std:
        for m in ('ppf', 'isf'):
            refusals[m].update({s: NUMERIC_QUANTILE for s in shapes if s not in cdf_partials and s not in refusals[m]})
    forms = dict(tails, **_quantiles(name, std, [cdf_partials.get(s) for s in shapes]))
    loc_scale = (('loc', 0.0), ('scale', 1.0))

    def define(method, first, compute):
        def body(*args):
            lead, loc, scale = args[:len(first)], args[-2], args[-1]
            shape_values = _hold(name, method, shapes, args[len(first):-2], refusals.get(method, {}))
            plain = _plain(shape_values)
            ok = valid(*plain) & (getval(scale) > 0)
            return _nan_unless(ok, lambda: compute(*lead, shape_values, loc, scale, support(*plain)))
        _method(namespace, method, _signature(first, shapes, loc_scale), body,
                'scipy.stats.{}.{}, differentiable: see the module.'.format(name, method))

    def density(x, s, loc, scale, ends):
        z = (x - loc) / scale
        zp = getval(z)
        if unbounded:
            return std['logpdf'](z, *s) - anp.log(scale)
        inside = (zp >= ends[0]) & (zp <= ends[1]) if closed else (zp > ends[0]) & (zp < ends[1])
        log_density = _fill(z, inside, lambda z: std['logpdf'](z, *s), lambda: -_np.inf, lambda: _interior(*ends))
        return log_density - anp.log(scale)

    def tail(fun, below, above):
        def compute(x, s, loc, scale, ends):
            z = (x - loc) / scale
            if unbounded:
                return fun(z, *s)
            zp = getval(z)
            inside = (zp > ends[0]) & (zp < ends[1])
            return _fill(z, inside, lambda z: fun(z, *s), lambda: _np.where(zp <= ends[0], below, above),
                         lambda: _interior(*ends))
        return compute

    def quantile(fun, at_zero):
        def compute(q, s, loc, scale, ends):
            qp = getval(q)

            def outside():
                return _np.where(qp == 0, ends[at_zero], _np.where(qp == 1, ends[1 - at_zero], _np.nan))
            return _fill(q, (qp > 0) & (qp < 1), lambda q: fun(q, *s), outside, lambda: 0.5) * scale + loc
        return compute

    define('logpdf', ('x',), density)
    define('pdf', ('x',), lambda *args: anp.exp(density(*args)))
    for method, below, above in [('cdf', 0.0, 1.0), ('sf', 1.0, 0.0), ('logcdf', -_np.inf, 0.0),
                                 ('logsf', 0.0, -_np.inf)]:
        define(method, ('x',), tail(forms[method], below, above))
    define('ppf', ('q',), quantile(forms['ppf'], 0))
    define('isf', ('q',), quantile(forms['isf'], 1))
    if 'entropy' in std:
        # SciPy broadcasts the entropy against loc, on which it does not depend.
        define('entropy', (), lambda s, loc, scale, ends: std['entropy'](*s) + anp.log(scale) + anp.zeros_like(loc))


def _hold(name, method, shapes, values, refusals):
    """The shape values, after refusing to trace those whose derivative ``method`` does not have."""
    for shape, value in zip(shapes, values):
        if shape in refusals and isbox(value):
            raise NotImplementedError('autograd.scipy.stats.{}.{}: no derivative with respect to {} ({}); pass '
                                      'it as a plain value.'.format(name, method, shape, refusals[shape]))
    return values


def _with_shapes(k, shapes):
    """The counts ``k`` (plain numbers) on the array library of the shapes, with which they are compared."""
    return on_backend_of(foreign_array(shapes), k)


def _counts(lo, hi, shapes, *others):
    """The counts from min(lo) to max(hi) along a first axis that broadcasts against ``shapes`` and ``others``
    (plain values), on the shapes' array library."""
    k = _np.arange(float(_np.min(lo)), float(_np.max(hi)) + 1.0)
    ndim = len(_np.broadcast_shapes(*map(_np.shape, tuple(shapes) + others)))
    return _with_shapes(_np.reshape(k, (-1,) + (1,) * ndim), shapes)


def _lowest(ends):
    """The lowest count of a discrete support (a point where its formulas hold)."""
    return _np.where(_np.isfinite(ends[0]), ends[0], 0.0)


def _series_entropy(name, std_logpmf, support):
    """-sum p log p over the support, cut where SciPy leaves 1e-16 of the mass above (its terms are smaller).
    How many terms depends on the shapes' values, which are read (computed, on a lazy library)."""
    isf = _on_backends(name, 'isf')

    def entropy(*shapes):
        plain = _plain(shapes)
        lo, hi = support(*plain)
        with _np.errstate(all='ignore'):
            top = float(_np.nanmax(_np.fmin(isf(1e-16, *plain), hi)))
        k = _counts(lo, top, plain)

        def terms(k):
            # -p log p, 0 where p is 0 (poisson's mu = 0 puts all the mass at 0).
            log_p = std_logpmf(k, *shapes)
            finite = _np.isfinite(getval(log_p))
            if not _all(finite):
                log_p = anp.where(finite, log_p, 0.0)
            return -anp.exp(log_p) * log_p * finite
        return anp.sum(on_support((k >= lo) & (k <= hi), terms, k, _lowest((lo, hi)), 0.0), axis=0)
    return entropy


def _summed_cdf(std_logpmf, support):
    """The cdf as the sum of the pmf up to k, for a finite support without a closed form. How many terms depends
    on the shapes' values, which are read (computed, on a lazy library)."""
    def cdf(k, *shapes):
        plain = _plain(shapes)
        lo, hi = support(*plain)
        j = _counts(lo, hi, plain, getval(k))
        inside = (j >= lo) & (j <= _np.minimum(getval(k), hi))
        safe = _with_shapes(_np.broadcast_to(lo, _np.shape(inside)), plain)
        mass = on_support(inside, lambda j: anp.exp(std_logpmf(j, *shapes)), j, safe, 0.0)
        return anp.sum(mass, axis=0)
    return cdf


def discrete(namespace, shapes=(), support=(0.0, _np.inf), valid=_always_valid, integer_shapes=(),
             refused=None, **std):
    """Write SciPy's methods of a discrete distribution into ``namespace`` (a module's ``globals()``).

    ``std`` holds formulas of the standard form in ``k`` (an integer, ``loc`` already taken off) and the
    shapes: ``logpmf`` (required) and any of ``cdf, sf, logcdf, logsf, entropy``; without ``entropy`` it is
    summed. ``k``, ``loc`` and the ``integer_shapes`` are discrete, so tracing them is an error; ``ppf`` and
    ``isf`` are integers, constant between jumps, so they carry no derivative. Without a formula for the
    cdf or sf, the cdf sums the pmf (for finite supports). ``support``, ``valid`` and
    ``refused`` are as in ``continuous``.
    """
    name, support = _short(namespace), _constant(support)
    refusals = dict(refused or {})
    if not any(m in std for m in ('cdf', 'sf', 'logcdf', 'logsf')):
        std = dict(std, cdf=_summed_cdf(std['logpmf'], support))
    forms = _tails(std)
    entropy = std.get('entropy') or _series_entropy(name, std['logpmf'], support)

    def define(method, first, compute):
        where = name + '.' + method

        def body(*args):
            lead, loc = args[:len(first)], discrete_argument(where, 'loc', args[-1])
            if first == ('k',):
                discrete_argument(where, 'k', lead[0])
            shape_values = _hold(name, method, shapes, args[len(first):-1], refusals if method in CDF_FAMILY else {})
            for shape, value in zip(shapes, shape_values):
                if shape in integer_shapes:
                    discrete_argument(where, shape, value)
            plain = _plain(shape_values)
            return _nan_unless(valid(*plain), lambda: compute(*lead, shape_values, loc, support(*plain)))
        _method(namespace, method, _signature(first, shapes, (('loc', 0),)), body,
                'scipy.stats.{}.{}, differentiable: see the module.'.format(name, method))

    def mass(k, s, loc, ends):
        k = _np.subtract(_with_shapes(k, s), loc)
        inside = (k >= ends[0]) & (k <= ends[1]) & (_np.floor(k) == k)
        return _fill(k, inside, lambda k: std['logpmf'](k, *s), lambda: -_np.inf, lambda: _lowest(ends))

    def tail(fun, below, above):
        def compute(k, s, loc, ends):
            k = _np.floor(_np.subtract(_with_shapes(k, s), loc))
            inside = (k >= ends[0]) & (k < ends[1])
            return _fill(k, inside, lambda k: fun(k, *s), lambda: _np.where(k < ends[0], below, above),
                         lambda: _lowest(ends))
        return compute

    def quantile(method):
        scipy_method = _on_backends(name, method)
        return lambda q, s, loc, ends: scipy_method(getval(q), *_plain(s), loc=loc)

    define('logpmf', ('k',), mass)
    define('pmf', ('k',), lambda *args: anp.exp(mass(*args)))
    for method, below, above in [('cdf', 0.0, 1.0), ('sf', 1.0, 0.0), ('logcdf', -_np.inf, 0.0),
                                 ('logsf', 0.0, -_np.inf)]:
        define(method, ('k',), tail(forms[method], below, above))
    define('ppf', ('q',), quantile('ppf'))
    define('isf', ('q',), quantile('isf'))
    define('entropy', (), lambda s, loc, ends: entropy(*s) + _with_shapes(anp.zeros_like(loc), s))
