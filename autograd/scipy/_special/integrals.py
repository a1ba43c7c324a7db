"""Functions defined as integrals (exponential, sine and cosine integrals, Spence's function, integrals of
Bessel and Struve functions), whose derivatives are their integrands; Airy functions; Lambert's W and
Wright's omega, defined implicitly."""
from ...numpy import wrapper as anp
from .. import special as sp
from .common import def_partials, def_tuple_partials, in_last

def_partials(sp.exp1, lambda ans, x: -anp.exp(-x) / x)
def_partials(sp.expi, lambda ans, x: anp.exp(x) / x)
# E_n' = -E_(n-1); SciPy has no negative n, so at n = 0 (E_0 = exp(-x) / x) the derivative is written out.
in_last(sp.expn, lambda ans, n, x: anp.where(n == 0, -ans * (1.0 + 1.0 / x), -sp.expn(anp.maximum(n - 1, 0), x)),
        'n')
def_tuple_partials(sp.sici, lambda ans, x: (anp.sin(x) / x, anp.cos(x) / x))
def_tuple_partials(sp.shichi, lambda ans, x: (anp.sinh(x) / x, anp.cosh(x) / x))
# spence(z) = int_1^z log(t) / (1 - t) dt; at z = 1 the integrand's limit is -1.
def_partials(sp.spence, lambda ans, z: anp.where(z == 1, -1.0, anp.log(z) / anp.where(z == 1, 2.0, 1.0 - z)))

def_partials(sp.itstruve0, lambda ans, x: sp.struve(0.0, x))
def_partials(sp.it2struve0, lambda ans, x: -sp.struve(0.0, x) / x)
def_partials(sp.itmodstruve0, lambda ans, x: sp.modstruve(0.0, x))
def_tuple_partials(sp.iti0k0, lambda ans, x: (sp.i0(x), sp.k0(x)))
def_tuple_partials(sp.itj0y0, lambda ans, x: (sp.j0(x), sp.y0(x)))
def_tuple_partials(sp.it2i0k0, lambda ans, x: ((sp.i0(x) - 1.0) / x, -sp.k0(x) / x))
def_tuple_partials(sp.it2j0y0, lambda ans, x: ((1.0 - sp.j0(x)) / x, -sp.y0(x) / x))


# Ai'' = z Ai and Bi'' = z Bi (Airy's equation).
def_tuple_partials(sp.airy, lambda ans, z: (ans[1], z * ans[0], ans[3], z * ans[2]))
# itairy(x) = integrals from 0 to x of Ai(t), Bi(t), Ai(-t), Bi(-t).
def_tuple_partials(sp.itairy, lambda ans, x: (sp.airy(x)[0], sp.airy(x)[2], sp.airy(-x)[0], sp.airy(-x)[2]))

# W exp(W) = z, so W' = W / (z (1 + W)), which is 1 at z = 0 (branch k = 0). k and tol are not differentiated.
def_partials(sp.lambertw, lambda ans, z, k=0, tol=1e-8: anp.where(
    z == 0, 1.0, ans / (anp.where(z == 0, 1.0, z) * (1.0 + ans))),
    ('k', 'the branch is an integer'), ('tol', 'it is a tolerance'))
# omega + log(omega) = z.
def_partials(sp.wrightomega, lambda ans, z: ans / (1.0 + ans))
