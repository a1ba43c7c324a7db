"""Strict-array runs of the NumPy table tests that cannot pass, by test id (without the file), with why."""
UNSUPPORTED = {}
