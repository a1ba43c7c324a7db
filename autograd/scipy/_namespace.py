"""Public namespaces for the SciPy twins whose modules import helpers at top level.

``publish`` swaps such a module, in ``sys.modules`` and in its package, for a copy holding only its
``__all__`` (SciPy's names) and its underscore names. The functions keep their globals (the original
module's dictionary), so they run unchanged; only what importers see is trimmed. Modules whose helpers are
all underscore names or live in a private module (``special``) need none of this.
"""
import sys
import types


def publish(module):
    """Replace ``module`` (a submodule of a package) by a copy with its ``__all__`` and underscore names."""
    clean = types.ModuleType(module.__name__, module.__doc__)
    vars(clean).update({name: value for name, value in vars(module).items()
                        if name.startswith('_') or name in module.__all__})
    sys.modules[module.__name__] = clean
    package, _, name = module.__name__.rpartition('.')
    setattr(sys.modules[package], name, clean)
