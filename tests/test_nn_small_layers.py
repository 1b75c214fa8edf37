"""Small layers on every backend row, against torch: LocalResponseNorm (nn.LocalResponseNorm),
PixelShuffle/PixelUnshuffle (F.pixel_shuffle/unshuffle), unfold4d/fold4d and Unfold4d/Fold4d
(F.unfold/F.fold), adaptive_avg_pool3d (F.adaptive_avg_pool3d) -- forward and input gradients
in float64 and float32, finite differences in float64 -- plus the Normalization wrapper, configs
(Burn's defaults, JSON), Burn's display strings and clear errors."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

torch = pytest.importorskip("torch")
F = torch.nn.functional

from pyburn.config import Config  # noqa: E402
from pyburn.nn import (Fold4d, Fold4dConfig, Identity, PixelShuffleConfig,  # noqa: E402
                       PixelUnshuffleConfig, Unfold4dConfig)
from pyburn.nn.norm import (BatchNormConfig, GroupNormConfig, InstanceNormConfig,  # noqa: E402
                            LayerNormConfig, LocalResponseNormConfig, Normalization,
                            NormalizationConfig, RmsNormConfig)
from pyburn.nn.pool import AdaptiveAvgPool3dConfig  # noqa: E402
from pyburn.tensor import RankError, ShapeError  # noqa: E402
from pyburn.tensor.module import (UnfoldOptions, adaptive_avg_pool3d, fold4d,  # noqa: E402
                                  unfold4d)

from gradcheck import gradcheck  # noqa: E402
from torch_compare import compare_with_torch  # noqa: E402

TOL = {"float64": (1e-10, 1e-12), "float32": (1e-5, 1e-6)}
DTYPES = ["float64", "float32"]
RNG = np.random.default_rng(0)


def compare(backend: Any, dtype: str, fn: Callable[[Any], Any],
            reference: Callable[[Any], Any], x: np.ndarray) -> None:
    compare_with_torch(backend, dtype, fn, reference, x, TOL)


# --- LocalResponseNorm ---------------------------------------------------------------------------
def burn_lrn_reference(size: int, alpha: float, beta: float, k: float) -> Callable[[Any], Any]:
    """Burn's window is torch's mirrored along the channels when `size` is even (the extra
    channel on the positive side): flipping the channels before and after maps one to the
    other, and is the identity for odd sizes."""
    module = torch.nn.LocalResponseNorm(size, alpha, beta, k)
    return lambda x: module(x.flip(1)).flip(1)


LRN_CASES = [(1, 1e-4, 0.75, 1.0), (2, 1.0, 1.0, 0.5), (3, 0.05, 0.5, 2.0), (4, 0.5, 0.75, 1.0),
             (5, 1e-4, 0.75, 1.0), (5, 0.3, 1.5, 1.0), (9, 0.2, 0.75, 1.0)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [[2, 6, 5], [2, 7, 3, 4], [1, 4, 2, 3, 2]],
                         ids=["rank3", "rank4", "rank5"])
@pytest.mark.parametrize("size,alpha,beta,k", LRN_CASES)
def test_local_response_norm_matches_torch(backend: Any, dtype: str, shape: list[int], size: int,
                                           alpha: float, beta: float, k: float) -> None:
    layer = (LocalResponseNormConfig(size).with_alpha(alpha).with_beta(beta).with_k(k).init())
    compare(backend, dtype, layer.forward, burn_lrn_reference(size, alpha, beta, k),
            RNG.normal(size=shape) * 2)


def test_local_response_norm_odd_size_is_torch_exactly(backend: Any) -> None:
    """No flip needed for odd sizes: the windows are torch's own."""
    x = RNG.normal(size=[2, 5, 3, 3])
    layer = LocalResponseNormConfig(3).with_alpha(0.5).init()
    np.testing.assert_allclose(
        layer.forward(backend.f64.tensor(x)).to_numpy(),
        torch.nn.LocalResponseNorm(3, 0.5)(torch.tensor(x)).numpy(), rtol=1e-12)


def test_local_response_norm_even_size_window(backend: Any) -> None:
    """Burn's asymmetric window: size 2 averages channel c with c + 1 (zero past the end)."""
    x = np.array([[[1.0], [2.0], [4.0]]])
    layer = LocalResponseNormConfig(2).with_alpha(1.0).with_beta(1.0).with_k(0.0).init()
    out = layer.forward(backend.f64.tensor(x)).to_numpy()
    np.testing.assert_allclose(out.ravel(), [1 / 2.5, 2 / 10.0, 4 / 8.0], rtol=1e-12)


@pytest.mark.parametrize("size", [2, 3, 4])
def test_local_response_norm_finite_differences(ad_backend: Any, size: int) -> None:
    layer = LocalResponseNormConfig(size).with_alpha(0.4).with_beta(0.75).with_k(1.5).init()
    gradcheck(ad_backend.f64, layer.forward, RNG.normal(size=[2, 5, 3]))


def test_local_response_norm_config_and_errors(backend: Any) -> None:
    cfg = LocalResponseNormConfig(5)
    assert (cfg.alpha, cfg.beta, cfg.k) == (0.0001, 0.75, 1.0)
    assert LocalResponseNormConfig.from_json(cfg.to_json()) == cfg
    layer = cfg.init()
    assert layer.num_params() == 0 and layer.into_record() == {}
    assert str(layer) == "LocalResponseNorm {size: 5, alpha: 0.0001, beta: 0.75, k: 1}"
    with pytest.raises(ValueError, match=r"LocalResponseNormConfig.init: size must be greater "
                                         r"than 0, got 0"):
        LocalResponseNormConfig(0).init()
    with pytest.raises(RankError, match=r"LocalResponseNorm.forward: expected an input of rank "
                                        r">= 3.*got shape \[2, 4\]"):
        layer.forward(backend.tensor(np.zeros([2, 4])))


# --- PixelShuffle / PixelUnshuffle ---------------------------------------------------------------
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("factor,shape", [(1, [2, 3, 2, 2]), (2, [2, 8, 3, 2]),
                                          (3, [1, 18, 2, 3])])
def test_pixel_shuffle_matches_torch(backend: Any, dtype: str, factor: int,
                                     shape: list[int]) -> None:
    x = RNG.normal(size=shape)
    compare(backend, dtype, PixelShuffleConfig(factor).init().forward,
            lambda t: F.pixel_shuffle(t, factor), x)
    n, c, h, w = shape
    y = RNG.normal(size=[n, c, h * factor, w * factor])
    compare(backend, dtype, PixelUnshuffleConfig(factor).init().forward,
            lambda t: F.pixel_unshuffle(t, factor), y)


def test_pixel_shuffle_burn_known_values(backend: Any) -> None:
    x = np.arange(16.0).reshape(1, 4, 2, 2)
    out = PixelShuffleConfig(2).init().forward(backend.tensor(x)).to_numpy()
    np.testing.assert_array_equal(out[0, 0], [[0, 4, 1, 5], [8, 12, 9, 13], [2, 6, 3, 7],
                                              [10, 14, 11, 15]])
    back = PixelUnshuffleConfig(2).init().forward(backend.tensor(out)).to_numpy()
    np.testing.assert_array_equal(back, x)


def test_pixel_shuffle_finite_differences(ad_backend: Any) -> None:
    gradcheck(ad_backend.f64, PixelShuffleConfig(2).init().forward, RNG.normal(size=[1, 8, 2, 3]))
    gradcheck(ad_backend.f64, PixelUnshuffleConfig(2).init().forward,
              RNG.normal(size=[1, 2, 4, 2]))


def test_pixel_shuffle_config_and_errors(backend: Any) -> None:
    assert str(PixelShuffleConfig(2).init()) == "PixelShuffle {upscale_factor: 2}"
    assert str(PixelUnshuffleConfig(3).init()) == "PixelUnshuffle {downscale_factor: 3}"
    assert PixelShuffleConfig.from_json(PixelShuffleConfig(2).to_json()).upscale_factor == 2
    with pytest.raises(ValueError, match="PixelShuffleConfig.init: upscale_factor must be"):
        PixelShuffleConfig(0).init()
    with pytest.raises(ValueError, match="PixelUnshuffleConfig.init: downscale_factor must be"):
        PixelUnshuffleConfig(0).init()
    with pytest.raises(ShapeError, match=r"PixelShuffle.forward: input channels \(6\) must be "
                                         r"divisible by upscale_factor\^2 \(4\)"):
        PixelShuffleConfig(2).init().forward(backend.tensor(np.zeros([1, 6, 2, 2])))
    with pytest.raises(ShapeError, match=r"PixelUnshuffle.forward: input width \(3\) must be "
                                         r"divisible by downscale_factor \(2\)"):
        PixelUnshuffleConfig(2).init().forward(backend.tensor(np.zeros([1, 1, 2, 3])))
    with pytest.raises(RankError, match="PixelShuffle.forward: expected an input of rank 4"):
        PixelShuffleConfig(2).init().forward(backend.tensor(np.zeros([4, 2, 2])))


# --- unfold4d / fold4d ---------------------------------------------------------------------------
FOLD_CASES = [  # kernel, stride, padding, dilation, image size
    ([2, 2], [1, 1], [0, 0], [1, 1], [4, 5]),
    ([3, 2], [2, 1], [1, 0], [1, 1], [5, 4]),
    ([2, 3], [1, 2], [1, 2], [2, 1], [6, 5]),
    ([3, 3], [3, 3], [0, 0], [1, 1], [6, 6]),
    ([1, 1], [2, 2], [0, 1], [1, 1], [3, 4]),
]


def _options(stride: list[int], padding: list[int], dilation: list[int]) -> UnfoldOptions:
    return UnfoldOptions(stride, padding, dilation)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kernel,stride,padding,dilation,size", FOLD_CASES)
def test_unfold4d_matches_torch(backend: Any, dtype: str, kernel: list[int], stride: list[int],
                                padding: list[int], dilation: list[int], size: list[int]) -> None:
    opts = _options(stride, padding, dilation)
    compare(backend, dtype, lambda x: unfold4d(x, kernel, opts),
            lambda t: F.unfold(t, kernel, dilation=dilation, padding=padding, stride=stride),
            RNG.normal(size=[2, 3, *size]))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kernel,stride,padding,dilation,size", FOLD_CASES)
def test_fold4d_matches_torch(backend: Any, dtype: str, kernel: list[int], stride: list[int],
                              padding: list[int], dilation: list[int], size: list[int]) -> None:
    opts = _options(stride, padding, dilation)
    blocks = F.unfold(torch.zeros(1, 1, *size), kernel, dilation=dilation, padding=padding,
                      stride=stride).shape[2]
    cols = RNG.normal(size=[2, 3 * kernel[0] * kernel[1], blocks])
    compare(backend, dtype, lambda x: fold4d(x, size, kernel, opts),
            lambda t: F.fold(t, size, kernel, dilation=dilation, padding=padding, stride=stride),
            cols)


@pytest.mark.parametrize("kernel,stride,padding,dilation,size", FOLD_CASES[:3])
def test_fold_unfold_finite_differences_and_adjoint(ad_backend: Any, kernel: list[int],
                                                    stride: list[int], padding: list[int],
                                                    dilation: list[int], size: list[int]) -> None:
    case = ad_backend.f64
    opts = _options(stride, padding, dilation)
    x = RNG.normal(size=[1, 2, *size])
    gradcheck(case, lambda t: unfold4d(t, kernel, opts), x)
    cols_shape = list(unfold4d(case.tensor(x), kernel, opts).shape)
    y = RNG.normal(size=cols_shape)
    gradcheck(case, lambda t: fold4d(t, size, kernel, opts), y)
    # fold is unfold's adjoint: <unfold(x), y> == <x, fold(y)>
    lhs = float((unfold4d(case.tensor(x), kernel, opts) * case.tensor(y)).sum().into_scalar())
    rhs = float((case.tensor(x) * fold4d(case.tensor(y), size, kernel, opts)).sum().into_scalar())
    assert lhs == pytest.approx(rhs, rel=1e-12)


def test_fold_keeps_non_finite_values_in_place(backend: Any) -> None:
    """A composite of slices, not a product with one-hot kernels: inf stays where it was."""
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    x[0, 0, 0, 0] = np.inf
    cols = unfold4d(backend.f64.tensor(x), [2, 2], UnfoldOptions([2, 2], [0, 0], [1, 1]))
    back = fold4d(cols, [4, 4], [2, 2], UnfoldOptions([2, 2], [0, 0], [1, 1])).to_numpy()
    np.testing.assert_array_equal(back, x)


def test_fold_modules_burn_values_and_display(backend: Any) -> None:
    cols = np.arange(1.0, 17.0).reshape(1, 4, 4)
    out = Fold4dConfig([3, 3], [2, 2]).init().forward(backend.tensor(cols)).to_numpy()
    np.testing.assert_array_equal(out[0, 0], [[1, 7, 6], [12, 34, 22], [11, 27, 16]])
    x = np.arange(1.0, 17.0).reshape(1, 1, 4, 4)
    unfolded = Unfold4dConfig([2, 2]).init().forward(backend.tensor(x))
    np.testing.assert_array_equal(
        unfolded.to_numpy(), F.unfold(torch.tensor(x), [2, 2]).numpy())
    fold = Fold4dConfig([4, 4], [2, 2]).init()
    assert isinstance(fold, Fold4d) and fold.num_params() == 0
    assert str(fold) == ("Fold4d {output_size: [4, 4], kernel_size: [2, 2], stride: [1, 1], "
                         "dilation: [1, 1], padding: [0, 0]}")
    assert str(Unfold4dConfig([3, 3]).init()) == (
        "Unfold4d {kernel_size: [3, 3], stride: [1, 1], dilation: [1, 1], padding: [0, 0]}")
    cfg = Fold4dConfig([4, 4], [2, 2]).with_stride([2, 2]).with_padding([1, 1])
    assert Fold4dConfig.from_json(cfg.to_json()) == cfg


def test_fold_errors(backend: Any) -> None:
    with pytest.raises(ValueError, match=r"UnfoldOptions: stride must be an int or a pair of "
                                         r"ints >= 1, got \[0, 1\]"):
        UnfoldOptions([0, 1], [0, 0], [1, 1])
    with pytest.raises(ValueError, match="Fold4dConfig.init: dilation must be"):
        Fold4dConfig([4, 4], [2, 2]).with_dilation([1, 0]).init()
    with pytest.raises(ShapeError, match=r"fold4d: an output of \[4, 4\] .* has 3 x 3 = 9 "
                                         r"blocks, got 4"):
        fold4d(backend.tensor(np.zeros([1, 4, 4])), [4, 4], [2, 2])
    with pytest.raises(ShapeError, match=r"fold4d: dim 1 \(6\) must be a multiple of kh \* kw "
                                         r"= 4"):
        fold4d(backend.tensor(np.zeros([1, 6, 9])), [4, 4], [2, 2])
    with pytest.raises(RankError, match="fold4d: expected a rank-3 input"):
        fold4d(backend.tensor(np.zeros([1, 4, 3, 3])), [4, 4], [2, 2])
    with pytest.raises(RankError, match="unfold4d: expected a rank-4 input"):
        unfold4d(backend.tensor(np.zeros([4, 3, 3])), [2, 2])
    with pytest.raises(ShapeError, match=r"unfold4d: the \(dilated\) kernel \[3, 3\] spans 5 "
                                         r"along the height, larger than the padded height 4"):
        unfold4d(backend.tensor(np.zeros([1, 1, 4, 8])), [3, 3], UnfoldOptions(1, 0, 2))


# --- adaptive_avg_pool3d -------------------------------------------------------------------------
POOL3D_CASES = [([4, 4, 4], [2, 2, 2]), ([5, 7, 6], [3, 4, 2]), ([2, 3, 4], [3, 5, 4]),
                ([3, 1, 5], [1, 1, 1])]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("size,out", POOL3D_CASES)
def test_adaptive_avg_pool3d_matches_torch(backend: Any, dtype: str, size: list[int],
                                           out: list[int]) -> None:
    layer = AdaptiveAvgPool3dConfig(out).init()
    compare(backend, dtype, layer.forward, lambda t: F.adaptive_avg_pool3d(t, out),
            RNG.normal(size=[2, 3, *size]))


def test_adaptive_avg_pool3d_finite_differences(ad_backend: Any) -> None:
    gradcheck(ad_backend.f64, lambda x: adaptive_avg_pool3d(x, [2, 3, 2]),
              RNG.normal(size=[1, 2, 3, 4, 5]))


def test_adaptive_avg_pool3d_config_and_errors(backend: Any) -> None:
    layer = AdaptiveAvgPool3dConfig([3, 3, 3]).init()
    assert str(layer) == "AdaptiveAvgPool3d {output_size: [3, 3, 3]}"
    assert layer.num_params() == 0
    with pytest.raises(ValueError, match="AdaptiveAvgPool3dConfig.init: output_size must be "
                                         "three sizes >= 1"):
        AdaptiveAvgPool3dConfig([2, 2]).init()
    with pytest.raises(RankError, match="AdaptiveAvgPool3d.forward: expected an input of rank 5"):
        layer.forward(backend.tensor(np.zeros([1, 2, 4, 4])))
    with pytest.raises(ValueError, match="adaptive_avg_pool3d: output_size must be three sizes"):
        adaptive_avg_pool3d(backend.tensor(np.zeros([1, 1, 2, 2, 2])), [1, 0, 1])


# --- Normalization -------------------------------------------------------------------------------
NORM_CONFIGS = [("Batch", lambda n: BatchNormConfig(n)), ("Group", lambda n: GroupNormConfig(3, n)),
                ("Instance", lambda n: InstanceNormConfig(n)),
                ("Layer", lambda n: LayerNormConfig(n)), ("Rms", lambda n: RmsNormConfig(n))]


@pytest.mark.parametrize("name,make", NORM_CONFIGS, ids=[n for n, _ in NORM_CONFIGS])
def test_normalization_config_variants(name: str, make: Callable[[int], Config]) -> None:
    config = NormalizationConfig.from_(make(0))
    assert type(config).__name__ == name and isinstance(config, NormalizationConfig)
    assert config.num_features() == 0
    config = config.with_num_features(12)
    assert config.num_features() == 12 and config == getattr(NormalizationConfig, name)(make(12))
    assert NormalizationConfig.from_json(config.to_json()) == config


def test_normalization_identity_config() -> None:
    assert NormalizationConfig.Identity.num_features() == 0
    assert NormalizationConfig.Identity.with_num_features(5) == NormalizationConfig.Identity()
    assert NormalizationConfig.Identity().to_json() == '"Identity"'
    with pytest.raises(TypeError, match="NormalizationConfig.from_: expected one of"):
        NormalizationConfig.from_(LocalResponseNormConfig(3))


@pytest.mark.parametrize("name,make", NORM_CONFIGS, ids=[n for n, _ in NORM_CONFIGS])
def test_normalization_forward_is_the_wrapped_layer(ad_backend: Any, name: str,
                                                    make: Callable[[int], Config]) -> None:
    case = ad_backend.f64
    layer = NormalizationConfig.from_(make(12)).init(case.device)
    assert isinstance(layer, Normalization) and layer.variant == name
    assert layer.num_features() == 12
    shape = [2, 3, 4, 12] if name in ("Layer", "Rms") else [2, 12, 3, 4]
    x = case.tensor(RNG.normal(size=shape))
    np.testing.assert_array_equal(layer.forward(x).to_numpy(),
                                  layer.norm.forward(x).to_numpy())   # type: ignore[attr-defined]
    assert layer.num_params() == layer.norm.num_params() > 0


def test_normalization_identity_layer(ad_backend: Any) -> None:
    layer = NormalizationConfig.Identity.init(ad_backend.device)
    assert isinstance(layer.norm, Identity) and layer.variant == "Identity"
    assert layer.num_features() == 0 and layer.num_params() == 0
    x = ad_backend.tensor(RNG.normal(size=[2, 3]))
    np.testing.assert_array_equal(layer.forward(x).to_numpy(), x.to_numpy())
    with pytest.raises(TypeError, match="Normalization: expected a BatchNorm, .* got Fold4d"):
        Normalization(Fold4dConfig([2, 2], [1, 1]).init())


def test_normalization_record_is_filed_under_the_variant(ad_backend: Any) -> None:
    """As Burn's enum modules: a field ``norm: Normalization`` records ``norm.Batch.gamma``."""
    case = ad_backend.f64
    layer = NormalizationConfig.from_(BatchNormConfig(3)).init(case.device)
    assert [name for name, _ in layer.named_params()] == [
        "Batch.gamma", "Batch.beta", "Batch.running_mean", "Batch.running_var"]
    layer = layer.map(lambda _, p: p.with_value(p.val() * 0 + 2.0))
    fresh = NormalizationConfig.from_(BatchNormConfig(3)).init(case.device)
    loaded = fresh.load_record(layer.into_record())
    np.testing.assert_array_equal(loaded.norm.gamma.val().to_numpy(),  # type: ignore[attr-defined]
                                  [2.0, 2.0, 2.0])
    assert NormalizationConfig.Identity.init(case.device).into_record() == {"Identity": {}}
