"""Elementary functions of scipy.special: trigonometry in degrees, exponentials and logarithms, Box-Cox
transforms, entropies and Huber losses."""
import math

from ...numpy import wrapper as anp
from .. import special as sp
from .common import def_partials

RAD_PER_DEG = math.pi / 180.0

def_partials(sp.cbrt, lambda ans, x: 1.0 / (3.0 * ans ** 2))
def_partials(sp.sindg, lambda ans, x: RAD_PER_DEG * sp.cosdg(x))
def_partials(sp.cosdg, lambda ans, x: -RAD_PER_DEG * sp.sindg(x))
def_partials(sp.tandg, lambda ans, x: RAD_PER_DEG * (1.0 + ans ** 2))
def_partials(sp.cotdg, lambda ans, x: -RAD_PER_DEG * (1.0 + ans ** 2))
def_partials(sp.cosm1, lambda ans, x: -anp.sin(x))
def_partials(sp.radian, lambda ans, d, m, s: RAD_PER_DEG,
             lambda ans, d, m, s: RAD_PER_DEG / 60.0,
             lambda ans, d, m, s: RAD_PER_DEG / 3600.0)
def_partials(sp.exp2, lambda ans, x: math.log(2.0) * ans)
def_partials(sp.exp10, lambda ans, x: math.log(10.0) * ans)
def_partials(sp.expm1, lambda ans, x: ans + 1.0)
def_partials(sp.log1p, lambda ans, x: 1.0 / (1.0 + x))
def_partials(sp.powm1, lambda ans, x, y: y * x ** (y - 1.0), lambda ans, x, y: (ans + 1.0) * anp.log(x))


def _exprel_derivative(ans, x):
    # (exp(x) - exprel(x)) / x cancels near 0; there its Taylor series 1/2 + x/3 + x**2/8 + x**3/30 is
    # exact to rounding (the next term, x**4/144, is below 1e-14 for |x| < 1e-3).
    small = anp.abs(x) < 1e-3
    series = 0.5 + x * (1.0 / 3.0 + x * (0.125 + x / 30.0))
    return anp.where(small, series, (anp.exp(x) - ans) / anp.where(small, 1.0, x))


def_partials(sp.exprel, _exprel_derivative)

# x log(y) and x log(1 + y) are 0 where x is 0 whatever y is, so there the derivative in y is 0 too.
def_partials(sp.xlogy, lambda ans, x, y: anp.log(y), lambda ans, x, y: x / anp.where(x == 0, 1.0, y))
def_partials(sp.xlog1py, lambda ans, x, y: anp.log1p(y), lambda ans, x, y: x / anp.where(x == 0, 1.0, 1.0 + y))
# -x log(x): the derivative is +inf at 0 and the function is -inf (so no derivative) below it.
def_partials(sp.entr, lambda ans, x: -anp.log(x) - 1.0)
def_partials(sp.rel_entr, lambda ans, x, y: anp.log(x / y) + 1.0, lambda ans, x, y: -x / y)
def_partials(sp.kl_div, lambda ans, x, y: anp.log(x / y), lambda ans, x, y: 1.0 - x / y)

# huber(delta, r): r**2 / 2 inside |r| <= delta, delta (|r| - delta / 2) outside.
def_partials(sp.huber, lambda ans, delta, r: anp.where(anp.abs(r) <= delta, 0.0, anp.abs(r) - delta),
             lambda ans, delta, r: anp.where(anp.abs(r) <= delta, r, delta * anp.sign(r)))


def _pseudo_huber_root(delta, r):
    return anp.sqrt(1.0 + (r / delta) ** 2)


def_partials(sp.pseudo_huber,
             lambda ans, delta, r: 2.0 * ans / delta - r ** 2 / (delta * _pseudo_huber_root(delta, r)),
             lambda ans, delta, r: r / _pseudo_huber_root(delta, r))


# Box-Cox: (x**l - 1) / l, and its inverse (1 + l y)**(1 / l). Their derivatives in l are differences that
# cancel as l -> 0; where t = l log(x) (or u = l y) is small they are power series instead:
#   d boxcox / dl = log(x)**2 sum_(k>=2) (k-1)/k! t**(k-2),
#   d inv_boxcox / dl = -inv_boxcox y**2 sum_(k>=2) (-1)**k (k-1)/k u**(k-2),
# whose truncations below |t|, |u| < 1e-2 are exact to rounding (also in the next two derivatives).
_BOXCOX_SERIES = [(k - 1) / math.factorial(k) for k in range(2, 10)]
_INV_BOXCOX_SERIES = [(-1) ** k * (k - 1) / k for k in range(2, 12)]
_SMALL = 1e-2


def _power_series(coefficients, t):
    total = coefficients[-1]
    for c in reversed(coefficients[:-1]):
        total = total * t + c
    return total


def _boxcox_dl(ans, x, lmbda):
    log_x = anp.log(x)
    t = lmbda * log_x
    small = anp.abs(t) < _SMALL
    safe = anp.where(small, 1.0, lmbda)
    return anp.where(small, log_x ** 2 * _power_series(_BOXCOX_SERIES, t),
                     (x ** safe * log_x - anp.where(small, 1.0, ans)) / safe)


def _inv_boxcox_dl(ans, y, lmbda):
    u = lmbda * y
    small = anp.abs(u) < _SMALL
    safe = anp.where(small, 1.0, lmbda)
    inside = 1.0 + safe * y
    return anp.where(small, -ans * y ** 2 * _power_series(_INV_BOXCOX_SERIES, u),
                     ans * (y / (safe * inside) - anp.log(inside) / safe ** 2))


def_partials(sp.boxcox, lambda ans, x, lmbda: x ** (lmbda - 1.0), _boxcox_dl)
def_partials(sp.boxcox1p, lambda ans, x, lmbda: (1.0 + x) ** (lmbda - 1.0),
             lambda ans, x, lmbda: _boxcox_dl(ans, 1.0 + x, lmbda))
def_partials(sp.inv_boxcox, lambda ans, y, lmbda: ans ** (1.0 - lmbda), _inv_boxcox_dl)
def_partials(sp.inv_boxcox1p, lambda ans, y, lmbda: (1.0 + ans) ** (1.0 - lmbda),
             lambda ans, y, lmbda: _inv_boxcox_dl(1.0 + ans, y, lmbda))
