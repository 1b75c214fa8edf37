"""Burn's `crates/burn-nn/src/modules/norm/local_response.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_forward_default_params(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(5).init()
    input = TestTensor.from_data(TensorData([[[[1.9269, 1.4873, 0.9007, -2.1055], [0.6784, -1.2345, -0.0431, -1.6047], [-0.7521, 1.6487, -0.3925, -1.4036], [-0.7279, -0.5594, -0.7688, 0.7624]], [[1.6423, -0.1596, -0.4974, 0.4396], [-0.7581, 1.0783, 0.8008, 1.6806], [1.2791, 1.2964, 0.6105, 1.3347], [-0.2316, 0.0418, -0.2516, 0.8599]], [[-1.3847, -0.8712, -0.2234, 1.7174], [0.3189, -0.4245, 0.3057, -0.7746], [-1.5576, 0.9956, -0.8798, -0.6011], [-1.2742, 2.1228, -1.2347, -0.4879]]]]), device)
    output = module.forward(input)
    expected = TensorData([[[[1.9267, 1.4872, 0.9007, -2.1053], [0.6784, -1.2345, -0.0431, -1.6045], [-0.7521, 1.6486, -0.3925, -1.4035], [-0.7279, -0.5594, -0.7688, 0.7624]], [[1.6421, -0.1596, -0.4974, 0.4395], [-0.7581, 1.0783, 0.8008, 1.6805], [1.2790, 1.2963, 0.6105, 1.3347], [-0.2316, 0.0418, -0.2516, 0.8598]], [[-1.3845, -0.8712, -0.2234, 1.7172], [0.3189, -0.4245, 0.3057, -0.7745], [-1.5575, 0.9956, -0.8798, -0.6011], [-1.2741, 2.1226, -1.2346, -0.4879]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(5e-3, 1e-4))


def test_forward_custom_params(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(3).with_alpha(0.001).with_beta(0.5).with_k(2.0).init()
    input = TestTensor.from_data(TensorData([[[[1.9269, 1.4873, 0.9007], [-2.1055, 0.6784, -1.2345], [-0.0431, -1.6047, -0.7521]], [[1.6487, -0.3925, -1.4036], [-0.7279, -0.5594, -0.7688], [0.7624, 1.6423, -0.1596]], [[-0.4974, 0.4396, 0.3189], [-0.4245, 0.3057, -0.7746], [0.0349, 0.3211, 1.5736]], [[-0.8455, -1.2742, 2.1228], [-1.2347, -0.4879, -1.4181], [0.8963, 0.0499, 2.2667]]]]), device)
    output = module.forward(input)
    expected = TensorData([[[[1.3618, 1.0515, 0.6368], [-1.4882, 0.4797, -0.8728], [-0.0305, -1.1342, -0.5318]], [[1.1652, -0.2775, -0.9923], [-0.5145, -0.3955, -0.5435], [0.5391, 1.1608, -0.1128]], [[-0.3516, 0.3108, 0.2254], [-0.3001, 0.2162, -0.5476], [0.0247, 0.2270, 1.1120]], [[-0.5978, -0.9008, 1.5005], [-0.8729, -0.3450, -1.0025], [0.6337, 0.0353, 1.6018]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(5e-3, 1e-4))


def test_forward_even_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(2).init()
    input = TestTensor.from_data(TensorData([[[[0.3367, 0.1288], [0.2345, 0.2303]], [[-1.1229, -0.1863], [2.2082, -0.6380]], [[0.4617, 0.2674], [0.5349, 0.8094]]]]), device)
    output = module.forward(input)
    expected = TensorData([[[[0.3367, 0.1288], [0.2345, 0.2303]], [[-1.1228, -0.1863], [2.2078, -0.6380]], [[0.4616, 0.2673], [0.5348, 0.8093]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(5e-3, 1e-4))


def test_forward_even_size_uses_asymmetric_positive_side_window(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(2).with_alpha(1.0).with_beta(1.0).with_k(0.0).init()
    input = TestTensor.from_data(TensorData([[[1.0], [2.0], [4.0]]]), device)
    output = module.forward(input)
    expected = TensorData([[[0.4], [0.2], [0.5]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(1e-5, 1e-6))


def test_forward_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(3).init()
    input = TestTensor.from_data(TensorData([[[1.9269, 1.4873, 0.9007, -2.1055, 0.6784, -1.2345], [-0.0431, -1.6047, 0.3559, -0.6866, -0.4934, 0.2415], [-1.1109, 0.0915, -2.3169, -0.2168, -0.3097, -0.3957], [0.8034, -0.6216, -0.5920, -0.0631, -0.8286, 0.3309]]]), device)
    output = module.forward(input)
    expected = TensorData([[[1.9267, 1.4871, 0.9007, -2.1053, 0.6784, -1.2345], [-0.0431, -1.6045, 0.3558, -0.6865, -0.4933, 0.2415], [-1.1109, 0.0915, -2.3166, -0.2168, -0.3097, -0.3957], [0.8034, -0.6216, -0.5919, -0.0631, -0.8285, 0.3309]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(5e-3, 1e-4))


def test_forward_5d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(3).init()
    input = TestTensor.from_data(TensorData([[[[[1.9269, 1.4873], [0.9007, -2.1055]], [[0.6784, -1.2345], [-0.0431, -1.6047]]], [[[0.3559, -0.6866], [-0.4934, 0.2415]], [[-1.1109, 0.0915], [-2.3169, -0.2168]]], [[[-0.3097, -0.3957], [0.8034, -0.6216]], [[-0.5920, -0.0631], [-0.8286, 0.3309]]]]]), device)
    output = module.forward(input)
    expected = TensorData([[[[[1.9267, 1.4872], [0.9007, -2.1053]], [[0.6784, -1.2345], [-0.0431, -1.6046]]], [[[0.3558, -0.6866], [-0.4933, 0.2415]], [[-1.1108, 0.0915], [-2.3166, -0.2168]]], [[[-0.3097, -0.3957], [0.8034, -0.6216]], [[-0.5920, -0.0631], [-0.8284, 0.3309]]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(5e-3, 1e-4))


def test_forward_size_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(1).init()
    input = TestTensor.from_data(TensorData([[[[1.9269, 1.4873, 0.9007], [-2.1055, 0.6784, -1.2345], [-0.0431, -1.6047, -0.7521]], [[1.6487, -0.3925, 0.2415], [-1.1109, 0.0915, -2.3169], [-0.2168, -1.3847, -0.8712]], [[-0.2234, -0.6216, -0.5920], [-0.0631, -0.8286, 0.3309], [-1.5576, 0.9956, -0.8798]]]]), device)
    output = module.forward(input)
    expected = TensorData([[[[1.9264, 1.4870, 0.9007], [-2.1048, 0.6784, -1.2344], [-0.0431, -1.6044, -0.7521]], [[1.6484, -0.3925, 0.2415], [-1.1108, 0.0915, -2.3160], [-0.2168, -1.3845, -0.8712]], [[-0.2234, -0.6216, -0.5920], [-0.0631, -0.8285, 0.3309], [-1.5573, 0.9956, -0.8797]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(5e-3, 1e-4))


def test_forward_c_less_than_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(5).init()
    input = TestTensor.from_data(TensorData([[[[1.9269, 1.4873, -0.4974], [0.4396, -0.7581, 1.0783], [0.8008, 1.6806, 0.3559]], [[-0.6866, 0.6105, 1.3347], [-0.2316, 0.0418, -0.2516], [0.8599, -0.3097, -0.3957]]]]), device)
    output = module.forward(input)
    expected = TensorData([[[[1.9268, 1.4872, -0.4974], [0.4396, -0.7581, 1.0783], [0.8008, 1.6805, 0.3559]], [[-0.6866, 0.6104, 1.3347], [-0.2316, 0.0418, -0.2516], [0.8598, -0.3097, -0.3957]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(5e-3, 1e-4))


def test_forward_multi_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LocalResponseNormConfig(5).init()
    input = TestTensor.from_data(TensorData([[[[1.9269, 1.4873, 0.9007, -2.1055], [0.6784, -1.2345, -0.0431, -1.6047], [-0.7521, 1.6487, -0.3925, -1.4036], [-0.7279, -0.5594, -0.7688, 0.7624]], [[1.6423, -0.1596, -0.4974, 0.4396], [-0.7581, 1.0783, 0.8008, 1.6806], [1.2791, 1.2964, 0.6105, 1.3347], [-0.2316, 0.0418, -0.2516, 0.8599]], [[-1.3847, -0.8712, -0.2234, 1.7174], [0.3189, -0.4245, 0.3057, -0.7746], [-1.5576, 0.9956, -0.8798, -0.6011], [-1.2742, 2.1228, -1.2347, -0.4879]]], [[[-0.9138, -0.6581, 0.0780, 0.5258], [-0.4880, 1.1914, -0.8140, -0.7360], [-1.4032, 0.0360, -0.0635, 0.6756], [-0.0978, 1.8446, -1.1845, 1.3835]], [[1.4451, 0.8564, 2.2181, 0.5232], [0.3466, -0.1973, -1.0546, 1.2780], [-0.1722, 0.5238, 0.0566, 0.4263], [0.5750, -0.6417, -2.2064, -0.7508]], [[0.0109, -0.3387, -1.3407, -0.5854], [0.5362, 0.5246, 1.1412, 0.0516], [0.7440, -0.4816, -1.0495, 0.6039], [-1.7223, -0.8278, 1.3347, 0.4835]]]]), device)
    output = module.forward(input)
    out_data = output.to_data()
    assert_eq_(out_data.shape, [2, 3, 4, 4])
    expected_full = TensorData([[[[1.9267, 1.4872, 0.9007, -2.1053], [0.6784, -1.2345, -0.0431, -1.6045], [-0.7521, 1.6486, -0.3925, -1.4035], [-0.7279, -0.5594, -0.7688, 0.7624]], [[1.6421, -0.1596, -0.4974, 0.4395], [-0.7581, 1.0783, 0.8008, 1.6805], [1.2790, 1.2963, 0.6105, 1.3347], [-0.2316, 0.0418, -0.2516, 0.8598]], [[-1.3845, -0.8712, -0.2234, 1.7172], [0.3189, -0.4245, 0.3057, -0.7745], [-1.5575, 0.9956, -0.8798, -0.6011], [-1.2741, 2.1226, -1.2346, -0.4879]]], [[[-0.9138, -0.6581, 0.0780, 0.5258], [-0.4880, 1.1913, -0.8140, -0.7360], [-1.4032, 0.0360, -0.0635, 0.6756], [-0.0978, 1.8445, -1.1844, 1.3835]], [[1.4451, 0.8564, 2.2179, 0.5232], [0.3466, -0.1973, -1.0545, 1.2780], [-0.1722, 0.5238, 0.0566, 0.4263], [0.5750, -0.6417, -2.2061, -0.7508]], [[0.0109, -0.3387, -1.3405, -0.5854], [0.5362, 0.5246, 1.1411, 0.0516], [0.7439, -0.4816, -1.0494, 0.6039], [-1.7222, -0.8277, 1.3345, 0.4835]]]])
    out_data.assert_approx_eq(expected_full, Tolerance.rel_abs(5e-3, 1e-4))


def test_config_size_zero_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init']):
        LocalResponseNormConfig(0).init()


def test_forward_rank_2_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        module = LocalResponseNormConfig(3).init()
        input = TestTensor.zeros([2, 4], device)
        module.forward(input)


def test_backward(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = LocalResponseNormConfig(5).init()
    input = TestTensor.from_data(TensorData([[[[1.9269, 1.4873, 0.9007, -2.1055], [0.6784, -1.2345, -0.0431, -1.6047], [-0.7521, 1.6487, -0.3925, -1.4036], [-0.7279, -0.5594, -0.7688, 0.7624]], [[1.6423, -0.1596, -0.4974, 0.4396], [-0.7581, 1.0783, 0.8008, 1.6806], [1.2791, 1.2964, 0.6105, 1.3347], [-0.2316, 0.0418, -0.2516, 0.8599]], [[-1.3847, -0.8712, -0.2234, 1.7174], [0.3189, -0.4245, 0.3057, -0.7746], [-1.5576, 0.9956, -0.8798, -0.6011], [-1.2742, 2.1228, -1.2347, -0.4879]]]]), device).require_grad()
    output = module.forward(input)
    grads = output.sum().backward()
    input_grad = input.grad(grads)
    assert_eq_(input_grad.dims(), [1, 3, 4, 4])
    expected_grad = TensorData([[[[0.9997, 0.9999, 1.0000, 0.9999], [1.0000, 0.9999, 1.0000, 0.9999], [0.9999, 0.9997, 1.0000, 0.9999], [0.9999, 1.0000, 0.9999, 1.0000]], [[0.9998, 1.0000, 1.0000, 0.9999], [1.0000, 1.0000, 1.0000, 0.9999], [1.0000, 0.9998, 1.0000, 1.0000], [1.0000, 0.9999, 1.0000, 0.9999]], [[1.0000, 1.0000, 1.0000, 0.9999], [1.0000, 1.0000, 1.0000, 0.9999], [0.9999, 0.9998, 1.0000, 0.9999], [0.9999, 0.9998, 0.9999, 1.0000]]]])
    input_grad.to_data().assert_approx_eq(expected_grad, Tolerance.rel_abs(5e-3, 1e-4))


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = LocalResponseNormConfig(5)
    module = config.init()
    assert_eq_(str(module), "LocalResponseNorm {size: 5, alpha: 0.0001, beta: 0.75, k: 1}" )
