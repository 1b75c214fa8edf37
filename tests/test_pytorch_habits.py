"""PyTorch idioms on pyburn tensors (the table of docs/interop.md): the unambiguous call forms
give the same result as the pyburn spelling; the others fail with an error naming it."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Bool, Int, Tensor

VALUES = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 4.0

# (PyTorch form, pyburn spelling): both must give the same tensor.
ACCEPTED: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "reshape(*dims)": (lambda x: x.reshape(4, 6), lambda x: x.reshape([4, 6])),
    "reshape(-1)": (lambda x: x.reshape(-1), lambda x: x.reshape([24])),
    "view(*dims)": (lambda x: x.view(6, -1), lambda x: x.reshape([6, 4])),
    "permute(*dims)": (lambda x: x.permute(0, 2, 1), lambda x: x.permute([0, 2, 1])),
    "transpose(a, b)": (lambda x: x.transpose(0, 2), lambda x: x.swap_dims(0, 2)),
    "transpose()": (lambda x: x.transpose(), lambda x: x.swap_dims(1, 2)),
    "unsqueeze(d)": (lambda x: x.unsqueeze(1), lambda x: x.unsqueeze_dim(1)),
    "unsqueeze(-1)": (lambda x: x.unsqueeze(-1), lambda x: x.unsqueeze_dim(3)),
    "squeeze(d)": (lambda x: x.unsqueeze(0).squeeze(0), lambda x: x),
    "expand(*sizes)": (lambda x: x[:, :1].expand(2, 3, 4), lambda x: x[:, :1].expand([2, 3, 4])),
    "repeat(*sizes)": (lambda x: x.repeat(1, 2, 1), lambda x: x.repeat_dim(1, 2)),
    "flatten(start, end)": (lambda x: x.flatten(1, 2), lambda x: x.reshape([2, 12])),
    "sum(d, keepdim=True)": (lambda x: x.sum(1, keepdim=True), lambda x: x.sum_dim(1)),
    "sum(dim=d, keepdim=False)": (lambda x: x.sum(dim=1, keepdim=False),
                                  lambda x: x.sum_dim(1).squeeze_dim(1)),
    "sum((a, b), keepdim=False)": (lambda x: x.sum((0, 2), keepdim=False),
                                   lambda x: x.sum_dim(0).sum_dim(2).reshape([3])),
    "mean(d, keepdim=False)": (lambda x: x.mean(-1, keepdim=False),
                               lambda x: x.mean_dim(2).squeeze_dim(2)),
    "prod(d, keepdim=True)": (lambda x: x.prod(0, keepdim=True), lambda x: x.prod_dim(0)),
    "argmax(d, keepdim=False)": (lambda x: x.argmax(2, keepdim=False),
                                 lambda x: x.argmax(2).squeeze_dim(2)),
    "argmin(dim=d)": (lambda x: x.argmin(dim=1), lambda x: x.argmin(1)),
    "x[mask]": (lambda x: x[x > 2.0], lambda x: x.reshape([24]).narrow(0, 9, 15)),
    "x[row_mask]": (lambda x: x[x.sum_dim(2).sum_dim(1).reshape([2]) > 30.0],
                    lambda x: x.narrow(0, 1, 1)),
    "clone()": (lambda x: x.clone(), lambda x: x),
    "T (2-D)": (lambda x: x[0].T, lambda x: x[0].swap_dims(0, 1)),
}


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_accepted_torch_forms(backend, name):
    torch_form, pyburn_form = ACCEPTED[name]
    x = backend.tensor(VALUES)
    got, want = torch_form(x), pyburn_form(x)
    assert type(got) is type(want) and got.shape == want.shape
    got.to_data().assert_eq(want.to_data())


def test_size_and_constructor(backend):
    x = backend.tensor(VALUES)
    assert x.size() == [2, 3, 4] and x.size(1) == 3 and x.size(-1) == 4
    made = Tensor[backend.B](VALUES, backend.device)
    made.to_data().assert_eq(x.to_data())
    assert Tensor[backend.B, Int]([1, 2], device=backend.device).kind is Int
    assert Tensor[backend.B](x).shape == (2, 3, 4)
    wide = Tensor[backend.B](np.arange(3.0), backend.device)  # float64 data, the backend's dtype
    assert wide.dtype == backend.B.float_elem and wide.tolist() == [0.0, 1.0, 2.0]


def test_mask_index_passes_gradients(ad_backend):
    x = ad_backend.f64.tensor([[1.0, -2.0], [3.0, -4.0]]).require_grad()
    picked = x[x > 0.0]
    assert picked.to_data().to_list() == [1.0, 3.0]
    grads = (picked * 2.0).sum().backward()
    assert x.grad(grads).to_data().to_list() == [[2.0, 0.0], [2.0, 0.0]]


def test_mask_index_with_no_hit_and_bad_shape(backend):
    x = backend.tensor(VALUES)
    assert x[x > 100.0].shape == (0,)
    with pytest.raises(ValueError, match=r"index: a Bool mask of shape \[3\] must match"):
        x[Tensor[backend.B, Bool].from_data([True, False, True], backend.device)]


# PyTorch form -> (error type, a pattern that names the pyburn spelling)
REJECTED: dict[str, tuple[Callable[[Any], Any], type, str]] = {
    "sum(d)": (lambda x: x.sum(1), TypeError, r"sum\(1\).*sum_dim\(1\).*squeeze_dim\(1\)"),
    "sum(dim=d)": (lambda x: x.sum(dim=0), TypeError, r"sum_dim\(0\)"),
    "sum(keepdim=True)": (lambda x: x.sum(keepdim=True), TypeError, r"keepdim needs a dim"),
    "mean(dim=d)": (lambda x: x.mean(dim=1), TypeError, r"mean_dim\(1\)"),
    "prod(d)": (lambda x: x.prod(2), TypeError, r"prod_dim\(2\)"),
    "max(d)": (lambda x: x.max(1), TypeError, r"max_dim\(1\).*max_dim_with_indices\(1\)"),
    "min(dim=d)": (lambda x: x.min(dim=0), TypeError, r"min_dim\(0\)"),
    "max(other)": (lambda x: x.max(x), TypeError, r"max_pair\(other\)"),
    "argmax()": (lambda x: x.argmax(), TypeError, r"flatten\(\).argmax\(0\)"),
    "any(d)": (lambda x: x.any(1), TypeError, r"any_dim\(1\)"),
    "all(d)": (lambda x: x.all(0), TypeError, r"all_dim\(0\)"),
    "transpose(a)": (lambda x: x.transpose(1), TypeError, r"swap_dims"),
    "masked_fill": (lambda x: x.masked_fill(x > 1.0, 0.0), AttributeError, r"mask_fill\(mask"),
    "index_select": (lambda x: x.index_select, AttributeError, r"select\(dim, indices\)"),
    "long()": (lambda x: x.long(), AttributeError, r"int\(\)"),
    "double()": (lambda x: x.double(), AttributeError, r'cast\("float64"\)'),
    "to(device)": (lambda x: x.to("cpu"), AttributeError, r"to_device\(device\)"),
    "cpu()": (lambda x: x.cpu(), AttributeError, r'to_device\("cpu"\)'),
    "numpy()": (lambda x: x.numpy(), AttributeError, r"to_numpy\(\)"),
    "dim()": (lambda x: x.dim(), AttributeError, r"rank"),
    "contiguous()": (lambda x: x.contiguous(), AttributeError, r"drop the call"),
    "softmax(d)": (lambda x: x.softmax(-1), AttributeError, r"activation.softmax\(x, dim\)"),
    "add_ (in place)": (lambda x: x.add_(1.0), AttributeError, r"immutable.*x = x.add\("),
    "zero_ (in place)": (lambda x: x.zero_(), AttributeError, r"x = x.zeros_like\(\)"),
    "x[i] = v": (lambda x: x.__setitem__(0, 1.0), TypeError, r"slice_assign"),
    "x[mask] = v": (lambda x: x.__setitem__(x > 1.0, 0.0), TypeError, r"mask_fill\(mask, v\)"),
}


@pytest.mark.parametrize("name", list(REJECTED))
def test_rejected_torch_forms_name_the_pyburn_spelling(backend, name):
    fn, error, pattern = REJECTED[name]
    with pytest.raises(error, match=pattern):
        fn(backend.tensor(VALUES))


def test_unknown_attributes_keep_python_semantics(backend):
    x = backend.tensor(VALUES)
    assert not hasattr(x, "no_such_method") and not hasattr(x, "__array_interface__")
    with pytest.raises(AttributeError, match=r"^'Tensor\[.*\]' object has no attribute 'foo'$"):
        x.foo
