"""``autograd.scipy.linalg``: ``scipy.linalg``, differentiable.

Every public function of ``scipy.linalg`` is here under its name. Those whose results carry a derivative have
rules in both modes, written with traced functions so that they differentiate again (the modules of
``autograd.scipy._linalg`` hold them and document where the mathematics leaves a choice); differentiating
one without rules raises an error that names it. Like SciPy, the rules work on stacks of matrices (the last
two axes) where SciPy accepts them, and on complex input.

Complex values pair as ``Re(sum(g * v))``, as in ``autograd.numpy.linalg``.
"""
from ._linalg import namespace as _namespace

__all__ = list(_namespace.__all__)
globals().update((_name, getattr(_namespace, _name)) for _name in __all__)
