"""The layers of `pyburn.nn` on every backend row: initializers (Burn's formulas, statistics,
seeding), Linear, LayerNorm, Embedding, Activation and Dropout against torch.nn with copied
weights, and parameter gradients against torch autograd on the Autodiff rows."""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Distribution, Int, Tensor
from pyburn.config import Config, ConfigError
from pyburn.module import Module, Param
from pyburn.nn import (Activation, ActivationConfig, Dropout, DropoutConfig, Embedding,
                       EmbeddingConfig, Initializer, LayerNorm, LayerNormConfig, Linear,
                       LinearConfig, resolve_device)
from pyburn.tensor import KindError, ShapeError


def torch_or_skip() -> Any:
    """torch, or a skip whose reason shows in pytest's -ra summary."""
    return pytest.importorskip("torch", reason="torch is not installed: no torch.nn comparison")


def tensor(backend: Any, values: Any) -> Any:
    return Tensor[backend.B].from_data(np.asarray(values, dtype=np.float32), backend.device)


def param(backend: Any, values: Any) -> Param[Any]:
    return Param(tensor(backend, values))


def draw(backend: Any, init: Initializer, shape: list[int], **fans: int) -> np.ndarray:
    return np.asarray(init.init(shape, backend.device, **fans).to_numpy(), dtype=np.float64)


# --- initializers ---------------------------------------------------------------------------------


def test_constant_ones_zeros(backend: Any) -> None:
    np.testing.assert_array_equal(draw(backend, Initializer.Constant(value=5.0), [2, 2, 2]),
                                  np.full((2, 2, 2), 5.0))
    np.testing.assert_array_equal(draw(backend, Initializer.Ones(), [3]), np.ones(3))
    np.testing.assert_array_equal(draw(backend, Initializer.Zeros(), [2, 3]), np.zeros((2, 3)))


def test_uniform_and_normal_statistics(backend: Any) -> None:
    u = draw(backend, Initializer.Uniform(min=-2.0, max=3.0), [20000])
    assert u.min() >= -2.0 and u.max() < 3.0
    assert abs(u.mean() - 0.5) < 0.05 and abs(u.std() - 5 / math.sqrt(12)) < 0.05
    n = draw(backend, Initializer.Normal(mean=1.0, std=2.0), [20000])
    assert abs(n.mean() - 1.0) < 0.06 and abs(n.std() - 2.0) < 0.06


@pytest.mark.parametrize("fan_out_only", [False, True])
def test_kaiming_uniform_bound_is_gain_sqrt_3_over_fan(backend: Any, fan_out_only: bool) -> None:
    gain, fan_in, fan_out = 2.0, 5, 40
    x = draw(backend, Initializer.KaimingUniform(gain=gain, fan_out_only=fan_out_only),
             [100, 100], fan_in=fan_in, fan_out=fan_out)
    bound = gain * math.sqrt(3.0 / (fan_out if fan_out_only else fan_in))
    assert np.abs(x).max() <= bound * (1 + 1e-6)
    assert np.abs(x).max() > 0.99 * bound  # the bound is reached, not a smaller one
    assert abs(x.std() - bound / math.sqrt(3)) < 0.02 * bound


@pytest.mark.parametrize("fan_out_only", [False, True])
def test_kaiming_normal_std_is_gain_over_sqrt_fan(backend: Any, fan_out_only: bool) -> None:
    gain, fan_in, fan_out = 2.0, 1000, 10
    x = draw(backend, Initializer.KaimingNormal(gain=gain, fan_out_only=fan_out_only),
             [200, 100], fan_in=fan_in, fan_out=fan_out)
    std = gain / math.sqrt(fan_out if fan_out_only else fan_in)
    assert abs(x.mean()) < 0.05 * std and abs(x.std() - std) < 0.03 * std


def test_xavier_formulas(backend: Any) -> None:
    gain, fan_in, fan_out = 2.0, 5, 6
    u = draw(backend, Initializer.XavierUniform(gain=gain), [100, 100], fan_in=fan_in,
             fan_out=fan_out)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    assert np.abs(u).max() <= bound * (1 + 1e-6) and np.abs(u).max() > 0.99 * bound
    n = draw(backend, Initializer.XavierNormal(gain=gain), [200, 100], fan_in=1000, fan_out=10)
    std = gain * math.sqrt(2.0 / (1000 + 10))
    assert abs(n.std() - std) < 0.03 * std and abs(n.mean()) < 0.05 * std


@pytest.mark.parametrize("init, fans, missing", [
    (Initializer.KaimingUniform(gain=1.0), {}, "fan_in"),
    (Initializer.KaimingNormal(gain=1.0, fan_out_only=True), {"fan_in": 3}, "fan_out"),
    (Initializer.XavierUniform(gain=1.0), {"fan_in": 3}, "fan_out"),
    (Initializer.XavierNormal(gain=1.0), {"fan_out": 3}, "fan_in"),
])
def test_missing_fans_are_clear_errors(backend: Any, init: Initializer, fans: dict[str, int],
                                       missing: str) -> None:
    with pytest.raises(ValueError, match=f"Initializer.*needs.*{missing}"):
        init.init([2, 2], backend.device, **fans)
    with pytest.raises(ValueError, match=missing):  # a lazy parameter fails at init too
        init.init_param([2, 2], backend.device, **fans)


@pytest.mark.parametrize("shape", [[3, 5], [5, 3], [4, 4], [6, 2, 3], [8, 1]])
def test_orthogonal_is_orthogonal(backend: Any, shape: list[int]) -> None:
    gain = 1.5
    q = draw(backend, Initializer.Orthogonal(gain=gain), shape)
    assert q.shape == tuple(shape)
    flat = q.reshape(shape[0], -1) / gain
    rows, cols = flat.shape
    gram = flat @ flat.T if rows < cols else flat.T @ flat
    np.testing.assert_allclose(gram, np.eye(min(rows, cols)), atol=1e-5)


def test_orthogonal_matches_torch_on_the_same_normal_matrix(backend: Any) -> None:
    """Our Gram-Schmidt Q equals torch.nn.init.orthogonal_'s sign-corrected QR: redraw the
    same normal matrix with the same seed and run torch's recipe on it."""
    torch = torch_or_skip()
    B, d = backend.B, backend.device
    for rows, cols in ((4, 7), (7, 4)):
        B.seed(11)
        ours = Initializer.Orthogonal(gain=1.0).init([rows, cols], d).to_numpy()
        B.seed(11)
        normal = Tensor[B].random([rows, cols], Distribution.Normal(0.0, 1.0), d)
        a = torch.tensor(normal.to_numpy(), dtype=torch.float64)
        if rows < cols:
            a = a.T
        q, r = torch.linalg.qr(a)
        q = q * torch.sign(torch.diagonal(r))
        if rows < cols:
            q = q.T
        np.testing.assert_allclose(ours, q.numpy(), atol=1e-5)


def test_orthogonal_needs_rank_2(backend: Any) -> None:
    with pytest.raises(ValueError, match="rank >= 2"):
        Initializer.Orthogonal(gain=1.0).init([4], backend.device)


def test_seeded_draws_are_reproducible(backend: Any) -> None:
    B = backend.B
    for init in (Initializer.Uniform(min=0.0, max=1.0), Initializer.Normal(mean=0.0, std=1.0),
                 Initializer.KaimingUniform(gain=1.0), Initializer.Orthogonal(gain=1.0)):
        B.seed(42)
        a = draw(backend, init, [4, 3], fan_in=3, fan_out=4)
        B.seed(42)
        b = draw(backend, init, [4, 3], fan_in=3, fan_out=4)
        np.testing.assert_array_equal(a, b)
        c = draw(backend, init, [4, 3], fan_in=3, fan_out=4)
        assert not np.array_equal(a, c)


def test_init_param_is_lazy_and_draws_from_the_seeded_rng(backend: Any) -> None:
    B, d = backend.B, backend.device
    B.seed(7)
    p = Initializer.Normal(mean=0.0, std=1.0).init_param([3, 2], d)
    assert not p.is_initialized() and list(p.shape) == [3, 2] and p.require_grad
    first = draw(backend, Initializer.Normal(mean=0.0, std=1.0), [3, 2])
    B.seed(7)
    expected = draw(backend, Initializer.Normal(mean=0.0, std=1.0), [3, 2])
    np.testing.assert_array_equal(first, expected)  # creating the param drew nothing
    assert type(p.val()).backend is B
    if backend.autodiff:
        assert p.val().is_require_grad()


def test_linear_init_is_reproducible_with_seed(backend: Any) -> None:
    B, d = backend.B, backend.device
    B.seed(3)
    a = LinearConfig(4, 5).init(d)
    wa, ba = a.weight.val().to_numpy(), a.bias.val().to_numpy()  # type: ignore[union-attr]
    B.seed(3)
    b = LinearConfig(4, 5).init(d)
    np.testing.assert_array_equal(b.weight.val().to_numpy(), wa)
    np.testing.assert_array_equal(b.bias.val().to_numpy(), ba)  # type: ignore[union-attr]


def test_initializer_config_round_trip() -> None:
    for init in (Initializer.Constant(value=0.5), Initializer.Ones(), Initializer.Zeros(),
                 Initializer.Uniform(min=-1.0, max=1.0), Initializer.Normal(mean=0.0, std=1.0),
                 Initializer.KaimingUniform(gain=1.0, fan_out_only=True),
                 Initializer.KaimingNormal(gain=2.0, fan_out_only=False),
                 Initializer.XavierUniform(gain=1.0), Initializer.XavierNormal(gain=1.0),
                 Initializer.Orthogonal(gain=1.0)):
        cfg = LinearConfig(2, 3, initializer=init)
        assert LinearConfig.from_dict(cfg.to_dict()) == cfg
    assert LinearConfig(2, 3).to_dict()["initializer"] == \
        {"KaimingUniform": {"gain": 1 / math.sqrt(3), "fan_out_only": False}}
    assert LinearConfig.from_dict({"d_input": 1, "d_output": 1,
                                   "initializer": "Zeros"}).initializer == Initializer.Zeros()
    with pytest.raises(ConfigError):
        LinearConfig.from_dict({"d_input": 1, "d_output": 1, "initializer": "Lecun"})


# --- backend resolution ---------------------------------------------------------------------------


def test_init_takes_the_backend_from_the_device(backend: Any) -> None:
    layer = LinearConfig(2, 3).init(backend.device)
    assert type(layer.weight.val()).backend is backend.B
    # a plain string names no backend: pass backend=
    with pytest.raises(ValueError, match="backend"):
        LinearConfig(2, 3).init("cpu")
    explicit = LinearConfig(2, 3).init(str(backend.device), backend.B)
    assert type(explicit.weight.val()).backend is backend.B
    # an explicit backend wins over the device's tag
    other = LinearConfig(2, 3).init(backend.device, backend=backend.B)
    assert type(other.weight.val()).backend is backend.B
    assert resolve_device(None, backend.B, "op")[1] == backend.B.default_device()


# --- Linear ---------------------------------------------------------------------------------------


def linear_from(backend: Any, w: np.ndarray, b: np.ndarray | None) -> Linear:
    return Linear(param(backend, w), None if b is None else param(backend, b))


def test_linear_default_init_matches_torch_bounds(backend: Any) -> None:
    layer = LinearConfig(16, 300).init(backend.device)
    k = 1 / math.sqrt(16)
    w = layer.weight.val().to_numpy()
    b = layer.bias.val().to_numpy()  # type: ignore[union-attr]
    assert w.shape == (16, 300) and b.shape == (300,)
    assert np.abs(w).max() <= k and np.abs(w).max() > 0.98 * k
    assert np.abs(b).max() <= k and np.abs(b).max() > 0.98 * k  # bias uses fan_in = d_input


def test_linear_constant_forward_like_burn(backend: Any) -> None:
    d = backend.device
    cfg = LinearConfig(2, 3, initializer=Initializer.Constant(value=2.0))
    x = Tensor[backend.B].ones([1, 2], device=d)
    np.testing.assert_array_equal(cfg.init(d).forward(x).to_numpy(), [[6, 6, 6]])
    np.testing.assert_array_equal(cfg.with_bias(False).init(d).forward(x).to_numpy(), [[4, 4, 4]])
    one_d = cfg.init(d).forward(Tensor[backend.B].ones([2], device=d))
    assert one_d.dims() == [3]


@pytest.mark.parametrize("lead", [[], [4], [2, 3], [2, 1, 3]])
@pytest.mark.parametrize("bias", [True, False])
def test_linear_matches_torch(backend: Any, lead: list[int], bias: bool) -> None:
    torch = torch_or_skip()
    rng = np.random.default_rng(0)
    w = rng.standard_normal((5, 3)).astype(np.float32)
    b = rng.standard_normal(3).astype(np.float32) if bias else None
    x = rng.standard_normal((*lead, 5)).astype(np.float32)
    ref = torch.nn.Linear(5, 3, bias=bias)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(w.T.copy()))  # torch stores [d_output, d_input]
        if b is not None:
            ref.bias.copy_(torch.from_numpy(b))
    out = linear_from(backend, w, b).forward(tensor(backend, x))
    assert out.dims() == [*lead, 3]
    np.testing.assert_allclose(out.to_numpy(), ref(torch.from_numpy(x)).detach().numpy(),
                               rtol=1e-5, atol=1e-5)


def test_linear_gradients_match_torch(ad_backend: Any) -> None:
    torch = torch_or_skip()
    backend = ad_backend
    rng = np.random.default_rng(1)
    w = rng.standard_normal((4, 3)).astype(np.float32)
    b = rng.standard_normal(3).astype(np.float32)
    x = rng.standard_normal((2, 5, 4)).astype(np.float32)
    layer = linear_from(backend, w, b)
    xt = tensor(backend, x).require_grad()
    grads = layer.forward(xt).square().sum().backward()
    ref = torch.nn.Linear(4, 3)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(w.T.copy()))
        ref.bias.copy_(torch.from_numpy(b))
    tx = torch.from_numpy(x).requires_grad_()
    ref(tx).square().sum().backward()
    np.testing.assert_allclose(layer.weight.val().grad(grads).to_numpy(),
                               ref.weight.grad.numpy().T, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.bias.val().grad(grads).to_numpy(),  # type: ignore[union-attr]
                               ref.bias.grad.numpy(), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(xt.grad(grads).to_numpy(), tx.grad.numpy(), rtol=1e-4, atol=1e-4)


def test_linear_rejects_bad_input(backend: Any) -> None:
    layer = LinearConfig(2, 3).init(backend.device)
    with pytest.raises(ShapeError, match=r"Linear.forward.*\[\.\.\., 2\].*\[4, 5\]"):
        layer.forward(Tensor[backend.B].ones([4, 5], device=backend.device))
    with pytest.raises(ValueError, match="sizes"):
        LinearConfig(-1, 2).init(backend.device)


# --- LayerNorm ------------------------------------------------------------------------------------


BURN_INPUT = [[-0.6897, -2.7106, 2.2222, -1.0330, -0.8933, 1.1765, 0.0601, 1.5252, -0.3630, 0.6728]]


def test_layer_norm_matches_burn_values(backend: Any) -> None:
    d = backend.device
    out = LayerNormConfig(10).init(d).forward(tensor(backend, BURN_INPUT))
    np.testing.assert_allclose(out.to_numpy(), [[-0.4990, -1.9680, 1.6178, -0.7486, -0.6470,
                                                 0.8576, 0.0461, 1.1111, -0.2614, 0.4915]],
                               atol=1e-3)
    out = LayerNormConfig(10, epsilon=1e-1).init(d).forward(tensor(backend, BURN_INPUT))
    np.testing.assert_allclose(out.to_numpy(), [[-0.4863, -1.9180, 1.5766, -0.7295, -0.6305,
                                                 0.8358, 0.0449, 1.0828, -0.2548, 0.4790]],
                               atol=1e-3)


@pytest.mark.parametrize("shape", [[6], [3, 6], [2, 4, 6]])
def test_layer_norm_matches_torch(backend: Any, shape: list[int]) -> None:
    torch = torch_or_skip()
    rng = np.random.default_rng(2)
    gamma = rng.standard_normal(6).astype(np.float32)
    beta = rng.standard_normal(6).astype(np.float32)
    x = (rng.standard_normal(shape) * 3 + 1).astype(np.float32)
    ref = torch.nn.LayerNorm(6, eps=1e-5)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(gamma))
        ref.bias.copy_(torch.from_numpy(beta))
    layer = LayerNorm(param(backend, gamma), param(backend, beta), 1e-5)
    np.testing.assert_allclose(layer.forward(tensor(backend, x)).to_numpy(),
                               ref(torch.from_numpy(x)).detach().numpy(), rtol=1e-4, atol=1e-4)


def test_layer_norm_gradients_match_torch(ad_backend: Any) -> None:
    torch = torch_or_skip()
    backend = ad_backend
    rng = np.random.default_rng(3)
    gamma = rng.standard_normal(5).astype(np.float32)
    beta = rng.standard_normal(5).astype(np.float32)
    x = rng.standard_normal((3, 5)).astype(np.float32)
    weights = rng.standard_normal((3, 5)).astype(np.float32)
    layer = LayerNorm(param(backend, gamma), param(backend, beta), 1e-5)
    xt = tensor(backend, x).require_grad()
    grads = (layer.forward(xt) * tensor(backend, weights)).sum().backward()
    ref = torch.nn.LayerNorm(5)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(gamma))
        ref.bias.copy_(torch.from_numpy(beta))
    tx = torch.from_numpy(x).requires_grad_()
    (ref(tx) * torch.from_numpy(weights)).sum().backward()
    np.testing.assert_allclose(layer.gamma.val().grad(grads).to_numpy(), ref.weight.grad.numpy(),
                               rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.beta.val().grad(grads).to_numpy(),  # type: ignore[union-attr]
                               ref.bias.grad.numpy(), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(xt.grad(grads).to_numpy(), tx.grad.numpy(), rtol=1e-3, atol=1e-4)


def test_layer_norm_init_and_errors(backend: Any) -> None:
    layer = LayerNormConfig(4).init(backend.device)
    np.testing.assert_array_equal(layer.gamma.val().to_numpy(), np.ones(4))
    np.testing.assert_array_equal(layer.beta.val().to_numpy(), np.zeros(4))  # type: ignore[union-attr]
    assert LayerNormConfig(4, bias=False).init(backend.device).beta is None
    with pytest.raises(ShapeError, match="LayerNorm.forward"):
        layer.forward(Tensor[backend.B].ones([2, 3], device=backend.device))
    with pytest.raises(ValueError, match="d_model"):
        LayerNormConfig(0).init(backend.device)


# --- Embedding ------------------------------------------------------------------------------------


def ids(backend: Any, values: Any) -> Any:
    return Tensor[backend.B, Int].from_data(np.asarray(values, dtype=np.int64), backend.device)


def test_embedding_matches_torch(backend: Any) -> None:
    torch = torch_or_skip()
    rng = np.random.default_rng(4)
    table = rng.standard_normal((7, 3)).astype(np.float32)
    idx = np.array([[0, 6, 2], [2, 2, 5]])
    layer = Embedding(param(backend, table))
    ref = torch.nn.Embedding(7, 3)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(table))
    out = layer.forward(ids(backend, idx))
    assert out.dims() == [2, 3, 3]
    np.testing.assert_allclose(out.to_numpy(), ref(torch.from_numpy(idx)).detach().numpy())
    assert layer.forward(ids(backend, [1, 3])).dims() == [2, 3]


def test_embedding_gradient_matches_torch(ad_backend: Any) -> None:
    torch = torch_or_skip()
    backend = ad_backend
    rng = np.random.default_rng(5)
    table = rng.standard_normal((6, 4)).astype(np.float32)
    weights = rng.standard_normal((2, 3, 4)).astype(np.float32)
    idx = np.array([[0, 5, 0], [3, 0, 1]])
    layer = Embedding(param(backend, table))
    grads = (layer.forward(ids(backend, idx)) * tensor(backend, weights)).sum().backward()
    ref = torch.nn.Embedding(6, 4)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(table))
    (ref(torch.from_numpy(idx)) * torch.from_numpy(weights)).sum().backward()
    np.testing.assert_allclose(layer.weight.val().grad(grads).to_numpy(), ref.weight.grad.numpy(),
                               rtol=1e-5, atol=1e-5)


def test_embedding_default_init_and_errors(backend: Any) -> None:
    layer = EmbeddingConfig(200, 50).init(backend.device)
    w = layer.weight.val().to_numpy()
    assert w.shape == (200, 50) and abs(w.std() - 1.0) < 0.05 and abs(w.mean()) < 0.05
    with pytest.raises(IndexError, match="token id 200 is out of range for 200"):
        layer.forward(ids(backend, [[1, 200]]))
    with pytest.raises(IndexError, match="token id -1"):
        layer.forward(ids(backend, [[-1, 0]]))
    with pytest.raises(KindError, match="Int tensor"):
        layer.forward(Tensor[backend.B].ones([1, 2], device=backend.device))


# --- Activation -----------------------------------------------------------------------------------


def _torch_activations(torch: Any) -> list[tuple[Any, Callable[[Any], Any]]]:
    F = torch.nn.functional
    return [
        (ActivationConfig.Relu(), F.relu),
        (ActivationConfig.LeakyRelu(), lambda x: F.leaky_relu(x, 0.01)),
        (ActivationConfig.LeakyRelu(negative_slope=0.2), lambda x: F.leaky_relu(x, 0.2)),
        (ActivationConfig.Gelu(), F.gelu),
        (ActivationConfig.Sigmoid(), torch.sigmoid),
        (ActivationConfig.Tanh(), torch.tanh),
        (ActivationConfig.Silu(), F.silu),
        (ActivationConfig.Swish(), F.silu),
        (ActivationConfig.Softplus(), F.softplus),
        (ActivationConfig.Softplus(beta=2.0), lambda x: F.softplus(x, beta=2.0)),
        (ActivationConfig.Elu(), F.elu),
        (ActivationConfig.Elu(alpha=0.5), lambda x: F.elu(x, alpha=0.5)),
        (ActivationConfig.HardSigmoid(alpha=1 / 6, beta=0.5), F.hardsigmoid),
        (ActivationConfig.Softsign(), F.softsign),
        (ActivationConfig.Selu(), F.selu),
        (ActivationConfig.Mish(), F.mish),
        (ActivationConfig.PRelu(), lambda x: F.prelu(x, torch.tensor([0.25]))),
    ]


def test_activations_match_torch(backend: Any) -> None:
    torch = torch_or_skip()
    x = np.linspace(-5, 5, 24, dtype=np.float32).reshape(2, 3, 4)
    for config, fn in _torch_activations(torch):
        out = config.init(backend.device).forward(tensor(backend, x))
        np.testing.assert_allclose(out.to_numpy(), fn(torch.from_numpy(x)).numpy(), rtol=1e-5,
                                   atol=1e-5, err_msg=repr(config))


def test_activation_gradients_match_torch(ad_backend: Any) -> None:
    torch = torch_or_skip()
    backend = ad_backend
    x = np.linspace(-3, 3, 12, dtype=np.float32).reshape(3, 4) + 0.05  # avoid kinks at 0
    for config, fn in _torch_activations(torch):
        xt = tensor(backend, x).require_grad()
        grads = config.init(backend.device).forward(xt).sum().backward()
        tx = torch.from_numpy(x).requires_grad_()
        fn(tx).sum().backward()
        np.testing.assert_allclose(xt.grad(grads).to_numpy(), tx.grad.numpy(), rtol=1e-4,
                                   atol=1e-5, err_msg=repr(config))


def test_prelu_per_channel_matches_torch(ad_backend: Any) -> None:
    torch = torch_or_skip()
    backend = ad_backend
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 3, 5)).astype(np.float32)
    act = ActivationConfig.PRelu(num_parameters=3, alpha=0.1).init(backend.device)
    assert act.num_params() == 3
    np.testing.assert_allclose(act.alpha.val().to_numpy(), [0.1, 0.1, 0.1])  # type: ignore[union-attr]
    alpha = np.array([0.1, -0.2, 0.3], dtype=np.float32)
    act = Activation(act.config, param(backend, alpha))
    grads = act.forward(tensor(backend, x)).sum().backward()
    ref = torch.nn.PReLU(3)
    with torch.no_grad():
        ref.weight.copy_(torch.from_numpy(alpha))
    out = ref(torch.from_numpy(x))
    out.sum().backward()
    np.testing.assert_allclose(act.forward(tensor(backend, x)).to_numpy(), out.detach().numpy(),
                               rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(act.alpha.val().grad(grads).to_numpy(),  # type: ignore[union-attr]
                               ref.weight.grad.numpy(), rtol=1e-4, atol=1e-5)
    with pytest.raises(ShapeError, match="PRelu with 3 parameters"):
        act.forward(tensor(backend, np.ones((2, 4))))


def test_activation_values_without_torch(backend: Any) -> None:
    """A few fixed values, so the activations are checked even where torch is missing."""
    x = tensor(backend, [[-1.0, 0.0, 2.0]])
    d = backend.device

    def run(config: Any) -> np.ndarray:
        return np.asarray(config.init(d).forward(x).to_numpy())

    np.testing.assert_allclose(run(ActivationConfig.Relu()), [[0, 0, 2]])
    np.testing.assert_allclose(run(ActivationConfig.LeakyRelu()), [[-0.01, 0, 2]], rtol=1e-6)
    np.testing.assert_allclose(run(ActivationConfig.HardSigmoid()), [[0.3, 0.5, 0.9]], rtol=1e-6)
    np.testing.assert_allclose(run(ActivationConfig.Softsign()), [[-0.5, 0, 2 / 3]], rtol=1e-6)
    np.testing.assert_allclose(run(ActivationConfig.PRelu()), [[-0.25, 0, 2]], rtol=1e-6)


def test_activation_config_serializes_like_burn() -> None:
    assert ActivationConfig.Swish is ActivationConfig.Silu
    assert isinstance(ActivationConfig.Relu(), ActivationConfig)

    class Holder(Config):
        activation: ActivationConfig = ActivationConfig.Relu()

    assert Holder().to_dict() == {"activation": "Relu"}
    leaky = Holder(ActivationConfig.LeakyRelu(negative_slope=0.2))
    assert leaky.to_dict() == {"activation": {"LeakyRelu": {"negative_slope": 0.2}}}
    assert Holder.from_dict(leaky.to_dict()) == leaky
    assert Holder.from_dict({"activation": {"PRelu": {"num_parameters": 2, "alpha": 0.1}}}) \
        .activation == ActivationConfig.PRelu(num_parameters=2, alpha=0.1)


def test_activation_module_and_display(backend: Any) -> None:
    d = backend.device
    relu = ActivationConfig.Relu().init(d)
    assert relu.num_params() == 0 and relu.into_record() == {}
    assert str(relu) == "Activation {kind: Relu}"
    assert str(ActivationConfig.LeakyRelu().init(d)) == \
        "Activation {kind: LeakyRelu, negative_slope: 0.01}"
    prelu = ActivationConfig.PRelu().init(d)
    assert str(prelu) == "Activation {kind: PRelu, num_parameters: 1, alpha: 0.25, params: 1}"
    assert set(prelu.into_record()) == {"alpha"}
    assert ActivationConfig.Relu().init() is not None  # no parameter: no device needed


# --- Dropout --------------------------------------------------------------------------------------


def test_dropout_is_identity_without_autodiff(backend: Any) -> None:
    x = Tensor[backend.inner].ones([50, 50], device=backend.device)
    out = DropoutConfig(0.5).init().forward(x)
    np.testing.assert_array_equal(out.to_numpy(), np.ones((50, 50)))


def test_dropout_trains_on_autodiff(ad_backend: Any) -> None:
    backend = ad_backend
    B, d = backend.B, backend.device
    B.seed(0)
    x = Tensor[B].ones([200, 200], device=d).require_grad()
    out = DropoutConfig(0.3).init().forward(x)
    values = out.to_numpy()
    kept = values != 0
    assert abs(1 - kept.mean() - 0.3) < 0.02
    np.testing.assert_allclose(values[kept], 1 / 0.7, rtol=1e-6)
    grads = out.sum().backward()
    np.testing.assert_allclose(x.grad(grads).to_numpy(), values, rtol=1e-6)  # mask / (1 - p)


def test_dropout_edges_and_validation(ad_backend: Any) -> None:
    d = ad_backend.device
    x = Tensor[ad_backend.B].ones([4, 4], device=d)
    np.testing.assert_array_equal(DropoutConfig(0.0).init().forward(x).to_numpy(), np.ones((4, 4)))
    np.testing.assert_array_equal(DropoutConfig(1.0).init().forward(x).to_numpy(), np.zeros((4, 4)))
    for bad in (-0.1, 1.5):
        with pytest.raises(ValueError, match="between 0 and 1"):
            DropoutConfig(bad).init()


class Mlp(Module):
    linear: Linear
    dropout: Dropout


def test_dropout_is_off_after_valid(ad_backend: Any) -> None:
    """``valid()`` moves parameters to the inner backend, so dropout turns itself off."""
    d = ad_backend.device
    model = Mlp(LinearConfig(8, 8, initializer=Initializer.Ones()).init(d),
                DropoutConfig(0.5).init())
    x = Tensor[ad_backend.B].ones([16, 8], device=d)
    train = model.dropout.forward(model.linear.forward(x)).to_numpy()
    assert (train == 0).any()
    valid = model.valid()
    xv = Tensor[ad_backend.inner].ones([16, 8], device=ad_backend.device)
    out = valid.dropout.forward(valid.linear.forward(xv)).to_numpy()
    np.testing.assert_array_equal(out, np.full((16, 8), 9.0))
