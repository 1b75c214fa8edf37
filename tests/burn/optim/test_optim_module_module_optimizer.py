"""Burn's `crates/burn-optim/src/optim/module/module_optimizer.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


class TwoLayerModel(Module):
    layer_a: Any
    layer_b: Any


def _fn_make_model(device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return TwoLayerModel(layer_a=LinearConfig(4, 4).init(device), layer_b=LinearConfig(4, 4).init(device))


def _fn_lr():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return ModuleLearningRate.from_(0.01)


def _fn_make_grads(model, x):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    out = model.layer_a.forward(x) + model.layer_b.forward(x)
    return GradientsParams.from_grads(out.mean().backward(), model)


def _fn_sgd():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return SgdConfig().init()


def test_default_optimizer_state_survives_round_trip(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    model = _fn_make_model(device)
    optim = AdamConfig().init()
    for _ in range(0, 3):
        x = TestTensor.random([2, 4], Distribution.Default, device)
        model = optim.step(_fn_lr(), model, _fn_make_grads(model, x))
    record = optim.to_record()
    reloaded = AdamConfig().init().load_record(record)
    x = TestTensor.random([2, 4], Distribution.Default, device)
    grads_a = _fn_make_grads(model, x)
    grads_b = _fn_make_grads(model, x)
    from_orig = optim.step(_fn_lr(), model, grads_a)
    from_reload = reloaded.step(_fn_lr(), model, grads_b)
    from_orig.layer_a.weight.val().into_data().assert_approx_eq(from_reload.layer_a.weight.val().into_data(), Tolerance.absolute(1e-6))


def test_with_group_clears_state_for_matching_params(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    model = _fn_make_model(device)
    optim = AdamConfig().init()
    for _ in range(0, 2):
        x = TestTensor.random([2, 4], Distribution.Default, device)
        model = optim.step(_fn_lr(), model, _fn_make_grads(model, x))
    optim = optim.with_group(ParamGroup.from_predicate("layer_a"), SgdConfig().init(), None)
    x = TestTensor.random([2, 4], Distribution.Default, device)
    _ = optim.step(_fn_lr(), model, _fn_make_grads(model, x))
    record = optim.to_record()
    time_key_count = len(list(record.scalars.keys().filter(lambda k: k.contains("time"))))
    assert_eq_(time_key_count, 2)


def test_group_grad_clipping_applies_only_to_matching_params(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    model = _fn_make_model(device)
    lr_value = 0.01
    threshold = 0.01
    bound = (lr_value * threshold)
    optim = _fn_sgd().with_group(ParamGroup.from_predicate("layer_a"), SgdConfig().init(), (GradientClipping.Value(threshold)))
    x = TestTensor.random([2, 4], Distribution.Uniform(100.0, 200.0), device)
    weight_a_before = model.layer_a.weight.val()
    weight_b_before = model.layer_b.weight.val()
    model = optim.step(ModuleLearningRate.from_(lr_value), model, _fn_make_grads(model, x))
    diff_a = weight_a_before - model.layer_a.weight.val()
    diff_b = weight_b_before - model.layer_b.weight.val()
    eps = 1e-6
    for value in diff_a.into_data().as_numpy().astype('float32').reshape(-1):
        assert_(abs(value) <= bound + eps)
    assert_(rany(diff_b.into_data().as_numpy().astype('float32').reshape(-1), lambda value: abs(value) > bound + eps))


def test_record_without_paths_loads_without_panic(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    model = _fn_make_model(device)
    optim = AdamConfig().init()
    x = TestTensor.random([2, 4], Distribution.Default, device)
    model = optim.step(_fn_lr(), model, _fn_make_grads(model, x))
    record = optim.to_record()
    record.paths.clear()
    optim_loaded = AdamConfig().init().load_record(record)
    x = TestTensor.random([2, 4], Distribution.Default, device)
    grads_a = _fn_make_grads(model, x)
    grads_b = _fn_make_grads(model, x)
    from_orig = optim.step(_fn_lr(), model, grads_a)
    from_reload = optim_loaded.step(_fn_lr(), model, grads_b)
    from_orig.layer_a.weight.val().into_data().assert_approx_eq(from_reload.layer_a.weight.val().into_data(), Tolerance.absolute(1e-6))
    from_orig.layer_b.weight.val().into_data().assert_approx_eq(from_reload.layer_b.weight.val().into_data(), Tolerance.absolute(1e-6))
