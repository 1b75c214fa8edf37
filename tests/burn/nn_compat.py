"""The names Burn's nn and optim unit tests use (``burn::nn``, ``burn::optim``, ``burn::module``),
by their pyburn spelling, for the generated modules under tests/burn/nn/ and tests/burn/optim/."""

from __future__ import annotations

from typing import Any

from pyburn.module import Module, Param, ParamId  # noqa: F401
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


def seed_device(device: Any, seed: int) -> None:
    """Burn's ``device.seed(n)``: pyburn seeds the backend the device belongs to."""
    device.backend.seed(seed)
