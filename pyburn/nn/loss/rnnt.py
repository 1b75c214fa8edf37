"""RNN-Transducer loss (Burn's ``nn::loss::RNNTLoss``), from Graves, "Sequence Transduction with
Recurrent Neural Networks" (https://arxiv.org/abs/1211.3711).

The joiner scores every pair of an encoder step ``t < T`` and an output position ``u <= U``:
``logits [N, T, U+1, V]``. An alignment walks the ``(t, u)`` lattice from ``(0, 0)``: a blank
moves to ``t + 1``, the label ``targets[u]`` moves to ``u + 1``, and the final blank at
``(T-1, U)`` ends it. The loss is ``-log`` of the summed probability of all alignments:

    alpha(0, 0) = 0
    alpha(t, u) = logaddexp(alpha(t-1, u) + blank(t-1, u), alpha(t, u-1) + label(t, u-1))
    loss        = -(alpha(T-1, U) + blank(T-1, U))

Both predecessors of ``(t, u)`` lie on the anti-diagonal ``t + u - 1``, so the recursion runs
over the ``T + U`` anti-diagonals, each step one vectorized update of all ``u`` of all samples.
It is built from Tensor ops only, so ``Autodiff`` differentiates it on every backend; its
memory is ``O(N * (T + U) * (U + 1))``. Samples shorter than the padded shapes need no masking:
``alpha(t, u)`` depends only on smaller ``t`` and ``u``, so each sample's loss is read at its own
``(T_n - 1, U_n)``, and the padding positions get exactly zero gradient. Matches
``torchaudio.functional.rnnt_loss(..., reduction="none")``.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Bool, Int, ShapeError, Tensor, activation
from pyburn.tensor.ops_basic import index_bounds

from .._types import B
from ._checks import check_tensor
from .reduction import Reduction, reduce

_NAME = "RNNTLoss.forward"
_NEG_INF = float("-inf")


class RNNTLossConfig(Config):
    """``RNNTLossConfig(blank=0, logits=True)``: `blank` is the blank label's index in the
    vocabulary; ``logits=False`` means the inputs already are log-probabilities (no internal
    ``log_softmax`` over the vocabulary)."""

    blank: int = 0
    logits: bool = True

    def init(self) -> "RNNTLoss":
        if self.blank < 0:
            raise ValueError(f"RNNTLossConfig: blank must be a non-negative label index, got "
                             f"{self.blank!r}")
        return RNNTLoss(self.blank, self.logits)


class RNNTLoss(Module):
    """Built by `RNNTLossConfig.init`."""

    blank: int
    logits: bool

    def forward(self, logits: "Tensor[B]", targets: "Tensor[B, Int]",
                logit_lengths: "Tensor[B, Int]", target_lengths: "Tensor[B, Int]") -> "Tensor[B]":
        """The per-sample loss, shape ``[N]`` (no reduction).

        `logits` ``[N, T, U+1, V]``: the joiner output (log-probabilities when the config says
        ``logits=False``); `targets` Int ``[N, U]``: the labels, padded with any value past each
        sample's length (they must not be the blank); `logit_lengths` Int ``[N]``: each sample's
        encoder length in ``[1, T]``; `target_lengths` Int ``[N]``: each sample's label count in
        ``[0, U]``."""
        batch, max_t, max_up1, vocab = self._check(logits, targets, logit_lengths,
                                                   target_lengths)
        targets = self._unpadded(targets, target_lengths, vocab, logits)
        log_probs = activation.log_softmax(logits, 3) if self.logits else logits
        blank, label = self._emissions(log_probs, targets)
        skew_index, invalid = self._skew(logits, max_t, max_up1, batch)
        # On anti-diagonal d, position u is the lattice point (t = d - u, u).
        skewed_blank = blank.gather(1, skew_index)
        blank_d = skewed_blank.unbind(1)                  # blank(d - u, u)
        label_d = label.gather(1, skew_index).unbind(1)   # label(d - u, u - 1)
        invalid_d = invalid.unbind(1)
        FloatT = type(log_probs)
        neg_inf_col = FloatT.full([batch, 1], _NEG_INF, log_probs.device)
        alpha = FloatT.zeros([batch, max_up1], log_probs.device).mask_fill(invalid_d[0], _NEG_INF)
        alphas = [alpha]
        for d in range(1, len(invalid_d)):
            via_blank = alpha.add(blank_d[d - 1])
            shifted = alpha.narrow(1, 0, max_up1 - 1)
            via_label = Tensor.cat([neg_inf_col, shifted], 1).add(label_d[d])
            alpha = _log_add_exp(via_blank, via_label).mask_fill(invalid_d[d], _NEG_INF)
            alphas.append(alpha)
        # The final blank at (T_n - 1, U_n) sits on anti-diagonal T_n - 1 + U_n.
        total = Tensor.stack(alphas, 1).add(skewed_blank)
        last_t = logit_lengths.sub_scalar(1)
        flat_index = last_t.add(target_lengths).mul_scalar(max_up1).add(target_lengths)
        picked = total.reshape([batch, len(alphas) * max_up1]) \
            .gather(1, flat_index.reshape([batch, 1]))
        return picked.reshape([batch]).neg()

    __call__ = forward

    def forward_with_reduction(self, logits: "Tensor[B]", targets: "Tensor[B, Int]",
                               logit_lengths: "Tensor[B, Int]", target_lengths: "Tensor[B, Int]",
                               reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced over the batch to shape ``[1]`` (``Auto`` = ``Mean``, as in Burn;
        torchaudio's ``"mean"`` is the same)."""
        return reduce(self.forward(logits, targets, logit_lengths, target_lengths), reduction,
                      "RNNTLoss.forward_with_reduction")

    def _unpadded(self, targets: "Tensor[Any, Int]", target_lengths: "Tensor[Any, Int]",
                  vocab: int, logits: "Tensor[Any]") -> "Tensor[Any, Int]":
        """`targets` with the padding past each sample's length replaced by the blank: only the
        labels within the length are read, so padding may be any value (say -1)."""
        batch, max_u = targets.dims()
        if max_u == 0:
            return targets
        positions = Tensor.of(type(targets).backend, Int).arange(0, max_u, targets.device) \
            .reshape([1, max_u]).expand([batch, max_u])
        padding = positions.greater_equal(target_lengths.reshape([batch, 1])
                                          .expand([batch, max_u]))
        unpadded = targets.mask_fill(padding, self.blank)
        _check_range("targets", unpadded, 0, vocab - 1, logits)
        return unpadded

    def _emissions(self, log_probs: "Tensor[Any]",
                   targets: "Tensor[Any, Int]") -> "tuple[Tensor[Any], Tensor[Any]]":
        """``blank [N, T, U+1]`` and ``label [N, T, U+1]``, where ``label[:, t, u]`` is the
        log-probability of emitting ``targets[u-1]`` at ``(t, u-1)`` (column 0 is unused)."""
        batch, max_t, max_up1, _ = log_probs.dims()
        max_u = max_up1 - 1
        blank = log_probs.narrow(3, self.blank, 1).reshape([batch, max_t, max_up1])
        if max_u == 0:
            return blank, blank.zeros_like()
        index = targets.reshape([batch, 1, max_u, 1]).expand([batch, max_t, max_u, 1])
        label = log_probs.narrow(2, 0, max_u).gather(3, index).reshape([batch, max_t, max_u])
        return blank, Tensor.cat([blank.narrow(2, 0, 1).zeros_like(), label], 2)

    @staticmethod
    def _skew(like: "Tensor[Any]", max_t: int, max_up1: int,
              batch: int) -> "tuple[Tensor[Any, Int], Tensor[Any, Bool]]":
        """The time index ``t = d - u`` of each anti-diagonal position, clamped into ``[0, T)``
        and expanded over the batch (``[N, T+U, U+1]``), and where it was out of the lattice
        (``[N, T+U, U+1]``)."""
        IntT = Tensor.of(type(like).backend, Int)
        diagonals = max_t + max_up1 - 1
        d = IntT.arange(0, diagonals, like.device).reshape([diagonals, 1]) \
            .expand([diagonals, max_up1])
        u = IntT.arange(0, max_up1, like.device).reshape([1, max_up1]) \
            .expand([diagonals, max_up1])
        t = d.sub(u)
        shape = [batch, diagonals, max_up1]
        invalid = t.lower_elem(0).bool_or(t.greater_equal_elem(max_t))
        index = t.clamp(0, max_t - 1)
        return (index.reshape([1, diagonals, max_up1]).expand(shape),
                invalid.reshape([1, diagonals, max_up1]).expand(shape))

    def _check(self, logits: Any, targets: Any, logit_lengths: Any,
               target_lengths: Any) -> tuple[int, int, int, int]:
        check_tensor(_NAME, "logits", logits, "Float", 4)
        check_tensor(_NAME, "targets", targets, "Int", 2)
        check_tensor(_NAME, "logit_lengths", logit_lengths, "Int", 1)
        check_tensor(_NAME, "target_lengths", target_lengths, "Int", 1)
        batch, max_t, max_up1, vocab = logits.dims()
        if self.blank >= vocab:
            raise ValueError(f"{_NAME}: blank index {self.blank} must be less than vocab_size "
                             f"{vocab} (logits shape {list(logits.shape)})")
        if max_t == 0 or max_up1 == 0:
            raise ShapeError(f"{_NAME}: logits [N, T, U+1, V] need T >= 1 and U+1 >= 1, got "
                             f"shape {list(logits.shape)}")
        expected = {"targets": [batch, max_up1 - 1], "logit_lengths": [batch],
                    "target_lengths": [batch]}
        for name, value in (("targets", targets), ("logit_lengths", logit_lengths),
                            ("target_lengths", target_lengths)):
            if value.shape[0] != batch:
                raise ShapeError(f"{_NAME}: {name} length {value.shape[0]} must equal batch_size "
                                 f"{batch} (shape {list(value.shape)}, expected "
                                 f"{expected[name]} for logits of shape {list(logits.shape)})")
        if targets.shape[1] != max_up1 - 1:
            raise ShapeError(f"{_NAME}: targets length dimension {targets.shape[1]} must equal "
                             f"max_target_len (max_u) {max_up1 - 1} (shape "
                             f"{list(targets.shape)}, expected {expected['targets']} for logits "
                             f"of shape {list(logits.shape)})")
        _check_range("logit_lengths", logit_lengths, 1, max_t, logits)
        _check_range("target_lengths", target_lengths, 0, max_up1 - 1, logits)
        return batch, max_t, max_up1, vocab

    def __repr__(self) -> str:
        return f"RNNTLoss {{blank: {self.blank}, logits: {str(self.logits).lower()}}}"


def _check_range(name: str, values: "Tensor[Any, Int]", low: int, high: int,
                 logits: "Tensor[Any]") -> None:
    bounds = index_bounds(values)
    if bounds is None:
        return
    bad = bounds[0] if bounds[0] < low else bounds[1] if bounds[1] > high else None
    if bad is not None:
        raise ValueError(f"{_NAME}: {name} must lie in [{low}, {high}] for logits of shape "
                         f"{list(logits.shape)}, got {bad}")


def _log_add_exp(a: "Tensor[Any]", b: "Tensor[Any]") -> "Tensor[Any]":
    """``log(exp(a) + exp(b))``, exact where either side is ``-inf`` (an unreachable lattice
    point): the general formula sees 0 there instead, and its result is replaced, so neither the
    value nor the gradient ever meets ``-inf - -inf``. The shift ``m`` is detached: the value
    does not depend on it, and so ties ``a == b`` split the gradient evenly (a ``max``/``abs``
    form would hand all of it to one side)."""
    a_inf = a.equal_elem(_NEG_INF)
    b_inf = b.equal_elem(_NEG_INF)
    a_safe = a.mask_fill(a_inf, 0.0)
    b_safe = b.mask_fill(b_inf, 0.0)
    m = a_safe.max_pair(b_safe).detach()
    both = a_safe.sub(m).exp().add(b_safe.sub(m).exp()).log().add(m)
    return both.mask_where(a_inf, b).mask_where(b_inf, a)
