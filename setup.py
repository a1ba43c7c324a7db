"""Builds the optional compiled parts: the engine's hot paths, and a caching allocator for NumPy arrays.
Without a compiler autograd installs as pure Python (see tracing.py and memory.py); ``python -m autograd``
says which engine an installation runs."""
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class build_optional_ext(build_ext):
    """Builds each extension if it can; one that fails leaves a one-line notice, not a failed install."""

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as error:  # compiler missing or failing: the pure-Python code does the same work
            print('autograd: could not compile {} ({}); installed without it, the slower pure-Python code runs '
                  'instead (python -m autograd tells which)'.format(ext.name, type(error).__name__), file=sys.stderr)


extensions = [Extension('autograd.engine._speedups', ['autograd/engine/_speedups.c'])]
try:
    import numpy
except ImportError:  # the allocator needs NumPy's headers; the build requirements normally provide them
    pass
else:
    extensions.append(Extension('autograd.numpy._memory', ['autograd/numpy/_memory.c'],
                                include_dirs=[numpy.get_include()]))

setup(ext_modules=extensions, cmdclass={'build_ext': build_optional_ext})
