"""Burn's call form of the module ops in `pyburn.tensor.module`: ``conv2d(x, w, b,
ConvOptions.new(..))`` and friends (`PaddedConvOptions`, `ConvTransposeOptions`,
`DeformConvOptions`, `InterpolateOptions`) and ``ctc_loss``: every row, the same values as the
ops' keyword form and torch, gradients against central differences; bad options are refused
naming the struct and the field."""

from __future__ import annotations

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Int, Tensor
from pyburn.tensor import GridSampleMode, KindError, activation, module
from pyburn.tensor.module import (ConvOptions, ConvTransposeOptions, DeformConvOptions,
                                  InterpolateOptions, PaddedConvOptions)

torch = pytest.importorskip("torch")
F = torch.nn.functional
RNG = np.random.default_rng(11)


def _t(case, a, kind=None):
    T = Tensor[case.B] if kind is None else Tensor[case.B, kind]
    return T.from_data(a, device=case.device)


def test_conv2d_options_match_torch(backend):
    x, w, b = RNG.standard_normal((2, 4, 6, 5)), RNG.standard_normal((6, 2, 3, 2)), \
        RNG.standard_normal(6)
    got = module.conv2d(_t(backend, x), _t(backend, w), _t(backend, b),
                        ConvOptions.new([2, 1], [1, 0], [1, 2], 2))
    want = F.conv2d(torch.tensor(x), torch.tensor(w), torch.tensor(b), stride=(2, 1),
                    padding=(1, 0), dilation=(1, 2), groups=2)
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-5, atol=1e-5)
    same = module.conv2d.apply(_t(backend, x), _t(backend, w), _t(backend, b), stride=[2, 1],
                               padding=[1, 0], dilation=[1, 2], groups=2)
    np.testing.assert_array_equal(got.to_numpy(), same.to_numpy())


def test_padded_conv1d_is_asymmetric_padding(backend):
    x, w = RNG.standard_normal((1, 2, 7)), RNG.standard_normal((3, 2, 3))
    opts = PaddedConvOptions.asymmetric([1], [2], [0], [1], 1)
    assert opts.is_asymmetric()
    got = module.conv1d(_t(backend, x), _t(backend, w), None, opts)
    want = F.conv1d(F.pad(torch.tensor(x), (2, 0)), torch.tensor(w))
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-5, atol=1e-5)
    sym = PaddedConvOptions.asymmetric([1], [1], [1], [1], 1)
    assert not sym.is_asymmetric() and sym.padding_end is None
    assert PaddedConvOptions.from_(ConvOptions.new([1], [1], [1], 1)) == sym


def test_conv_transpose3d_options_match_torch(backend):
    x, w = RNG.standard_normal((1, 2, 3, 2, 3)), RNG.standard_normal((2, 3, 2, 2, 2))
    got = module.conv_transpose3d(_t(backend, x), _t(backend, w), None,
                                  ConvTransposeOptions.new([2, 1, 2], [1, 0, 0], [1, 0, 1],
                                                           [1, 1, 1], 1))
    want = F.conv_transpose3d(torch.tensor(x), torch.tensor(w), stride=(2, 1, 2),
                              padding=(1, 0, 0), output_padding=(1, 0, 1))
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-5, atol=1e-5)


def test_conv_options_gradients(ad_backend):
    opts = ConvTransposeOptions.new([2], [1], [1], [1], 1)
    gradcheck(ad_backend.f64, lambda x, w, b: module.conv_transpose1d(x, w, b, opts),
              RNG.standard_normal((2, 2, 4)), RNG.standard_normal((2, 3, 3)),
              RNG.standard_normal(3))


def test_deform_conv2d_options_match_keywords(backend):
    x, w = RNG.standard_normal((1, 4, 5, 5)), RNG.standard_normal((2, 2, 3, 3))
    offset = RNG.standard_normal((1, 2 * 2 * 9, 3, 3))
    args = (_t(backend, x), _t(backend, offset), _t(backend, w), None, None)
    got = module.deform_conv2d(*args, DeformConvOptions.new([2, 2], [1, 1], [1, 1], 2, 2))
    want = module.deform_conv2d.apply(*args, stride=2, padding=1, weight_groups=2,
                                      offset_groups=2)
    np.testing.assert_array_equal(got.to_numpy(), want.to_numpy())


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic"])
def test_interpolate_options_match_torch(backend, mode):
    x = RNG.standard_normal((1, 2, 4, 5))
    opts = InterpolateOptions.new(mode).with_align_corners(False)
    got = module.interpolate(_t(backend, x), [6, 3], opts)
    kw = {} if mode == "nearest" else {"align_corners": False}
    want = F.interpolate(torch.tensor(x), size=(6, 3), mode=mode, **kw)
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-5, atol=1e-5)


def test_interpolate_mode_enum_and_burn_name(backend):
    x = _t(backend, RNG.standard_normal((1, 1, 3, 3)))
    a = module.interpolate(x, [5, 5], InterpolateOptions.new(GridSampleMode.Nearest))
    b = module.interpolate(x, [5, 5], "nearest")
    np.testing.assert_array_equal(a.to_numpy(), b.to_numpy())
    c = module.interpolate(x, [5, 5], InterpolateOptions.new("NearestExact"))
    d = module.interpolate(x, [5, 5], "nearest_exact")
    np.testing.assert_array_equal(c.to_numpy(), d.to_numpy())
    with pytest.raises(ValueError, match="interpolate: mode must be one of"):
        module.interpolate(x, [5, 5], InterpolateOptions.new("Lanczos3"))


def test_options_refuse_bad_fields():
    with pytest.raises(ValueError, match=r"ConvOptions: `stride` must be ints >= 1"):
        ConvOptions.new([0, 1], [0, 0], [1, 1], 1)
    with pytest.raises(ValueError, match=r"ConvOptions: `groups` must be an int >= 1"):
        ConvOptions.new([1], [0], [1], 0)
    with pytest.raises(ValueError, match=r"ConvTransposeOptions: `dilation` must be ints >= 1"):
        ConvTransposeOptions.new([1], [0], [0], [0], 1)
    with pytest.raises(ValueError, match=r"DeformConvOptions: `offset_groups` must be an int"):
        DeformConvOptions.new([1, 1], [0, 0], [1, 1], 1, 0)
    with pytest.raises(ValueError, match=r"PaddedConvOptions: `padding_end` must be ints >= 0"):
        PaddedConvOptions.asymmetric([1], [1], [-1], [1], 1)


def test_module_function_refuses_misplaced_options(backend):
    x, w = _t(backend, np.zeros((1, 1, 4))), _t(backend, np.zeros((1, 1, 2)))
    with pytest.raises(TypeError, match=r"conv1d: expected tensors \(or None\), then a "
                                        r"ConvOptions or PaddedConvOptions; got dict"):
        module.conv1d(x, w, None, {"stride": 1})
    with pytest.raises(TypeError, match=r"conv1d: unknown option\(s\) \['padding_out'\]"):
        module.conv1d(x, w, None, ConvOptions.new([1], [0], [1], 1), padding_out=1)


def _ctc_inputs():
    logits = RNG.standard_normal((6, 2, 4))
    targets = np.array([[1, 2, 2], [3, 1, 0]])
    return logits, targets, np.array([6, 5]), np.array([3, 2])


def test_ctc_loss_matches_torch(backend):
    logits, targets, il, tl = _ctc_inputs()
    lp = activation.log_softmax(_t(backend, logits), 2)
    got = module.ctc_loss(lp, _t(backend, targets, Int), _t(backend, il, Int),
                          _t(backend, tl, Int), 0)
    want = F.ctc_loss(torch.tensor(logits).log_softmax(2), torch.tensor(targets),
                      torch.tensor(il), torch.tensor(tl), blank=0, reduction="none")
    np.testing.assert_allclose(got.to_numpy(), want.numpy(), rtol=1e-5, atol=1e-5)


def test_ctc_loss_gradients(ad_backend):
    logits, targets, il, tl = _ctc_inputs()
    case = ad_backend.f64

    def fn(x):
        return module.ctc_loss(activation.log_softmax(x, 2), _t(case, targets, Int),
                               _t(case, il, Int), _t(case, tl, Int), 0)
    gradcheck(case, fn, logits)


def test_ctc_loss_refuses_bad_input(backend):
    logits, targets, il, tl = _ctc_inputs()
    args = (_t(backend, logits), _t(backend, targets, Int), _t(backend, il, Int))
    with pytest.raises(KindError, match="ctc_loss: target_lengths must be an Int tensor"):
        module.ctc_loss(*args, _t(backend, tl.astype(np.float32)), 0)
    with pytest.raises(ValueError, match="ctc_loss: blank index 4 must be less than "
                                         "num_classes 4"):
        module.ctc_loss(*args, _t(backend, tl, Int), 4)
