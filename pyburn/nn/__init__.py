"""Neural network modules (Burn's ``burn::nn``): each layer is a `Module` built by its
`Config`'s ``init(device)``, where the device names its backend (``B.default_device()``).
See ``docs/nn.md``."""

from .activation import Activation, ActivationConfig
from .dropout import Dropout, DropoutConfig
from .embedding import Embedding, EmbeddingConfig
from .initializer import Initializer, resolve_device
from .linear import Linear, LinearConfig, LinearLayout
from .norm import *  # noqa: F401,F403  (LayerNorm, BatchNorm, GroupNorm, ...)
from . import norm as _norm
from .activation_modules import *  # noqa: F401,F403  (Relu, Gelu, PRelu, ...)
from . import activation_modules as _activation_modules

__all__ = ["Initializer", "resolve_device", "Linear", "LinearConfig", "LinearLayout", "Activation",
           "ActivationConfig", "Dropout", "DropoutConfig", "LayerNorm", "LayerNormConfig",
           "Embedding", "EmbeddingConfig"]
__all__ += [n for m in (_norm, _activation_modules) for n in m.__all__ if n not in __all__]
from .positional import (PositionalEncoding, PositionalEncodingConfig,  # noqa: E402
                         RotaryEncoding, RotaryEncodingConfig, apply_freq_scaling_by_parts,
                         generate_sinusoids)
__all__ += ["PositionalEncodingConfig", "PositionalEncoding", "RotaryEncodingConfig",
            "RotaryEncoding", "generate_sinusoids", "apply_freq_scaling_by_parts"]

# Subpackages written alongside these layers; imported last so that they can use them. A
# subpackage that does not exist yet is skipped; an error inside one is raised.
try:
    from .rnn import *  # noqa: F401,F403
    from . import rnn as _rnn
    __all__ += [n for n in getattr(_rnn, "__all__", []) if n not in __all__]
except ModuleNotFoundError as e:
    if e.name not in ("pyburn.nn.rnn", "pyburn.nn.loss"):
        raise
try:
    from .loss import *  # noqa: F401,F403
    from . import loss as _loss
    __all__ += [n for n in getattr(_loss, "__all__", []) if n not in __all__]
except ModuleNotFoundError as e:
    if e.name not in ("pyburn.nn.rnn", "pyburn.nn.loss"):
        raise
from .conv import *  # noqa: E402,F401,F403  (Conv1d/2d/3d, ConvTranspose1d/2d, PaddingConfig*)
from . import conv as _conv  # noqa: E402
__all__ += [n for n in _conv.__all__ if n not in __all__]
from .pool import *  # noqa: E402,F401,F403  (AvgPool1d/2d, MaxPool1d/2d, AdaptiveAvgPool1d/2d)
from . import pool as _pool  # noqa: E402
__all__ += [n for n in _pool.__all__ if n not in __all__]
from .interpolate import *  # noqa: E402,F401,F403  (Interpolate1d/2d, InterpolateMode)
from . import interpolate as _interpolate  # noqa: E402
__all__ += [n for n in _interpolate.__all__ if n not in __all__]
from .attention.sequence import SequenceAttention, SequenceAttentionConfig  # noqa: E402
__all__ += ["SequenceAttentionConfig", "SequenceAttention"]
from .sampling import generate, greedy, sample_logits  # noqa: E402
__all__ += ["generate", "greedy", "sample_logits"]
from .activation_modules_extra import *  # noqa: E402,F401,F403  (Celu, Elu, GLU, shrinks, ...)
from . import activation_modules_extra as _activation_modules_extra  # noqa: E402
from .rrelu import RRelu, RReluConfig  # noqa: E402
from .swiglu import SwiGlu, SwiGluConfig  # noqa: E402
from .noise import GaussianNoise, GaussianNoiseConfig  # noqa: E402
from .identity import Identity  # noqa: E402
__all__ += [n for n in _activation_modules_extra.__all__ if n not in __all__]
__all__ += ["RReluConfig", "RRelu", "SwiGluConfig", "SwiGlu", "GaussianNoiseConfig",
            "GaussianNoise", "Identity"]
from .pixel_shuffle import (PixelShuffle, PixelShuffleConfig, PixelUnshuffle,  # noqa: E402
                            PixelUnshuffleConfig)
from .fold import Fold4d, Fold4dConfig, Unfold4d, Unfold4dConfig  # noqa: E402
__all__ += ["PixelShuffleConfig", "PixelShuffle", "PixelUnshuffleConfig", "PixelUnshuffle",
            "Fold4dConfig", "Fold4d", "Unfold4dConfig", "Unfold4d"]
from .distance import (CosineSimilarity, CosineSimilarityConfig,  # noqa: E402
                       PairwiseDistance, PairwiseDistanceConfig)
__all__ += ["CosineSimilarityConfig", "CosineSimilarity", "PairwiseDistanceConfig",
            "PairwiseDistance"]
