"""Complete and incomplete elliptic integrals (parameter m = k**2), Jacobi's elliptic functions and
Carlson's symmetric integral R_F, from the classical formulas (DLMF 19.4, 22.13, 19.18)."""
from ...numpy import wrapper as anp
from .. import special as sp
from .common import NO_CLOSED_FORM, def_partials, def_tuple_partials

# K'(m) = (E - (1 - m) K) / (2 m (1 - m)) and E'(m) = (E - K) / (2 m); ellipkm1(p) is K(1 - p).
def_partials(sp.ellipk, lambda ans, m: (sp.ellipe(m) - (1.0 - m) * ans) / (2.0 * m * (1.0 - m)))
def_partials(sp.ellipe, lambda ans, m: (ans - sp.ellipk(m)) / (2.0 * m))
def_partials(sp.ellipkm1, lambda ans, p: -(sp.ellipe(1.0 - p) - p * ans) / (2.0 * p * (1.0 - p)))


def _delta(phi, m):
    return anp.sqrt(1.0 - m * anp.sin(phi) ** 2)


def_partials(sp.ellipkinc, lambda ans, phi, m: 1.0 / _delta(phi, m),
             lambda ans, phi, m: sp.ellipeinc(phi, m) / (2.0 * m * (1.0 - m)) - ans / (2.0 * m)
             - anp.sin(2.0 * phi) / (4.0 * (1.0 - m) * _delta(phi, m)))
def_partials(sp.ellipeinc, lambda ans, phi, m: _delta(phi, m),
             lambda ans, phi, m: (ans - sp.ellipkinc(phi, m)) / (2.0 * m))

# sn' = cn dn, cn' = -sn dn, dn' = -m sn cn, and the amplitude's derivative is dn.
def_tuple_partials(sp.ellipj, lambda ans, u, m: (ans[1] * ans[2], -ans[0] * ans[2], -m * ans[0] * ans[1], ans[2]),
                   ('m', NO_CLOSED_FORM))

# R_F(x, y, z) = int_0^inf dt / (2 sqrt((t + x)(t + y)(t + z))): d R_F / dx = -R_D(y, z, x) / 6.
def_partials(sp.elliprf, lambda ans, x, y, z: -sp.elliprd(y, z, x) / 6.0,
             lambda ans, x, y, z: -sp.elliprd(z, x, y) / 6.0,
             lambda ans, x, y, z: -sp.elliprd(x, y, z) / 6.0)
# R_C(x, y) = R_F(x, y, y).
def_partials(sp.elliprc, lambda ans, x, y: -sp.elliprd(y, y, x) / 6.0, lambda ans, x, y: -sp.elliprd(x, y, y) / 3.0)
