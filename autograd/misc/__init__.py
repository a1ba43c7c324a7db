"""Utilities built on the engine: flattening structures, recorded graphs and drawing computation graphs."""
from .flatten import flatten, flatten_func  # noqa: F401
from .graph import ComputationGraph, render, to_dot, trace_graph  # noqa: F401
from .tracers import const_graph  # noqa: F401
