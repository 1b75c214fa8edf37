"""Burn's ``burn::tensor::module::ctc_loss``: the Connectionist Temporal Classification loss
(Graves et al., 2006) per sample, as a composite of tensor ops that Autodiff differentiates like
any other (`pyburn.nn.loss.CTCLoss` is the module over it; its docstring describes the
recursion and the gradient).

``ctc_loss(log_probs [T, N, C], targets Int [N, S], input_lengths Int [N], target_lengths Int
[N], blank) -> [N]``: the negative log-likelihood of each target, matching
``torch.nn.functional.ctc_loss(..., reduction="none")``.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from ..errors import KindError, RankError, ShapeError, a_or_an
from ..kind import Float, Int

__all__ = ["ctc_loss", "check_ctc_inputs", "ctc_nll", "logsumexp"]

_NEG_INF = -math.inf


def ctc_loss(log_probs: Any, targets: Any, input_lengths: Any, target_lengths: Any,
             blank: int) -> Any:
    """The per-sample CTC loss, shape ``[N]`` (Burn's ``module::ctc_loss``): `log_probs`
    ``[T, N, C]`` log-probabilities (C includes the blank), `targets` Int ``[N, S]`` padded
    past each target's length, `input_lengths` and `target_lengths` Int ``[N]``, `blank` the
    blank's class index."""
    il, tl = check_ctc_inputs("ctc_loss", blank, log_probs, targets, input_lengths,
                              target_lengths)
    return ctc_nll(log_probs, targets, input_lengths, target_lengths, il, tl, blank)


def _check_tensor(owner: str, name: str, value: Any, kind: Any, rank: int) -> None:
    cls = type(value)
    if not hasattr(cls, "kind") or not hasattr(value, "primitive"):
        raise TypeError(f"{owner}: {name} must be {a_or_an(kind.__name__)} tensor, got "
                        f"{cls.__name__}")
    if cls.kind is not kind:
        raise KindError(f"{owner}: {name} must be {a_or_an(kind.__name__)} tensor, got "
                        f"{a_or_an(cls.kind.__name__)} tensor of shape {list(value.shape)}")
    if value.rank != rank:
        raise RankError(f"{owner}: {name} must have rank {rank}, got shape {list(value.shape)}")


def check_ctc_inputs(owner: str, blank: int, log_probs: Any, targets: Any, input_lengths: Any,
                     target_lengths: Any) -> tuple[list[int], list[int]]:
    """Burn's assertions (also its debug-build length checks, always on here), plus the
    target values; returns the lengths read to the host."""
    if isinstance(blank, bool) or not isinstance(blank, int) or blank < 0:
        raise ValueError(f"{owner}: blank must be a non-negative class index, got {blank!r}")
    _check_tensor(owner, "log_probs", log_probs, Float, 3)
    _check_tensor(owner, "targets", targets, Int, 2)
    _check_tensor(owner, "input_lengths", input_lengths, Int, 1)
    _check_tensor(owner, "target_lengths", target_lengths, Int, 1)
    max_input_length, batch_size, num_classes = log_probs.dims()
    max_target_length = targets.dims()[1]
    if blank >= num_classes:
        raise ValueError(f"{owner}: blank index {blank} must be less than num_classes "
                         f"{num_classes} (log_probs shape {list(log_probs.shape)})")
    for name, tensor, got in (("targets batch dimension", targets, targets.dims()[0]),
                              ("input_lengths length", input_lengths,
                               input_lengths.dims()[0]),
                              ("target_lengths length", target_lengths,
                               target_lengths.dims()[0])):
        if got != batch_size:
            raise ShapeError(f"{owner}: {name} {got} must equal batch_size {batch_size} "
                             f"(log_probs shape {list(log_probs.shape)} is [T, N, C], got "
                             f"shape {list(tensor.shape)})")
    il = [int(v) for v in input_lengths.tolist()]
    tl = [int(v) for v in target_lengths.tolist()]
    rows = targets.tolist()
    for i, (inp, tgt) in enumerate(zip(il, tl)):
        if not 0 <= tgt <= max_target_length:
            raise ValueError(f"{owner}: target_lengths[{i}] = {tgt} must be in [0, "
                             f"{max_target_length}] (the targets tensor width)")
        if inp < tgt:
            raise ValueError(f"{owner}: input_lengths[{i}] = {inp} must be >= "
                             f"target_lengths[{i}] = {tgt} (no valid CTC alignment "
                             f"otherwise)")
        if inp > max_input_length:
            raise ValueError(f"{owner}: input_lengths[{i}] = {inp} exceeds the log_probs "
                             f"time dimension {max_input_length}")
        bad = [c for c in rows[i][:tgt] if not 0 <= c < num_classes]
        if bad:
            raise ValueError(f"{owner}: targets[{i}] holds class {bad[0]}, outside [0, "
                             f"{num_classes}) (log_probs shape {list(log_probs.shape)})")
    return il, tl


def ctc_nll(log_probs: Any, targets: Any, input_lengths: Any, target_lengths: Any,
            il: Sequence[int], tl: Sequence[int], blank: int) -> Any:
    """``-log p(target | input)`` per sample, ``[N]``; `il`/`tl` are the lengths on the host
    (they bound the loop and say which samples need their alphas frozen)."""
    max_input_length, batch, _ = log_probs.dims()
    if max_input_length == 0 or max(il, default=0) == 0:
        # Only empty inputs (and so empty targets): the empty alignment has probability 1.
        per_sample = log_probs.sum_dim(2).sum_dim(0).reshape([batch])
        return per_sample.mask_fill(input_lengths.equal_elem(0), 0.0)
    device = log_probs.device
    width = targets.dims()[1]
    states = 2 * width + 1

    # l' = [blank, t1, blank, t2, ..., blank]; padding past each target's length becomes blank so
    # that any padding value (say -1) gathers safely: those states are never read.
    positions = type(targets).arange(0, width, device=device).reshape([1, width])
    padding = positions.greater_equal(target_lengths.reshape([batch, 1]))
    labels = targets.mask_fill(padding, blank)
    last_blank = type(targets).full([batch, 1], blank, device=device)
    extended = last_blank
    if width:
        interleaved = type(targets).stack([labels.full_like(blank), labels], 2)
        extended = type(targets).cat([interleaved.reshape([batch, 2 * width]), last_blank], 1)

    # log_probs of l' at every frame, [T, N, 2S+1], gathered once.
    frame_probs = log_probs.gather(
        2, extended.reshape([1, batch, states]).expand([max_input_length, batch, states]))

    # The 2-state skip s-2 -> s is allowed onto a label (odd s) that differs from l'[s-2]; on
    # blanks (even s) l'[s] == l'[s-2] == blank, so "differs" alone is torch's rule.
    no_skip = None
    if states >= 3:
        differs = extended.narrow(1, 2, states - 2).not_equal(extended.narrow(1, 0, states - 2))
        never = extended.narrow(1, 0, 2).not_equal(extended.narrow(1, 0, 2))   # [N, 2] False
        no_skip = type(differs).cat([never, differs], 1).bool_not()

    first = frame_probs.narrow(0, 0, 1).reshape([batch, states])
    state_index = type(targets).arange(0, states, device=device).reshape([1, states])
    alpha = first.mask_fill(state_index.greater_equal_elem(2).expand([batch, states]), _NEG_INF)
    pad1 = first.narrow(1, 0, 1).full_like(_NEG_INF)
    pad2 = first.narrow(1, 0, min(2, states)).full_like(_NEG_INF)

    for t in range(1, max(il)):
        stay = alpha
        step = type(alpha).cat([pad1, alpha.narrow(1, 0, states - 1)], 1) if states > 1 else None
        terms = [stay] if step is None else [stay, step]
        if no_skip is not None:
            skip = type(alpha).cat([pad2, alpha.narrow(1, 0, states - 2)], 1)
            terms.append(skip.mask_fill(no_skip, _NEG_INF))
        new = logsumexp(terms).add(frame_probs.narrow(0, t, 1).reshape([batch, states]))
        if min(il) <= t:    # samples whose input has ended keep their last alphas
            running = input_lengths.reshape([batch, 1]).greater_elem(t).expand([batch, states])
            alpha = alpha.mask_where(running, new)
        else:
            alpha = new

    # p = alpha[T_n - 1, 2 S_n] + alpha[T_n - 1, 2 S_n - 1] (the last is absent for S_n = 0).
    ends = target_lengths.reshape([batch, 1]).mul_scalar(2)
    last_two = alpha.gather(1, type(targets).cat([ends, ends.sub_scalar(1).clamp_min(0)], 1))
    empty = target_lengths.equal_elem(0).reshape([batch, 1])
    empty = type(empty).cat([empty.full_like(False), empty], 1)
    nll = logsumexp([last_two.mask_fill(empty, _NEG_INF)], dim=1).reshape([batch]).neg()
    if min(il) == 0:    # an empty input aligns only with an empty target: probability 1
        nll = nll.mask_fill(input_lengths.equal_elem(0), 0.0)
    return nll


def logsumexp(terms: Sequence[Any], dim: int | None = None) -> Any:
    """``log(sum(exp(terms)))`` elementwise over the list (or over `dim` of the one tensor),
    ``-inf`` where every term is ``-inf``, with a zero gradient there instead of NaN.

    The max is subtracted first (and cut from the graph: the result does not depend on it), so
    nothing overflows; where the max is ``-inf`` the sum is evaluated at 1 and the result masked
    back to ``-inf``, so no ``-inf - -inf`` or ``log(0)`` enters the backward pass."""
    if dim is not None:
        peak = terms[0].max_dim(dim).detach()
    else:
        peak = terms[0]
        for term in terms[1:]:
            peak = peak.max_pair(term)
        peak = peak.detach()
    dead: Any = peak.equal_elem(_NEG_INF)
    peak = peak.mask_fill(dead, 0.0)
    if dim is not None:
        total = terms[0].sub(peak).exp().sum_dim(dim)
    else:
        total = terms[0].sub(peak).exp()
        for term in terms[1:]:
            total = total.add(term.sub(peak).exp())
    return total.mask_fill(dead, 1.0).log().add(peak).mask_fill(dead, _NEG_INF)
