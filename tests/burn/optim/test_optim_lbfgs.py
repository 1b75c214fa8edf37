"""Burn's `crates/burn-optim/src/optim/lbfgs.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_cubic_interpolate(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tolerance = 1e-8
    x1, f1, g1, x2, f2, g2 = (-1.0, 1.0, -2.0, 1.0, 1.0, 2.0)
    result = cubic_interpolate(x1, f1, g1, x2, f2, g2, None)
    assert_(abs((result - 0.00000)) < tolerance)
    x1, f1, g1, x2, f2, g2 = (0.0, 0.25, -1.0, 1.0, 0.25, 1.0)
    bounds = ((0.6, 1.0))
    result = cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds)
    assert_(abs((result - 0.6000000000)) < tolerance)
    x1, f1, g1, x2, f2, g2 = (0.0, 0.0, 10.0, 1.0, 5.0, 10.0)
    result = cubic_interpolate(x1, f1, g1, x2, f2, g2, ((0.0, 1.0)))
    assert_(abs((result - 0.5000000)) < tolerance)
    x1, f1, g1, x2, f2, g2 = (0.0, 1.0, -5.0, 1.0, 0.5, 1.0)
    result = cubic_interpolate(x1, f1, g1, x2, f2, g2, None)
    assert_(abs((result - 0.4606553370833684)) < tolerance)
    x1, f1, g1, x2, f2, g2 = (1.231232145, -0.12567458754, 9.1231243007, 8.239105015, -100.9012398021, 123201321.0293982)
    result_1 = cubic_interpolate(x1, f1, g1, x2, f2, g2, None)
    result_2 = cubic_interpolate(x1, f1, g1, x2, f2, g2, ((-4.4, 4.4)))
    assert_(abs((result_1 - 5.9031480234724434)) < tolerance)
    assert_(abs((result_2 - 4.4000000000000004)) < tolerance)
