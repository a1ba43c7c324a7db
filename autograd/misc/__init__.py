"""Utilities built on the engine: flattening structures and recorded graphs."""
from .flatten import flatten, flatten_func  # noqa: F401
from .tracers import const_graph  # noqa: F401
