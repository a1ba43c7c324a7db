"""Array memory while differentiating: a cache of freed array blocks, reused by the next pass.

A reverse pass keeps every intermediate array until the backward pass frees it, so each gradient needs its
peak memory afresh, and the C library returns large blocks to the kernel as soon as they are free: on the
next evaluation every page is faulted in and zeroed again, which can cost as much as the arithmetic.
While autograd runs a pass, NumPy takes the data of new arrays from a cache (``_memory.c``) that keeps
freed blocks of 16 KiB and more for reuse, by size class (sizes within 1/8 of each other share blocks).
When a pass ends the cache keeps at most what that pass needed, the rest goes back to the system, and it
never holds more than its limit: 1 GiB by default, ``AUTOGRAD_CACHE_LIMIT`` in the environment (bytes, or
with a KiB, MiB or GiB suffix; 0 turns the cache off) or ``set_cache_limit``. Only arrays made during
differentiation use it, in the thread that differentiates; nothing changes for other NumPy code.

Without the compiled module (or with AUTOGRAD_PURE_PYTHON set) arrays are allocated as usual.
"""
import os
import re

from ..engine.tracing import load_compiled, pass_scopes, speedups

_memory = load_compiled('._memory', __package__)
_UNITS = {'': 1, 'kib': 2 ** 10, 'mib': 2 ** 20, 'gib': 2 ** 30}


def cached_bytes():
    """Bytes of freed array memory held for reuse."""
    return _memory.cached_bytes() if _memory else 0


def cache_limit():
    """The most bytes the cache holds."""
    return _memory.get_limit() if _memory else 0


def cache_stats():
    """The cache's counters: ``hits`` and ``misses`` (allocations of cached sizes served from the cache or
    not), ``cached_bytes`` and ``limit``; all 0 without the compiled cache."""
    if _memory:
        return _memory.stats()
    return {'hits': 0, 'misses': 0, 'cached_bytes': 0, 'limit': 0}


def set_cache_limit(nbytes):
    """Hold at most ``nbytes`` of freed array memory; 0 turns the cache off. Blocks over the new limit stay
    until the next pass ends or ``release_cached_memory``."""
    if nbytes < 0:
        raise ValueError('set_cache_limit: the limit must be a number of bytes >= 0, got {}'.format(nbytes))
    if _memory:
        _memory.set_limit(int(nbytes))


def release_cached_memory():
    """Give the cached blocks back to the system (arrays in use are not affected)."""
    if _memory:
        _memory.release()


def parse_limit(text):
    """Bytes from ``AUTOGRAD_CACHE_LIMIT``'s text: ``1073741824``, ``512MiB``, ``1 GiB``."""
    match = re.fullmatch(r'\s*(\d+)\s*([KMG]iB)?\s*', text, re.IGNORECASE)
    if match is None:
        raise ValueError("AUTOGRAD_CACHE_LIMIT must be a number of bytes, optionally with a KiB, MiB or GiB "
                         "suffix (e.g. 512MiB, or 0 to turn the array cache off); got {!r}".format(text))
    return int(match.group(1)) * _UNITS[(match.group(2) or '').lower()]


if _memory:
    pass_scopes.append((_memory.use, _memory.restore))
    if speedups:
        speedups.set_in_place_test(_memory.multiplies_in_place)
    if 'AUTOGRAD_CACHE_LIMIT' in os.environ:
        set_cache_limit(parse_limit(os.environ['AUTOGRAD_CACHE_LIMIT']))
