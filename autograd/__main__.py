"""``python -m autograd``: what this installation runs on, for bug reports and for checking an install."""
import sys

import numpy

import autograd
from autograd.engine import tracing
from autograd.numpy import memory


def _engine():
    if tracing.speedups:
        return 'compiled (autograd/engine/_speedups.c)'
    return 'pure Python, because {}'.format(tracing.not_compiled.get('autograd.engine._speedups', 'unknown'))


def _array_cache():
    if not memory._memory:
        return 'off, because {}'.format(tracing.not_compiled.get('autograd.numpy._memory', 'unknown'))
    return 'on, holding {} of at most {} bytes'.format(memory.cached_bytes(), memory.cache_limit())


def _scipy_version():
    try:
        import scipy
    except ImportError:
        return 'not installed (autograd.scipy needs it: pip install scipy)'
    return scipy.__version__


def report():
    """The lines ``python -m autograd`` prints."""
    return ['autograd {}'.format(autograd.__version__),
            'engine: {}'.format(_engine()),
            'array cache: {}'.format(_array_cache()),
            'Python {}'.format(sys.version.split()[0]),
            'NumPy {}'.format(numpy.__version__),
            'SciPy {}'.format(_scipy_version())]


if __name__ == '__main__':
    print('\n'.join(report()))
