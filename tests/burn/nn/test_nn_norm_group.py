"""Burn's `crates/burn-nn/src/modules/norm/group.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_group_norm_forward_affine_false(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = GroupNormConfig(2, 6).with_affine(False).init(device)
    assert_((module.gamma is None))
    assert_((module.beta is None))
    input = TestTensor.from_data(TensorData([[[-0.3034, 0.2726, -0.9659], [-1.1845, -1.3236, 0.0172], [1.9507, 1.2554, -0.8625], [1.0682, 0.3604, 0.3985], [-0.4957, -0.4461, -0.9721], [1.5157, -0.1546, -0.5596]], [[-1.6698, -0.4040, -0.7927], [0.3736, -0.0975, -0.1351], [-0.9461, 0.5461, -0.6334], [-1.0919, -0.1158, 0.1213], [-0.9535, 0.1281, 0.4372], [-0.2845, 0.3488, 0.5641]]]), device)
    output = module.forward(input)
    expected = TensorData([[[-0.1653, 0.3748, -0.7866], [-0.9916, -1.1220, 0.1353], [1.9485, 1.2965, -0.6896], [1.2769, 0.3628, 0.4120], [-0.7427, -0.6786, -1.3578], [1.8547, -0.3022, -0.8252]], [[-1.9342, 0.0211, -0.5793], [1.2223, 0.4945, 0.4365], [-0.8163, 1.4887, -0.3333], [-1.7960, -0.0392, 0.3875], [-1.5469, 0.3998, 0.9561], [-0.3428, 0.7970, 1.1845]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_group_norm_forward_affine_true(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = GroupNormConfig(3, 6).with_affine(True).init(device)
    tolerance = Tolerance.permissive()
    module.gamma.val().to_data().assert_approx_eq(td_ones([6]), tolerance)
    module.beta.val().to_data().assert_approx_eq(td_zeros([6]), tolerance)
    input = TestTensor.from_data(TensorData([[[0.3345, 0.4429, 0.6639], [0.5041, 0.4175, 0.8437], [0.6159, 0.3758, 0.4071], [0.5417, 0.5785, 0.7671], [0.3837, 0.9883, 0.0420], [0.4808, 0.8989, 0.6144]], [[0.3930, 0.2098, 0.0602], [0.2298, 0.9425, 0.0333], [0.7409, 0.8172, 0.8879], [0.4846, 0.0486, 0.2029], [0.6741, 0.9765, 0.6864], [0.2827, 0.5534, 0.2125]]]), device)
    output = module.forward(input)
    expected = TensorData([[[-1.1694, -0.5353, 0.7572], [-0.1775, -0.6838, 1.8087], [0.5205, -1.3107, -1.0723], [-0.0459, 0.2351, 1.6734], [-0.5796, 1.3218, -1.6544], [-0.2744, 1.0406, 0.1459]], [[0.2665, -0.3320, -0.8205], [-0.2667, 2.0612, -0.9085], [0.6681, 0.9102, 1.1345], [-0.1453, -1.5287, -1.0389], [0.4253, 1.5962, 0.4731], [-1.0903, -0.0419, -1.3623]]])
    output.to_data().assert_approx_eq(expected, tolerance)


def test_group_norm_f16_large_group_does_not_underflow_mean(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = GroupNormConfig(4, 64).with_affine(False).init(device)
    input = TestTensor.full([1, 64, 64, 64], 0.5, device, dtype=DType.F16)
    assert_eq_(input.dtype, DType.F16)
    output = module.forward(input)
    assert_eq_(output.dtype, DType.F16)
    max_abs = abs(output).max().into_scalar()
    assert_eq_(max_abs, 0.0)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = GroupNormConfig(3, 6)
    group_norm = config.init(device)
    assert_eq_(str(group_norm), "GroupNorm {num_groups: 3, num_channels: 6, epsilon: 0.00001, affine: true, params: 12}" )
