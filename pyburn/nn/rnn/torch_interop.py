"""PyTorch weights in and out: ``torch.nn.LSTM``/``GRU``/``RNN``/``Linear`` state dicts <->
pyburn's `Lstm`, `BiLstm`, `Gru`, `BiGru`, `Rnn`, `BiRnn`, the stacked layers and `Linear`.

PyTorch fuses a layer's gates: ``weight_ih_l0`` is ``[G * hidden, input]`` with the gates
stacked in the order (i, f, g, o) for an LSTM and (r, z, n) for a GRU (one block for an RNN),
and ``weight_hh_l0``, ``bias_ih_l0``, ``bias_hh_l0`` likewise; a bidirectional layer adds the
same names with ``_reverse``, and layer ``k`` of a stack uses ``_l{k}`` (pyburn's
``layers.{k}.``). pyburn (as Burn) keeps one `GateController` per gate whose `Linear`s hold the
transpose, ``[input, hidden]``. Both biases are kept apart (``b_ih`` in ``input_transform``,
``b_hh`` in ``hidden_transform``), so a round trip gives back exactly the same numbers.

Nothing here imports torch: a state dict's values may be torch tensors, NumPy arrays,
`TensorData` or nested lists, or the state dict may be a safetensors file. Exports are NumPy
arrays (``{k: torch.from_numpy(v) for k, v in ...}`` feeds ``load_state_dict``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from pyburn.module import Module, Param
from pyburn.record import RecordError, save_safetensors
from pyburn.tensor import Device, ShapeError, TensorData

from ..activation import Activation, ActivationConfig
from ..linear import Linear, LinearConfig
from ..norm.torch_interop import NORM_LAYERS, norm_from_torch, norm_to_torch
from ..conv.torch_interop import (CONV_LAYERS, conv_config_from_torch, conv_from_torch,
                                  conv_to_torch)
from ..attention.mha import MultiHeadAttention
from ..attention.torch_interop import mha_config_from_torch, mha_from_torch, mha_to_torch
from .bilstm import BiLstm, BiLstmConfig
from .gru import BiGru, BiGruConfig, Gru, GruConfig
from .lstm import Lstm, LstmConfig
from .birnn import BiRnn, BiRnnConfig
from .rnn import Rnn, RnnConfig
from .stacked import (STACKED_LAYERS, StackedGruConfig, StackedLstmConfig, StackedRnnConfig)

__all__ = ["load_torch_state_dict", "to_torch_state_dict", "save_torch_safetensors",
           "from_torch"]

M = TypeVar("M", bound=Module)
StateDict = Mapping[str, Any]

LSTM_GATES = ("input_gate", "forget_gate", "cell_gate", "output_gate")  # torch's i, f, g, o
GRU_GATES = ("reset_gate", "update_gate", "new_gate")                   # torch's r, z, n
RNN_GATES = ("gate",)                                                   # one block
_PARTS = (("weight_ih", "input_transform.weight"), ("weight_hh", "hidden_transform.weight"),
          ("bias_ih", "input_transform.bias"), ("bias_hh", "hidden_transform.bias"))


# --- public API ------------------------------------------------------------------------------------


def load_torch_state_dict(module: M, state_dict: StateDict | str | os.PathLike[str], *,
                          prefix: str = "", layer: int | None = None,
                          strict: bool = True) -> M:
    """`module` with the weights of a PyTorch ``state_dict()`` (a new module; ids and
    require-grad flags are kept).

    - `module`: a `Linear`, `Lstm`, `BiLstm`, `Gru`, `BiGru`, `Rnn` or `BiRnn` built with
      matching sizes and ``bias`` (an `Rnn`'s ``nonlinearity`` is not in a state dict: it must
      match the torch module's, which `from_torch` checks), a `StackedLstm`/`StackedGru`/
      `StackedRnn` (every ``_l{k}`` layer at once), or a normalization layer (`BatchNorm` with its running statistics,
      `GroupNorm`, `InstanceNorm`, `LayerNorm`, `RmsNorm`), or a `TransformerEncoder` /
      `TransformerDecoder` (or one layer) with ``nn.TransformerEncoder``/``Decoder`` keys.
      A `MultiHeadAttention` takes ``nn.MultiheadAttention`` keys (packed ``in_proj_weight``).
    - `state_dict`: a mapping of names to torch tensors / arrays / `TensorData`, or the path
      of a ``torch.save`` file (read without running code, see `PyTorchFileRecorder`) or a
      safetensors file (``safetensors.torch.save_file(m.state_dict(), path)``).
    - `prefix`: take only the keys under it (``"encoder.rnn."`` in a whole model's dict).
    - `layer`: which layer of a multi-layer ``nn.LSTM``/``nn.GRU``/``nn.RNN`` to load into a
      one-layer module. Left None, a state dict with more than one layer is refused (load it
      into a stacked layer instead). Not used with stacked layers.
    - `strict`: refuse modules that would not compute what PyTorch computes with these
      weights (clip, input_forget, non-default activations, a reversed `Lstm`, a GRU without
      ``reset_after``); ``strict=False`` loads the weights anyway.
    """
    tensors = _read_state_dict(state_dict, prefix)
    from ..transformer import torch_interop as transformer_interop  # lazy: no import cycle
    if transformer_interop.is_transformer(module):
        return transformer_interop.load(module, tensors, layer, strict)
    if isinstance(module, Linear):
        if layer is not None:
            raise ValueError("load_torch_state_dict: `layer` is for recurrent layers, not Linear")
        arrays = _linear_from_torch(module, tensors)
    elif isinstance(module, NORM_LAYERS):
        arrays = norm_from_torch(module, tensors)
    elif isinstance(module, CONV_LAYERS):  # same names and layout as nn.Conv*/ConvTranspose*
        arrays = conv_from_torch(module, tensors)
    elif isinstance(module, MultiHeadAttention):  # torch's packed in_proj_weight
        arrays = mha_from_torch(module, tensors)
    elif isinstance(module, STACKED_LAYERS):
        if strict:
            _check_torch_semantics(module, "load_torch_state_dict")
        arrays = _stacked_from_torch(module, tensors, layer)
    else:
        spec = _spec(module, "load_torch_state_dict")
        if strict:
            _check_torch_semantics(module, "load_torch_state_dict")
        arrays = _rnn_from_torch(module, spec, tensors, layer)
    return _replace_params(module, arrays)


def to_torch_state_dict(module: Module, *, prefix: str = "", layer: int = 0,
                        grads: Any = None, strict: bool = True) -> dict[str, np.ndarray]:
    """The module's weights as a PyTorch ``state_dict`` of NumPy arrays (keys as
    ``nn.LSTM``/``nn.GRU``/``nn.Linear`` name them, under `prefix`, for layer `layer`).

    With `grads` (the result of ``loss.backward()``), the parameters' gradients in the same
    layout instead (zeros for a parameter without a gradient) — to compare with
    ``torch_module.weight_ih_l0.grad``. `strict` as in `load_torch_state_dict`."""
    def value(param: Param[Any]) -> np.ndarray:
        if grads is None:
            return param.to_data().to_numpy()
        grad = param.val().grad(grads)
        if grad is None:
            return np.zeros(tuple(param.shape), dtype=param.to_data().dtype.numpy())
        return np.asarray(grad.to_numpy())

    from ..transformer import torch_interop as transformer_interop  # lazy: no import cycle
    if transformer_interop.is_transformer(module):
        exported = transformer_interop.export(module, value, strict)
        return {prefix + k: v for k, v in exported.items()}
    arrays = {path: value(p) for path, p in module.named_params()}
    if isinstance(module, Linear):
        out = {"weight": arrays["weight"].T.copy()}
        if "bias" in arrays:
            out["bias"] = arrays["bias"].copy()
    elif isinstance(module, NORM_LAYERS):
        out = norm_to_torch(module, arrays)
    elif isinstance(module, CONV_LAYERS):
        out = conv_to_torch(module, arrays)
    elif isinstance(module, MultiHeadAttention):
        out = mha_to_torch(module, arrays)
    elif isinstance(module, STACKED_LAYERS):
        if strict:
            _check_torch_semantics(module, "to_torch_state_dict")
        out = {}
        for k, sub in enumerate(module.layers):
            head = f"layers.{k}."
            own = {p[len(head):]: v for p, v in arrays.items() if p.startswith(head)}
            out.update(_rnn_to_torch(_spec(sub, "to_torch_state_dict"), own, k,
                                     _module_bias(sub)))
    else:
        spec = _spec(module, "to_torch_state_dict")
        if strict:
            _check_torch_semantics(module, "to_torch_state_dict")
        out = _rnn_to_torch(spec, arrays, layer, _module_bias(module))
    return {prefix + k: v for k, v in out.items()}


def save_torch_safetensors(module: Module, path: str | os.PathLike[str], *, prefix: str = "",
                           layer: int = 0, strict: bool = True) -> Path:
    """Write `to_torch_state_dict` as a safetensors file (``safetensors.torch.load_file``
    then ``load_state_dict`` reads it into PyTorch)."""
    tensors = {k: TensorData(v) for k, v in
               to_torch_state_dict(module, prefix=prefix, layer=layer, strict=strict).items()}
    return save_safetensors(path, tensors)


def from_torch(torch_module: Any, device: Device | str | None = None,
               backend: Any = None) -> Any:
    """A pyburn layer built from a ``torch.nn.Linear``, ``LSTM``, ``GRU`` or ``RNN`` (no
    ``proj_size``): its config (sizes, bias, batch_first, bidirectional, nonlinearity; with
    ``num_layers > 1`` a `StackedLstm`/`StackedGru`/`StackedRnn` with torch's ``dropout``) and
    its weights. The initializer never runs."""
    kind = type(torch_module).__name__
    module: Module
    if kind.startswith("Transformer"):  # nn.TransformerEncoder(Layer) / Decoder(Layer)
        from ..transformer.torch_interop import transformer_from_torch
        return transformer_from_torch(torch_module, device, backend)
    if kind == "Linear":
        module = LinearConfig(int(torch_module.in_features), int(torch_module.out_features),
                              bias=torch_module.bias is not None).init(device, backend)
    elif kind in ("LSTM", "GRU", "RNN"):
        layers = int(getattr(torch_module, "num_layers", 1))
        if int(getattr(torch_module, "proj_size", 0) or 0) != 0:
            raise ValueError(f"from_torch: nn.{kind} with proj_size={torch_module.proj_size} "
                             "has no pyburn (or Burn) equivalent")
        sizes = (int(torch_module.input_size), int(torch_module.hidden_size),
                 bool(torch_module.bias))
        batch_first = bool(torch_module.batch_first)
        bidirectional = bool(torch_module.bidirectional)
        config: Any
        extra: dict[str, Any] = {}
        if kind == "RNN":
            extra["nonlinearity"] = str(torch_module.nonlinearity)
        if layers != 1:
            stacked = {"LSTM": StackedLstmConfig, "GRU": StackedGruConfig,
                       "RNN": StackedRnnConfig}[kind]
            config = stacked(sizes[0], sizes[1], layers, bias=sizes[2],
                             dropout=float(torch_module.dropout), bidirectional=bidirectional,
                             batch_first=batch_first, **extra)
        elif kind == "RNN":
            config = (BiRnnConfig if bidirectional else RnnConfig)(*sizes,
                                                                   batch_first=batch_first,
                                                                   **extra)
        elif kind == "LSTM":
            config = (BiLstmConfig if bidirectional else LstmConfig)(*sizes,
                                                                     batch_first=batch_first)
        else:
            config = (BiGruConfig if bidirectional else GruConfig)(*sizes,
                                                                   batch_first=batch_first)
        module = config.init(device, backend)
    elif kind == "MultiheadAttention":
        module = mha_config_from_torch(torch_module).init(device, backend)
    elif kind.startswith("Conv"):                  # nn.Conv1d/2d/3d, nn.ConvTranspose1d/2d/3d
        module = conv_config_from_torch(torch_module).init(device, backend)
    else:
        raise TypeError(f"from_torch: expected a torch.nn.Linear, LSTM, GRU or RNN, got {kind}")
    return load_torch_state_dict(module, torch_module.state_dict())


# --- layouts -----------------------------------------------------------------------------------------


def _spec(module: Module, op: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(pyburn gate names in torch's order, (pyburn path prefix, torch key suffix) per
    direction) of a recurrent module."""
    if isinstance(module, Lstm):
        return LSTM_GATES, (("", ""),)
    if isinstance(module, BiLstm):
        return LSTM_GATES, (("forward.", ""), ("reverse.", "_reverse"))
    if isinstance(module, Gru):
        return GRU_GATES, (("", ""),)
    if isinstance(module, BiGru):
        return GRU_GATES, (("forward.", ""), ("reverse.", "_reverse"))
    if isinstance(module, Rnn):
        return RNN_GATES, (("", ""),)
    if isinstance(module, BiRnn):
        return RNN_GATES, (("forward.", ""), ("reverse.", "_reverse"))
    raise TypeError(f"{op}: expected a Linear, Lstm, BiLstm, Gru or BiGru (or an Rnn, a BiRnn, "
                    f"a stacked layer), got {type(module).__name__}")


def _module_bias(module: Any) -> bool:
    return bool(module.bias)


def _torch_name(module: Module) -> str:
    if isinstance(module, STACKED_LAYERS):
        module = module.layers[0]
    if isinstance(module, (Rnn, BiRnn)):
        return "nn.RNN"
    return "nn.LSTM" if isinstance(module, (Lstm, BiLstm)) else "nn.GRU"


def _check_torch_semantics(module: Module, op: str) -> None:
    """Raise when `module` would not compute PyTorch's function with PyTorch's weights."""
    if isinstance(module, STACKED_LAYERS):
        for layer in module.layers:
            _check_torch_semantics(layer, op)
        return
    problems: list[str] = []
    lstms = [module] if isinstance(module, Lstm) else \
        [module.forward_lstm, module.reverse_lstm] if isinstance(module, BiLstm) else []
    for lstm in lstms:
        if lstm.clip is not None:
            problems.append(f"clip={lstm.clip}")
        if lstm.input_forget:
            problems.append("input_forget=True")
        problems += _activation_problems(lstm, {"gate_activation": ActivationConfig.Sigmoid,
                                                "cell_activation": ActivationConfig.Tanh,
                                                "hidden_activation": ActivationConfig.Tanh})
    if isinstance(module, Lstm) and module.reverse:
        problems.append("reverse=True (a unidirectional nn.LSTM reads forwards)")
    if isinstance(module, Rnn) and module.reverse:
        problems.append("reverse=True (a unidirectional nn.RNN reads forwards)")
    grus = [module] if isinstance(module, Gru) else \
        [module.forward_gru, module.reverse_gru] if isinstance(module, BiGru) else []
    for gru in grus:
        if gru.clip is not None:
            problems.append(f"clip={gru.clip}")
        if not gru.reset_after:
            problems.append("reset_after=False (nn.GRU applies the reset gate after the "
                            "hidden matmul)")
        problems += _activation_problems(gru, {"gate_activation": ActivationConfig.Sigmoid,
                                               "hidden_activation": ActivationConfig.Tanh})
    if problems:
        unique = list(dict.fromkeys(problems))
        raise ValueError(f"{op}: this {type(module).__name__} does not compute what "
                         f"{_torch_name(module)} computes: {', '.join(unique)}; pass "
                         "strict=False to transfer the weights anyway")


def _activation_problems(layer: Any, expected: dict[str, type]) -> list[str]:
    out = []
    for name, variant in expected.items():
        act: Activation = getattr(layer, name)
        if not isinstance(act.config, variant):
            out.append(f"{name}={type(act.config).__name__} (PyTorch: {variant.__name__})")
    return out


# --- torch -> pyburn -----------------------------------------------------------------------------------


def _read_state_dict(state_dict: StateDict | str | os.PathLike[str],
                     prefix: str) -> dict[str, np.ndarray]:
    if isinstance(state_dict, (str, os.PathLike)):  # .pt/.pth (read safely) or safetensors
        from pyburn.record.pytorch import read_pytorch_file
        state_dict = read_pytorch_file(state_dict)
    if not isinstance(state_dict, Mapping):
        raise TypeError(f"load_torch_state_dict: expected a state dict (a mapping of names to "
                        f"tensors) or a safetensors path, got {type(state_dict).__name__}")
    return {k[len(prefix):]: _to_numpy(v, k) for k, v in state_dict.items()
            if isinstance(k, str) and k.startswith(prefix)}


def _to_numpy(value: Any, key: str) -> np.ndarray:
    """A torch tensor (any device or dtype, no torch import needed), a pyburn tensor,
    `TensorData`, an array or nested lists, as a NumPy array."""
    if isinstance(value, TensorData):
        return value.as_numpy()
    if isinstance(value, np.ndarray):
        return value
    if hasattr(value, "detach") and hasattr(value, "cpu"):  # a torch.Tensor
        host = value.detach().cpu()
        try:
            return np.asarray(host.numpy())
        except TypeError:  # bfloat16 and other dtypes NumPy lacks
            return np.asarray(host.float().numpy())
    if hasattr(value, "to_numpy"):  # a pyburn Tensor
        return np.asarray(value.to_numpy())
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"load_torch_state_dict: {key!r}: expected a tensor or an array, got "
                        f"{type(value).__name__}") from exc


def _linear_from_torch(module: Linear, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    has_bias = module.bias is not None
    expected = {"weight", "bias"} if has_bias else {"weight"}
    _check_keys(tensors, expected, "nn.Linear", has_bias)
    weight = tensors["weight"]
    want = [module.d_output, module.d_input]
    if list(weight.shape) != want:
        raise ShapeError(f"load_torch_state_dict: 'weight': expected [out_features, in_features] "
                         f"= {want}, got {list(weight.shape)}")
    out = {"weight": weight.T}
    if has_bias:
        _check_torch_shape(tensors["bias"], [module.d_output], "bias", "[out_features]")
        out["bias"] = tensors["bias"]
    return out


def _rnn_from_torch(module: Any, spec: tuple[tuple[str, ...], tuple[tuple[str, str], ...]],
                    tensors: dict[str, np.ndarray], layer: int | None) -> dict[str, np.ndarray]:
    gates, directions = spec
    name = _torch_name(module)
    has_bias = _module_bias(module)
    projections = sorted(k for k in tensors if k.startswith("weight_hr_l"))
    if projections:
        raise ValueError(f"load_torch_state_dict: the state dict has {projections[0]}: an "
                         f"{name} with proj_size > 0 has no pyburn (or Burn) equivalent")
    layers = sorted({n for n in map(_layer_of, tensors) if n is not None})
    if layer is None:
        if len(layers) > 1:
            raise ValueError(f"load_torch_state_dict: the state dict holds {len(layers)} layers "
                             f"(num_layers={len(layers)}) but a pyburn {type(module).__name__} "
                             "is one layer: build one per layer and load each with layer=k")
        layer = 0
    elif layer not in layers:
        raise RecordError(f"load_torch_state_dict: no layer {layer} in the state dict (layers: "
                       f"{layers})")
    own = {k: v for k, v in tensors.items() if _layer_of(k) in (None, layer)}
    reverse = any(k.endswith("_reverse") for k in own)
    if reverse and len(directions) == 1:
        raise ValueError(f"load_torch_state_dict: the state dict is a bidirectional {name}; "
                         f"load it into a Bi{type(module).__name__}")
    expected = {f"{kind}_l{layer}{suffix}" for kind, _ in _PARTS for _, suffix in directions
                if has_bias or not kind.startswith("bias")}
    _check_keys(own, expected, name, has_bias)

    d_hidden, d_input = module.d_hidden, module.d_input
    rows = len(gates) * d_hidden
    shapes = {"weight_ih": ([rows, d_input], f"[{len(gates)} * hidden_size, input_size]"),
              "weight_hh": ([rows, d_hidden], f"[{len(gates)} * hidden_size, hidden_size]"),
              "bias_ih": ([rows], f"[{len(gates)} * hidden_size]"),
              "bias_hh": ([rows], f"[{len(gates)} * hidden_size]")}
    arrays: dict[str, np.ndarray] = {}
    for path_prefix, suffix in directions:
        for kind, part in _PARTS:
            key = f"{kind}_l{layer}{suffix}"
            if key not in own:
                continue
            want, words = shapes[kind]
            _check_torch_shape(own[key], want, key, words)
            for gate, chunk in zip(gates, np.split(own[key], len(gates), axis=0)):
                arrays[f"{path_prefix}{gate}.{part}"] = chunk.T if kind.startswith("weight") \
                    else chunk
    return arrays


def _stacked_from_torch(module: Any, tensors: dict[str, np.ndarray],
                        layer: int | None) -> dict[str, np.ndarray]:
    """Every ``_l{k}`` layer of a multi-layer torch RNN into ``layers.{k}.`` of a stack."""
    name = _torch_name(module)
    if layer is not None:
        raise ValueError(f"load_torch_state_dict: `layer` picks one layer for a one-layer "
                         f"module; a {type(module).__name__} loads all {module.num_layers}")
    found = sorted({n for n in map(_layer_of, tensors) if n is not None})
    if found != list(range(module.num_layers)):
        raise RecordError(f"load_torch_state_dict: the {type(module).__name__} has "
                          f"num_layers={module.num_layers} but the {name} state dict holds "
                          f"layers {found}")
    bidirectional = any(k.endswith("_reverse") for k in tensors)
    if bidirectional != module.bidirectional:
        raise RecordError(f"load_torch_state_dict: the {name} state dict is "
                          f"{'' if bidirectional else 'not '}bidirectional but the "
                          f"{type(module).__name__} was built with "
                          f"bidirectional={module.bidirectional}")
    arrays: dict[str, np.ndarray] = {}
    for k, sub in enumerate(module.layers):
        own = {key: v for key, v in tensors.items() if _layer_of(key) == k}
        for path, value in _rnn_from_torch(sub, _spec(sub, "load_torch_state_dict"), own,
                                           k).items():
            arrays[f"layers.{k}.{path}"] = value
    return arrays


def _layer_of(key: str) -> int | None:
    """The layer index of a torch RNN key (``weight_ih_l3_reverse`` -> 3)."""
    head, sep, tail = key.rpartition("_l")
    if not sep:
        return None
    digits = tail.removesuffix("_reverse")
    return int(digits) if digits.isdigit() else None


def _check_keys(tensors: dict[str, np.ndarray], expected: set[str], name: str,
                has_bias: bool) -> None:
    missing = sorted(expected - set(tensors))
    extra = sorted(set(tensors) - expected)
    bias_missing = [k for k in missing if k.startswith("bias")]
    bias_extra = [k for k in extra if k.startswith("bias")]
    if has_bias and bias_missing and len(bias_missing) == len(missing):
        raise RecordError(f"load_torch_state_dict: the module has biases (bias=True) but the "
                       f"{name} state dict has none (missing {', '.join(bias_missing)}); build "
                       "the module with bias=False")
    if not has_bias and bias_extra and len(bias_extra) == len(extra) and not missing:
        raise RecordError(f"load_torch_state_dict: the {name} state dict has biases "
                       f"({', '.join(bias_extra)}) but the module was built with bias=False")
    if missing or extra:
        parts = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unexpected {', '.join(extra)}"] if extra else [])
        raise RecordError(f"load_torch_state_dict: keys do not match a {name} state dict: "
                       f"{'; '.join(parts)}")


def _check_torch_shape(array: np.ndarray, want: list[int], key: str, words: str) -> None:
    if list(array.shape) != want:
        raise ShapeError(f"load_torch_state_dict: {key!r}: expected {words} = {want}, got "
                         f"{list(array.shape)}")


def _replace_params(module: M, arrays: dict[str, np.ndarray]) -> M:
    """`module` with each parameter at a path of `arrays` replaced (same id, backend, device
    and require-grad flag; converted to the backend's float dtype)."""
    used: set[str] = set()

    def replace(path: str, param: Param[Any]) -> Param[Any]:
        if path not in arrays:
            return param
        value = np.ascontiguousarray(arrays[path])
        if tuple(value.shape) != tuple(param.shape):
            raise ShapeError(f"load_torch_state_dict: {path}: expected {list(param.shape)}, "
                             f"got {list(value.shape)}")
        used.add(path)
        cls = param.tensor_cls
        # with_value: same id and flag, and a RunningState stays one
        return param.with_value(cls.from_data(TensorData(value), param.device))

    out = module.map(replace)
    unused = sorted(set(arrays) - used)
    if unused:  # a layout and a module that disagree: a bug here, not the user's
        raise RuntimeError(f"load_torch_state_dict: no parameter for {unused}")
    return out


# --- pyburn -> torch -------------------------------------------------------------------------------------


def _rnn_to_torch(spec: tuple[tuple[str, ...], tuple[tuple[str, str], ...]],
                  arrays: dict[str, np.ndarray], layer: int,
                  has_bias: bool) -> dict[str, np.ndarray]:
    gates, directions = spec
    out: dict[str, np.ndarray] = {}
    for path_prefix, suffix in directions:
        for kind, part in _PARTS:
            if kind.startswith("bias") and not has_bias:
                continue
            chunks = [arrays[f"{path_prefix}{gate}.{part}"] for gate in gates]
            if kind.startswith("weight"):
                chunks = [c.T for c in chunks]
            out[f"{kind}_l{layer}{suffix}"] = np.ascontiguousarray(np.concatenate(chunks, 0))
    return out
