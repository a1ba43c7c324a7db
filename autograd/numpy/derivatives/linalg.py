"""Linear algebra (``numpy.linalg``): inverses, determinants, solvers, decompositions and norms.

Every rule works on stacks of matrices (the last two axes), as NumPy does. The VJPs of functions that are
not holomorphic (those reading ``a``'s conjugate: ``pinv``, ``cholesky``, ``eigh``, ``svd``, ``qr``,
``norm``) are derived for the standard inner product ``Re(sum(conj(x) * y))`` and conjugated once at the
end (``_from_standard``), which turns them into autograd's pairing ``Re(sum(g * v))``.

Conventions where the mathematics leaves a choice:

* ``cholesky``, ``eigh``, ``eigvalsh`` and the ``hermitian=True`` variants read only one triangle of ``a``
  (and the real part of its diagonal), taking the rest to be its mirror image. Their derivatives are those
  of the Hermitian matrix they read (``hermitian_from_half``): the other triangle gets no gradient.
* Eigenvectors and singular vectors are defined up to a sign (real) or a phase (complex). Real ones get the
  exact derivative of NumPy's choice. For complex ones the derivative fixes the phase by
  ``v_i^H dv_i = 0`` (``eig``, ``eigh``) or by putting the whole phase change on ``u`` (``svd``): exact for
  functions that do not depend on the phase, e.g. ``abs(v)`` or ``u @ diag(s) @ vh``.
* Repeated eigenvalues or singular values make vectors non-differentiable; those pairs get weight zero,
  which is exact for functions of the invariant subspaces only.
* ``pinv`` and ``lstsq`` get the derivative for full-rank input (pinv is not continuous where the rank drops);
  ``det``, ``inv`` and ``solve`` need an invertible ``a``.
* ``svd(full_matrices=True)`` and ``qr(mode='complete')`` of non-square input return extra columns that
  are any orthonormal basis of a complement; their derivative is the one of the basis that moves least
  (its columns' tangents are orthogonal to it), exact for functions that do not depend on that choice.
"""
import numpy as _np

from ...builtins import make_sequence
from ...engine import defjvp, defjvp_argnums, defvjp, defvjp_argnums, getval, primitive, vspace
from .. import linalg as anp_linalg
from .. import wrapper as anp
from .helpers import is_complex, replace_zero, repeat_to_match_shape, shape_of, unbroadcast
from .matrices import H, T, column, half_gradient, hermitian_from_half, lower_half, uncolumn


def _from_standard(g_standard, x):
    """A gradient for the standard inner product, as an autograd gradient of the argument ``x``."""
    return unbroadcast(anp.conj(g_standard), x)


def _diag_part(x):
    n = min(shape_of(x)[-2:])
    return x[..., _np.arange(n), _np.arange(n)]


def _pair_inverse(d):
    """``1 / d`` off zeros, 0 at zeros: the weights ``1 / (w_j - w_i)`` with the diagonal (and ties) left out."""
    return anp.where(d == 0, 0.0, 1.0 / replace_zero(d, 1.0))


def _differences(w):
    """``d[..., i, j] = w[j] - w[i]``."""
    return w[..., None, :] - w[..., :, None]


def _result(ans, *parts):
    """A tangent with the same result type (e.g. ``EighResult``) as ``ans``."""
    return make_sequence(type(getval(ans)), *parts)


def _solve_right(x, r):
    """``x @ inv(r)``."""
    return T(anp_linalg.solve(T(r), T(x)))


# inv, det, slogdet, matrix_power: holomorphic, so plain transposes and no conjugation.

defvjp(anp_linalg.inv, lambda ans, a: lambda g: -T(ans) @ g @ T(ans))
defjvp(anp_linalg.inv, lambda g, ans, a: -ans @ g @ ans)


def _trace_of_inverse_times(a, t):
    """``trace(inv(a) @ t)`` over the stack."""
    return anp.sum(T(anp_linalg.inv(a)) * t, axis=(-2, -1))


defvjp(anp_linalg.det, lambda ans, a: lambda g: (g * ans)[..., None, None] * T(anp_linalg.inv(a)))
defjvp(anp_linalg.det, lambda g, ans, a: ans * _trace_of_inverse_times(a, g))


def _slogdet_vjp(ans, a):
    # With t = trace(inv(a) @ da): d logabsdet = Re(t) and d sign = sign * 1j * Im(t), zero for real a.
    def vjp(g):
        weight = anp.real(g[1]) + 1j * anp.imag(g[0] * ans[0]) if is_complex(a) else g[1]
        return weight[..., None, None] * T(anp_linalg.inv(a))
    return vjp


def _slogdet_jvp(g, ans, a):
    t = _trace_of_inverse_times(a, g)
    sign_tangent = ans[0] * 1j * anp.imag(t) if is_complex(a) else anp.zeros_like(ans[0])
    return _result(ans, sign_tangent, anp.real(t))


defvjp(anp_linalg.slogdet, _slogdet_vjp)
defjvp(anp_linalg.slogdet, _slogdet_jvp)


def _power_sum(a, t, n):
    """``sum(a^k @ t @ a^(n-1-k) for k < n)``, the derivative of ``a^n`` in direction ``t`` (n >= 1)."""
    total, power = t, a
    for k in range(1, n):
        total = a @ total + t @ power
        if k < n - 1:
            power = power @ a
    return total


def _matrix_power_vjp(ans, a, n):
    if n == 0:
        return lambda g: None
    if n > 0:
        return lambda g: _power_sum(T(a), g, n)
    inv_t = T(anp_linalg.inv(a))
    return lambda g: -inv_t @ _power_sum(inv_t, g, -n) @ inv_t


def _matrix_power_jvp(g, ans, a, n):
    if n == 0:
        return None
    if n > 0:
        return _power_sum(a, g, n)
    inv = anp_linalg.inv(a)
    return _power_sum(inv, -inv @ g @ inv, -n)


defvjp(anp_linalg.matrix_power, _matrix_power_vjp)
defjvp(anp_linalg.matrix_power, _matrix_power_jvp)


# solve: NumPy 2 reads b as a vector only when b is 1-D; otherwise it is a (stack of) matrix.

def _solve_vjp_a(ans, a, b):
    def vjp(g):
        g_b = anp_linalg.solve(T(a), column(g, b))
        return unbroadcast(-g_b @ T(column(ans, b)), a)
    return vjp


def _solve_vjp_b(ans, a, b):
    return lambda g: unbroadcast(uncolumn(anp_linalg.solve(T(a), column(g, b)), b), b)


defvjp(anp_linalg.solve, _solve_vjp_a, _solve_vjp_b)
defjvp(anp_linalg.solve,
       lambda g, ans, a, b: -uncolumn(anp_linalg.solve(a, g @ column(ans, b)), b),
       'same')


# pinv (full rank): d pinv = -P da P + P P^H da^H (I - a P) + (I - P a) da^H P^H P.

def _pinv_jvp(g, ans, a, rcond=None, hermitian=False, **unused):
    p, da = ans, hermitian_from_half(g) if hermitian else g
    a = hermitian_from_half(a) if hermitian else a
    da_h = H(da)
    return (-p @ da @ p + (p @ H(p)) @ (da_h - (da_h @ a) @ p)
            + (da_h - p @ (a @ da_h)) @ (H(p) @ p))


def _pinv_vjp(ans, a, rcond=None, hermitian=False, **unused):
    p, p_h = ans, H(ans)
    a_read = hermitian_from_half(a) if hermitian else a

    def vjp(g):
        g_h = anp.swapaxes(g, -1, -2)  # the conjugate transpose of the standard cotangent conj(g)
        grad = (-p_h @ anp.conj(g) @ p_h + (g_h - a_read @ (p @ g_h)) @ (p @ p_h)
                + (p_h @ p) @ (g_h - (g_h @ p) @ a_read))
        return _from_standard(half_gradient(grad) if hermitian else grad, a)
    return vjp


defvjp(anp_linalg.pinv, _pinv_vjp)
defjvp(anp_linalg.pinv, _pinv_jvp)


# cholesky: a = L L^H, so inv(L) dL = lower_half(inv(L) da inv(L)^H).

def _cholesky_factor(ans, upper):
    anp.refuse_on_backend('cholesky', ans)
    return H(ans) if upper else ans


def _cholesky_jvp(g, ans, a, upper=False):
    low = _cholesky_factor(ans, upper)
    half = anp_linalg.solve(low, hermitian_from_half(g, 'U' if upper else 'L'))
    d_low = low @ lower_half(anp_linalg.solve(low, H(half)))
    return H(d_low) if upper else d_low


def _cholesky_vjp(ans, a, upper=False):
    low = _cholesky_factor(ans, upper)
    low_h = H(low)

    def vjp(g):
        g_low = _cholesky_factor(anp.conj(g), upper)
        middle = lower_half(low_h @ g_low)
        half = anp_linalg.solve(low_h, middle)
        return _from_standard(half_gradient(H(anp_linalg.solve(low_h, H(half))), 'U' if upper else 'L'), a)
    return vjp


defvjp(anp_linalg.cholesky, _cholesky_vjp)
defjvp(anp_linalg.cholesky, _cholesky_jvp)


# eigh, eigvalsh: a = V diag(w) V^H; with X = V^H da V, dw = Re diag(X) and dV = V (F * X).

def _eigh_tangents(da, w, v, UPLO):
    x = H(v) @ hermitian_from_half(da, UPLO) @ v
    return anp.real(_diag_part(x)), v @ (_pair_inverse(_differences(w)) * x)


def _eigh_cotangent(a, w, v, g_w, g_v, UPLO):
    """Gradient of ``a`` given standard cotangents of ``w`` and ``v`` (``g_v`` None for zero)."""
    middle = (v * g_w[..., None, :]) @ H(v)
    if g_v is not None:
        middle = middle + v @ (_pair_inverse(_differences(w)) * (H(v) @ g_v)) @ H(v)
    return _from_standard(half_gradient(middle, UPLO), a)


def _eigh_vjp(ans, a, UPLO='L'):
    return lambda g: _eigh_cotangent(a, ans[0], ans[1], anp.real(g[0]), anp.conj(g[1]), UPLO)


defvjp(anp_linalg.eigh, _eigh_vjp)
defjvp(anp_linalg.eigh, lambda g, ans, a, UPLO='L': _result(ans, *_eigh_tangents(g, ans[0], ans[1], UPLO)))


def _eigvalsh_vjp(ans, a, UPLO='L'):
    v = anp_linalg.eigh(a, UPLO)[1]
    return lambda g: _eigh_cotangent(a, ans, v, anp.real(g), None, UPLO)


defvjp(anp_linalg.eigvalsh, _eigvalsh_vjp)
defjvp(anp_linalg.eigvalsh,
       lambda g, ans, a, UPLO='L': _eigh_tangents(g, ans, anp_linalg.eigh(a, UPLO)[1], UPLO)[0])


# eig, eigvals: a = V diag(w) inv(V); with X = inv(V) da V, dw = diag(X) and dV = V (F * X) minus the part
# along each v_i that would change its unit norm (and phase).

def _eig_tangents(da, w, v):
    x = anp_linalg.solve(v, da @ v)
    dv = v @ (_pair_inverse(_differences(w)) * x)
    dv = dv - v * anp.sum(anp.conj(v) * dv, axis=-2, keepdims=True)
    if not is_complex(w):  # real a with real eigenvalues: NumPy returns real arrays
        return anp.real(_diag_part(x)), anp.real(dv)
    return _diag_part(x), dv


def _eig_cotangent(a, w, v, g_w, g_v):
    """Gradient of ``a`` given standard cotangents of ``w`` and ``v`` (``g_v`` None for zero)."""
    v_h = H(v)
    middle = g_w[..., :, None] * v_h
    if g_v is not None:
        g_v = g_v - v * anp.sum(anp.conj(v) * g_v, axis=-2, keepdims=True)
        middle = middle + (anp.conj(_pair_inverse(_differences(w))) * (v_h @ g_v)) @ v_h
    return _from_standard(anp_linalg.solve(v_h, middle), a)


def _eig_vjp(ans, a):
    return lambda g: _eig_cotangent(a, ans[0], ans[1], anp.conj(g[0]), anp.conj(g[1]))


def _eigvals_vjp(ans, a):
    v = anp_linalg.eig(a)[1]
    return lambda g: _eig_cotangent(a, ans, v, anp.conj(g), None)


defvjp(anp_linalg.eig, _eig_vjp)
defjvp(anp_linalg.eig, lambda g, ans, a: _result(ans, *_eig_tangents(g, ans[0], ans[1])))
defvjp(anp_linalg.eigvals, _eigvals_vjp)
defjvp(anp_linalg.eigvals, lambda g, ans, a: _eig_tangents(g, ans, anp_linalg.eig(a)[1])[0])


# svd: a = U diag(s) Vh (reduced, k = min(m, n)); with dP = U^H da V, ds = Re diag(dP) and
# U^H dU = E * (dP S + S dP^H) (+ the phase term), V^H dV = E * (S dP + dP^H S), E_ij = 1 / (s_j^2 - s_i^2).

def _svd_tangents(da, u, s, vh):
    """Tangents of the reduced factors ``(u, s, vh)``."""
    v = H(vh)
    dp = H(u) @ da @ v
    e = _pair_inverse(_differences(s * s))
    s_row, s_col = s[..., None, :], s[..., :, None]
    du = u @ (e * (dp * s_row + s_col * H(dp))) + (da @ v - u @ dp) / s_row
    dv = v @ (e * (s_col * dp + H(dp) * s_row)) + (H(da) @ u - v @ H(dp)) / s_row
    if is_complex(dp):
        du = du + u * (1j * anp.imag(_diag_part(dp)) / s)[..., None, :]
    return du, anp.real(_diag_part(dp)), H(dv)


def _svd_standard_cotangent(u, s, vh, g_u, g_s, g_vh):
    """Standard gradient of ``a`` from standard cotangents of the reduced factors (None for zero)."""
    s_row = s[..., None, :]
    diagonal = g_s
    grad = 0.0
    if g_u is not None or g_vh is not None:
        e = _pair_inverse(_differences(s * s))
    if g_u is not None:
        j_u = H(u) @ g_u
        k_u = e * j_u
        grad = grad + (u @ ((k_u + H(k_u)) * s_row) + (g_u - u @ j_u) / s_row) @ vh
        if is_complex(j_u):
            diagonal = diagonal + 1j * anp.imag(_diag_part(j_u)) / s
    if g_vh is not None:
        j_v = vh @ H(g_vh)
        k_v = e * j_v
        grad = grad + u @ ((s[..., :, None] * (k_v + H(k_v))) @ vh + (g_vh - H(j_v) @ vh) / s[..., :, None])
    return grad + (u * diagonal[..., None, :]) @ vh


def _svd_jvp(g, ans, a, full_matrices=True, compute_uv=True, hermitian=False):
    da = hermitian_from_half(g) if hermitian else g
    if not compute_uv:
        u, s, vh = anp_linalg.svd(a, full_matrices=False, hermitian=hermitian)
        return anp.real(anp.sum(anp.conj(u) * (da @ H(vh)), axis=-2))
    u, s, vh = ans
    k = shape_of(s)[-1]
    u_k, vh_k = u[..., :k], vh[..., :k, :]
    du, ds, dvh = _svd_tangents(da, u_k, s, vh_k)
    if shape_of(u)[-1] > k:
        rest = u[..., k:]
        du = anp.concatenate([du, -u_k @ H((H(rest) @ da @ H(vh_k)) / s[..., None, :])], axis=-1)
    if shape_of(vh)[-2] > k:
        rest = vh[..., k:, :]
        dvh = anp.concatenate([dvh, -(rest @ H(da) @ u_k / s[..., None, :]) @ vh_k], axis=-2)
    return _result(ans, du, ds, dvh)


def _svd_vjp(ans, a, full_matrices=True, compute_uv=True, hermitian=False):
    if not compute_uv:
        u, s, vh = anp_linalg.svd(a, full_matrices=False, hermitian=hermitian)
        return lambda g: _svd_finish(_svd_standard_cotangent(u, s, vh, None, anp.real(g), None), a, hermitian)
    u, s, vh = ans
    k = shape_of(s)[-1]
    u_k, vh_k = u[..., :k], vh[..., :k, :]

    def vjp(g):
        g_u, g_vh = anp.conj(g[0]), anp.conj(g[2])
        grad = _svd_standard_cotangent(u_k, s, vh_k, g_u[..., :k], anp.real(g[1]), g_vh[..., :k, :])
        if shape_of(u)[-1] > k:
            rest = u[..., k:]
            grad = grad - ((rest @ H(g_u[..., k:]) @ u_k) / s[..., None, :]) @ vh_k
        if shape_of(vh)[-2] > k:
            rest = vh[..., k:, :]
            grad = grad - (u_k / s[..., None, :]) @ (vh_k @ H(g_vh[..., k:, :])) @ rest
        return _svd_finish(grad, a, hermitian)
    return vjp


def _svd_finish(grad, a, hermitian):
    return _from_standard(half_gradient(grad) if hermitian else grad, a)


defvjp(anp_linalg.svd, _svd_vjp)
defjvp(anp_linalg.svd, _svd_jvp)


def _svdvals_vjp(ans, x):
    u, s, vh = anp_linalg.svd(x, full_matrices=False)
    return lambda g: _from_standard(_svd_standard_cotangent(u, s, vh, None, anp.real(g), None), x)


def _svdvals_jvp(g, ans, x):
    return _svd_jvp(g, ans, x, compute_uv=False)


defvjp(anp_linalg.svdvals, _svdvals_vjp)
defjvp(anp_linalg.svdvals, _svdvals_jvp)


# qr: a = Q R; with C = Q^H da inv(R), dR = B R and dQ = da inv(R) - Q B, where
# B = C - lower_half(C) + lower_half(C)^H keeps R upper triangular with a real diagonal and Q orthonormal.
# A wide a = [a1 a2] factors through its square block: R = [R1 Q^H a2].

def _qr_tangents(da, q, r):
    y = _solve_right(da, r)
    c = H(q) @ y
    low = lower_half(c)
    b = c - low + H(low)
    return y - q @ b, b @ r


def _qr_standard_cotangent(q, r, g_q, g_r):
    g_b = g_r @ H(r) if g_q is None else g_r @ H(r) - H(q) @ g_q
    low = lower_half(H(g_b))
    grad = q @ (low + H(low))
    return _solve_right(grad if g_q is None else g_q + grad, H(r))


def _qr_factors(ans, a, mode):
    if mode == 'raw':
        raise NotImplementedError("autograd cannot differentiate numpy.linalg.qr(mode='raw'), whose results "
                                  "are LAPACK's Householder reflectors; use mode='reduced' or 'complete'.")
    if mode == 'r':
        return anp_linalg.qr(a)[0], ans
    return ans[0], ans[1]


def _qr_jvp(g, ans, a, mode='reduced'):
    q, r = _qr_factors(ans, a, mode)
    m, n = shape_of(a)[-2:]
    k = min(m, n)
    q_k, r_k = q[..., :k], r[..., :k, :k]
    dq, dr = _qr_tangents(g[..., :k], q_k, r_k)
    if n > k:
        dr = anp.concatenate([dr, H(dq) @ a[..., k:] + H(q_k) @ g[..., k:]], axis=-1)
    if mode == 'r':
        return dr
    if shape_of(q)[-1] > k:
        complement = -q_k @ anp_linalg.solve(H(r_k), H(g) @ q[..., k:])
        dq = anp.concatenate([dq, complement], axis=-1)
        dr = anp.concatenate([dr, anp.zeros_like(r[..., k:, :])], axis=-2)
    return _result(ans, dq, dr)


def _qr_vjp(ans, a, mode='reduced'):
    q, r = _qr_factors(ans, a, mode)
    m, n = shape_of(a)[-2:]
    k = min(m, n)
    q_k, r_k = q[..., :k], r[..., :k, :k]

    def vjp(g):
        g_q, g_r = (None, anp.conj(g)) if mode == 'r' else (anp.conj(g[0]), anp.conj(g[1]))
        g_q_k = None if g_q is None else g_q[..., :k]
        if n > k:
            g_r_rest = g_r[..., :k, k:]
            g_from_rest = a[..., k:] @ H(g_r_rest)
            g_q_k = g_from_rest if g_q_k is None else g_q_k + g_from_rest
        grad = _qr_standard_cotangent(q_k, r_k, g_q_k, g_r[..., :k, :k])
        if g_q is not None and shape_of(q)[-1] > k:
            rest = q[..., k:]
            grad = grad - _solve_right(rest @ H(g_q[..., k:]) @ q_k, H(r_k))
        if n > k:
            grad = anp.concatenate([grad, q_k @ g_r_rest], axis=-1)
        return _from_standard(grad, a)
    return vjp


defvjp(anp_linalg.qr, _qr_vjp)
defjvp(anp_linalg.qr, _qr_jvp)


# norm, vector_norm, matrix_norm: a norm is real, so d norm = Re(sum(W * dx)) over the reduced axes for a
# weight W shaped like x. The VJP spreads g over x times W; the JVP sums W * dx. At kinks (zero entries,
# ties between extremal entries) W is a subgradient: zero entries get weight 0, ties share equally.

def _unit(x):
    return anp.conj(x) / replace_zero(anp.abs(x), 1.0)


def _at_extremum(values, extremum, axes):
    hit = values == extremum
    return hit / anp.sum(hit, axis=axes, keepdims=True)


def _vector_norm_weight(x, norm, ord, axes):
    if ord == 0:
        return None
    if ord in (_np.inf, -_np.inf):
        return _unit(x) * _at_extremum(anp.abs(x), norm, axes)
    p = 2 if ord is None else ord
    if p == 2:
        return anp.conj(x) / replace_zero(norm, 1.0)
    return _unit(x) * (replace_zero(anp.abs(x), 1.0) / replace_zero(norm, 1.0)) ** (p - 1)


def _matrix_norm_weight(x, norm, ord, axes):
    if ord in (None, 'fro'):
        return anp.conj(x) / replace_zero(norm, 1.0)
    if ord in ('nuc', 2, -2):
        u, s, vh = anp_linalg.svd(anp.moveaxis(x, axes, (-2, -1)), full_matrices=False)
        if ord != 'nuc':
            kept = slice(0, 1) if ord == 2 else slice(-1, None)
            u, vh = u[..., kept], vh[..., kept, :]
        return anp.moveaxis(anp.conj(u @ vh), (-2, -1), axes)
    summed, compared = axes if ord in (1, -1) else axes[::-1]
    sums = anp.sum(anp.abs(x), axis=summed, keepdims=True)
    return _unit(x) * _at_extremum(sums, norm, compared)


def _norm_weight(ans, x, ord, axes, keepdims, matrix):
    """``(W, axes, keepdims)`` for the norm ``ans`` of ``x`` over ``axes`` (None: all)."""
    ndim = len(shape_of(x))
    axes = tuple(range(ndim)) if axes is None else tuple(a % ndim for a in axes)
    norm = repeat_to_match_shape(ans, x, axes, keepdims)[0]
    weight_of = _matrix_norm_weight if matrix else _vector_norm_weight
    return weight_of(x, norm, ord, axes), axes, keepdims


def _as_tuple(axis):
    return (axis,) if isinstance(axis, (int, _np.integer)) else axis


def _linalg_norm_weight(ans, x, ord=None, axis=None, keepdims=False):
    axis = _as_tuple(axis)
    matrix = len(shape_of(x)) == 2 and ord is not None if axis is None else len(axis) == 2
    return _norm_weight(ans, x, ord, axis, keepdims, matrix)


def _def_norm(fun, weight_of):
    def vjp(ans, x, *args, **kwargs):
        weight, axes, keepdims = weight_of(ans, x, *args, **kwargs)
        return lambda g: None if weight is None else repeat_to_match_shape(g, x, axes, keepdims)[0] * weight

    def jvp(g, ans, x, *args, **kwargs):
        weight, axes, keepdims = weight_of(ans, x, *args, **kwargs)
        return None if weight is None else anp.real(anp.sum(weight * g, axis=axes, keepdims=keepdims))
    defvjp(fun, vjp)
    defjvp(fun, jvp)


_def_norm(anp_linalg.norm, _linalg_norm_weight)
_def_norm(anp_linalg.vector_norm, lambda ans, x, axis=None, keepdims=False, ord=2:
          _norm_weight(ans, x, ord, _as_tuple(axis), keepdims, False))
_def_norm(anp_linalg.matrix_norm, lambda ans, x, keepdims=False, ord='fro':
          _norm_weight(ans, x, ord, (-2, -1), keepdims, True))


def _cond_weight(ans, x, p=None):
    """cond is s_max / s_min (p None, 2; inverted for -2) or norm(x, p) * norm(inv(x), p)."""
    if p in (None, 2, -2):
        u, s, vh = anp_linalg.svd(x, full_matrices=False)
        largest, smallest = anp.conj(u[..., :1] @ vh[..., :1, :]), anp.conj(u[..., -1:] @ vh[..., -1:, :])
        if p == -2:
            return (smallest - ans[..., None, None] * largest) / s[..., :1, None], (-2, -1), False
        return (largest - ans[..., None, None] * smallest) / s[..., -1:, None], (-2, -1), False
    inv = anp_linalg.inv(x)
    norm_x, norm_inv = (anp_linalg.norm(m, p, (-2, -1), True) for m in (x, inv))
    weight_inv = T(inv) @ _matrix_norm_weight(inv, norm_inv, p, (-2, -1)) @ T(inv)
    return _matrix_norm_weight(x, norm_x, p, (-2, -1)) * norm_inv - norm_x * weight_inv, (-2, -1), False


_def_norm(anp_linalg.cond, _cond_weight)


# tensorinv, tensorsolve: inv and solve of the matrices NumPy reshapes the arrays into.

def _tensorinv_matrix(ans, a, ind):
    """``a``'s shape and its inverse as the matrix NumPy inverts."""
    shape = shape_of(a)
    size = int(_np.prod(shape[:ind]))
    return shape, anp.reshape(ans, (size, size))


def _tensorinv_vjp(ans, a, ind=2):
    shape, inv = _tensorinv_matrix(ans, a, ind)
    return lambda g: anp.reshape(-T(inv) @ anp.reshape(g, shape_of(inv)) @ T(inv), shape)


def _tensorinv_jvp(g, ans, a, ind=2):
    shape, inv = _tensorinv_matrix(ans, a, ind)
    return anp.reshape(-inv @ anp.reshape(g, shape_of(inv)) @ inv, shape_of(ans))


defvjp(anp_linalg.tensorinv, _tensorinv_vjp)
defjvp(anp_linalg.tensorinv, _tensorinv_jvp)


def _tensorsolve_order(ndim, axes):
    """The transposition NumPy applies to ``a``: ``axes`` moved to the end, in their order."""
    if axes is None:
        return list(range(ndim))
    return [i for i in range(ndim) if i not in axes] + list(axes)


def _tensorsolve_adjoint(ans, a, axes):
    """NumPy's transposition of ``a``, its shape, and ``g -> solve(matrix(a)^T, g flattened)``."""
    order = _tensorsolve_order(len(shape_of(a)), axes)
    moved = anp.transpose(a, order)
    size = int(_np.prod(shape_of(ans)))
    matrix = anp.reshape(moved, (size, size))
    return order, shape_of(moved), lambda g: anp_linalg.solve(T(matrix), anp.reshape(g, (size,)))


def _tensorsolve_vjp_a(ans, a, b, axes=None):
    order, moved_shape, solve_transposed = _tensorsolve_adjoint(ans, a, axes)
    x = anp.reshape(ans, (-1,))

    def vjp(g):
        grad = -anp.reshape(solve_transposed(g)[:, None] * x[None, :], moved_shape)
        return unbroadcast(anp.transpose(grad, _np.argsort(order)), a)
    return vjp


def _tensorsolve_vjp_b(ans, a, b, axes=None):
    solve_transposed = _tensorsolve_adjoint(ans, a, axes)[2]
    return lambda g: unbroadcast(anp.reshape(solve_transposed(g), shape_of(b)), b)


def _tensorsolve_jvp_a(g, ans, a, b, axes=None):
    moved = anp.transpose(g, _tensorsolve_order(len(shape_of(a)), axes))
    return -anp_linalg.tensorsolve(a, anp.tensordot(moved, ans, len(shape_of(ans))), axes)


defvjp(anp_linalg.tensorsolve, _tensorsolve_vjp_a, _tensorsolve_vjp_b)
defjvp(anp_linalg.tensorsolve, _tensorsolve_jvp_a, 'same')


# trace, diagonal, matrix_transpose: numpy.linalg's own (last-two-axes) versions, all linear.

def _diagonal_index(shape, offset):
    size = max(0, min(shape[-2] - max(-offset, 0), shape[-1] - max(offset, 0)))
    return Ellipsis, _np.arange(size) + max(-offset, 0), _np.arange(size) + max(offset, 0)


def _diagonal_vjp(ans, x, offset=0):
    return lambda g: anp.untake(g, _diagonal_index(shape_of(x), offset), vspace(x))


def _trace_vjp(ans, x, offset=0, dtype=None):
    index = _diagonal_index(shape_of(x), offset)
    return lambda g: anp.untake(anp.broadcast_to(g[..., None], shape_of(g) + (len(index[1]),)), index, vspace(x))


defvjp(anp_linalg.diagonal, _diagonal_vjp)
defjvp(anp_linalg.diagonal, 'same')
defvjp(anp_linalg.trace, _trace_vjp)
defjvp(anp_linalg.trace, 'same')
defvjp(anp_linalg.matrix_transpose, lambda ans, x: lambda g: anp_linalg.matrix_transpose(g))
defjvp(anp_linalg.matrix_transpose, 'same')



# lstsq returns its integer rank among arrays, and a traced tuple holding an integer has no vector space. So
# ``lstsq`` wraps a primitive whose tuple carries the rank as a float (with zero derivative), and gives the
# rank back as NumPy's integer.

@primitive
def lstsq_parts(a, b, rcond=None):
    x, residuals, rank, s = _np.linalg.lstsq(a, b, rcond)
    return x, residuals, float(rank), s


def lstsq(a, b, rcond=None):
    x, residuals, rank, s = lstsq_parts(a, b, rcond)
    return x, residuals, _np.int32(getval(rank)), s


lstsq.__doc__ = _np.linalg.lstsq.__doc__
lstsq.__wrapped__ = _np.linalg.lstsq
anp_linalg.lstsq = lstsq
anp.dispatch[_np.linalg.lstsq] = lstsq


def _lstsq_pieces(ans, a, b):
    """Column forms of x and the residual b - a x, and pinv(a): x = pinv(a) b for full-rank a."""
    x = column(ans[0], b)
    return x, column(b, b) - a @ x, anp_linalg.pinv(a)


def _lstsq_jvp(argnums, tangents, ans, args, kwargs):
    a, b = args[:2]
    x, residual, p = _lstsq_pieces(ans, a, b)
    da, db = (tangents[argnums.index(i)] if i in argnums else None for i in (0, 1))
    rhs = (0.0 if db is None else column(db, b)) - (0.0 if da is None else da @ x)
    dx, ds = p @ rhs, anp.zeros_like(ans[3])
    if da is not None:
        da_h, p_h_x = H(da), H(p) @ x
        dx = dx + p @ (H(p) @ (da_h @ residual)) + da_h @ p_h_x - p @ (a @ (da_h @ p_h_x))
        ds = _svd_jvp(da, ans[3], a, compute_uv=False)
    dres = 2 * anp.real(anp.sum(anp.conj(residual) * rhs, axis=-2)) if shape_of(ans[1])[-1] else anp.zeros_like(ans[1])
    return _result(ans, uncolumn(dx, b), dres, 0.0, ds)


def _lstsq_vjp(argnums, ans, args, kwargs):
    a, b = args[:2]
    x, residual, p = _lstsq_pieces(ans, a, b)

    def vjp(g):
        g_x = anp.conj(column(g[0], b))
        g_b = H(p) @ g_x
        if shape_of(ans[1])[-1]:
            g_b = g_b + 2 * residual * anp.real(g[1])
        grads = []
        if 0 in argnums:
            g_x_h = H(g_x)
            g_a = (-g_b @ H(x) + residual @ ((g_x_h @ p) @ H(p)) + (H(p) @ x) @ (g_x_h - (g_x_h @ p) @ a)
                   + _svd_standard_cotangent(*anp_linalg.svd(a, full_matrices=False), None, anp.real(g[3]), None))
            grads.append(_from_standard(g_a, a))
        if 1 in argnums:
            grads.append(_from_standard(uncolumn(g_b, b), b))
        return grads
    return vjp


defvjp_argnums(lstsq_parts, _lstsq_vjp)
defjvp_argnums(lstsq_parts, _lstsq_jvp)
