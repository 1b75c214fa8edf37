"""Cross-entropy for classification (Burn's ``nn::loss::CrossEntropyLoss``).

``forward(logits [batch, classes], targets Int [batch]) -> [1]``. With none of the options it
is ``-mean(log_softmax(logits)[i, targets[i]])``. The options are Burn's:

* ``weights``: per-class weights. The loss is the weighted mean
  ``-sum(w[t_i] * logp_i) / sum(w[t_i])``, as ``torch.nn.functional.cross_entropy(weight=...)``.
* ``smoothing`` (alpha): targets become ``(1 - alpha) * one_hot + alpha / classes``; with
  weights, class ``c``'s term is weighted by ``w[c]`` and the normalizer stays
  ``sum(w[t_i])`` — torch's ``label_smoothing`` exactly.
* ``pad_tokens``: samples whose target is one of these are left out of the loss and of the
  normalizer (torch's ``ignore_index``, for several indices). A batch of only padding gives NaN.
  Pad tokens need not be valid class indices (e.g. -100 works).
* ``logits=False``: the inputs are probabilities; they are clamped to ``sqrt(tiny)`` of their
  dtype before ``log`` (Burn), so a zero probability is a large finite loss.

``log_softmax`` subtracts the row max first, so large logits do not overflow.
"""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Bool, Device, Int, ShapeError, Tensor, activation

from .._types import B
from ._checks import check_tensor
from ._weights import min_positive_sqrt, weights_like, weights_tensor

_NAME = "CrossEntropyLoss"


class CrossEntropyLossConfig(Config):
    """``CrossEntropyLossConfig(pad_tokens=None, weights=None, smoothing=None, logits=True)``."""

    pad_tokens: Optional[list[int]] = None
    weights: Optional[list[float]] = None
    smoothing: Optional[float] = None
    logits: bool = True

    def init(self, device: Device | None = None) -> "CrossEntropyLoss":
        """The loss; `device` (e.g. ``B.default_device()``) is where the weights live."""
        if self.smoothing is not None and not 0.0 <= self.smoothing <= 1.0:
            raise ValueError(f"CrossEntropyLossConfig: alpha of cross-entropy loss with smoothed "
                             f"labels should be in interval [0, 1], got {self.smoothing}")
        if self.weights is not None and not all(w > 0.0 for w in self.weights):
            raise ValueError(f"CrossEntropyLossConfig: weights of cross-entropy have to be "
                             f"positive, got {self.weights}")
        weight_values = None if self.weights is None else tuple(float(w) for w in self.weights)
        return CrossEntropyLoss(
            pad_tokens=None if self.pad_tokens is None else list(self.pad_tokens),
            weights=weights_tensor(weight_values, device), smoothing=self.smoothing,
            logits=self.logits, weight_values=weight_values)


class CrossEntropyLoss(Module):
    """Built by `CrossEntropyLossConfig.init` (or ``CrossEntropyLoss.new(pad_index)``)."""

    pad_tokens: Optional[list[int]]
    weights: "Optional[Tensor[Any]]"
    smoothing: Optional[float]
    logits: bool
    weight_values: Optional[tuple[float, ...]] = None

    @classmethod
    def new(cls, pad_index: int | None = None, device: Device | None = None) -> "CrossEntropyLoss":
        """Burn's ``CrossEntropyLoss::new(pad_index, device)``: the default loss, optionally
        ignoring one pad token."""
        pads = None if pad_index is None else [pad_index]
        return CrossEntropyLossConfig(pad_tokens=pads).init(device)

    def forward(self, logits: "Tensor[B]", targets: "Tensor[B, Int]") -> "Tensor[B]":
        """The loss, shape ``[1]``. `logits` ``[batch, classes]`` (probabilities when the
        config says ``logits=False``), `targets` Int ``[batch]``."""
        self._check(logits, targets)
        mask = self._padding_mask(targets)
        # Pad targets may be any value (say -100): replace them by class 0 before indexing;
        # their terms are masked out below.
        safe = targets if mask is None else targets.mask_fill(mask, 0)
        weights = None
        if self.weight_values is not None:
            weights = weights_like(self.weight_values, self.weights, logits)
        if self.smoothing is not None:
            per_sample, sample_weights = self._smoothed(logits, safe, self.smoothing, weights)
        else:
            per_sample, sample_weights = self._default(logits, safe, weights)
        return self._reduce_mean(per_sample, sample_weights, mask)

    __call__ = forward

    def _log_probs(self, logits: "Tensor[Any]") -> "Tensor[Any]":
        if self.logits:
            return activation.log_softmax(logits, 1)
        return logits.clamp_min(min_positive_sqrt(logits)).log()

    def _default(self, logits: "Tensor[Any]", targets: "Tensor[Any, Int]",
                 weights: "Tensor[Any] | None") -> "tuple[Tensor[Any], Tensor[Any] | None]":
        batch = targets.shape[0]
        index = targets.reshape([batch, 1])
        if self.logits:
            picked = activation.log_softmax(logits, 1).gather(1, index)
        else:  # gather first: only the target probabilities need a log
            picked = logits.clamp_min(min_positive_sqrt(logits)).gather(1, index).log()
        picked = picked.reshape([batch])
        if weights is None:
            return picked, None
        sample_weights = weights.gather(0, targets)
        return picked.mul(sample_weights), sample_weights

    def _smoothed(self, logits: "Tensor[Any]", targets: "Tensor[Any, Int]", alpha: float,
                  weights: "Tensor[Any] | None") -> "tuple[Tensor[Any], Tensor[Any] | None]":
        batch, classes = logits.dims()
        log_probs = self._log_probs(logits)
        index = targets.reshape([batch, 1])
        one_hot = log_probs.zeros_like().scatter(1, index, log_probs.ones_like().narrow(1, 0, 1))
        smoothed = one_hot.mul_scalar(1.0 - alpha).add_scalar(alpha / classes)
        terms = log_probs.mul(smoothed)
        sample_weights = None
        if weights is not None:
            terms = terms.mul(weights.reshape([1, classes]))
            sample_weights = weights.gather(0, targets)
        return terms.sum_dim(1).reshape([batch]), sample_weights

    def _padding_mask(self, targets: "Tensor[Any, Int]") -> "Tensor[Any, Bool] | None":
        mask = None
        for token in self.pad_tokens or ():
            hit = targets.equal_elem(int(token))
            mask = hit if mask is None else mask.bool_or(hit)
        return mask

    @staticmethod
    def _reduce_mean(per_sample: "Tensor[Any]", sample_weights: "Tensor[Any] | None",
                     mask: "Tensor[Any, Bool] | None") -> "Tensor[Any]":
        if sample_weights is None and mask is None:
            return per_sample.mean().neg()
        normalizer = per_sample.ones_like() if sample_weights is None else sample_weights
        if mask is not None:
            per_sample = per_sample.mask_fill(mask, 0.0)
            normalizer = normalizer.mask_fill(mask, 0.0)
        return per_sample.sum().neg().div(normalizer.sum())

    def _check(self, logits: Any, targets: Any) -> None:
        check_tensor(_NAME, "logits", logits, "Float", 2)
        check_tensor(_NAME, "targets", targets, "Int", 1)
        batch, classes = logits.dims()
        if targets.shape[0] != batch:
            raise ShapeError(f"{_NAME}: targets shape {list(targets.shape)} does not match the "
                             f"batch size of logits shape {list(logits.shape)} (expected "
                             f"[{batch}])")
        if self.weight_values is not None and len(self.weight_values) != classes:
            raise ShapeError(f"{_NAME}: {len(self.weight_values)} class weights for logits of "
                             f"shape {list(logits.shape)} ({classes} classes)")

    def __repr__(self) -> str:
        pads = "None" if self.pad_tokens is None else f"Vec<0..{len(self.pad_tokens)}>"
        weights = "None" if self.weight_values is None else \
            f"Tensor {{rank: 1, shape: [{len(self.weight_values)}]}}"
        smoothing = "None" if self.smoothing is None else str(self.smoothing)
        return (f"CrossEntropyLoss {{pad_tokens: {pads}, weights: {weights}, "
                f"smoothing: {smoothing}, logits: {str(self.logits).lower()}}}")
