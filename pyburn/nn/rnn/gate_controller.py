"""`GateController` (Burn's ``burn::nn::GateController``): one gate of an LSTM or GRU cell.

A gate is two affine maps, one of the step's input and one of the previous hidden state, added:
``x @ W_x + b_x + h @ W_h + b_h``. Keeping the two maps (and their two biases) separate is what
lets PyTorch's ``b_ih`` and ``b_hh`` load exactly as given, and what a GRU's reset-after
formulation needs (it scales only the hidden part).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, overload

from pyburn.module import Module, Param
from pyburn.tensor import Device, ShapeError, Tensor, TensorData

from .._types import B
from ..initializer import Initializer, resolve_device
from ..linear import Linear, LinearConfig

__all__ = ["GateController"]


class GateController(Module):
    """``input_transform`` maps ``[batch, d_input]`` and ``hidden_transform`` maps
    ``[batch, d_output]`` to ``[batch, d_output]``; `gate_product` adds them."""

    input_transform: Linear
    hidden_transform: Linear

    @classmethod
    def new(cls, d_input: int, d_output: int, bias: bool, initializer: Initializer,
            device: Device | str | None = None, backend: Any = None) -> "GateController":
        """Burn's ``GateController::new``: both transforms drawn with `initializer`
        (lazily, so a record loaded afterwards never runs it)."""
        backend, dev = resolve_device(device, backend, "GateController.new")
        return cls(
            LinearConfig(d_input, d_output, bias, initializer).init(dev, backend),
            LinearConfig(d_output, d_output, bias, initializer).init(dev, backend),
        )

    def gate_product(self, input: "Tensor[B]", hidden: "Tensor[B]") -> "Tensor[B]":
        """``input @ W_x + b_x + hidden @ W_h + b_h``: ``[batch, d_input]`` and
        ``[batch, d_output]`` -> ``[batch, d_output]`` (the gate before its activation)."""
        return self.input_transform.forward(input) + self.hidden_transform.forward(hidden)

    @property
    def d_input(self) -> int:
        return self.input_transform.d_input

    @property
    def d_output(self) -> int:
        return self.input_transform.d_output

    @overload
    @classmethod
    def create_with_weights(cls, d_input: Linear, d_output: Linear) -> "GateController": ...

    @overload
    @classmethod
    def create_with_weights(cls, d_input: int, d_output: int, bias: bool,
                            initializer: Initializer, input_record: Any, hidden_record: Any, *,
                            device: Device | str | None = None,
                            backend: Any = None) -> "GateController": ...

    @classmethod
    def create_with_weights(cls, d_input: "int | Linear", d_output: "int | Linear",
                            bias: bool | None = None, initializer: Initializer | None = None,
                            input_record: Any = None, hidden_record: Any = None, *,
                            device: Device | str | None = None,
                            backend: Any = None) -> "GateController":
        """A gate with known weights (Burn builds its RNN/LSTM/GRU test fixtures this way), in
        either of Burn's forms:

        - ``create_with_weights(input_transform, hidden_transform)`` (Burn's current form): two
          `Linear` layers, ``[d_input, d_output]`` and ``[d_output, d_output]``, used as given.
        - ``create_with_weights(d_input, d_output, bias, initializer, input_record,
          hidden_record)`` (Burn's earlier form). Each record is a `Linear`, or a mapping with
          ``"weight"`` (``[d_input, d_output]``, resp. ``[d_output, d_output]``) and optionally
          ``"bias"`` (``[d_output]``) whose values are `Param`s, tensors, record nodes
          ``{"id", "param"}``, or plain data (`TensorData`, lists, arrays: then `device` — and
          `backend` for a plain string — say where to put it). As in Burn, the records' values
          replace what `initializer` would draw (so it never runs), and ``bias=False`` builds
          gates without biases even when a record carries one.

        Unlike Burn, shapes are checked."""
        where = "GateController.create_with_weights"
        if isinstance(d_input, Linear) or isinstance(d_output, Linear):
            extra = [bias, initializer, input_record, hidden_record, device, backend]
            if not (isinstance(d_input, Linear) and isinstance(d_output, Linear)) or any(
                    e is not None for e in extra):
                raise TypeError(f"{where}: expected (input_transform: Linear, hidden_transform: "
                                f"Linear) or (d_input, d_output, bias, initializer, "
                                f"input_record, hidden_record), got a mix of both")
            hidden_shape = (d_input.d_output, d_input.d_output)
            _check_shape(d_output.weight, hidden_shape, f"{where}: hidden_transform.weight "
                         f"(input_transform maps to d_output={d_input.d_output})")
            return cls(d_input, d_output)
        if bias is None or initializer is None or input_record is None or hidden_record is None:
            raise TypeError(f"{where}: the (d_input, d_output, ...) form needs bias, "
                            f"initializer, input_record and hidden_record")
        del initializer  # kept for Burn's signature: the records replace the initial values
        return cls(
            _linear_from_record(input_record, (d_input, d_output), bias, device, backend,
                                f"{where}: input_record"),
            _linear_from_record(hidden_record, (d_output, d_output), bias, device, backend,
                                f"{where}: hidden_record"),
        )


def _linear_from_record(record: Any, weight_shape: tuple[int, int], bias: bool,
                        device: Device | str | None, backend: Any, where: str) -> Linear:
    if isinstance(record, Linear):
        weight, bias_value = record.weight, record.bias
    elif isinstance(record, Mapping):
        if "weight" not in record:
            raise ValueError(f"{where}: no 'weight' entry (keys: {sorted(record)})")
        unknown = set(record) - {"weight", "bias"}
        if unknown:
            raise ValueError(f"{where}: unexpected entries {sorted(unknown)}; a Linear record "
                           "has 'weight' and 'bias'")
        weight, bias_value = record["weight"], record.get("bias")
    else:
        raise TypeError(f"{where}: expected a Linear or a mapping with 'weight'/'bias', got "
                        f"{type(record).__name__}")
    weight_param = _as_param(weight, device, backend, f"{where}.weight")
    _check_shape(weight_param, weight_shape, f"{where}.weight")
    bias_param = None
    if bias:
        if bias_value is None:
            raise ValueError(f"{where}: bias=True but the record has no bias")
        bias_param = _as_param(bias_value, device, backend, f"{where}.bias",
                               like=weight_param)
        _check_shape(bias_param, (weight_shape[1],), f"{where}.bias")
    return Linear(weight_param, bias_param)


def _as_param(value: Any, device: Device | str | None, backend: Any, where: str,
              like: Param[Any] | None = None) -> Param[Any]:
    """`value` as a parameter. Plain data goes to `device`/`backend`, or else next to `like`
    (a bias follows its weight)."""
    if isinstance(value, Param):
        return value
    if isinstance(value, Tensor):
        return Param(value)
    if isinstance(value, Mapping) and "param" in value:  # a record node {"id", "param"}
        param = _as_param(value["param"], device, backend, where, like)
        return Param(param.val(), value.get("id") or param.id)
    if device is None and backend is None and like is not None:
        cls = like.tensor_cls
        return Param(cls.from_data(_data(value, where), like.device))
    backend, dev = resolve_device(device, backend, where)
    return Param(Tensor[backend].from_data(_data(value, where), dev))


def _data(value: Any, where: str) -> TensorData:
    try:
        return value if isinstance(value, TensorData) else TensorData(value)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{where}: expected a Param, a tensor or tensor data, got "
                        f"{type(value).__name__} ({exc})") from exc


def _check_shape(param: Param[Any], expected: tuple[int, ...], where: str) -> None:
    if tuple(param.shape) != expected:
        raise ShapeError(f"{where}: expected shape {list(expected)}, got {list(param.shape)}")
