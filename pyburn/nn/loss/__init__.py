"""Loss functions (Burn's ``burn::nn::loss``): configs ``init`` a loss module whose
``forward(...)`` returns a ``[1]`` tensor to call ``backward()`` on. See ``docs/loss.md``."""

from .binary_cross_entropy import BinaryCrossEntropyLoss, BinaryCrossEntropyLossConfig
from .cross_entropy import CrossEntropyLoss, CrossEntropyLossConfig
from .ctc import CTCLoss, CTCLossConfig
from .gaussian_nll import GaussianNLLLoss, GaussianNLLLossConfig
from .huber import HuberLoss, HuberLossConfig
from .kldiv import KLDivLoss, KLDivLossConfig
from .lp_loss import LpLoss, LpLossConfig
from .mse import MseLoss
from .poisson import PoissonNllLoss, PoissonNllLossConfig
from .reduction import Reduction
from .rnnt import RNNTLoss, RNNTLossConfig
from .smooth_l1 import SmoothL1Loss, SmoothL1LossConfig

__all__ = ["Reduction", "MseLoss", "HuberLossConfig", "HuberLoss",
           "LpLossConfig", "LpLoss", "SmoothL1LossConfig", "SmoothL1Loss",
           "PoissonNllLossConfig", "PoissonNllLoss", "GaussianNLLLossConfig", "GaussianNLLLoss",
           "CrossEntropyLossConfig", "CrossEntropyLoss",
           "BinaryCrossEntropyLossConfig", "BinaryCrossEntropyLoss",
           "CTCLossConfig", "CTCLoss",
           "RNNTLossConfig", "RNNTLoss", "KLDivLossConfig", "KLDivLoss"]

# Margin and embedding losses.
from .cosine_embedding import CosineEmbeddingLoss, CosineEmbeddingLossConfig  # noqa: E402
from .hinge_embedding import HingeEmbeddingLoss, HingeEmbeddingLossConfig  # noqa: E402
from .margin_ranking import MarginRankingLoss, MarginRankingLossConfig  # noqa: E402
from .multi_margin import MultiMarginLoss, MultiMarginLossConfig  # noqa: E402
from .soft_margin import SoftMarginLoss  # noqa: E402
from .triplet_margin import TripletMarginLoss, TripletMarginLossConfig  # noqa: E402

__all__ += ["CosineEmbeddingLossConfig", "CosineEmbeddingLoss", "HingeEmbeddingLossConfig",
            "HingeEmbeddingLoss", "MarginRankingLossConfig", "MarginRankingLoss",
            "MultiMarginLossConfig", "MultiMarginLoss", "SoftMarginLoss",
            "TripletMarginLossConfig", "TripletMarginLoss"]
