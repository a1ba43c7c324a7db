"""Libraries written for HIPS Autograd run on this package (they skip where the library is absent)."""
import numpy as onp
import pytest


def test_lifelines_weibull_fit_matches_hips_autograd():
    lifelines = pytest.importorskip('lifelines')
    from lifelines.datasets import load_waltons
    data = load_waltons()
    fitted = lifelines.WeibullFitter().fit(data['T'], data['E'])
    # The figures HIPS Autograd 1.9.1 gives with lifelines 0.30.3 on the same data.
    assert onp.allclose([fitted.lambda_, fitted.rho_], [55.733097, 3.450505], rtol=1e-6)
    assert onp.allclose(fitted.summary['se(coef)'], [1.326504, 0.243323], rtol=1e-5)
    assert onp.isclose(fitted.log_likelihood_, -672.0622, rtol=1e-6)
    # Its confidence bands go through make_jvp_reversemode.
    band = fitted.confidence_interval_survival_function_
    assert band.shape == (163, 2)
    assert onp.allclose(band.iloc[10], [0.9946064171711733, 0.9995821056248617], rtol=1e-9)
