"""Module and Param on every backend row: discovery of fields by value, visit/map, counting,
devices, fork, no_grad, valid, lazy initialization, stable ids and Burn's display."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from pyburn import Device, Tensor
from pyburn.backend import NumPy
from pyburn.module import Module, Param, ParamId
from pyburn.nn import (DropoutConfig, EmbeddingConfig, Initializer, LayerNorm, LayerNormConfig,
                       Linear, LinearConfig)


class Block(Module):
    linear: Linear
    norm: LayerNorm
    scale: float = 1.0


class Net(Module):
    """Every kind of field the discovery rule knows."""

    first: Linear
    blocks: list[Block]
    pair: tuple[Linear, Linear]
    extra: Param[Any]
    maybe: Linear | None = None
    name: str = "net"
    sizes: tuple[int, ...] = (1, 2)
    empty: list[Linear] | None = None


def make_net(backend: Any, with_maybe: bool = False) -> Net:
    d = backend.device
    blocks = [Block(LinearConfig(3, 4).init(d), LayerNormConfig(4).init(d), 0.5) for _ in range(2)]
    return Net(first=LinearConfig(2, 3).init(d),
               blocks=blocks,
               pair=(LinearConfig(4, 2, bias=False).init(d), LinearConfig(2, 1).init(d)),
               extra=Initializer.Normal(mean=0.0, std=1.0).init_param([5], d),
               maybe=LinearConfig(1, 1).init(d) if with_maybe else None,
               empty=[])


EXPECTED_PATHS = ["first.weight", "first.bias",
                  "blocks.0.linear.weight", "blocks.0.linear.bias", "blocks.0.norm.gamma",
                  "blocks.0.norm.beta",
                  "blocks.1.linear.weight", "blocks.1.linear.bias", "blocks.1.norm.gamma",
                  "blocks.1.norm.beta",
                  "pair.0.weight", "pair.1.weight", "pair.1.bias", "extra"]


def values(module: Module) -> dict[str, np.ndarray]:
    return {path: p.val().to_numpy() for path, p in module.named_params()}


# --- discovery ------------------------------------------------------------------------------------


def test_fields_are_discovered_by_value(backend: Any) -> None:
    net = make_net(backend)
    assert [path for path, _ in net.named_params()] == EXPECTED_PATHS
    # constants (floats, strings, tuples of ints) and absent optionals are not parts
    record = net.into_record()
    assert set(record) == {"first", "blocks", "pair", "extra"}
    assert "scale" not in record["blocks"][0]
    with_maybe = make_net(backend, with_maybe=True)
    assert [p for p, _ in with_maybe.named_params()][-2:] == ["maybe.weight", "maybe.bias"]


def test_num_params_counts_every_parameter(backend: Any) -> None:
    net = make_net(backend)
    expected = (2 * 3 + 3) + 2 * ((3 * 4 + 4) + (4 + 4)) + (4 * 2) + (2 * 1 + 1) + 5
    assert net.num_params() == expected
    assert sum(p.num_params() for p in net.params()) == expected


def test_counting_does_not_initialize_lazy_params(backend: Any) -> None:
    net = make_net(backend)
    net.num_params()
    net.devices()
    str(net)
    assert not any(p.is_initialized() for p in net.params())


# --- visit / map --------------------------------------------------------------------------------


def test_visit_sees_every_param_with_its_path(backend: Any) -> None:
    class Collect:
        def __init__(self) -> None:
            self.seen: list[tuple[str, ParamId]] = []

        def visit_param(self, path: str, param: Param[Any]) -> None:
            self.seen.append((path, param.id))

    net = make_net(backend)
    visitor = Collect()
    net.visit(visitor)
    assert [p for p, _ in visitor.seen] == EXPECTED_PATHS
    assert [i for _, i in visitor.seen] == [p.id for p in net.params()]


def test_map_returns_a_new_module_and_keeps_ids(backend: Any) -> None:
    class Zero:
        def map_param(self, path: str, param: Param[Any]) -> Param[Any]:
            return param.map(lambda t: t.zeros_like())

    net = make_net(backend)
    before = values(net)
    zeroed = net.map(Zero())
    assert type(zeroed) is Net and zeroed is not net
    assert all(not v.any() for v in values(zeroed).values())
    np.testing.assert_array_equal(values(net)["first.weight"], before["first.weight"])
    assert [p.id for p in zeroed.params()] == [p.id for p in net.params()]
    # constants travel along; a plain function works as a mapper too
    assert zeroed.blocks[0].scale == 0.5 and zeroed.name == "net" and zeroed.maybe is None
    doubled = net.map(lambda _, p: p.map(lambda t: t * 2.0))
    np.testing.assert_allclose(values(doubled)["extra"], 2 * before["extra"], rtol=1e-6)


def test_map_tensors(backend: Any) -> None:
    net = make_net(backend)
    ones = net.map_tensors(lambda t: t.ones_like())
    assert all(np.all(v == 1) for v in values(ones).values())


# --- devices --------------------------------------------------------------------------------------


def test_devices_and_to_device(backend: Any) -> None:
    net = make_net(backend)
    assert net.devices() == [backend.device]
    moved = net.to_device(backend.device)
    assert moved.devices() == [backend.device]
    assert [p.id for p in moved.params()] == [p.id for p in net.params()]
    # a lazy parameter stays lazy when moved (Burn moves where it will be created)
    assert not any(p.is_initialized() for p in moved.params())
    np.testing.assert_array_equal(moved.first.weight.val().to_numpy().shape, (2, 3))


def test_fork_detaches_and_keeps_tracking(backend: Any) -> None:
    net = make_net(backend)
    before = values(net)
    forked = net.fork(backend.device)
    assert [p.id for p in forked.params()] == [p.id for p in net.params()]
    for path, v in values(forked).items():
        np.testing.assert_array_equal(v, before[path])
    if backend.autodiff:
        assert all(p.val().is_require_grad() for p in forked.params())


# --- no_grad / valid ------------------------------------------------------------------------------


def test_no_grad_stops_gradients(backend: Any) -> None:
    net = make_net(backend)
    frozen = net.no_grad()
    assert all(not p.require_grad for p in frozen.params())
    assert all(p.require_grad for p in net.params())  # the original is untouched
    assert not any(p.is_initialized() for p in frozen.params())  # still lazy
    if backend.autodiff:
        assert all(not p.val().is_require_grad() for p in frozen.params())
        assert all(p.val().is_require_grad() for p in net.params())
        x = Tensor[backend.B].ones([1, 2], device=backend.device).require_grad()
        grads = frozen.first.forward(x).sum().backward()
        assert frozen.first.weight.val().grad(grads) is None
        assert x.grad(grads) is not None


def test_valid_moves_to_the_inner_backend(backend: Any) -> None:
    net = make_net(backend)
    before = values(net)
    valid = net.valid()
    assert type(valid) is Net
    assert type(valid.blocks[0]) is Block
    expected = backend.inner
    assert all(type(p.val()).backend is expected for p in valid.params())
    for path, v in values(valid).items():
        np.testing.assert_array_equal(v, before[path])
    assert [p.id for p in valid.params()] == [p.id for p in net.params()]
    if backend.autodiff:
        assert all(type(p.val()).backend is backend.B for p in net.params())


def test_valid_keeps_lazy_params_lazy(backend: Any) -> None:
    layer = LinearConfig(2, 2).init(backend.device)
    valid = layer.valid()
    assert not valid.weight.is_initialized()
    assert type(valid.weight.val()).backend is backend.inner


# --- lazy initialization and records --------------------------------------------------------------


class Counted(Module):
    weight: Param[Any]


def counted(backend: Any, calls: list[int]) -> Counted:
    d = backend.device
    B = backend.B

    def init() -> Any:
        calls.append(1)
        return Tensor[B].ones([2, 2], device=d)

    return Counted(Param.lazy(init, [2, 2], d, Tensor[B]))


def test_lazy_param_is_not_initialized_when_loading_a_record(backend: Any) -> None:
    calls: list[int] = []
    module = counted(backend, calls)
    record = {"weight": {"id": "00112233aabbccdd",
                         "param": Tensor[backend.B].full([2, 2], 3.0, backend.device).to_data()}}
    loaded = module.load_record(record)
    assert calls == []
    np.testing.assert_array_equal(loaded.weight.val().to_numpy(), np.full((2, 2), 3.0))
    assert calls == []
    assert not module.weight.is_initialized()
    module.weight.val()
    module.weight.val()
    assert calls == [1]  # initialized once, on first use


def test_lazy_param_runs_init_once_on_first_use(backend: Any) -> None:
    calls: list[int] = []
    module = counted(backend, calls)
    assert repr(module.weight).endswith(", lazy)")
    assert module.num_params() == 4 and calls == []
    module.into_record()
    assert calls == [1]
    module.into_record()
    assert calls == [1]


def test_config_init_then_load_never_draws(backend: Any) -> None:
    """`LinearConfig.init` + `load_record`: the initializer is never run."""
    d = backend.device
    source = LinearConfig(3, 2).init(d)
    record = source.into_record()
    target = LinearConfig(3, 2).init(d)
    loaded = target.load_record(record)
    assert not target.weight.is_initialized() and not target.bias.is_initialized()  # type: ignore[union-attr]
    np.testing.assert_array_equal(loaded.weight.val().to_numpy(), source.weight.val().to_numpy())


def test_param_ids_are_stable(backend: Any) -> None:
    net = make_net(backend)
    ids = [p.id for p in net.params()]
    assert len(set(ids)) == len(ids)
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in ids)
    record = net.into_record()
    assert record["first"]["weight"]["id"] == str(net.first.weight.id)
    other = make_net(backend)
    loaded = other.load_record(record)  # ids come from the record, as in Burn
    assert [p.id for p in loaded.params()] == ids
    assert [p.id for p in loaded.no_grad().to_device(backend.device).valid().params()] == ids
    again = loaded.load_record(loaded.into_record())
    assert [p.id for p in again.params()] == ids


def test_load_record_returns_a_new_module(backend: Any) -> None:
    net = make_net(backend)
    before = values(net)
    zeros = net.map_tensors(lambda t: t.zeros_like()).into_record()
    loaded = net.load_record(zeros)
    assert all(not v.any() for v in values(loaded).values())
    for path, v in values(net).items():
        np.testing.assert_array_equal(v, before[path])


def test_param_require_grad_survives_load(backend: Any) -> None:
    net = make_net(backend).no_grad()
    loaded = net.load_record(make_net(backend).into_record())
    assert all(not p.require_grad for p in loaded.params())


# --- display --------------------------------------------------------------------------------------


def test_display_of_layers_matches_burn(backend: Any) -> None:
    d = backend.device
    assert str(LinearConfig(2, 3).init(d)) == "Linear {d_input: 2, d_output: 3, bias: true, params: 9}"
    assert str(LinearConfig(3, 5, bias=False).init(d)) == \
        "Linear {d_input: 3, d_output: 5, bias: false, params: 15}"
    assert str(LayerNormConfig(6).init(d)) == \
        "LayerNorm {d_model: 6, epsilon: 0.00001, bias: true, params: 12}"
    assert str(LayerNormConfig(6, bias=False).init(d)) == \
        "LayerNorm {d_model: 6, epsilon: 0.00001, bias: false, params: 6}"
    assert str(EmbeddingConfig(100, 10).init(d)) == \
        "Embedding {n_embedding: 100, d_model: 10, params: 1000}"
    assert str(DropoutConfig(0.5).init()) == "Dropout {prob: 0.5}"
    assert repr(DropoutConfig(0.5).init()) == str(DropoutConfig(0.5).init())


def test_display_of_a_composite_module(backend: Any) -> None:
    d = backend.device
    block = Block(LinearConfig(3, 4).init(d), LayerNormConfig(4).init(d), 0.5)
    assert str(block) == "\n".join([
        "Block {",
        "  linear: Linear {d_input: 3, d_output: 4, bias: true, params: 16}",
        "  norm: LayerNorm {d_model: 4, epsilon: 0.00001, bias: true, params: 8}",
        "  scale: 0.5",
        "  params: 24",
        "}",
    ])
    text = str(make_net(backend))
    assert text.startswith("Net {\n  first: Linear {d_input: 2")
    assert "  blocks: [Block {\n    linear: Linear" in text
    assert "  maybe: None" in text and "  name: net" in text
    assert text.endswith(f"  params: {make_net(backend).num_params()}\n}}")


def test_modules_compare_by_identity(backend: Any) -> None:
    d = backend.device
    a = LinearConfig(2, 2).init(d)
    assert a == a and a != a.map(lambda _, p: p)
    assert len({a, a}) == 1


def test_param_needs_a_value_or_an_init() -> None:
    with pytest.raises(ValueError, match="needs a tensor or an init"):
        Param(None)


def test_param_from_data_takes_the_backend_from_the_device(backend: Any) -> None:
    param = Param.from_data([[1.0, 2.0]], backend.device)
    assert param.val().backend is backend.B
    assert param.val().to_data().to_list() == [[1.0, 2.0]]
    with pytest.raises(ValueError, match=r"Param.from_data: the device 'cpu' does not name a backend"):
        Param.from_data([1.0], Device("cpu"))
    assert Param.from_data([1.0], Device("cpu"), NumPy).val().backend is NumPy


def test_param_dims_without_creating_a_lazy_tensor(backend: Any) -> None:
    """Burn's ``param.dims()`` (a ``Param`` derefs to its tensor); a lazy one stays lazy."""
    param = Param.lazy(lambda: Tensor[backend.B].ones([2, 3], backend.device), [2, 3],
                       backend.device, Tensor[backend.B])
    assert param.dims() == [2, 3] and not param.is_initialized()
    assert Param.from_tensor(backend.tensor(np.zeros((4,)))).dims() == [4]
