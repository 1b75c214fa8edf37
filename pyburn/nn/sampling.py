"""Drawing tokens from a language model's logits: greedy, temperature, top-k and top-p
(nucleus) sampling, and a `generate` loop that carries the recurrent state.

The draw happens on the logits' backend and device (a cumulative sum and one uniform number
per row: the inverse-CDF method), with the backend's own random generator. So
``B.seed(s)`` (or ``generate(..., seed=s)``) makes every sample of a run reproducible, as
every other random op of pyburn, and no logits travel to the host but the chosen ids.

- temperature ``T``: ``softmax(logits / T)``; below 1 sharpens, above 1 flattens; ``0`` is
  greedy (the arg max).
- top-k: only the `k` largest logits of each row compete (ties at the k-th value all stay).
- top-p: only the smallest set of most probable tokens whose probabilities reach `p` competes
  (Holtzman et al. 2020), after temperature and top-k.
"""

from __future__ import annotations

import math
from typing import Any, Protocol, Sequence

from pyburn.tensor import Distribution, Int, ShapeError, Tensor
from pyburn.tensor.activation import softmax

__all__ = ["greedy", "sample_logits", "filter_top_k", "filter_top_p", "generate",
           "LanguageModel", "Vocabulary"]


def _check_logits(op: str, logits: Any) -> tuple[int, int]:
    if not isinstance(logits, Tensor) or logits.kind.prefix != "float":
        raise TypeError(f"{op}: expected a Float tensor of logits [batch, vocab], got "
                        f"{type(logits).__name__}")
    dims = logits.dims()
    if len(dims) != 2 or dims[1] == 0:
        raise ShapeError(f"{op}: expected logits of shape [batch, vocab] (vocab >= 1), got {dims}")
    return dims[0], dims[1]


def greedy(logits: "Tensor[Any]") -> "Tensor[Any, Int]":
    """The most probable id of each row: ``[batch, vocab] -> Int [batch]``."""
    _check_logits("greedy", logits)
    return logits.argmax(1).squeeze_dim(1)


def filter_top_k(logits: "Tensor[Any]", k: int) -> "Tensor[Any]":
    """`logits` with everything below each row's k-th largest value set to ``-inf``."""
    _, vocab = _check_logits("filter_top_k", logits)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"filter_top_k: k must be an int >= 1, got {k!r}")
    if k >= vocab:
        return logits
    kth = logits.topk(k, 1)[:, k - 1:k]                        # [batch, 1]
    return logits.mask_fill(logits.lower(kth), -math.inf)


def filter_top_p(logits: "Tensor[Any]", p: float) -> "Tensor[Any]":
    """`logits` with the tokens outside each row's nucleus (the most probable tokens whose
    probabilities first reach `p`) set to ``-inf``. The most probable token always stays."""
    _check_logits("filter_top_p", logits)
    if not 0.0 < p <= 1.0:
        raise ValueError(f"filter_top_p: p must be in (0, 1], got {p!r}")
    if p >= 1.0:
        return logits
    probs = softmax(logits, 1)
    ordered = probs.sort_descending(1)
    before = ordered.cumsum(1).sub(ordered)                     # mass of the more probable ones
    kept = ordered.mask_fill(before.greater_equal_elem(p), math.inf)
    smallest = kept.min_dim(1)                                  # [batch, 1]
    return logits.mask_fill(probs.lower(smallest), -math.inf)


def sample_logits(logits: "Tensor[Any]", temperature: float = 1.0, top_k: int | None = None,
                  top_p: float | None = None) -> "Tensor[Any, Int]":
    """One id per row drawn from ``softmax(logits / temperature)`` restricted by `top_k` and
    `top_p`: ``[batch, vocab] -> Int [batch]``. ``temperature=0`` is `greedy`."""
    batch, vocab = _check_logits("sample_logits", logits)
    if not (math.isfinite(temperature) and temperature >= 0.0):
        raise ValueError(f"sample_logits: temperature must be finite and >= 0, got "
                         f"{temperature!r}")
    if temperature == 0.0:
        return greedy(logits)
    scaled = logits.div_scalar(temperature)
    if top_k is not None:
        scaled = filter_top_k(scaled, top_k)
    if top_p is not None:
        scaled = filter_top_p(scaled, top_p)
    cdf = softmax(scaled, 1).cumsum(1)                          # last column ~ 1
    u = type(logits).random([batch, 1], Distribution.Default, logits.device)
    u = u.mul(cdf[:, vocab - 1:vocab])                          # exactly within the total mass
    ids = cdf.lower_equal(u).int().sum_dim(1).squeeze_dim(1)
    return ids.clamp_max(vocab - 1)


class Vocabulary(Protocol):
    """What `generate` needs of a vocabulary (`pyburn.data.CharVocab` is one)."""

    def encode(self, text: str) -> list[int]: ...

    def decode(self, ids: Sequence[int]) -> str: ...


class LanguageModel(Protocol):
    """``forward(ids Int [batch, seq], state) -> (logits [batch, seq, vocab], state)``; a
    state of None means the start of a text."""

    def forward(self, ids: Any, state: Any = None) -> tuple[Any, Any]: ...


def generate(model: LanguageModel, vocab: Vocabulary, prompt: str, length: int, *,
             temperature: float = 1.0, top_k: int | None = None, top_p: float | None = None,
             seed: int | None = None, device: Any = None, backend: Any = None) -> str:
    """`prompt` followed by `length` sampled characters. The prompt is read in one forward
    pass; then each drawn id is fed back with the carried state, one step at a time. Use the
    model on a plain backend (``model.valid()``): no tape, dropout off. `backend` (default: the
    backend of the model's parameters) is where the ids are built; `seed` seeds it first."""
    if length < 0:
        raise ValueError(f"generate: length must be >= 0, got {length}")
    ids = vocab.encode(prompt)
    if not ids:
        raise ValueError("generate: the prompt must contain at least one known character (the "
                         "first input)")
    B = backend if backend is not None else _model_backend(model)
    named = getattr(model, "named_params", None)
    for _, param in (named() if callable(named) else []):
        param.val()   # initialize lazy parameters now, so that they do not consume the seed
    if seed is not None:
        B.seed(seed)
    T = Tensor.of(B, Int)   # Tensor[B, Int] for a backend chosen at run time
    logits, state = model.forward(T.from_data([ids], device), None)
    out: list[int] = []
    for _ in range(length):
        last = logits[:, logits.dims()[1] - 1]                  # [1, vocab]
        next_id = sample_logits(last, temperature, top_k, top_p)
        out.append(int(next_id.into_scalar()))
        logits, state = model.forward(next_id.unsqueeze_dim(1), state)
    return prompt + vocab.decode(out)


def _model_backend(model: Any) -> Any:
    named = getattr(model, "named_params", None)
    params = [p for _, p in named()] if callable(named) else []
    if params:
        return type(params[0].val()).backend
    raise TypeError("generate: cannot tell the model's backend (no parameters found); "
                    "pass backend=")
