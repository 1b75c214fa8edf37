"""Convolution layers (Burn's ``burn::nn::conv``) and their padding configs. Each layer runs
the backend's conv op (`pyburn.tensor.module_ops.conv`): native on NumPy/CuPy/Torch, a
composite of tensor ops on any other backend. See ``docs/conv-pool.md``."""

from .conv1d import Conv1d, Conv1dConfig
from .conv2d import Conv2d, Conv2dConfig
from .conv3d import Conv3d, Conv3dConfig
from .conv_transpose1d import ConvTranspose1d, ConvTranspose1dConfig
from .conv_transpose2d import ConvTranspose2d, ConvTranspose2dConfig
from .conv_transpose3d import ConvTranspose3d, ConvTranspose3dConfig
from .deform_conv2d import DeformConv2d, DeformConv2dConfig
from .padding import PaddingConfig1d, PaddingConfig2d, PaddingConfig3d

__all__ = ["Conv1d", "Conv1dConfig", "Conv2d", "Conv2dConfig", "Conv3d", "Conv3dConfig",
           "ConvTranspose1d", "ConvTranspose1dConfig", "ConvTranspose2d", "ConvTranspose2dConfig",
           "PaddingConfig1d", "PaddingConfig2d", "PaddingConfig3d"]
__all__ += ["ConvTranspose3d", "ConvTranspose3dConfig", "DeformConv2d", "DeformConv2dConfig"]
