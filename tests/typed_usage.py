"""What a type checker sees in a user's script: ``Tensor[B]`` survives layers, losses and the
kind-changing ops. Never run by pytest (the name does not start with ``test_``); it is checked by
mypy (and pyright when installed) in tests/test_typing.py, where every ``assert_type`` below
fails if a type degrades to ``Any`` or to the wrong backend or kind.
"""

from __future__ import annotations

import copy
from typing import assert_type

from pyburn import Bool, Int, Tensor
from pyburn.tensor import activation
from pyburn.backend import Autodiff, NumPy
from pyburn.module import Module
from pyburn.nn import (Activation, ActivationConfig, BiLstmConfig, DropoutConfig, EmbeddingConfig,
                       GateController, Initializer, LayerNormConfig, Linear, LinearConfig,
                       LstmConfig, LstmState)
from pyburn.nn.loss import (BinaryCrossEntropyLossConfig, CrossEntropyLossConfig, HuberLossConfig,
                            MseLoss)
from pyburn.nn.rnn import BiGruConfig, GruConfig

B = Autodiff[NumPy]
device = B.default_device()

x = Tensor[B].random([2, 3, 4], device=device)
assert_type(x, Tensor[B])

# --- the tensor API keeps the backend, and says the kind -------------------------------------
assert_type(x.tanh(), Tensor[B])
assert_type(x.exp().log().sigmoid(), Tensor[B])
assert_type(x + 1.0, Tensor[B])
assert_type(x @ x.swap_dims(1, 2), Tensor[B])
assert_type(x.argmax(2), Tensor[B, Int])
assert_type(x.argmin(2), Tensor[B, Int])
assert_type(x.sort_with_indices(2), tuple[Tensor[B], Tensor[B, Int]])
assert_type(x > 0.0, Tensor[B, Bool])
assert_type(x.equal(x), Tensor[B, Bool])
assert_type(x.lower_elem(0.5), Tensor[B, Bool])
assert_type(x.is_nan(), Tensor[B, Bool])
assert_type(x.int(), Tensor[B, Int])
assert_type(x.int().float(), Tensor[B])
assert_type(x.int().bool(), Tensor[B, Bool])
assert_type(Tensor[B, Int].arange(0, 5, device=device), Tensor[B, Int])
assert_type(Tensor[B].cat([x, x], 0), Tensor[B])
assert_type(Tensor[B].stack([x, x], 0), Tensor[B])
assert_type(x.sum().into_scalar(), float | int | bool)
assert_type(copy.deepcopy(x), Tensor[B])
assert_type(activation.log_softmax(x, 2), Tensor[B])
assert_type(x.mask_fill(x > 0.5, 0.0), Tensor[B])

# --- layers: model(x) has forward's signature ------------------------------------------------
linear = LinearConfig(4, 5).init(device)
assert_type(linear(x), Tensor[B])
assert_type(linear.forward(x), Tensor[B])
assert_type(LayerNormConfig(4).init(device)(x), Tensor[B])
assert_type(DropoutConfig(0.1).init()(x), Tensor[B])
relu: Activation = ActivationConfig.Relu().init(device)  # a variant's init() is untyped (EnumConfig)
assert_type(relu(x), Tensor[B])
ids = Tensor[B, Int].from_data([[0, 1]], device=device)
assert_type(EmbeddingConfig(3, 4).init(device)(ids), Tensor[B])

gate = GateController.new(4, 5, True, Initializer.XavierNormal(gain=1.0), device)
assert_type(gate.gate_product(x[:, 0], Tensor[B].zeros([2, 5], device=device)), Tensor[B])

out, state = LstmConfig(4, 5, True).init(device)(x)
assert_type(out, Tensor[B])
assert_type(state, LstmState[Tensor[B]])
assert_type(state.hidden, Tensor[B])
bi_out, bi_state = BiLstmConfig(4, 5, True).init(device).forward(x, state=None)
assert_type(bi_out, Tensor[B])
assert_type(bi_state.cell, Tensor[B])
assert_type(GruConfig(4, 5, True).init(device)(x), Tensor[B])
assert_type(BiGruConfig(4, 5, True).init(device)(x), tuple[Tensor[B], Tensor[B]])

# --- losses ----------------------------------------------------------------------------------
logits = Tensor[B].random([2, 3], device=device)
targets = Tensor[B, Int].from_data([0, 2], device=device)
assert_type(CrossEntropyLossConfig().init(device)(logits, targets), Tensor[B])
assert_type(BinaryCrossEntropyLossConfig().init(device)(logits, targets.reshape([2, 1]).repeat_dim(1, 3)),
            Tensor[B])
assert_type(MseLoss()(logits, logits), Tensor[B])
assert_type(HuberLossConfig(0.5).init()(logits, logits), Tensor[B])


# --- a user's module: ``__call__ = forward`` gives the checker forward's signature -----------
class Model(Module):
    linear: Linear

    def forward(self, x: Tensor[B]) -> Tensor[B]:
        return self.linear(x).relu()

    __call__ = forward


model = Model(linear)
assert_type(model(x), Tensor[B])
assert_type(model.to_backend(NumPy), Model)
assert_type(copy.deepcopy(model), Model)
assert_type(model.valid().no_grad(), Model)
