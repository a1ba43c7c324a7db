"""Builds the optional C speedups of the engine; without a compiler autograd installs as pure Python."""
from setuptools import Extension, setup

setup(ext_modules=[Extension('autograd.engine._speedups', ['autograd/engine/_speedups.c'], optional=True)])
