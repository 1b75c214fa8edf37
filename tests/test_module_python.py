"""Modules in Python's idioms, on every backend row: ``model(x)`` calls ``forward``;
``to_backend`` moves a model between backends (and ``to_device``/``fork`` refuse to do it
silently); ``copy.deepcopy`` is Burn's clone with copied storage; pickling is refused with a
pointer to the recorders."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import numpy as np
import pytest

from pyburn import Device, Int, Tensor
from pyburn.backend import Autodiff, NumPy
from pyburn.module import Module, Param
from pyburn.nn import (ActivationConfig, BiGruConfig, BiLstmConfig, DropoutConfig,
                       EmbeddingConfig, GateController, GruConfig, Initializer, LayerNorm,
                       LayerNormConfig, Linear, LinearConfig, LstmConfig)
from pyburn.nn.loss import (BinaryCrossEntropyLossConfig, CrossEntropyLossConfig,
                            HuberLossConfig, MseLoss)
from pyburn.tensor import BackendError, DeviceError


class Block(Module):
    """A user's module: no ``__call__`` of its own."""

    linear: Linear
    norm: LayerNorm

    def forward(self, x: Any) -> Any:
        return self.norm(self.linear(x)).tanh()


class Net(Module):
    blocks: list[Block]
    head: Linear
    scale: float = 2.0

    def forward(self, x: Any) -> Any:
        for block in self.blocks:
            x = block(x)
        return self.head(x) * self.scale


def make_net(case: Any) -> Net:
    d = case.device
    blocks = [Block(LinearConfig(3, 4).init(d), LayerNormConfig(4).init(d)),
              Block(LinearConfig(4, 3).init(d), LayerNormConfig(3).init(d))]
    return Net(blocks, LinearConfig(3, 2).init(d))


def values(module: Module) -> dict[str, np.ndarray]:
    return {path: p.val().to_numpy() for path, p in module.named_params()}


# --- model(x) ------------------------------------------------------------------------------------


def test_a_user_module_is_callable(backend: Any) -> None:
    net = make_net(backend)
    x = backend.tensor(np.linspace(-1, 1, 6).reshape(2, 3))
    net(x).to_data().assert_eq(net.forward(x).to_data())
    assert type(net).__call__ is Net.forward  # no extra frame per call


class Doubled(Linear):
    """A subclass that overrides forward only: model(x) must run the override."""

    def forward(self, x: Any) -> Any:
        return super().forward(x) * 2.0


def test_a_subclass_forward_is_what_call_runs(backend: Any) -> None:
    base = LinearConfig(3, 2).init(backend.device)
    doubled = Doubled(base.weight, base.bias)
    x = backend.tensor([[1.0, 2.0, 3.0]])
    doubled(x).to_data().assert_approx_eq((base(x) * 2.0).to_data(), 1e-6)


class NoForward(Module):
    linear: Linear


def test_calling_a_module_without_forward_names_it(backend: Any) -> None:
    with pytest.raises(TypeError, match=r"NoForward\(\.\.\.\): this module has no forward"):
        NoForward(LinearConfig(1, 1).init(backend.device))(backend.tensor([[1.0]]))
    gate = GateController.new(2, 3, True, Initializer.Ones(), backend.device)
    with pytest.raises(TypeError, match="GateController"):
        gate(backend.tensor([[1.0, 2.0]]))


def test_every_layer_is_callable(backend: Any) -> None:
    d = backend.device
    x = backend.tensor(np.linspace(-1, 1, 24).reshape(2, 3, 4))
    layers = [LinearConfig(4, 2).init(d), LayerNormConfig(4).init(d), DropoutConfig(0.0).init(),
              ActivationConfig.Gelu().init(d), GruConfig(4, 2, True).init(d)]
    for layer in layers:
        layer(x).to_data().assert_eq(layer.forward(x).to_data())
    for rnn in (LstmConfig(4, 2, True).init(d), BiLstmConfig(4, 2, True).init(d),
                BiGruConfig(4, 2, True).init(d)):
        out, _ = rnn(x)
        out.to_data().assert_eq(rnn.forward(x)[0].to_data())
    ids = Tensor[backend.B, Int].from_data([[0, 2]], device=d)
    emb = EmbeddingConfig(3, 4).init(d)
    emb(ids).to_data().assert_eq(emb.forward(ids).to_data())


def test_losses_are_callable(backend: Any) -> None:
    d = backend.device
    logits = backend.tensor([[0.2, -1.0, 3.0], [1.0, 0.5, -0.5]])
    targets = Tensor[backend.B, Int].from_data([2, 0], device=d)
    multi = Tensor[backend.B, Int].from_data([[0, 1, 1], [1, 0, 0]], device=d)
    cases = [(CrossEntropyLossConfig().init(d), (logits, targets)),
             (BinaryCrossEntropyLossConfig().with_logits(True).init(d), (logits, multi)),
             (MseLoss(), (logits, logits * 0.5)),
             (HuberLossConfig(0.5).init(), (logits, logits * 0.5))]
    for loss, args in cases:
        loss(*args).to_data().assert_eq(loss.forward(*args).to_data())


# --- to_backend -----------------------------------------------------------------------------------

TARGETS = ["numpy", "autodiff-numpy", "torch", "autodiff-torch"]


def target_backend(name: str) -> Any:
    if "torch" in name:
        pytest.importorskip("torch")
        from pyburn.backend import Torch
        plain: Any = Torch
    else:
        plain = NumPy
    return Autodiff[plain] if name.startswith("autodiff") else plain


@pytest.mark.parametrize("target", TARGETS)
def test_to_backend_moves_every_parameter(backend: Any, target: str) -> None:
    B2 = target_backend(target)
    net = make_net(backend)
    frozen_head = net.head.no_grad()
    net = Net(net.blocks, frozen_head)
    x = np.linspace(-1, 1, 6).reshape(2, 3)
    expected = net(backend.tensor(x)).to_numpy()
    moved = net.to_backend(B2)
    assert type(moved) is Net and type(moved.blocks[0]) is Block
    assert all(type(p.val()).backend is B2 for p in moved.params())
    assert moved.devices() == [B2.default_device()]
    assert [p.id for p in moved.params()] == [p.id for p in net.params()]
    assert [p.require_grad for p in moved.params()] == [p.require_grad for p in net.params()]
    # Autodiff-ness is the target's: tracked leaves there, plain tensors elsewhere
    tracked = [p.val().is_require_grad() for p in moved.params()]
    assert tracked == [B2.is_autodiff() and p.require_grad for p in net.params()]
    out = moved(Tensor[B2].from_data(x, B2.default_device()))
    np.testing.assert_allclose(out.to_numpy(), expected, rtol=1e-5, atol=1e-6)
    # the original is untouched
    assert all(type(p.val()).backend is backend.B for p in net.params())


@pytest.mark.parametrize("target", ["autodiff-numpy", "autodiff-torch"])
def test_to_backend_trains_on_an_autodiff_target(backend: Any, target: str) -> None:
    B2 = target_backend(target)
    layer = LinearConfig(3, 2).init(backend.device).to_backend(B2)
    grads = layer(Tensor[B2].ones([1, 3])).sum().backward()
    assert layer.weight.val().grad(grads) is not None
    assert layer.bias is not None and layer.bias.val().grad(grads) is not None


def test_to_backend_keeps_lazy_params_lazy_and_equal(backend: Any) -> None:
    layer = LinearConfig(3, 2).init(backend.device)
    moved = layer.to_backend(NumPy)
    assert not moved.weight.is_initialized() and not layer.weight.is_initialized()
    assert type(moved.weight.val()).backend is NumPy
    # one draw, shared: the moved module holds exactly the original's values
    np.testing.assert_array_equal(moved.weight.val().to_numpy(), layer.weight.val().to_numpy())


def test_to_backend_device(backend: Any) -> None:
    layer = LinearConfig(2, 2).init(backend.device)
    moved = layer.to_backend(NumPy, "cpu")
    assert moved.devices() == [NumPy.device("cpu")]
    with pytest.raises(DeviceError, match=r"Module.to_backend: NumPy has no device cuda:0"):
        layer.to_backend(NumPy, Device("cuda", 0))
    with pytest.raises(TypeError, match="Module.to_backend: expected a backend type"):
        layer.to_backend("torch")


def other_storage(case: Any) -> Any:
    """A backend whose memory is not the case's (Torch for NumPy rows, NumPy for Torch rows)."""
    if case.inner.name() == "numpy":
        pytest.importorskip("torch")
        from pyburn.backend import Torch
        return Torch
    return NumPy


@pytest.mark.parametrize("op", ["to_device", "fork"])
def test_a_device_of_another_backend_is_refused(backend: Any, op: str) -> None:
    """Regression: ``model.to_device(Torch.default_device())`` on a NumPy model used to return
    a model still on NumPy, silently."""
    net = make_net(backend)
    other = other_storage(backend)
    with pytest.raises(BackendError, match=rf"Net\.{op}: the device cpu belongs to {other!r}, "
                                           rf"but the module's parameters .* are on .*"
                                           rf"module\.to_backend\({other!r}, device\)"):
        getattr(net, op)(other.default_device())


@pytest.mark.parametrize("op", ["to_device", "fork"])
def test_a_device_of_the_same_storage_keeps_the_backend(backend: Any, op: str) -> None:
    """Burn's rule: a device never changes the backend, so an Autodiff model moved with its
    inner backend's device (or a float64 variant's) stays what it was."""
    net = make_net(backend)
    for dev in (backend.inner.default_device(), Autodiff[backend.inner].default_device(),
                backend.inner.with_dtypes(float="float64").default_device(), "cpu"):
        moved = getattr(net, op)(dev)
        assert all(type(p.val()).backend is backend.B for p in moved.params())


# --- copy.deepcopy and pickle -----------------------------------------------------------------------


def test_deepcopy_is_a_clone_with_copied_storage(backend: Any) -> None:
    """Regression: deepcopy used to fail with "cannot pickle '_thread.lock' object"."""
    net = make_net(backend)
    before = values(net)
    clone = copy.deepcopy(net)
    assert type(clone) is Net and clone is not net and clone.blocks[0] is not net.blocks[0]
    assert clone.scale == net.scale
    assert [p.id for p in clone.params()] == [p.id for p in net.params()]  # Burn's clone
    for p, q in zip(clone.params(), net.params()):
        assert p is not q and p.val() is not q.val()
        assert type(p.val()) is type(q.val()) and p.val().device == q.val().device
        assert p.val().is_require_grad() == q.val().is_require_grad()
    for path, v in values(clone).items():
        np.testing.assert_array_equal(v, before[path])
    x = backend.tensor(np.ones((1, 3)))
    clone(x).to_data().assert_eq(net(x).to_data())


def test_deepcopy_of_a_lazy_module_stays_lazy_with_the_same_values(backend: Any) -> None:
    layer = LinearConfig(3, 2).init(backend.device)
    clone = copy.deepcopy(layer)
    assert not clone.weight.is_initialized()
    np.testing.assert_array_equal(clone.weight.val().to_numpy(), layer.weight.val().to_numpy())
    assert clone.weight.val() is not layer.weight.val()


def test_deepcopy_gives_separate_gradients(ad_backend: Any) -> None:
    layer = LinearConfig(2, 1).init(ad_backend.device)
    clone = copy.deepcopy(layer)
    x = ad_backend.tensor([[1.0, 2.0]])
    grads = clone(x).sum().backward()
    assert clone.weight.val().grad(grads) is not None
    assert layer.weight.val().grad(grads) is None  # a fresh leaf, not the original's


def test_shallow_copy_shares_parameters(backend: Any) -> None:
    net = make_net(backend)
    twin = copy.copy(net)
    assert twin is not net and twin.head is net.head


def test_deepcopy_of_a_tensor(backend: Any) -> None:
    t = backend.tensor([[1.0, 2.0]]).require_grad()
    c = copy.deepcopy(t)
    assert type(c) is type(t) and c is not t and c.primitive is not t.primitive
    c.to_data().assert_eq(t.to_data())
    assert c.is_require_grad() == t.is_require_grad()
    ints = Tensor[backend.B, Int].from_data([1, 2], device=backend.device)
    copy.deepcopy(ints).to_data().assert_eq(ints.to_data())
    assert copy.copy(t).primitive is t.primitive  # tensors are immutable: sharing is safe


def test_pickling_a_module_points_to_recorders(backend: Any) -> None:
    net = make_net(backend)
    for obj in (net, net.head, CrossEntropyLossConfig().init(backend.device)):
        with pytest.raises(TypeError, match=r"cannot pickle a \w+ module: .*recorder.*save_file"):
            pickle.dumps(obj)
    with pytest.raises(TypeError, match="cannot pickle a Param: .*recorder"):
        pickle.dumps(net.head.weight)
    with pytest.raises(TypeError, match=r"cannot pickle a tensor .*record"):
        pickle.dumps(backend.tensor([1.0]))
    # the way the messages point to works
    data = net.head.weight.val().to_data()
    assert pickle.loads(pickle.dumps(data.to_numpy())).shape == (3, 2)


def test_param_copy_keeps_id_and_flag(backend: Any) -> None:
    p = Param.from_data([1.0, 2.0], backend.device, require_grad=False)
    for c in (copy.copy(p), copy.deepcopy(p)):
        assert c.id == p.id and c.require_grad is False
        c.val().to_data().assert_eq(p.val().to_data())


def test_deepcopy_of_a_loss_with_a_weight_tensor(backend: Any) -> None:
    """A module's plain tensor fields (constants, such as class weights) are copied too."""
    loss = CrossEntropyLossConfig(weights=[1.0, 2.0, 0.5]).init(backend.device)
    clone = copy.deepcopy(loss)
    assert loss.weights is not None and clone.weights is not None
    assert clone.weights is not loss.weights
    logits = backend.tensor([[0.2, -1.0, 3.0], [1.0, 0.5, -0.5]])
    targets = Tensor[backend.B, Int].from_data([2, 0], device=backend.device)
    clone(logits, targets).to_data().assert_eq(loss(logits, targets).to_data())


def test_modules_derived_from_a_lazy_one_share_its_draw(backend: Any) -> None:
    """Regression: a lazy parameter moved (to_device), frozen (no_grad) or made valid() ran its
    initializer again, so the derived module held other random values than the original."""
    layer = LinearConfig(3, 2).init(backend.device)
    derived = [layer.to_device(backend.device), layer.no_grad(), layer.valid(),
               layer.to_backend(NumPy), copy.copy(layer)]
    assert not any(m.weight.is_initialized() for m in derived)
    for module in derived:
        np.testing.assert_array_equal(module.weight.val().to_numpy(),
                                      layer.weight.val().to_numpy())
