"""Burn's padding helpers (``calculate_padding_1d_pair``, ``calculate_padding_2d_pairs``,
``calculate_padding_2d``, ``calculate_padding_3d``) on every variant, bare unit variants included,
their refusals, and that the layers' padding (`pairs`) is what the helpers say. Host-side
arithmetic: no backend rows."""

from __future__ import annotations

import itertools

import pytest

from pyburn.nn import PaddingConfig1d, PaddingConfig2d, PaddingConfig3d
from pyburn.nn.conv.padding import check_same_padding_support, same_padding


def torch_same_total(size: int, kernel: int, stride: int) -> int:
    """The total padding that keeps ``ceil(size / stride)`` outputs (TensorFlow/ONNX SAME_UPPER)."""
    out = -(-size // stride)
    return max((out - 1) * stride + kernel - size, 0)


def test_1d_pairs() -> None:
    assert PaddingConfig1d.Valid.calculate_padding_1d_pair(10, 3, 1) == (0, 0)
    assert PaddingConfig1d.Valid().calculate_padding_1d_pair(10, 3, 1) == (0, 0)
    assert PaddingConfig1d.Explicit(1, 2).calculate_padding_1d_pair(10, 3, 1) == (1, 2)
    assert PaddingConfig1d.Explicit(3).calculate_padding_1d_pair(10, 3, 1) == (3, 3)
    assert PaddingConfig1d.Same.calculate_padding_1d_pair(10, 3, 1) == (1, 1)
    assert PaddingConfig1d.Same().calculate_padding_1d_pair(10, 4, 1) == (1, 2)   # odd pixel last
    assert PaddingConfig1d.Same.calculate_padding_1d_pair(9, 3, 2) == (1, 1)


@pytest.mark.parametrize("size,kernel,stride",
                         list(itertools.product([1, 5, 8, 9], [1, 2, 3, 4, 7], [1, 2, 3])))
def test_same_keeps_ceil_size_over_stride(size: int, kernel: int, stride: int) -> None:
    before, after = PaddingConfig1d.Same.calculate_padding_1d_pair(size, kernel, stride)
    assert before + after == torch_same_total(size, kernel, stride)
    assert after - before in (0, 1)
    out = (size + before + after - kernel) // stride + 1
    assert out == -(-size // stride)
    assert (before, after) == same_padding(kernel, stride, size)


def test_2d_pairs_and_symmetric_form() -> None:
    p = PaddingConfig2d.Explicit(1, 2, 3, 4)           # Burn's (top, left, bottom, right)
    assert p.calculate_padding_2d_pairs(10, 10, [3, 3], [1, 1]) == ((1, 3), (2, 4))
    assert PaddingConfig2d.Valid.calculate_padding_2d_pairs(10, 10, [3, 3], [1, 1]) == \
        ((0, 0), (0, 0))
    assert PaddingConfig2d.Same.calculate_padding_2d_pairs(9, 8, [4, 3], [1, 2]) == \
        ((1, 2), (0, 1))
    assert PaddingConfig2d.Explicit(2, 3, 2, 3).calculate_padding_2d(10, 10, [3, 3], [1, 1]) \
        == [2, 3]
    assert PaddingConfig2d.Explicit(2, 3).calculate_padding_2d(10, 10, [3, 3], [1, 1]) == [2, 3]
    assert PaddingConfig2d.Valid.calculate_padding_2d(10, 10, [3, 3], [1, 1]) == [0, 0]
    assert PaddingConfig2d.Same.calculate_padding_2d(10, 10, [5, 3], [1, 1]) == [2, 1]
    # called on the enum with the value first, as an unbound method
    assert PaddingConfig2d.calculate_padding_2d_pairs(PaddingConfig2d.Same(), 5, 5, [3, 3],
                                                      [1, 1]) == ((1, 1), (1, 1))


def test_2d_symmetric_form_refuses_asymmetric_padding() -> None:
    with pytest.raises(ValueError, match=r"PaddingConfig2d\.calculate_padding_2d: the padding of "
                                         r"PaddingConfig2d\.Explicit\(1, 2, 3, 4\) is asymmetric "
                                         r".*use calculate_padding_2d_pairs\(\)"):
        PaddingConfig2d.Explicit(1, 2, 3, 4).calculate_padding_2d(10, 10, [3, 3], [1, 1])
    with pytest.raises(ValueError, match=r"calculate_padding_2d: .*\(top, bottom\) = \(1, 2\)"):
        PaddingConfig2d.Same.calculate_padding_2d(10, 10, [4, 3], [1, 1])    # even kernel


def test_3d() -> None:
    assert PaddingConfig3d.Valid.calculate_padding_3d(10, 10, 10, [3, 3, 3], [1, 1, 1]) == \
        [0, 0, 0]
    assert PaddingConfig3d.Explicit(1, 2, 3).calculate_padding_3d(10, 10, 10, [3, 3, 3],
                                                                  [1, 1, 1]) == [1, 2, 3]
    assert PaddingConfig3d.Same.calculate_padding_3d(10, 10, 10, [3, 5, 1], [1, 1, 1]) == \
        [1, 2, 0]
    with pytest.raises(ValueError, match=r"PaddingConfig3d\.calculate_padding_3d: asymmetric "
                                         r"3-D 'Same' padding is not supported.*"
                                         r"kernel \[2, 3, 3\]"):
        PaddingConfig3d.Same.calculate_padding_3d(10, 10, 10, [2, 3, 3], [1, 1, 1])
    with pytest.raises(ValueError, match=r"asymmetric 3-D 'Same'.*stride \[2, 1, 1\]"):
        PaddingConfig3d.Same.calculate_padding_3d(4, 4, 4, [3, 3, 3], [2, 1, 1])


def test_sizes_must_match_the_rank() -> None:
    with pytest.raises(ValueError, match=r"PaddingConfig2d\.calculate_padding_2d_pairs: "
                                         r"kernel_size must have 2 values, got \[3\]"):
        PaddingConfig2d.Same.calculate_padding_2d_pairs(10, 10, [3], [1, 1])
    with pytest.raises(ValueError, match=r"PaddingConfig3d\.calculate_padding_3d: stride must "
                                         r"have 3 values, got \[1, 1\]"):
        PaddingConfig3d.Valid.calculate_padding_3d(4, 4, 4, [3, 3, 3], [1, 1])


def test_check_same_padding_support() -> None:
    check_same_padding_support("Conv3dConfig.init", [3, 5, 1])
    with pytest.raises(ValueError, match=r"Conv3dConfig\.init: Same padding with an even kernel "
                                         r"size is not supported.*\[3, 4, 3\]"):
        check_same_padding_support("Conv3dConfig.init", [3, 4, 3])


@pytest.mark.parametrize("padding", [PaddingConfig1d.Valid(), PaddingConfig1d.Same(),
                                     PaddingConfig1d.Explicit(2, 1)], ids=repr)
def test_layers_use_the_helpers_1d(padding: PaddingConfig1d) -> None:
    assert padding.pairs([9], [4], [2]) == [padding.calculate_padding_1d_pair(9, 4, 2)]


@pytest.mark.parametrize("padding", [PaddingConfig2d.Valid(), PaddingConfig2d.Same(),
                                     PaddingConfig2d.Explicit(1, 2, 3, 4)], ids=repr)
def test_layers_use_the_helpers_2d(padding: PaddingConfig2d) -> None:
    assert padding.pairs([9, 7], [4, 3], [2, 1]) == \
        list(padding.calculate_padding_2d_pairs(9, 7, [4, 3], [2, 1]))


def test_bare_unit_variants_keep_config_behaviour() -> None:
    """The helpers on the bare class do not change what the class is: configs still take it and
    JSON round-trips as Burn's ``"Valid"``."""
    from pyburn.nn import Conv1dConfig
    cfg = Conv1dConfig(2, 2, 3).with_padding(PaddingConfig1d.Same)
    assert isinstance(cfg.padding, PaddingConfig1d.Same)
    assert Conv1dConfig.from_json(cfg.to_json()) == cfg
    assert PaddingConfig1d.Same.__name__ == "Same"
    assert PaddingConfig1d.Same.calculate_padding_1d_pair.__doc__
