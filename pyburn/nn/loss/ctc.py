"""Connectionist Temporal Classification loss (Burn's ``nn::loss::CTCLoss``; Graves et al.,
2006): the negative log-probability of a target sequence summed over every alignment of it to
the input frames, for sequence labelling without a frame-level segmentation (speech, OCR).

``forward(log_probs [T, N, C], targets Int [N, S], input_lengths Int [N],
target_lengths Int [N]) -> [N]`` as Burn; ``log_probs`` are log-probabilities (a
``log_softmax`` over the classes), ``targets`` padded to the longest target (the padding is
ignored). Matches ``torch.nn.functional.ctc_loss(..., reduction="none")``.

The loss is the standard forward (alpha) recursion in log space over the extended label
sequence ``l' = [blank, l1, blank, l2, ..., blank]`` (``2S + 1`` states), written with Tensor
ops and vectorized over the batch and the states: one ``gather`` of the log-probabilities of
``l'``, then per time step a log-sum-exp of the alphas shifted by 0, 1 and 2 states (the 2-step
skip only onto a label that differs from the one two states back). Autodiff differentiates it
like any other composite, so every backend gets forward and gradient from the same code.
Unreachable states hold ``-inf``; the log-sum-exp is evaluated at a harmless point where all its
terms are ``-inf`` and masked back, so such states give a zero gradient rather than NaN, and a
sample whose target cannot be aligned (infinite loss) gets a zero gradient; so do classes
given probability 0 (``-inf`` log-probabilities), where torch's backward gives NaN.

The gradient w.r.t. ``log_probs`` is the true one, minus the alignment posterior. torch's
backward returns ``exp(log_probs) - posterior`` instead, which is only right after it flows
through a ``log_softmax`` (the extra term is in that Jacobian's null space); through a
``log_softmax`` both agree, which is what the tests compare.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor
from pyburn.tensor.module_ops.ctc import check_ctc_inputs, ctc_nll

from .._types import B
from .reduction import Reduction

_NAME = "CTCLoss.forward"


class CTCLossConfig(Config):
    """``CTCLossConfig(blank=0, zero_infinity=False)``: the class index of the blank label, and
    whether infinite losses (targets too long for their input) and their gradients become 0."""

    blank: int = 0
    zero_infinity: bool = False

    def init(self) -> "CTCLoss":
        if isinstance(self.blank, bool) or not isinstance(self.blank, int) or self.blank < 0:
            raise ValueError(f"CTCLossConfig.init: blank must be a non-negative class index, "
                             f"got {self.blank!r}")
        return CTCLoss(self.blank, bool(self.zero_infinity))


class CTCLoss(Module):
    """Built by `CTCLossConfig.init`."""

    blank: int
    zero_infinity: bool

    def forward(self, log_probs: "Tensor[B]", targets: "Tensor[Any]", input_lengths: "Tensor[Any]",
                target_lengths: "Tensor[Any]") -> "Tensor[B]":
        """The per-sample losses, shape ``[N]`` (no reduction, as Burn's ``forward``).

        `log_probs` ``[T, N, C]`` (C includes the blank), `targets` Int ``[N, S]`` padded with
        anything past each target's length, `input_lengths` and `target_lengths` Int ``[N]``
        with ``target_length <= input_length <= T`` and ``target_length <= S``."""
        il, tl = self._check(log_probs, targets, input_lengths, target_lengths)
        loss = ctc_nll(log_probs, targets, input_lengths, target_lengths, il, tl, self.blank)
        if self.zero_infinity:
            loss = loss.mask_fill(loss.is_inf(), 0.0)
        return loss

    __call__ = forward

    def forward_with_reduction(self, log_probs: "Tensor[B]", targets: "Tensor[Any]",
                               input_lengths: "Tensor[Any]", target_lengths: "Tensor[Any]",
                               reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]``. ``Mean`` (and ``Auto``) divide each sample's loss
        by its target length, then average over the batch (torch's ``reduction="mean"``; an
        empty target divides by 1, as in torch); ``Sum`` adds the per-sample losses."""
        if not isinstance(reduction, Reduction):
            raise TypeError(f"CTCLoss.forward_with_reduction: reduction must be a Reduction "
                            f"(Reduction.Mean, Reduction.Sum or Reduction.Auto), got "
                            f"{reduction!r}")
        if reduction is Reduction.BatchMean:
            raise ValueError("CTCLoss.forward_with_reduction: Reduction.BatchMean is not "
                             "supported (use Reduction.Mean, Reduction.Sum or Reduction.Auto)")
        loss = self.forward(log_probs, targets, input_lengths, target_lengths)
        if reduction is Reduction.Sum:
            return loss.sum()
        lengths = target_lengths.float().clamp_min(1.0)
        return loss.div(lengths).mean()

    def _check(self, log_probs: Any, targets: Any, input_lengths: Any,
               target_lengths: Any) -> tuple[list[int], list[int]]:
        """Burn's assertions (also its debug-build length checks, always on here), plus the
        target values; returns the lengths read to the host."""
        return check_ctc_inputs(_NAME, self.blank, log_probs, targets, input_lengths,
                                target_lengths)

    def __repr__(self) -> str:
        return f"CTCLoss {{blank: {self.blank}, zero_infinity: {str(self.zero_infinity).lower()}}}"

