"""Array memory while differentiating: a cache of freed array blocks, reused by the next pass.

A reverse pass keeps every intermediate array until the backward pass frees it, so each gradient needs its
peak memory afresh, and the C library returns large blocks to the kernel as soon as they are free: on the
next evaluation every page is faulted in and zeroed again, which can cost as much as the arithmetic.
While autograd runs a pass, NumPy takes the data of new arrays from a cache (``_memory.c``) that keeps
freed blocks of 16 KiB and more for reuse, up to a limit (1 GiB by default). Only arrays made during
differentiation use it, in the thread that differentiates; nothing changes for other NumPy code.

Without the compiled module (or with AUTOGRAD_PURE_PYTHON set) arrays are allocated as usual.
"""
from ..engine.tracing import load_compiled, pass_scopes, speedups

_memory = load_compiled('._memory', __package__)


def cached_bytes():
    """Bytes of freed array memory held for reuse."""
    return _memory.cached_bytes() if _memory else 0


def cache_limit():
    """The most bytes the cache holds."""
    return _memory.get_limit() if _memory else 0


def set_cache_limit(nbytes):
    """Hold at most ``nbytes`` of freed array memory; 0 turns the cache off. Blocks over the new limit stay
    until ``release_cached_memory``."""
    if nbytes < 0:
        raise ValueError('set_cache_limit: the limit must be a number of bytes >= 0, got {}'.format(nbytes))
    if _memory:
        _memory.set_limit(int(nbytes))


def release_cached_memory():
    """Give the cached blocks back to the system (arrays in use are not affected)."""
    if _memory:
        _memory.release()


if _memory:
    pass_scopes.append((_memory.use, _memory.restore))
    if speedups:
        speedups.set_in_place_test(_memory.multiplies_in_place)
