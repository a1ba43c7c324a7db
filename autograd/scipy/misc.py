"""``autograd.scipy.misc``: kept for old code; ``logsumexp`` now lives in ``autograd.scipy.special``."""
from .special import logsumexp  # noqa: F401
