"""Normalization layers (Burn's ``burn::nn`` norm modules), one file per layer."""

from .batch_norm import BatchNorm, BatchNormConfig
from .group_norm import GroupNorm, GroupNormConfig
from .instance_norm import InstanceNorm, InstanceNormConfig
from .layer_norm import LayerNorm, LayerNormConfig
from .rms_norm import RmsNorm, RmsNormConfig
from .local_response import LocalResponseNorm, LocalResponseNormConfig
from .normalization import Normalization, NormalizationConfig

__all__ = ["LayerNormConfig", "LayerNorm", "BatchNormConfig", "BatchNorm", "GroupNormConfig",
           "GroupNorm", "InstanceNormConfig", "InstanceNorm", "RmsNormConfig", "RmsNorm"]
__all__ += ["LocalResponseNormConfig", "LocalResponseNorm", "NormalizationConfig",
            "Normalization"]
