"""Transformers (Burn's ``burn::nn::transformer``): `TransformerEncoder`, `TransformerDecoder`
and their `PositionWiseFeedForward`, built on `pyburn.nn.attention.MultiHeadAttention`. See
``docs/attention.md``, "Transformers"."""

from .decoder import (TransformerDecoder, TransformerDecoderAutoregressiveCache,
                      TransformerDecoderConfig, TransformerDecoderInput, TransformerDecoderLayer,
                      TransformerDecoderLayerAutoregressiveCache)
from .encoder import (TransformerEncoder, TransformerEncoderAutoregressiveCache,
                      TransformerEncoderConfig, TransformerEncoderInput, TransformerEncoderLayer,
                      TransformerEncoderLayerAutoregressiveCache)
from .pwff import PositionWiseFeedForward, PositionWiseFeedForwardConfig

__all__ = ["TransformerEncoderConfig", "TransformerEncoder", "TransformerEncoderLayer",
           "TransformerEncoderInput", "TransformerEncoderAutoregressiveCache",
           "TransformerEncoderLayerAutoregressiveCache", "TransformerDecoderConfig",
           "TransformerDecoder", "TransformerDecoderLayer", "TransformerDecoderInput",
           "TransformerDecoderAutoregressiveCache", "TransformerDecoderLayerAutoregressiveCache",
           "PositionWiseFeedForwardConfig", "PositionWiseFeedForward"]
