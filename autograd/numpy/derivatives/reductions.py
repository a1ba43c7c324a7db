"""Sums, means and extrema (NumPy's "Statistics" and "Sums, products, differences")."""
from ...engine import defjvp, defvjp
from .. import wrapper as anp
from .helpers import repeat_to_match_shape


def _sum_vjp(ans, x, axis=None, dtype=None, out=None, keepdims=False, **unused):
    return lambda g: repeat_to_match_shape(g, x, axis, keepdims)[0]


def _mean_vjp(ans, x, axis=None, dtype=None, out=None, keepdims=False, **unused):
    def vjp(g):
        spread, count = repeat_to_match_shape(g, x, axis, keepdims)
        return spread / count
    return vjp


defvjp(anp.sum, _sum_vjp)
defjvp(anp.sum, 'same')
defvjp(anp.mean, _mean_vjp)
defjvp(anp.mean, 'same')


def _extremum_mask(ans, x, axis, keepdims):
    """Where ``x`` attains its extremum along ``axis``, divided by the number of ties."""
    at_extremum = x == repeat_to_match_shape(ans, x, axis, keepdims)[0]
    ties = anp.sum(at_extremum, axis=axis, keepdims=True)
    return at_extremum / ties


def _extremum_vjp(ans, x, axis=None, out=None, keepdims=False, **unused):
    return lambda g: repeat_to_match_shape(g, x, axis, keepdims)[0] * _extremum_mask(ans, x, axis, keepdims)


def _extremum_jvp(g, ans, x, axis=None, out=None, keepdims=False, **unused):
    return anp.sum(g * _extremum_mask(ans, x, axis, keepdims), axis=axis, keepdims=keepdims)


# Ties share the gradient equally, so the rule is the derivative of the mean of the tied values.
for _fun in {anp.max, anp.min, anp.amax, anp.amin}:
    defvjp(_fun, _extremum_vjp)
    defjvp(_fun, _extremum_jvp)
