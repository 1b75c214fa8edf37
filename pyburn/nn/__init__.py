"""Neural network modules (Burn's ``burn::nn``): each layer is a `Module` built by its
`Config`'s ``init(device)``, where the device names its backend (``B.default_device()``).
See ``docs/nn.md``."""

from .activation import Activation, ActivationConfig
from .dropout import Dropout, DropoutConfig
from .embedding import Embedding, EmbeddingConfig
from .initializer import Initializer, resolve_device
from .linear import Linear, LinearConfig
from .norm import LayerNorm, LayerNormConfig

__all__ = ["Initializer", "resolve_device", "Linear", "LinearConfig", "Activation",
           "ActivationConfig", "Dropout", "DropoutConfig", "LayerNorm", "LayerNormConfig",
           "Embedding", "EmbeddingConfig"]

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
