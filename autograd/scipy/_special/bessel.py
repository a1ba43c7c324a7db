"""Bessel, Hankel, Kelvin and Struve functions, in their argument, and J and I in their order.

J_v(z) and I_v(z) are (z/2)**v / gamma(v + 1) 0F1(; v + 1; -+z**2 / 4), so their derivatives in the order
come from the hypergeometric series of ``series.py``: for real z > 0 and v + 1 away from the poles of gamma;
for J, up to z of about 17, beyond which the series cancels too much and the result is NaN. The other
families' derivatives in the order have no closed form or series here and are refused.

The exponentially scaled forms are f(z) times exp(-|Re z|), exp(-|Im z|) or exp(z): the first two are not
holomorphic and have a kink where the scaled part is 0 (subgradient there: the mean
of the one-sided derivatives, sign(0) = 0); they are differentiated for real arguments only.
"""
from ...numpy import wrapper as anp
from .. import special as sp
from .common import NO_CLOSED_FORM, def_partials, def_tuple_partials, in_last, real_only
from .series import hypergeometric_partials




def _order(fun, derivative, in_order=('v', NO_CLOSED_FORM)):
    """Rules for ``fun(v, z)`` in z, and in the order v where ``in_order`` is a partial derivative."""
    def_partials(fun, in_order, derivative)


def _in_order(sign):
    """d/dv of J_v (sign -1) or I_v (sign 1) at (v, z), whose value is ``ans``."""
    def partial(ans, v, z):
        half = 0.5 * z
        argument = sign * half ** 2
        in_parameter = hypergeometric_partials((), (v + 1.0,), argument)[0]
        return ans * (anp.log(half) - sp.digamma(v + 1.0)) + half ** v * sp.rgamma(v + 1.0) * in_parameter
    return partial


def_partials(sp.i0, lambda ans, x: sp.i1(x))
def_partials(sp.i1, lambda ans, x: 0.5 * (sp.i0(x) + sp.iv(2, x)))
def_partials(sp.i0e, real_only(sp.i0e, lambda ans, x: sp.i1e(x) - anp.sign(x) * ans))
def_partials(sp.i1e, real_only(sp.i1e, lambda ans, x: 0.5 * (sp.i0e(x) + sp.ive(2, x)) - anp.sign(x) * ans))
def_partials(sp.k0, lambda ans, x: -sp.k1(x))
def_partials(sp.k1, lambda ans, x: -sp.k0(x) - ans / x)
def_partials(sp.k0e, lambda ans, x: ans - sp.k1e(x))
def_partials(sp.k1e, lambda ans, x: ans - sp.k0e(x) - ans / x)
def_partials(sp.j0, lambda ans, x: -sp.j1(x))
def_partials(sp.j1, lambda ans, x: 0.5 * (sp.j0(x) - sp.jv(2, x)))
def_partials(sp.y0, lambda ans, x: -sp.y1(x))
def_partials(sp.y1, lambda ans, x: 0.5 * (sp.y0(x) - sp.yv(2, x)))

# f' = (f(v - 1) - f(v + 1)) / 2 for J, Y, H1, H2; (f(v - 1) + f(v + 1)) / 2 for I, and minus that for K.
# jn is jv (the same ufunc), so real orders are covered too.
_order(sp.jv, lambda ans, v, z: 0.5 * (sp.jv(v - 1, z) - sp.jv(v + 1, z)), _in_order(-1.0))
_order(sp.yv, lambda ans, v, z: 0.5 * (sp.yv(v - 1, z) - sp.yv(v + 1, z)))
_order(sp.iv, lambda ans, v, z: 0.5 * (sp.iv(v - 1, z) + sp.iv(v + 1, z)), _in_order(1.0))
_order(sp.kv, lambda ans, v, z: -0.5 * (sp.kv(v - 1, z) + sp.kv(v + 1, z)))
_order(sp.hankel1, lambda ans, v, z: 0.5 * (sp.hankel1(v - 1, z) - sp.hankel1(v + 1, z)))
_order(sp.hankel2, lambda ans, v, z: 0.5 * (sp.hankel2(v - 1, z) - sp.hankel2(v + 1, z)))
in_last(sp.yn, lambda ans, n, x: 0.5 * (sp.yn(n - 1, x) - sp.yn(n + 1, x)), 'n')
in_last(sp.kn, lambda ans, n, x: -0.5 * (sp.kn(n - 1, x) + sp.kn(n + 1, x)), 'n')
# The scalings exp(-|Im z|) (jve, yve) and exp(-|Re z|) (ive) are 1 or exp(-|x|) on the real line.
_order(sp.jve, real_only(sp.jve, lambda ans, v, z: 0.5 * (sp.jve(v - 1, z) - sp.jve(v + 1, z))),
       real_only(sp.jve, _in_order(-1.0)))
_order(sp.yve, real_only(sp.yve, lambda ans, v, z: 0.5 * (sp.yve(v - 1, z) - sp.yve(v + 1, z))))
_order(sp.ive, real_only(sp.ive, lambda ans, v, z: 0.5 * (sp.ive(v - 1, z) + sp.ive(v + 1, z))
                         - anp.sign(z) * ans), real_only(sp.ive, lambda ans, v, z: _in_order(1.0)(
                             sp.iv(v, z), v, z) * anp.exp(-anp.abs(z))))
# exp(z), exp(-iz) and exp(iz) are holomorphic, so these are too.
_order(sp.kve, lambda ans, v, z: ans - 0.5 * (sp.kve(v - 1, z) + sp.kve(v + 1, z)))
_order(sp.hankel1e, lambda ans, v, z: 0.5 * (sp.hankel1e(v - 1, z) - sp.hankel1e(v + 1, z)) - 1j * ans)
_order(sp.hankel2e, lambda ans, v, z: 0.5 * (sp.hankel2e(v - 1, z) - sp.hankel2e(v + 1, z)) + 1j * ans)

# jvp(v, z, n) is the n-th derivative of jv in z, so its own derivative is the next one.
for _fun in (sp.jvp, sp.yvp, sp.ivp, sp.kvp, sp.h1vp, sp.h2vp):
    def_partials(_fun, ('v', NO_CLOSED_FORM), lambda ans, v, z, n=1, _fun=_fun: _fun(v, z, n + 1),
                 ('n', 'the order of the derivative is an integer'))


# Spherical Bessel functions solve z**2 f'' + 2 z f' + (s z**2 - n (n + 1)) f = 0, s = 1 for j and y and
# s = -1 for the modified i and k: the derivative of f' comes from f and f'.
def _spherical(fun, sign):
    def derivative(ans, n, z, derivative=False):
        if not derivative:
            return fun(n, z, derivative=True)
        return -2.0 * ans / z - (sign - n * (n + 1.0) / z ** 2) * fun(n, z)
    def_partials(fun, ('n', 'the order is an integer'), derivative)


_spherical(sp.spherical_jn, 1.0)
_spherical(sp.spherical_yn, 1.0)
_spherical(sp.spherical_in, -1.0)
_spherical(sp.spherical_kn, -1.0)

# Kelvin functions: ber + i bei = J0(x exp(3 pi i / 4)); their second derivatives from Bessel's equation.
def_partials(sp.ber, lambda ans, x: sp.berp(x))
def_partials(sp.bei, lambda ans, x: sp.beip(x))
def_partials(sp.ker, lambda ans, x: sp.kerp(x))
def_partials(sp.kei, lambda ans, x: sp.keip(x))
def_partials(sp.berp, lambda ans, x: -sp.bei(x) - ans / x)
def_partials(sp.beip, lambda ans, x: sp.ber(x) - ans / x)
def_partials(sp.kerp, lambda ans, x: -sp.kei(x) - ans / x)
def_partials(sp.keip, lambda ans, x: sp.ker(x) - ans / x)

# Struve functions: H_v' = H_(v-1) - v H_v / x, and the same for the modified L_v.
_order(sp.struve, lambda ans, v, x: sp.struve(v - 1.0, x) - v * ans / x)
_order(sp.modstruve, lambda ans, v, x: sp.modstruve(v - 1.0, x) - v * ans / x)

# kelvin(x) = (Be, Ke, Be', Ke') with Be = ber + i bei and Ke = ker + i kei; Be'' = i Be - Be' / x, so too Ke.
def_tuple_partials(sp.kelvin, lambda ans, x: (ans[2], ans[3], 1j * ans[0] - ans[2] / x, 1j * ans[1] - ans[3] / x))
