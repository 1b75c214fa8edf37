"""Loss functions (Burn's ``burn::nn::loss``): configs ``init`` a loss module whose
``forward(...)`` returns a ``[1]`` tensor to call ``backward()`` on. See ``docs/loss.md``."""

from .binary_cross_entropy import BinaryCrossEntropyLoss, BinaryCrossEntropyLossConfig
from .cross_entropy import CrossEntropyLoss, CrossEntropyLossConfig
from .huber import HuberLoss, HuberLossConfig
from .mse import MseLoss
from .reduction import Reduction

__all__ = ["Reduction", "MseLoss", "HuberLossConfig", "HuberLoss",
           "CrossEntropyLossConfig", "CrossEntropyLoss",
           "BinaryCrossEntropyLossConfig", "BinaryCrossEntropyLoss"]
