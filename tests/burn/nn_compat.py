"""The names Burn's nn and optim unit tests use (``burn::nn``, ``burn::optim``, ``burn::module``),
by their pyburn spelling, for the generated modules under tests/burn/nn/ and tests/burn/optim/."""

from __future__ import annotations

import copy
from typing import Any

from pyburn.module import (Module, ModuleRecord, Param, ParamGroup, ParamId,  # noqa: F401
                           RunningState, list_param_ids)
from pyburn.nn import *  # noqa: F401,F403
from pyburn.nn.activation_modules import *  # noqa: F401,F403
from pyburn.nn.attention import *  # noqa: F401,F403
from pyburn.nn.conv import *  # noqa: F401,F403
from pyburn.nn.loss import *  # noqa: F401,F403
from pyburn.nn.norm import *  # noqa: F401,F403
from pyburn.nn.pool import *  # noqa: F401,F403
from pyburn.nn.rnn import *  # noqa: F401,F403
from pyburn.nn.transformer import *  # noqa: F401,F403
from pyburn.optim import *  # noqa: F401,F403
from pyburn.optim.lr_scheduler import *  # noqa: F401,F403
from pyburn.tensor.module import UnfoldOptions  # noqa: F401  (burn::tensor::ops::UnfoldOptions)


def seed_device(device: Any, seed: int) -> None:
    """Burn's ``device.seed(n)``: pyburn seeds the backend the device belongs to."""
    device.backend.seed(seed)


class test_utils:
    """Burn's ``lr_scheduler::test_utils`` (the helpers its scheduler tests call)."""

    LOOSE_EPSILON = 1e-10

    @staticmethod
    def check_lr_sequence(scheduler: Any, expected_lrs: Any) -> None:
        for i, expected in enumerate(expected_lrs):
            lr = scheduler.step()
            assert abs(lr - expected) < test_utils.LOOSE_EPSILON, (
                f"Scheduled learning rate {lr} is not approximately equal to the expected value "
                f"{expected} at step {i}")

    @staticmethod
    def check_save_load(scheduler: Any, save_at_step: int) -> None:
        truth = copy.deepcopy(scheduler)
        for _ in range(int(save_at_step)):
            truth.step()
            scheduler.step()
        scheduler.load_record(scheduler.to_record())
        test_utils.compare_steps(scheduler, truth, int(save_at_step))

    @staticmethod
    def compare_steps(a: Any, b: Any, num_steps: int) -> None:
        for i in range(int(num_steps)):
            lr_a, lr_b = a.step(), b.step()
            assert abs(lr_a - lr_b) < test_utils.LOOSE_EPSILON, (
                f"The two learning rates ({lr_a}, {lr_b}) at position {i} in the remaining "
                "sequences are not approximately equal")


class LrSchedulerRecord:
    """Burn's ``LrSchedulerRecord::from_state(&State { .. })``: a pyburn scheduler record is the
    state's fields as a dict."""

    @staticmethod
    def from_state(state: dict[str, Any]) -> dict[str, Any]:
        return dict(state)


def StepLrSchedulerState(**fields: Any) -> dict[str, Any]:
    """Burn's ``StepLrSchedulerState { iter_idx }`` as the record dict pyburn loads."""
    return dict(fields)
