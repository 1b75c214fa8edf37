"""pyburn.train.metric: every metric against hand-computed values (Burn's own test cases) and
against NumPy references of scikit-learn's definitions, on every backend row."""

from __future__ import annotations

import math
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from pyburn import Int, Tensor
from pyburn.tensor.errors import KindError, RankError, ShapeError
from pyburn.train.metric import (AccuracyInput, AccuracyMetric, ClassificationMetricConfig,
                                 ClassReduction, ConfusionStats, ConfusionStatsInput,
                                 CpuMemory, CpuTemperature, CpuUse, CudaMetric, DecisionRule,
                                 FBetaScoreMetric, HammingScore, HammingScoreInput,
                                 IterationSpeedMetric, Metric, MetricMetadata, Numeric,
                                 NumericEntry, PrecisionMetric, Progress, RecallMetric,
                                 TopKAccuracyInput, TopKAccuracyMetric, format_float)
from pyburn.train.metric import cuda as cuda_module
from pyburn.train.metric import system

Micro, Macro = ClassReduction.Micro, ClassReduction.Macro
META = MetricMetadata(Progress(1, 1), epoch=1, epoch_total=1, iteration=1)


def ints(case: Any, values: Any) -> Any:
    return Tensor[case.B, Int].from_data(values, device=case.device)


def bools(case: Any, values: Any) -> Any:
    return ints(case, values).bool()


def meta(iteration: int) -> MetricMetadata:
    return MetricMetadata(Progress(iteration, 10), epoch=1, epoch_total=1, iteration=iteration)


# --- Burn's inputs (burn-train/src/lib.rs `dummy_classification_input`) ----------------------
BINARY = ([[0.3], [0.2], [0.7], [0.1], [0.55]], [[0], [1], [0], [0], [1]])
MULTICLASS = ([[0.2, 0.8, 0.0], [0.3, 0.6, 0.1], [0.7, 0.25, 0.05], [0.1, 0.15, 0.8],
               [0.9, 0.03, 0.07]],
              [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 0, 1], [1, 0, 0]])
MULTILABEL = ([[0.1, 0.7, 0.6], [0.3, 0.9, 0.05], [0.8, 0.9, 0.4], [0.7, 0.5, 0.9],
               [1.0, 0.3, 0.2]],
              [[1, 1, 0], [1, 0, 1], [1, 1, 1], [0, 0, 1], [1, 0, 0]])
INPUTS = {"binary": BINARY, "multiclass": MULTICLASS, "multilabel": MULTILABEL}


def confusion_input(case: Any, kind: str) -> ConfusionStatsInput:
    predictions, targets = INPUTS[kind]
    return ConfusionStatsInput(case.tensor(predictions), bools(case, targets))


def scores(case: Any) -> tuple[Any, Any]:
    outputs = case.tensor([[0.0, 0.2, 0.8], [1.0, 2.0, 0.5], [0.4, 0.1, 0.2], [0.6, 0.7, 0.2]])
    return outputs, ints(case, [2, 2, 1, 1])


def padded_scores(case: Any) -> tuple[Any, Any]:
    outputs = case.tensor([[0.0, 0.2, 0.8, 0.0], [1.0, 2.0, 0.5, 0.0], [0.4, 0.1, 0.2, 0.0],
                           [0.6, 0.7, 0.2, 0.0], [0.0, 0.1, 0.2, 5.0], [0.0, 0.1, 0.2, 0.0],
                           [0.6, 0.0, 0.2, 0.0]])
    return outputs, ints(case, [2, 2, 1, 1, 3, 3, 3])


# --- formatting ------------------------------------------------------------------------------
@pytest.mark.parametrize("value, precision, text", [
    (12.3456, 2, "12.35"), (0.5, 2, "0.50"), (0.1, 2, "1.00e-1"), (0.0, 2, "0.00e0"),
    (0.001234, 2, "1.23e-3"), (0.009, 3, "9.000e-3"), (0.011, 3, "0.011"), (100.0, 2, "100.00"),
    (float("nan"), 2, "NaN"), (float("inf"), 2, "inf")])
def test_format_float_is_burns(value: float, precision: int, text: str) -> None:
    # Burn: scientific at or below 0.1^(precision-1), spelled as Rust's `{:.p$e}`.
    assert format_float(value, precision) == text


# --- accuracy --------------------------------------------------------------------------------
def test_accuracy_without_padding(backend: Any) -> None:
    metric = AccuracyMetric()
    entry = metric.update(AccuracyInput(*scores(backend)), META)
    assert metric.value() == NumericEntry(50.0, 4)
    assert entry.name == "Accuracy"
    assert entry.formatted == "epoch 50.00 % - batch 50.00 %"
    assert NumericEntry.deserialize(entry.serialized) == NumericEntry(50.0, 4)


def test_accuracy_with_padding(backend: Any) -> None:
    metric = AccuracyMetric().with_pad_token(3)
    metric.update(AccuracyInput(*padded_scores(backend)), META)
    # Pad targets count neither as hits (row 5 predicts the pad) nor as misses (rows 6, 7).
    assert metric.value() == NumericEntry(50.0, 4)


def test_accuracy_epoch_is_item_weighted(backend: Any) -> None:
    metric = AccuracyMetric()
    metric.update(AccuracyInput(*scores(backend)), META)                   # 2 of 4
    outputs = backend.tensor([[0.9, 0.1], [0.2, 0.8]])
    entry = metric.update(AccuracyInput(outputs, ints(backend, [0, 1])), META)   # 2 of 2
    assert metric.value() == NumericEntry(100.0, 2)
    running = metric.running_value()
    assert running.count == 6 and running.value == pytest.approx(4 / 6 * 100)
    assert entry.formatted == "epoch 66.67 % - batch 100.00 %"
    metric.clear()
    assert math.isnan(metric.running_value().value) and metric.running_value().count == 0


def test_accuracy_all_pad_batch_leaves_the_epoch_alone(backend: Any) -> None:
    metric = AccuracyMetric().with_pad_token(0)
    metric.update(AccuracyInput(backend.tensor([[0.1, 0.9]]), ints(backend, [1])), META)
    entry = metric.update(AccuracyInput(backend.tensor([[0.1, 0.9]]), ints(backend, [0])), META)
    assert math.isnan(metric.value().value) and metric.value().count == 0
    assert metric.running_value() == NumericEntry(100.0, 1)
    assert entry.formatted == "epoch 100.00 % - batch NaN %"


def test_accuracy_matches_numpy_over_batches(backend: Any) -> None:
    rng = np.random.default_rng(0)
    outputs = rng.normal(size=(53, 5))
    targets = rng.integers(0, 5, size=53)
    targets[rng.random(53) < 0.2] = 4                     # some padding
    for pad in (None, 4):
        metric = AccuracyMetric() if pad is None else AccuracyMetric().with_pad_token(pad)
        for lo, hi in ((0, 16), (16, 32), (32, 48), (48, 53)):   # last batch smaller
            metric.update(AccuracyInput(backend.tensor(outputs[lo:hi]),
                                        ints(backend, targets[lo:hi])), META)
        keep = np.ones(53, bool) if pad is None else targets != pad
        expected = 100 * np.mean(outputs.argmax(1)[keep] == targets[keep])
        assert metric.running_value().value == pytest.approx(expected)
        assert metric.running_value().count == keep.sum()


def test_accuracy_errors_name_the_metric(backend: Any) -> None:
    metric = AccuracyMetric()
    outputs, targets = scores(backend)
    with pytest.raises(RankError, match="AccuracyMetric: outputs must have rank 2"):
        metric.update(AccuracyInput(backend.tensor([0.1, 0.2]), targets), META)
    with pytest.raises(KindError, match="AccuracyMetric: targets must be an Int tensor"):
        metric.update(AccuracyInput(outputs, backend.tensor([2.0, 2.0, 1.0, 1.0])), META)
    with pytest.raises(ShapeError, match="outputs have 4 samples, targets 2"):
        metric.update(AccuracyInput(outputs, ints(backend, [1, 2])), META)


# --- top-k accuracy --------------------------------------------------------------------------
def test_top_k_accuracy(backend: Any) -> None:
    metric = TopKAccuracyMetric(2)
    entry = metric.update(TopKAccuracyInput(*scores(backend)), META)
    assert metric.value() == NumericEntry(50.0, 4)
    assert entry.name == "Top-K Accuracy @ TopK(2)"
    assert entry.formatted == "epoch 50.00 % - batch 50.00 %"
    padded = TopKAccuracyMetric(2).with_pad_token(3)
    padded.update(TopKAccuracyInput(*padded_scores(backend)), META)
    assert padded.value() == NumericEntry(50.0, 4)


def test_top_k_accuracy_matches_numpy(backend: Any) -> None:
    rng = np.random.default_rng(1)
    outputs = rng.permutation(40 * 6).reshape(40, 6).astype(float)   # no ties
    targets = rng.integers(0, 6, size=40)
    for k in (1, 3, 6):
        metric = TopKAccuracyMetric(k)
        for lo, hi in ((0, 25), (25, 40)):
            metric.update(TopKAccuracyInput(backend.tensor(outputs[lo:hi]),
                                            ints(backend, targets[lo:hi])), META)
        top = np.argsort(-outputs, axis=1)[:, :k]
        expected = 100 * np.mean((top == targets[:, None]).any(axis=1))
        assert metric.running_value().value == pytest.approx(expected)
    assert TopKAccuracyMetric(2).name() != TopKAccuracyMetric(1).name()
    assert TopKAccuracyMetric(2).name() == TopKAccuracyMetric(2).name()
    with pytest.raises(ShapeError, match="k=7 is more than the 6 classes"):
        TopKAccuracyMetric(7).update(TopKAccuracyInput(backend.tensor(outputs[:2]),
                                                       ints(backend, targets[:2])), META)
    with pytest.raises(ValueError, match="k must be an int >= 1, got 0"):
        TopKAccuracyMetric(0)


# --- confusion stats (Burn's confusion_stats.rs tables) --------------------------------------
CONFUSION_CASES = [  # kind, rule, reduction, tp, tn, fp, fn
    ("binary", DecisionRule.Threshold(0.5), Micro, [1], [2], [1], [1]),
    ("binary", DecisionRule.Threshold(0.5), Macro, [1], [2], [1], [1]),
    ("multiclass", DecisionRule.TopK(1), Micro, [3], [8], [2], [2]),
    ("multiclass", DecisionRule.TopK(1), Macro, [1, 1, 1], [2, 3, 3], [1, 1, 0], [1, 0, 1]),
    ("multiclass", DecisionRule.TopK(2), Micro, [4], [4], [6], [1]),
    ("multiclass", DecisionRule.TopK(2), Macro, [2, 1, 1], [1, 1, 2], [2, 3, 1], [0, 0, 1]),
    ("multilabel", DecisionRule.Threshold(0.5), Micro, [5], [3], [3], [4]),
    ("multilabel", DecisionRule.Threshold(0.5), Macro, [2, 2, 1], [0, 2, 1], [1, 1, 1],
     [2, 0, 2]),
]


@pytest.mark.parametrize("kind, rule, reduction, tp, tn, fp, fn", CONFUSION_CASES)
def test_confusion_stats(backend: Any, kind: str, rule: Any, reduction: ClassReduction,
                         tp: list[int], tn: list[int], fp: list[int], fn: list[int]) -> None:
    stats = ConfusionStats.new(confusion_input(backend, kind),
                               ClassificationMetricConfig(rule, reduction))
    assert (stats.true_positive, stats.true_negative, stats.false_positive,
            stats.false_negative) == (tp, tn, fp, fn)


# --- precision / recall / F-beta (Burn's expected values) ------------------------------------
def _build(kind: str, cls: Any, reduction: ClassReduction, k: int, beta: float | None) -> Any:
    extra = () if beta is None else (beta,)
    if kind == "binary":
        return cls.binary(*extra, 0.5)
    if kind == "multiclass":
        return cls.multiclass(*extra, k, reduction)
    return cls.multilabel(*extra, 0.5, reduction)


RATIO_CASES = [  # metric, beta, kind, reduction, top_k, expected (fraction)
    (PrecisionMetric, None, "binary", Macro, 1, 0.5),
    (PrecisionMetric, None, "multiclass", Micro, 1, 3 / 5),
    (PrecisionMetric, None, "multiclass", Micro, 2, 4 / 10),
    (PrecisionMetric, None, "multiclass", Macro, 1, (0.5 + 0.5 + 1.0) / 3),
    (PrecisionMetric, None, "multiclass", Macro, 2, (0.5 + 1 / 4 + 0.5) / 3),
    (PrecisionMetric, None, "multilabel", Micro, 1, 5 / 8),
    (PrecisionMetric, None, "multilabel", Macro, 1, (2 / 3 + 2 / 3 + 0.5) / 3),
    (RecallMetric, None, "binary", Macro, 1, 0.5),
    (RecallMetric, None, "multiclass", Micro, 1, 3 / 5),
    (RecallMetric, None, "multiclass", Micro, 2, 4 / 5),
    (RecallMetric, None, "multiclass", Macro, 1, (0.5 + 1.0 + 0.5) / 3),
    (RecallMetric, None, "multiclass", Macro, 2, (1.0 + 1.0 + 0.5) / 3),
    (RecallMetric, None, "multilabel", Micro, 1, 5 / 9),
    (RecallMetric, None, "multilabel", Macro, 1, (0.5 + 1.0 + 1 / 3) / 3),
    (FBetaScoreMetric, 1.0, "binary", Macro, 1, 0.5),
    (FBetaScoreMetric, 2.0, "binary", Macro, 1, 0.5),
    (FBetaScoreMetric, 1.0, "multiclass", Micro, 1, 3 / 5),
    (FBetaScoreMetric, 1.0, "multiclass", Micro, 2, 2 / (5 / 4 + 10 / 4)),
    (FBetaScoreMetric, 1.0, "multiclass", Macro, 1, (0.5 + 2 / 3 + 2 / 3) / 3),
    (FBetaScoreMetric, 1.0, "multiclass", Macro, 2, (2 / 3 + 2 / 5 + 0.5) / 3),
    (FBetaScoreMetric, 2.0, "multiclass", Micro, 1, 3 / 5),
    (FBetaScoreMetric, 2.0, "multiclass", Micro, 2, 5 * 4 / (4 * 5 + 10)),
    (FBetaScoreMetric, 2.0, "multiclass", Macro, 1, (0.5 + 5 / 6 + 5 / 9) / 3),
    (FBetaScoreMetric, 2.0, "multiclass", Macro, 2, (5 / 6 + 5 / 8 + 0.5) / 3),
    (FBetaScoreMetric, 1.0, "multilabel", Micro, 1, 2 / (9 / 5 + 8 / 5)),
    (FBetaScoreMetric, 1.0, "multilabel", Macro, 1,
     (2 / (2 + 3 / 2) + 2 / (1 + 3 / 2) + 2 / (3 + 2)) / 3),
    (FBetaScoreMetric, 2.0, "multilabel", Micro, 1, 5 / (4 * 9 / 5 + 8 / 5)),
    (FBetaScoreMetric, 2.0, "multilabel", Macro, 1,
     (5 / (8 + 3 / 2) + 5 / (4 + 3 / 2) + 5 / (12 + 2)) / 3),
]


@pytest.mark.parametrize("cls, beta, kind, reduction, k, expected", RATIO_CASES)
def test_confusion_metrics_burn_values(backend: Any, cls: Any, beta: float | None, kind: str,
                                       reduction: ClassReduction, k: int,
                                       expected: float) -> None:
    metric = _build(kind, cls, reduction, k, beta)
    entry = metric.update(confusion_input(backend, kind), META)
    assert metric.value().value == pytest.approx(100 * expected)
    assert metric.value().count == 5
    assert NumericEntry.deserialize(entry.serialized).value == pytest.approx(100 * expected)
    shown = format_float(100 * expected, 2)
    assert entry.formatted == f"epoch {shown} % - batch {shown} %"


def test_confusion_metric_names_are_burns() -> None:
    assert PrecisionMetric.multiclass(1, Macro).name() == "Precision @ TopK(1) [Macro]"
    assert RecallMetric.multilabel(0.75, Micro).name() == "Recall @ Threshold(0.75) [Micro]"
    assert PrecisionMetric().name() == "Precision @ Threshold(0.5) [Macro]"
    assert FBetaScoreMetric.binary(2.0, 0.5).name() == "FBetaScore (2) @ Threshold(0.5) [Macro]"
    assert FBetaScoreMetric.binary(0.5).name() != FBetaScoreMetric.binary(0.75).name()
    assert PrecisionMetric.binary(0.5).name() != PrecisionMetric.binary(0.75).name()
    with pytest.raises(ValueError, match="DecisionRule.TopK: k must be an int >= 1, got 0"):
        PrecisionMetric.multiclass(0)
    with pytest.raises(TypeError, match="class_reduction must be ClassReduction.Micro"):
        RecallMetric.multiclass(1, "macro")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="beta must be a positive number, got 0"):
        FBetaScoreMetric.binary(0)


@pytest.mark.parametrize("cls", [PrecisionMetric, RecallMetric])
def test_epoch_value_pools_the_counts(backend: Any, cls: Any) -> None:
    # Burn's global-aggregation tests: batch values 50 % (3 items) and 20 % (6 items); the epoch
    # is 2 / 7 of the pooled counts, not the item-weighted mean of the batch values (30 %).
    metric = cls.binary(0.5)
    if cls is PrecisionMetric:
        batches = [([[0.9], [0.8], [0.1]], [[1], [0], [0]]),
                   ([[0.9]] * 5 + [[0.1]], [[1], [0], [0], [0], [0], [0]])]
    else:
        batches = [([[0.9], [0.1], [0.1]], [[1], [1], [0]]),
                   ([[0.9]] + [[0.1]] * 5, [[1], [1], [1], [1], [1], [0]])]
    for predictions, targets in batches:
        entry = metric.update(ConfusionStatsInput(backend.tensor(predictions),
                                                  bools(backend, targets)), META)
    assert metric.value() == NumericEntry(20.0, 6)
    assert metric.running_value().value == pytest.approx(200 / 7)
    assert metric.running_value().count == 9
    assert entry.formatted == "epoch 28.57 % - batch 20.00 %"
    metric.clear()
    assert math.isnan(metric.running_value().value)


def _reference(predicted: np.ndarray, truth: np.ndarray, average: str,
               beta: float) -> tuple[float, float, float]:
    """scikit-learn's precision_recall_fscore_support(average=..., zero_division=0) in NumPy,
    with Burn's one difference: macro F leaves out classes with no TP, FP or FN."""
    tp = (predicted & truth).sum(0).astype(float)
    fp = (predicted & ~truth).sum(0).astype(float)
    fn = (~predicted & truth).sum(0).astype(float)
    if average == "micro":
        tp, fp, fn = tp.sum(keepdims=True), fp.sum(keepdims=True), fn.sum(keepdims=True)
    precision = np.divide(tp, tp + fp, out=np.zeros_like(tp), where=tp + fp > 0)
    recall = np.divide(tp, tp + fn, out=np.zeros_like(tp), where=tp + fn > 0)
    b2 = beta ** 2
    denominator = (1 + b2) * tp + b2 * fn + fp
    f = np.divide((1 + b2) * tp, denominator, out=np.full_like(tp, np.nan),
                  where=denominator > 0)
    return 100 * precision.mean(), 100 * recall.mean(), 100 * np.nanmean(f)


@pytest.mark.parametrize("kind", ["multiclass", "multilabel"])
@pytest.mark.parametrize("reduction", [Micro, Macro])
def test_confusion_metrics_match_reference_over_batches(backend: Any, kind: str,
                                                        reduction: ClassReduction) -> None:
    rng = np.random.default_rng(2)
    n, classes, k, beta = 45, 4, 2, 0.5
    probabilities = rng.permutation(n * classes).reshape(n, classes) / (n * classes)
    if kind == "multiclass":
        truth = np.eye(classes, dtype=bool)[rng.integers(0, classes, n)]
        predicted = np.zeros((n, classes), bool)
        np.put_along_axis(predicted, np.argsort(-probabilities, 1)[:, :k], True, 1)
        metrics = [PrecisionMetric.multiclass(k, reduction),
                   RecallMetric.multiclass(k, reduction),
                   FBetaScoreMetric.multiclass(beta, k, reduction)]
    else:
        truth = rng.random((n, classes)) < 0.4
        predicted = probabilities > 0.3
        metrics = [PrecisionMetric.multilabel(0.3, reduction),
                   RecallMetric.multilabel(0.3, reduction),
                   FBetaScoreMetric.multilabel(beta, 0.3, reduction)]
    for lo, hi in ((0, 20), (20, 40), (40, 45)):
        item = ConfusionStatsInput(backend.tensor(probabilities[lo:hi]),
                                   bools(backend, truth[lo:hi].astype(int)))
        for metric in metrics:
            metric.update(item, META)
    expected = _reference(predicted, truth, reduction.value.lower(), beta)
    for metric, value in zip(metrics, expected):
        assert metric.running_value().value == pytest.approx(value), metric.name()
        assert metric.running_value().count == n
    last = _reference(predicted[40:], truth[40:], reduction.value.lower(), beta)
    for metric, value in zip(metrics, last):
        assert metric.value().value == pytest.approx(value), metric.name()


def test_confusion_metric_errors(backend: Any) -> None:
    predictions, targets = INPUTS["multiclass"]
    with pytest.raises(ShapeError, match=r"PrecisionMetric: predictions \[5, 3\] and targets "
                                         r"\[5, 2\] must have the same shape"):
        PrecisionMetric().update(ConfusionStatsInput(
            backend.tensor(predictions), bools(backend, [r[:2] for r in targets])), META)
    with pytest.raises(ShapeError, match="top-k with k=4 needs at least k classes"):
        RecallMetric.multiclass(4).update(confusion_input(backend, "multiclass"), META)
    with pytest.raises(RankError, match="FBetaScoreMetric: predictions must have rank 2"):
        FBetaScoreMetric().update(ConfusionStatsInput(backend.tensor([0.1, 0.9]),
                                                      bools(backend, [0, 1])), META)


# --- Hamming score ---------------------------------------------------------------------------
def test_hamming_score(backend: Any) -> None:
    x = backend.tensor([[0.32, 0.52, 0.38, 0.68, 0.61], [0.43, 0.31, 0.21, 0.63, 0.53],
                        [0.44, 0.25, 0.71, 0.39, 0.73], [0.49, 0.37, 0.68, 0.39, 0.31]])
    y = [[0, 1, 0, 1, 1], [0, 0, 0, 1, 1], [0, 0, 1, 0, 1], [0, 0, 1, 0, 0]]
    metric = HammingScore()
    entry = metric.update(HammingScoreInput(x, ints(backend, y)), META)
    assert metric.value() == NumericEntry(100.0, 4)
    assert entry.name == "Hamming Score @ Threshold(0.5)"
    metric.update(HammingScoreInput(x, ints(backend, 1 - np.array(y))), META)
    assert metric.value() == NumericEntry(0.0, 4)
    flipped = [[0, 1, 1, 0, 1], [0, 0, 0, 0, 1], [0, 0, 0, 0, 1], [0, 1, 1, 0, 0]]
    entry = metric.update(HammingScoreInput(x, ints(backend, flipped)), META)
    assert metric.value() == NumericEntry(75.0, 4)
    assert metric.running_value().value == pytest.approx(175 / 3)
    assert entry.formatted == "epoch 58.33 % - batch 75.00 %"


def test_hamming_score_sigmoid_and_threshold(backend: Any) -> None:
    logits = np.array([[-2.0, 0.5, 3.0], [1.0, -0.1, -4.0]])
    targets = np.array([[0, 1, 1], [1, 1, 0]])
    metric = HammingScore().with_sigmoid(True).with_threshold(0.6)
    metric.update(HammingScoreInput(backend.tensor(logits), ints(backend, targets)), META)
    predicted = 1 / (1 + np.exp(-logits)) > 0.6
    assert metric.value().value == pytest.approx(100 * np.mean(predicted == targets.astype(bool)))
    assert metric.name() == "Hamming Score @ Threshold(0.6)"
    assert HammingScore().with_threshold(1.0).name() == "Hamming Score @ Threshold(1)"
    assert HammingScore().with_threshold(0.5).name() != HammingScore().with_threshold(0.75).name()


# --- iteration speed and system metrics ------------------------------------------------------
class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_iteration_speed() -> None:
    clock = FakeClock()
    metric = IterationSpeedMetric(clock=clock)
    first = metric.update(None, meta(1))
    assert metric.value() == NumericEntry(0.0, 1)
    assert first.formatted == "epoch 0.00e0 iter/sec - batch 0.00e0 iter/sec"
    clock.now += 0.5
    entry = metric.update(None, meta(2))
    assert metric.value() == NumericEntry(4.0, 1)
    assert metric.running_value() == NumericEntry(2.0, 2)
    assert entry.formatted == "epoch 2.00 iter/sec - batch 4.00 iter/sec"
    metric.clear()     # a new epoch starts the clock again
    clock.now += 10
    metric.update(None, meta(1))
    assert metric.value() == NumericEntry(0.0, 1) and metric.running_value().count == 1


def test_cpu_use(monkeypatch: pytest.MonkeyPatch) -> None:
    readings = iter([10.0, 42.126, 99.0])
    monkeypatch.setattr(system, "cpu_percent", lambda: next(readings))
    clock = FakeClock()
    metric = CpuUse(clock=clock)
    entry = metric.update(None, META)            # within 200 ms: keeps the first reading
    assert (entry.formatted, entry.serialized) == ("CPU Usage: 10.00 %", "10.00")
    clock.now += 0.25
    entry = metric.update(None, META)
    assert (entry.formatted, entry.serialized) == ("CPU Usage: 42.13 %", "42.13")
    assert metric.value() == metric.running_value() == NumericEntry(42.126)
    assert not CpuUse.higher_is_better


def test_cpu_use_and_memory_read_the_machine() -> None:
    pytest.importorskip("psutil")
    use, memory = CpuUse(), CpuMemory()
    assert 0.0 <= use.value().value <= 100.0
    entry = memory.update(None, META)
    assert 0.0 < memory.value().value and entry.formatted.startswith("RAM Used: ")
    assert entry.formatted.endswith(" Gb")
    assert NumericEntry.deserialize(entry.serialized).value == memory.value().value


def test_cpu_memory_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system, "memory_used_total", lambda: (1_234_567_890.0, 16e9))
    metric = CpuMemory()
    entry = metric.update(None, META)
    assert entry.formatted == "RAM Used: 1.23 / 16.00 Gb"
    assert entry.serialized == "1.23456789"
    assert metric.value() == NumericEntry(1.23456789)


def _sensor(label: str, current: float) -> Any:
    return SimpleNamespace(label=label, current=current, high=None, critical=None)


@pytest.mark.parametrize("groups, expected", [
    ({"coretemp": [_sensor("Package id 0", 51.0), _sensor("Core 0", 48.0)]}, 51.0),
    ({"nvme": [_sensor("Composite", 30.0)], "k10temp": [_sensor("Tctl", 61.5)]}, 61.5),
    ({"acpitz": [_sensor("", 40.0)]}, 40.0),
])
def test_cpu_temperature(monkeypatch: pytest.MonkeyPatch, groups: dict[str, Any],
                         expected: float) -> None:
    psutil = SimpleNamespace(sensors_temperatures=lambda: groups)
    monkeypatch.setattr(system, "psutil_module", lambda: psutil)
    metric = CpuTemperature()
    entry = metric.update(None, META)
    assert entry.formatted == f"CPU Temperature: {expected:.2f} °C"
    assert entry.serialized == f"{expected:.2f}"
    assert metric.value() == NumericEntry(expected)


def _raises() -> Any:
    raise OSError("no sensors")


@pytest.mark.parametrize("psutil", [None, SimpleNamespace(), SimpleNamespace(
    sensors_temperatures=lambda: {}), SimpleNamespace(sensors_temperatures=_raises)],
    ids=["no-psutil", "no-sensor-api", "no-sensors", "sensor-error"])
def test_cpu_temperature_not_available(monkeypatch: pytest.MonkeyPatch, psutil: Any) -> None:
    monkeypatch.setattr(system, "psutil_module", lambda: psutil)
    metric = CpuTemperature()
    entry = metric.update(None, META)
    assert (entry.formatted, entry.serialized) == ("CPU Temperature: N/A", "NaN")
    assert math.isnan(metric.value().value)
    assert math.isnan(NumericEntry.deserialize(entry.serialized).value)   # logs still parse


def test_cpu_metrics_without_psutil(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system, "psutil_module", lambda: None)
    assert CpuUse().update(None, META).formatted == "CPU Usage: N/A"
    assert CpuMemory().update(None, META).formatted == "RAM Used: N/A"


def test_cuda_metric_without_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cuda_module, "_torch_cuda", lambda: None)
    entry = CudaMetric().update(None, META)
    assert (entry.name, entry.formatted, entry.serialized) == ("Cuda", "N/A", "N/A")


def test_cuda_metric_here_never_fails() -> None:
    entry = CudaMetric().update(None, META)      # N/A here; the real numbers on a GPU machine
    assert entry.formatted == "N/A" or entry.formatted.startswith("GPU #0 - Memory ")


def test_cuda_metric_reads_every_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    def utilization(index: int) -> int:
        if index == 1:
            raise ModuleNotFoundError("pynvml")      # utilisation needs NVML; memory does not
        return 42

    def power_draw(index: int) -> int:
        raise ModuleNotFoundError("pynvml")

    fake = SimpleNamespace(device_count=lambda: 2, utilization=utilization,
                           power_draw=power_draw,
                           mem_get_info=lambda i: (60e9, 80e9) if i == 0 else (10e9, 40e9))
    monkeypatch.setattr(cuda_module, "_torch_cuda", lambda: fake)
    entry = CudaMetric().update(None, META)
    assert entry.formatted == ("GPU #0 - Memory 20.00/80.00 Gb - Usage 42% "
                               "GPU #1 - Memory 30.00/40.00 Gb")
    assert entry.serialized == f"{20e9 * 1e-9!r}/{80e9 * 1e-9!r} {30e9 * 1e-9!r}/{40e9 * 1e-9!r}"


# --- the contract ----------------------------------------------------------------------------
NUMERIC = [AccuracyMetric(), TopKAccuracyMetric(2), PrecisionMetric(), RecallMetric(),
           FBetaScoreMetric(), HammingScore(), IterationSpeedMetric(), CpuUse(), CpuMemory(),
           CpuTemperature()]


@pytest.mark.parametrize("metric", NUMERIC + [CudaMetric()], ids=lambda m: type(m).__name__)
def test_metrics_follow_the_protocol(metric: Any) -> None:
    assert isinstance(metric, Metric)
    assert isinstance(metric, Numeric) == (not isinstance(metric, CudaMetric))
    assert isinstance(metric.name(), str) and metric.name()
    assert metric.input_type is None or isinstance(metric.input_type, type)
    if isinstance(metric, Numeric):
        assert isinstance(metric.higher_is_better, bool)


def test_metrics_adapt_from_a_classification_output(backend: Any) -> None:
    from pyburn.train.metric import adapt
    from pyburn.train.output import ClassificationOutput
    outputs, targets = scores(backend)
    output = ClassificationOutput(backend.tensor([0.7]), outputs, targets)
    cases: list[tuple[Any, float]] = [(AccuracyMetric(), 50.0), (TopKAccuracyMetric(2), 50.0),
                                      (PrecisionMetric.multiclass(1, Micro), 50.0),
                                      (RecallMetric.multiclass(1, Macro), (0 + 50 + 50) / 3)]
    for metric, expected in cases:
        metric.update(adapt(output, metric.input_type), META)
        assert metric.value().value == pytest.approx(expected), metric.name()


@pytest.mark.parametrize("kind", ["multiclass", "multilabel", "binary"])
@pytest.mark.parametrize("reduction", [Micro, Macro])
def test_confusion_metrics_match_sklearn(backend: Any, kind: str,
                                         reduction: ClassReduction) -> None:
    metrics_module = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(3)
    n, classes = 37, 1 if kind == "binary" else 5
    probabilities = rng.random((n, classes))
    metrics: list[Any]
    if kind == "multiclass":
        labels = rng.integers(0, classes, n)
        truth = np.eye(classes, dtype=bool)[labels]
        metrics = [cls.multiclass(1, reduction) for cls in (PrecisionMetric, RecallMetric)]
        metrics.append(FBetaScoreMetric.multiclass(2.0, 1, reduction))
        y_true, y_pred = labels, probabilities.argmax(1)
    else:
        truth = rng.random((n, classes)) < 0.5
        if kind == "binary":
            metrics = [PrecisionMetric.binary(0.5), RecallMetric.binary(0.5),
                       FBetaScoreMetric.binary(2.0, 0.5)]
        else:
            metrics = [cls.multilabel(0.5, reduction) for cls in (PrecisionMetric, RecallMetric)]
            metrics.append(FBetaScoreMetric.multilabel(2.0, 0.5, reduction))
        y_true, y_pred = truth.astype(int), (probabilities > 0.5).astype(int)
    for lo, hi in ((0, 16), (16, 32), (32, 37)):
        item = ConfusionStatsInput(backend.tensor(probabilities[lo:hi]),
                                   bools(backend, truth[lo:hi].astype(int)))
        for metric in metrics:
            metric.update(item, META)
    average = "binary" if kind == "binary" else reduction.value.lower()
    expected = metrics_module.precision_recall_fscore_support(
        y_true, y_pred, beta=2.0, average=average, zero_division=0)[:3]
    for metric, value in zip(metrics, expected):
        assert metric.running_value().value == pytest.approx(100 * value), metric.name()


def test_accuracy_matches_sklearn(backend: Any) -> None:
    metrics_module = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(4)
    outputs, targets = rng.normal(size=(50, 7)), rng.integers(0, 7, 50)
    accuracy, top3 = AccuracyMetric(), TopKAccuracyMetric(3)
    for lo, hi in ((0, 32), (32, 50)):
        accuracy.update(AccuracyInput(backend.tensor(outputs[lo:hi]),
                                      ints(backend, targets[lo:hi])), META)
        top3.update(TopKAccuracyInput(backend.tensor(outputs[lo:hi]),
                                      ints(backend, targets[lo:hi])), META)
    assert accuracy.running_value().value == pytest.approx(
        100 * metrics_module.accuracy_score(targets, outputs.argmax(1)))
    assert top3.running_value().value == pytest.approx(
        100 * metrics_module.top_k_accuracy_score(targets, outputs, k=3, labels=range(7)))
    x = rng.random((20, 6))
    y = (rng.random((20, 6)) < 0.5).astype(int)
    hamming = HammingScore()
    hamming.update(HammingScoreInput(backend.tensor(x), ints(backend, y)), META)
    assert hamming.value().value == pytest.approx(
        100 * (1 - metrics_module.hamming_loss(y, (x > 0.5).astype(int))))


def test_metrics_take_tracked_scores_with_plain_targets(backend: Any) -> None:
    # A user's own output may hand over Autodiff scores (on the tape) and inner-backend targets:
    # metrics work off the tape, whatever mix they are given.
    tracked = backend.ad.tensor([[0.0, 0.2, 0.8], [1.0, 2.0, 0.5]]).require_grad()
    plain = BackendLike(backend.inner, backend.device)
    accuracy = AccuracyMetric()
    accuracy.update(AccuracyInput(tracked, ints(plain, [2, 2])), META)
    assert accuracy.value() == NumericEntry(50.0, 2)
    precision = PrecisionMetric.multiclass(1, Micro)
    precision.update(ConfusionStatsInput(tracked, bools(plain, [[0, 0, 1], [0, 0, 1]])), META)
    assert precision.value() == NumericEntry(50.0, 2)
    hamming = HammingScore()
    hamming.update(HammingScoreInput(tracked, ints(plain, [[0, 0, 1], [1, 0, 0]])), META)
    assert hamming.value().value == pytest.approx(100 * 5 / 6)


class BackendLike:
    def __init__(self, B: Any, device: Any) -> None:
        self.B, self.device = B, device.on(B)
