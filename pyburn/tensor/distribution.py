"""Random distributions for ``Tensor.random``, as Burn's ``Distribution`` enum."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Union


@dataclass(frozen=True)
class _Default:
    """Uniform on [0, 1), Burn's default."""


@dataclass(frozen=True)
class Uniform:
    low: float
    high: float


@dataclass(frozen=True)
class Normal:
    mean: float
    std: float


@dataclass(frozen=True)
class Bernoulli:
    prob: float


DistributionValue = Union[_Default, Uniform, Normal, Bernoulli]


class Distribution:
    """``Distribution.Default``, ``Distribution.Uniform(low, high)``, ``Distribution.Normal(mean, std)``,
    ``Distribution.Bernoulli(prob)``."""

    Default: ClassVar[_Default] = _Default()
    Uniform = Uniform
    Normal = Normal
    Bernoulli = Bernoulli
