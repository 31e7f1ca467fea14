"""snippets.forensics: the seed articles' printed numbers traced to their conventions, round trips, bad input.

Expected values come from elsewhere: 50-digit mpmath, closed forms, an independent numpy computation of each
convention written out below, and PyTorch 2.13 and Keras 3.15 where the number is a framework's float32 output.
"""

from __future__ import annotations

import math
import os

import mpmath
import numpy as np
import pytest

from snippets.forensics import ALPHAS, explain, explain_together, printed_interval, report
from tests.frameworks import require

mpmath.mp.dps = 50


def mp_binary_entropy(p, base):
    p = mpmath.mpf(p)
    return float(-(p * mpmath.log(p) + (1 - p) * mpmath.log(1 - p)) / mpmath.log(base))


def first(explanations):
    assert explanations, "nothing explains the number"
    return explanations[0]


# --- printed digits ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("printed, value, tolerance", [
    ("0.4690", 0.469, 5e-5),
    ("0.55", 0.55, 5e-3),
    (0.55, 0.55, 5e-3),
    ("5.9557e-08", 5.9557e-08, 5e-13),
    ("4.5418E-05", 4.5418e-05, 5e-10),
    (" -1.5 ", -1.5, 0.05),
    (2, 2.0, 0.5),
    (np.float32(1.1769392), 1.1769392, 5e-8),
])
def test_printed_digits_set_the_tolerance(printed, value, tolerance):
    got_value, got_tolerance = printed_interval(printed)
    assert got_value == value
    assert got_tolerance == pytest.approx(tolerance, rel=1e-12)


# --- the seed articles ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("printed, p", [("0.4690", 0.1), ("0.0114", 0.999)])
def test_seed_002_shooting_entropies_are_binary_entropies_in_bits(printed, p):
    """002_c3f073eeb47da12d.txt, 「2 信息量与熵」: H_b(0.1) = 0.3251 nats = 0.4690 bits; H_b(0.999) = 0.0114 bits.

    The article prints both without a unit.
    """
    best = first(explain(printed, [p], [p]))
    assert set(best.conventions) == {"family: binary cross-entropy", "log base: 2"}
    assert best.value == pytest.approx(mp_binary_entropy(p, 2), rel=1e-13)
    assert f"{mp_binary_entropy(p, math.e):.4f}" != printed  # in nats it would not match
    distribution = [[p, 1 - p]]  # the same entropy as a cross-entropy of a distribution with itself
    assert first(explain(printed, distribution, distribution)).conventions == ("log base: 2",)


def test_seed_002_cross_entropies_055_and_019_are_summed_bce_in_base_10():
    """002, 「2 信息量与熵」: p = (1, 0, 0), q1 = (0.5, 0.2, 0.3) gives 0.55, q2 = (0.8, 0.1, 0.1) gives 0.19."""
    p, q1, q2 = [1.0, 0.0, 0.0], [0.5, 0.2, 0.3], [0.8, 0.1, 0.1]
    summed_bce = {"family: binary cross-entropy", "reduction: sum over an example's elements", "log base: 10"}
    together = explain_together([("0.55", q1, p), ("0.19", q2, p)])
    assert set(first(together).conventions) == summed_bce
    expected = float(-(mpmath.log10(0.5) + mpmath.log10(0.8) + mpmath.log10(0.7)))
    assert first(together).value == pytest.approx(expected, rel=1e-13)
    assert set(first(explain("0.19", q2, p)).conventions) == summed_bce
    # 0.55 alone is also within ±0.005 of a smoothed KL divergence: two digits are weak evidence on their own.
    alone = explain("0.55", q1, p)
    assert summed_bce in [set(e.conventions) for e in alone]


@pytest.mark.parametrize("printed, conventions, expected", [
    ("1.177", ("reduction: mean over the batch",), (-math.log(0.95) - math.log(0.1)) / 2),
    ("2.3539", ("reduction: sum",), -math.log(0.95) - math.log(0.1)),
])
def test_seed_001_categorical_example_is_the_batch_mean(printed, conventions, expected):
    """001_d753abb2380ca222.txt, 「CategoricalCrossentropy 交叉熵」: 1.177 is the mean of 0.0513 and 2.3026."""
    best = first(explain(printed, [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]], [[0, 1, 0], [0, 0, 1]]))
    assert best.conventions == conventions
    assert best.value == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("printed, conventions, expected", [
    ("0.8304", ("reduction: mean over the batch",), (-math.log(0.95) - math.log(0.2)) / 2),
    ("1.6607", ("reduction: sum",), -math.log(0.95) - math.log(0.2)),
])
def test_seed_001_binary_example_is_the_batch_mean_and_bce_ranks_second(printed, conventions, expected):
    """001, 「BinaryCrossentropy」: the two-class cross-entropy; BCE of every element gives the same mean."""
    explanations = explain(printed, [[0.05, 0.95], [0.8, 0.2]], [[0, 1], [0, 1]])
    assert first(explanations).conventions == conventions
    assert first(explanations).value == pytest.approx(expected, rel=1e-14)
    if printed == "0.8304":
        assert set(explanations[1].conventions) == {"family: binary cross-entropy",
                                                    "reduction: mean over all elements"}


def test_seed_001_unnormalised_scores_are_renormalised_by_keras():
    """001, 「如果输入值并不是概率分布?」: CategoricalCrossentropy()([[0, 1]], [[5.0, 7.0]]) prints 0.5389965.

    Keras reads the scores as probabilities and renormalises them: −ln(7/12).
    """
    best = first(explain("0.5389965", [[5.0, 7.0]], [[0, 1]], kind="logits"))
    assert set(best.conventions) == {"input: the scores taken as probabilities", "guard: keras clip"}
    assert best.value == pytest.approx(-math.log(7 / 12), rel=1e-14)
    # from_logits=True: ln(1 + e^-2) = 0.12692801 (float64); Keras's float32 prints 0.12692805.
    assert first(explain("0.12692801", [[5.0, 7.0]], [[0, 1]], kind="logits")).conventions == ()
    assert first(explain("0.12692805", [[5.0, 7.0]], [[0, 1]], kind="logits")).conventions == ("precision: float32",)
    assert f"{math.log1p(math.exp(-2)):.8f}" == "0.12692801"


SEED_004_LOGITS, SEED_004_LABELS = np.array([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]]), np.array([0, 2])


def test_seed_004_printed_45418e05_is_float32_and_the_exact_value_needs_no_convention():
    """004_b9c6710fa04bb857.txt, 「2.4 交叉熵」: log(1 + e^-10 + e^-20) = 4.5401e-05; float32 prints 4.5418e-05."""
    exact = float(mpmath.log(1 + mpmath.exp(-10) + mpmath.exp(-20)))
    assert f"{exact:.4e}" == "4.5401e-05"
    exact_match = first(explain("4.5401e-05", SEED_004_LOGITS, SEED_004_LABELS, kind="logits"))
    assert exact_match.conventions == () and exact_match.value == pytest.approx(exact, rel=1e-12)
    float32 = first(explain("4.5418e-05", SEED_004_LOGITS, SEED_004_LABELS, kind="logits"))
    assert float32.conventions == ("precision: float32",)
    # float32 rounds 1 + e^-10 to a multiple of 2^-23 before the log: 381 units.
    assert float32.value == pytest.approx(float(mpmath.log(1 + mpmath.mpf(381) / 2**23)), rel=1e-6)
    ln3 = first(explain("1.0986e+00", SEED_004_LOGITS, SEED_004_LABELS, kind="logits"))
    assert ln3.conventions == () and ln3.value == pytest.approx(math.log(3), rel=1e-15)


@pytest.mark.parametrize("dtype, printed, conventions", [("float32", "4.5418e-05", ("precision: float32",)),
                                                          ("float64", "4.5401e-05", ())])
def test_seed_004_explanation_is_what_torch_prints(dtype, printed, conventions):
    torch = require("torch")
    logits = torch.tensor(SEED_004_LOGITS, dtype=getattr(torch, dtype))
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(SEED_004_LABELS), reduction="none")
    assert f"{loss[0].item():.4e}" == printed
    assert first(explain(printed, SEED_004_LOGITS, SEED_004_LABELS, kind="logits")).conventions == conventions


def test_seed_004_tensorflow_float32_rounds_alike():
    """TensorFlow 2.21's CPU softmax cross-entropy computes log Σ e^(z − m) in float32 too."""
    tf = require("tensorflow")
    loss = tf.nn.softmax_cross_entropy_with_logits(labels=[[1.0, 0.0, 0.0]], logits=SEED_004_LOGITS[:1].astype("f4"))
    assert f"{float(loss.numpy()[0]):.4e}" == "4.5418e-05"


def seed_000_batch(positives: int, size: int, seed: int):
    """Single sigmoid outputs (N, 1) and binary labels: the IMDB setting of 000, whose inputs are not printed."""
    labels = np.zeros((size, 1))
    labels[:positives] = 1
    return np.random.default_rng(seed).uniform(0.01, 0.99, (size, 1)), labels


@pytest.mark.parametrize("seed", [0, 1])
def test_seed_000_tiny_loss_is_keras_clip_of_a_single_column_in_float32(seed):
    """000_a79a5d6b32400dd7.txt, 「2.1 二分类」: loss 5.9557e-08 from categorical_crossentropy on one output.

    One column renormalises to 1, clipped to float32(1 − 1e-7): each positive label costs −ln(1 − 2^-23 … ) =
    1.1920929e-07 whatever the prediction; 49.96 % positive labels give the printed mean.
    """
    predictions, labels = seed_000_batch(4996, 10000, seed)
    per_positive = -mpmath.log(mpmath.mpf(float(np.float32(1 - 1e-7))))
    assert f"{float(per_positive * mpmath.mpf('0.4996')):.4e}" == "5.9557e-08"
    best = first(explain("5.9557e-08", predictions, labels))
    assert set(best.conventions) == {"guard: keras clip", "precision: float32", "reduction: mean over the batch"}
    assert best.value == pytest.approx(float(per_positive * mpmath.mpf("0.4996")), rel=1e-6)


def test_seed_000_keras_itself_prints_the_same_digits():
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    keras = require("keras")
    predictions, labels = seed_000_batch(4996, 10000, 0)
    with pytest.warns(SyntaxWarning, match="num_classes > 1"):  # Keras 3.15 warns, then computes it anyway
        loss = keras.losses.categorical_crossentropy(labels.astype(np.float32), predictions.astype(np.float32))
    printed = f"{float(keras.ops.convert_to_numpy(keras.ops.mean(loss))):.4e}"
    assert printed == "5.9557e-08"
    assert "guard: keras clip" in first(explain(printed, predictions, labels)).conventions


def test_seed_000_loss_on_one_column_has_zero_gradient():
    """The page's claim: Keras 3.15 (TensorFlow 2.21) categorical_crossentropy on (N, 1) does not depend on y_pred."""
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    tf, keras = require("tensorflow"), require("keras")
    predictions, labels = seed_000_batch(4, 8, 0)
    variable = tf.Variable(predictions.astype(np.float32))
    with tf.GradientTape() as tape, pytest.warns(SyntaxWarning, match="num_classes > 1"):
        loss = tf.reduce_mean(keras.losses.categorical_crossentropy(labels.astype(np.float32), variable))
    assert tape.gradient(loss, variable).numpy().tolist() == [[0.0]] * 8


def test_seed_002_pytorch_example_is_the_mean_over_three_examples():
    """002, 「3 Pytorch中的交叉熵损失函数」: CrossEntropyLoss of the printed logits gives 1.5025 (the batch mean)."""
    logits = np.array([[-0.5215, -0.4240, 0.8907], [-0.2820, 0.0445, 1.3734], [-1.0393, 0.8725, 0.1539]])
    labels = [1, 2, 0]
    expected = sum(float(mpmath.log(sum(mpmath.exp(z) for z in row)) - row[y]) for row, y in zip(logits, labels)) / 3
    best = first(explain("1.5025", logits, labels, kind="logits"))
    assert best.conventions == ("reduction: mean over the batch",)
    assert best.value == pytest.approx(expected, rel=1e-12)


# --- guards, weights, smoothing ------------------------------------------------------------------------------------

def test_pytorch_log_floor_explains_a_loss_of_100():
    """torch.nn.functional.binary_cross_entropy(0, 1) = 100 (torch 2.13 floors each log at −100)."""
    best = first(explain("100.0", [0.0], [1.0]))
    assert set(best.conventions) == {"family: binary cross-entropy", "guard: PyTorch's log floor at -100"}


def test_keras_clip_explains_a_loss_of_16_12():
    """keras.losses.binary_crossentropy([1], [0]) = −ln(1e-7) = 16.118 in float64."""
    best = first(explain("16.1181", [0.0], [1.0]))
    assert set(best.conventions) == {"family: binary cross-entropy", "guard: keras clip"}
    assert best.value == pytest.approx(-math.log(1e-7), rel=1e-12)


def test_class_weighted_mean_divides_by_the_total_weight():
    """PyTorch's cross_entropy(weight=w): Σ w_y ℓ / Σ w_y; here (1·ln 2 + 3·ln 4) / (1 + 3)."""
    expected = (1 * math.log(2) + 3 * math.log(4)) / 4
    printed = f"{expected:.6f}"
    explanations = explain(printed, [[0.5, 0.5], [0.75, 0.25]], [0, 1], class_weights=[1.0, 3.0])
    assert first(explanations).conventions == ("reduction: weighted mean (PyTorch)",)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_label_smoothing_is_recovered_with_its_alpha(alpha):
    """−Σ y' ln q with y' = (1 − α)·y + α/K, K = 3, written out."""
    q, y = np.array([0.7, 0.2, 0.1]), np.array([1.0, 0.0, 0.0])
    expected = -sum(((1 - alpha) * yc + alpha / 3) * math.log(qc) for yc, qc in zip(y, q))
    explanations = explain(f"{expected:.6f}", q, y)
    assert ("label smoothing: (1 − α)·y + α/K, α = " + f"{alpha:g}",) in [e.conventions for e in explanations]


# --- random round trips --------------------------------------------------------------------------------------------

def independent_loss(rng):
    """A random convention and the loss it gives, computed from the formulas with plain numpy (float64)."""
    n, k = int(rng.integers(2, 5)), int(rng.integers(2, 5))
    family = rng.choice(["cross-entropy", "binary cross-entropy", "kl divergence", "nll on scores"])
    kind = str(rng.choice(["probabilities", "logits"]))
    if family == "binary cross-entropy":
        predictions = rng.uniform(0.02, 0.98, (n, k)) if kind == "probabilities" else rng.normal(0, 2, (n, k))
        targets = rng.integers(0, 2, (n, k)).astype(float)
        t = targets
    else:
        predictions = rng.dirichlet(np.ones(k), n) if kind == "probabilities" else rng.normal(0, 2, (n, k))
        targets = rng.integers(0, k, n)
        t = np.eye(k)[targets]
    conventions = set() if family == "cross-entropy" else {f"family: {family}"}
    if family in ("cross-entropy", "kl divergence") and rng.random() < 0.4:
        alpha = float(rng.choice(ALPHAS))
        t = (1 - alpha) * t + alpha / k
        conventions.add(f"label smoothing: (1 − α)·y + α/K, α = {alpha:g}")
    if kind == "logits":
        q = np.exp(predictions) / np.exp(predictions).sum(axis=-1, keepdims=True)
        if family == "binary cross-entropy":
            q = 1 / (1 + np.exp(-predictions))
    else:
        q = predictions
    if family == "cross-entropy":
        losses = -(t * np.log(q)).sum(axis=-1)
    elif family == "kl divergence":
        losses = (np.where(t > 0, t * np.log(np.where(t > 0, t, 1) / q), 0)).sum(axis=-1)
    elif family == "nll on scores":
        losses = -(t * predictions).sum(axis=-1)
    else:
        losses = -(t * np.log(q) + (1 - t) * np.log(1 - q))
    reduction = rng.choice(["one", "sum", "mean"])
    if reduction == "one":
        value = losses.reshape(-1)[0]
    else:
        value = losses.sum() if reduction == "sum" else losses.mean()
        conventions.add("reduction: sum" if reduction == "sum" else "reduction: mean over all elements"
                        if family == "binary cross-entropy" else "reduction: mean over the batch")
    base = str(rng.choice(["e", "2", "10"]))
    if base != "e":
        value /= math.log(int(base))
        conventions.add(f"log base: {base}")
    return f"{value:.6g}", predictions, targets, kind, conventions


@pytest.mark.parametrize("seed", range(40))
def test_random_convention_is_recovered(seed):
    printed, predictions, targets, kind, conventions = independent_loss(np.random.default_rng(seed))
    explanations = explain(printed, predictions, targets, kind=kind)
    assert any(set(e.conventions) <= conventions for e in explanations), \
        f"{printed} with {sorted(conventions)} not recovered: {[e.conventions for e in explanations]}"


@pytest.mark.parametrize("seed", range(6))
def test_every_explanations_code_recomputes_its_value(seed):
    printed, predictions, targets, kind, _ = independent_loss(np.random.default_rng(seed))
    cases = [(printed, predictions, targets, kind), ("4.5418e-05", SEED_004_LOGITS, SEED_004_LABELS, "logits"),
             ("0.5389965", [[5.0, 7.0]], [[0, 1]], "logits"), ("100.0", [0.0], [1.0], "probabilities")]
    for printed, predictions, targets, kind in cases:
        for explanation in explain(printed, predictions, targets, kind=kind):
            namespace = {"predictions": predictions, "targets": targets}
            exec(explanation.code, namespace)  # noqa: S102  (the code is the module's own output)
            assert float(namespace["value"]) == explanation.value, explanation.code


# --- nothing explains; bad input -----------------------------------------------------------------------------------

def test_a_number_nothing_explains_is_reported_plainly():
    assert explain("1.2345", [0.5, 0.5], [1, 0]) == []
    assert report("1.2345", [0.5, 0.5], [1, 0]) == \
        "Nothing in the search space gives 1.2345 (± 5e-05) for these inputs."


@pytest.mark.parametrize("kwargs, error, words", [
    ({"printed": "abc"}, ValueError, ["printed", "'abc'"]),
    ({"printed": "nan"}, ValueError, ["printed", "'nan'"]),
    ({"printed": "inf"}, ValueError, ["printed", "'inf'"]),
    ({"printed": "1,5"}, ValueError, ["printed", "'1,5'"]),
    ({"printed": None}, ValueError, ["printed", "None"]),
    ({"printed": True}, ValueError, ["printed", "True"]),
    ({"kind": "probs"}, ValueError, ["kind", "'probs'"]),
    ({"predictions": [0.5, np.nan]}, ValueError, ["predictions", "NaN"]),
    ({"predictions": [0.5, np.inf], "kind": "logits"}, ValueError, ["predictions", "inf"]),
    ({"predictions": [0.5, 1.5]}, ValueError, ["predictions", "1.5"]),
    ({"predictions": []}, ValueError, ["predictions", "(0,)"]),
    ({"predictions": 0.5}, ValueError, ["predictions", "()"]),
    ({"targets": [1, 0, 0]}, ValueError, ["targets", "(3,)"]),
    ({"targets": [1.0, -0.5]}, ValueError, ["targets", "-0.5"]),
    ({"targets": np.array(2)}, IndexError, ["targets", "2"]),
    ({"class_weights": [1.0]}, ValueError, ["class_weights", "[1.0]"]),
    ({"class_weights": [1.0, -1.0]}, ValueError, ["class_weights", "-1.0"]),
    ({"alphas": [0.0]}, ValueError, ["alphas", "0.0"]),
    ({"alphas": [1.5]}, ValueError, ["alphas", "1.5"]),
])
def test_bad_input_is_refused_naming_argument_and_value(kwargs, error, words):
    arguments = {"printed": "0.6931", "predictions": [0.5, 0.5], "targets": [1.0, 0.0]} | kwargs
    with pytest.raises(error) as raised:
        explain(arguments.pop("printed"), arguments.pop("predictions"), arguments.pop("targets"), **arguments)
    for word in words:
        assert word in str(raised.value)


@pytest.mark.parametrize("cases", [[], "0.5", [("0.5", [0.5, 0.5])]])
def test_explain_together_refuses_malformed_cases(cases):
    with pytest.raises(ValueError, match="cases must be"):
        explain_together(cases)
