import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _seeded():
    """Every test draws the same random numbers each run, so a failure reproduces."""
    np.random.seed(0)
