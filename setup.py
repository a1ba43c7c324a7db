"""Builds the optional compiled parts: the engine's hot paths, and a caching allocator for NumPy arrays.
Without a compiler autograd installs as pure Python (see tracing.py and memory.py)."""
from setuptools import Extension, setup

extensions = [Extension('autograd.engine._speedups', ['autograd/engine/_speedups.c'], optional=True)]
try:
    import numpy
except ImportError:  # the allocator needs NumPy's headers; the build requirements normally provide them
    pass
else:
    extensions.append(Extension('autograd.numpy._memory', ['autograd/numpy/_memory.c'],
                                include_dirs=[numpy.get_include()], optional=True))

setup(ext_modules=extensions)
