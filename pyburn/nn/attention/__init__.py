"""Attention (Burn's ``burn::nn::attention``): `MultiHeadAttention` with its input, output and
autoregressive cache, and the mask helpers. See ``docs/attention.md``."""

from .cache import TensorCache
from .cross_attention import CrossAttention, CrossAttentionCache, CrossAttentionConfig
from .mask import (GeneratePaddingMask, SeqLengthOption, generate_autoregressive_mask,
                   generate_padding_mask)
from .mha import MhaCache, MhaInput, MhaOutput, MultiHeadAttention, MultiHeadAttentionConfig
from .sequence import SequenceAttention, SequenceAttentionConfig

__all__ = ["MultiHeadAttentionConfig", "MultiHeadAttention", "MhaInput", "MhaOutput", "MhaCache",
           "TensorCache", "generate_autoregressive_mask", "generate_padding_mask",
           "GeneratePaddingMask", "SeqLengthOption", "SequenceAttentionConfig",
           "SequenceAttention", "CrossAttentionConfig", "CrossAttention",
           "CrossAttentionCache"]
