"""Pooling layers (Burn's ``burn::nn::pool``). Each runs the backend's pooling op
(`pyburn.tensor.module_ops.pool`): native on NumPy/CuPy/Torch, a composite of tensor ops on any
other backend. See ``docs/conv-pool.md``."""

from .adaptive_avg_pool1d import AdaptiveAvgPool1d, AdaptiveAvgPool1dConfig
from .adaptive_avg_pool2d import AdaptiveAvgPool2d, AdaptiveAvgPool2dConfig
from .adaptive_avg_pool3d import AdaptiveAvgPool3d, AdaptiveAvgPool3dConfig
from .avg_pool1d import AvgPool1d, AvgPool1dConfig
from .avg_pool2d import AvgPool2d, AvgPool2dConfig
from .max_pool1d import MaxPool1d, MaxPool1dConfig
from .max_pool2d import MaxPool2d, MaxPool2dConfig

__all__ = ["AvgPool1d", "AvgPool1dConfig", "AvgPool2d", "AvgPool2dConfig", "MaxPool1d",
           "MaxPool1dConfig", "MaxPool2d", "MaxPool2dConfig", "AdaptiveAvgPool1d",
           "AdaptiveAvgPool1dConfig", "AdaptiveAvgPool2d", "AdaptiveAvgPool2dConfig"]
__all__ += ["AdaptiveAvgPool3d", "AdaptiveAvgPool3dConfig"]
