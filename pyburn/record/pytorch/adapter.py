"""A whole PyTorch state dict into a whole pyburn module, and back, layer by layer.

The module tree decides the layout, as Burn's ``PyTorchAdapter`` lets the record type decide:
walking the pyburn module, each layer whose PyTorch layout differs (`Linear`'s transposed
weight, convolutions, normalization layers' ``weight``/``bias`` and running statistics,
LSTM/GRU/RNN fused gates, ``MultiheadAttention``'s packed in-projection, transformer layers)
takes the keys under its path through `pyburn.nn.load_torch_state_dict`, which holds each
layout once; any other parameter (an `Embedding`'s table, a user's own `Param`) is taken as is
under its dotted path.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any, TypeVar

import numpy as np

from pyburn.module import Module, Param
from pyburn.tensor import ShapeError, TensorData

from ..errors import RecordError

M = TypeVar("M", bound=Module)


@dataclasses.dataclass(frozen=True)
class LoadReport:
    """What a partial (``strict=False``) load left out: the module's parameters the file has
    no tensor for (they keep their initial values), as torch keys, and the file's tensors no
    parameter took."""

    missing: tuple[str, ...] = ()
    unused: tuple[str, ...] = ()

    def __str__(self) -> str:
        return (f"missing keys (kept as initialized): {list(self.missing)}; unused keys in "
                f"the file: {list(self.unused)}")


def _torch_layer(module: Any) -> bool:
    """Whether `module` has its own PyTorch layout in `pyburn.nn`'s converters."""
    from pyburn.nn import Linear
    from pyburn.nn.attention.mha import MultiHeadAttention
    from pyburn.nn.conv.torch_interop import CONV_LAYERS
    from pyburn.nn.norm.torch_interop import NORM_LAYERS
    from pyburn.nn.rnn import BiGru, BiLstm, Gru, Lstm
    from pyburn.nn.rnn.birnn import BiRnn
    from pyburn.nn.rnn.rnn import Rnn
    from pyburn.nn.rnn.stacked import STACKED_LAYERS
    from pyburn.nn.transformer.torch_interop import is_transformer

    return isinstance(module, (Linear, MultiHeadAttention, Lstm, BiLstm, Gru, BiGru, Rnn, BiRnn,
                               *CONV_LAYERS, *NORM_LAYERS, *STACKED_LAYERS)) \
        or is_transformer(module)


def _is_batch_norm(module: Any) -> bool:
    from pyburn.nn.norm import BatchNorm
    return isinstance(module, BatchNorm)


def load_into(module: M, tensors: dict[str, TensorData], *,
              strict: bool = True) -> tuple[M, LoadReport]:
    """`module` with the state dict's weights, and what was left out. `strict` refuses
    missing or unused keys, and modules that would not compute what PyTorch computes with
    these weights (a clipped LSTM); ``strict=False`` loads what matches and reports the rest."""
    from pyburn.nn import load_torch_state_dict, to_torch_state_dict

    used: set[str] = set()
    missing: list[str] = []

    def layer(sub: Any, prefix: str) -> Any:
        own = {k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}
        if _is_batch_norm(sub):
            own.pop("num_batches_tracked", None)
        if not own:
            missing.extend(prefix + k for k in to_torch_state_dict(sub, strict=False))
            return sub
        try:
            loaded = load_torch_state_dict(sub, own, strict=strict)
        except (RecordError, ShapeError, ValueError, TypeError) as exc:
            where = prefix.rstrip(".") or "the model"
            raise RecordError(f"PyTorchFileRecorder: {where} ({type(sub).__name__}): {exc}"
                              ) from exc
        used.update(k for k in tensors if k.startswith(prefix))
        return loaded

    def param(p: Param[Any], name: str) -> Param[Any]:
        data = tensors.get(name)
        if data is None:
            missing.append(name)
            return p
        if tuple(data.shape) != tuple(p.shape):
            raise RecordError(f"PyTorchFileRecorder: {name!r}: the module expects "
                              f"{list(p.shape)}, the file has {list(data.shape)}")
        used.add(name)
        return p.with_value(p.tensor_cls.from_data(data, p.device))

    def value(v: Any, name: str) -> Any:
        if isinstance(v, Param):
            return param(v, name)
        if isinstance(v, Module):
            return layer(v, name + ".") if _torch_layer(v) else fields(v, name + ".")
        if isinstance(v, (list, tuple)):
            return type(v)(None if x is None else value(x, f"{name}.{i}")
                           for i, x in enumerate(v))
        return v

    def fields(m: Any, prefix: str) -> Any:
        out = copy.copy(m)
        for attr, name, v in m._fields():
            object.__setattr__(out, attr, value(v, prefix + name))
        return out

    loaded = layer(module, "") if _torch_layer(module) else fields(module, "")
    report = LoadReport(tuple(sorted(missing)), tuple(sorted(set(tensors) - used)))
    if strict and (report.missing or report.unused):
        raise RecordError(f"PyTorchFileRecorder: the file does not match the module: {report}. "
                          "Rename keys with LoadArgs.with_key_remap (see them with "
                          "with_debug_print), or pass strict=False to load what matches")
    return loaded, report


def state_dict_of(module: Module, *, strict: bool = True) -> dict[str, np.ndarray]:
    """The module's weights as the state dict of the matching ``torch.nn.Module``."""
    from pyburn.nn import to_torch_state_dict

    out: dict[str, np.ndarray] = {}

    def value(v: Any, name: str) -> None:
        if isinstance(v, Param):
            out[name] = v.to_data().as_numpy()
        elif isinstance(v, Module):
            if _torch_layer(v):
                out.update(to_torch_state_dict(v, prefix=name + "." if name else "",
                                               strict=strict))
                if _is_batch_norm(v):  # torch's counter; pyburn has none, torch expects it
                    out[f"{name}.num_batches_tracked" if name else "num_batches_tracked"] = \
                        np.zeros((), np.int64)
            else:
                for _, field, x in v._fields():
                    value(x, f"{name}.{field}" if name else field)
        elif isinstance(v, (list, tuple)):
            for i, x in enumerate(v):
                if x is not None:
                    value(x, f"{name}.{i}")

    value(module, "")
    return out
