"""Burn's `crates/burn-optim/src/lr_scheduler/module_lr_scheduler.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
EPSILON = 1e-10


def _fn_check_approx(actual, expected):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    assert_(abs((actual - expected)) < EPSILON)


def test_step_yields_constant_default_lr(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = ModuleLrScheduler(0.01)
    for _ in range(0, 3):
        _fn_check_approx(scheduler.step().base(), 0.01)


def test_step_advances_linear_default_scheduler(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    linear = LinearLrSchedulerConfig(0.9, 0.5, 4).init()
    scheduler = ModuleLrScheduler(linear)
    expected = [0.9, 0.8, 0.7, 0.6, 0.5, 0.5]
    for expected_lr in expected:
        _fn_check_approx(scheduler.step().base(), expected_lr)


def test_group_param_gets_group_lr(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    id_group = ParamId()
    id_default = ParamId()
    scheduler = ModuleLrSchedulerConfig(0.001).with_group(ParamGroup.from_ids([id_group]), 0.1).init() 
    policy = scheduler.step()
    _fn_check_approx(policy.lr_from_param(id_group, None), 0.1)
    _fn_check_approx(policy.lr_from_param(id_default, None), 0.001)


def test_path_group_matches_param_by_path_substring(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    scheduler = ModuleLrSchedulerConfig(0.001).with_group(ParamGroup.from_predicate("backbone"), 0.1).init() 
    policy = scheduler.step()
    id = ParamId()
    _fn_check_approx(policy.lr_from_param(id, ("model.backbone.layer.weight")), 0.1)
    _fn_check_approx(policy.lr_from_param(id, ("model.head.layer.weight")), 0.001)


def test_multiple_groups_are_independent(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    id_a = ParamId()
    id_b = ParamId()
    id_default = ParamId()
    scheduler = ModuleLrSchedulerConfig(LinearLrSchedulerConfig(0.001, 0.0001, 4)).with_group(ParamGroup.from_ids([id_a]), LinearLrSchedulerConfig(0.1, 0.01, 4)).with_group(ParamGroup.from_ids([id_b]), LinearLrSchedulerConfig(0.5, 0.05, 4)).init() 
    policy = scheduler.step()
    _fn_check_approx(policy.lr_from_param(id_a, None), 0.1)
    _fn_check_approx(policy.lr_from_param(id_b, None), 0.5)
    _fn_check_approx(policy.lr_from_param(id_default, None), 0.001)
    policy = scheduler.step()
    lr_a = policy.lr_from_param(id_a, None)
    lr_b = policy.lr_from_param(id_b, None)
    lr_default = policy.lr_from_param(id_default, None)
    assert_(lr_a < 0.1  and  lr_a > 0.01)
    assert_(lr_b < 0.5  and  lr_b > 0.05)
    assert_(lr_default < 0.001  and  lr_default > 0.0001)
