"""Fused module operations, added through the public backend-extension mechanism (`CustomOp`),
like Burn's ``ModuleOps``: each has a composite default any backend inherits, and native kernels
that backends register for themselves."""

from .conv import (conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d,  # noqa: F401
                   conv_transpose3d)
from .lstm_sequence import LstmSequenceOutput, lstm_sequence

__all__ = ["lstm_sequence", "LstmSequenceOutput"]
__all__ += ["conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
            "conv_transpose3d"]
from .pool import (adaptive_avg_pool1d, adaptive_avg_pool2d, avg_pool1d,  # noqa: E402,F401
                   avg_pool2d, max_pool1d, max_pool1d_with_indices, max_pool2d,
                   max_pool2d_with_indices)
from .interpolate import interpolate  # noqa: E402,F401

__all__ += ["avg_pool1d", "avg_pool2d", "max_pool1d", "max_pool2d", "max_pool1d_with_indices",
            "max_pool2d_with_indices", "adaptive_avg_pool1d", "adaptive_avg_pool2d",
            "interpolate"]
from .attention_weights import attention_weights, unstack3  # noqa: E402,F401

__all__ += ["attention_weights", "unstack3"]
from .rnn_sequence import RnnSequenceOutput, rnn_sequence  # noqa: E402,F401

__all__ += ["rnn_sequence", "RnnSequenceOutput"]
from .layer_norm import layer_norm  # noqa: E402,F401

__all__ += ["layer_norm"]
from .adaptive_pool3d import adaptive_avg_pool3d  # noqa: E402,F401
from .fold import UnfoldOptions, fold4d, unfold4d  # noqa: E402,F401

__all__ += ["adaptive_avg_pool3d", "UnfoldOptions", "unfold4d", "fold4d"]
from .deform_conv import DeformConvGeometry, deform_conv2d  # noqa: E402,F401

__all__ += ["deform_conv2d", "DeformConvGeometry"]
