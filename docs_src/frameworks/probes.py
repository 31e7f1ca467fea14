"""Probes of the framework behaviour matrix: every cell of docs/*/frameworks.md is computed here.

A probe calls each library on crafted inputs and returns what it found: the name of the candidate formula or
outcome the result matches (candidates are computed here in float64 from the formula, never typed as a
result), the type of the exception it raised, the number itself when no candidate matches, or a verdict read
from the library's own API (a function or parameter that does not exist). Libraries and columns (all on CPU):

- ``torch``: ``torch.nn.functional`` of torch 2.13.0;
- ``tf``: ``tf.nn`` of tensorflow-cpu 2.21.0;
- ``keras``: ``keras.losses`` of Keras 3.15.1 on the TensorFlow backend;
- ``optax``: ``optax.losses`` of optax 0.2.8 on jax 0.10.2;
- ``snippets``: the core functions of this book's package (not the mirrors).

``python -m docs_src.frameworks.probes --write`` runs every probe and writes ``cells.json`` beside this file;
without ``--write`` it prints the cells that differ from ``cells.json``. ``tests/conformance/test_matrix.py``
re-runs every probe and compares it with ``cells.json`` cell by cell, so a new library version fails the tests
until its diff has been reviewed and written. Cells are language-neutral (formulas, code, numbers, exception
types); a word in double brackets such as ``[[absent]]`` is translated by ``hooks/frameworks.py``.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np

LIBRARIES = ("torch", "tf", "keras", "optax", "snippets")
FAMILIES = ("binary", "categorical", "integer", "focal", "kl", "smoothing", "tf1")
# TensorFlow 1.x names, run as TF 2.21 keeps them (tf.compat.v1): one column; TF 1.15 has no Python 3.11 wheel.
COLUMNS = {"tf1": ("tf",)}
RTOL = 1e-4  # a result matches a candidate within this relative tolerance (float32 results, float64 candidates)


class Verdict(str):
    """A cell a probe has already decided (a function's name, a missing parameter), not a result to compare."""


class Row(NamedTuple):
    family: str
    anchor: str
    probe: Callable  # probe(fw) -> {library: call}; call() -> a Verdict or an array to judge against candidates
    candidates: Callable | None  # candidates() -> {cell: expected array}
    rtol: float = RTOL


ROWS: dict[str, Row] = {}


def row(family: str, candidates: Callable | None = None, rtol: float = RTOL):
    """Register a probe as the row whose anchor is the function's name with dashes."""

    def register(probe):
        anchor = probe.__name__.replace("_", "-")
        ROWS[anchor] = Row(family, anchor, probe, candidates, rtol)
        return probe

    return register


# --- the libraries ------------------------------------------------------------------------------------------


class Frameworks:
    """The libraries, imported once (Keras on the TensorFlow backend), and conversions to each one's arrays."""

    def __init__(self):
        os.environ.setdefault("KERAS_BACKEND", "tensorflow")
        import jax.numpy as jnp
        import keras
        import optax
        import tensorflow as tf
        import torch
        import torch.nn.functional as F

        import snippets.binary
        import snippets.categorical
        import snippets.divergence
        import snippets.focal
        import snippets.reduction
        import snippets.smoothing

        if keras.backend.backend() != "tensorflow":
            raise RuntimeError(f"Keras must run on the TensorFlow backend, got {keras.backend.backend()}")
        self.torch, self.F, self.tf, self.keras, self.jnp, self.optax = torch, F, tf, keras, jnp, optax
        self.losses, self.L = keras.losses, optax.losses
        self.S = snippets
        self.bfloat16 = {"torch": torch.bfloat16, "tf": tf.bfloat16, "jax": jnp.bfloat16}

    def t(self, x, dtype="float32"):
        """A torch tensor; integer arrays become int64 (class indices)."""
        x = np.asarray(x)
        if np.issubdtype(x.dtype, np.integer):
            return self.torch.tensor(x, dtype=self.torch.int64)
        if dtype == "bfloat16":
            return self.torch.tensor(x.astype(np.float32)).to(self.torch.bfloat16)
        return self.torch.tensor(x.astype(dtype))

    def tf_(self, x, dtype="float32"):
        x = np.asarray(x)
        if np.issubdtype(x.dtype, np.integer):
            return self.tf.constant(x)
        if dtype == "bfloat16":
            return self.tf.cast(self.tf.constant(x.astype(np.float32)), self.tf.bfloat16)
        return self.tf.constant(x.astype(dtype))

    def j(self, x, dtype="float32"):
        x = np.asarray(x)
        if np.issubdtype(x.dtype, np.integer):
            return self.jnp.asarray(x)
        return self.jnp.asarray(x.astype(np.float32)).astype(self.jnp.bfloat16 if dtype == "bfloat16" else dtype)


def to_numpy_dtype(x, dtype):
    """numpy input for snippets: float32, float16, or bfloat16 (ml_dtypes, numpy's only bfloat16)."""
    import ml_dtypes

    return np.asarray(x).astype(ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)


def to_float64(result) -> np.ndarray:
    """Any library's result as a float64 numpy array (bfloat16 and float16 values are exact in float64)."""
    if hasattr(result, "detach"):  # torch
        result = result.detach().float()
    elif hasattr(result, "numpy") and not isinstance(result, np.ndarray):  # TensorFlow
        result = result.numpy()
    return np.asarray(result).astype(np.float64)


# --- judging a result ---------------------------------------------------------------------------------------


def fmt(values: np.ndarray) -> str:
    """A number or a short tuple of numbers, 4 significant digits (0.6931, 1e+04, ∞, NaN), or an empty array."""
    if values.size == 0:
        return "[[empty]] $" + r" \times ".join(map(str, values.shape)) + "$"  # an empty array and its shape
    one = lambda v: "NaN" if np.isnan(v) else ("∞" if v == np.inf else "−∞" if v == -np.inf else f"{v:.4g}")
    if values.size == 1:
        return one(values.reshape(-1)[0])
    return "(" + ", ".join(one(v) for v in values.reshape(-1)) + ")"


def tex_number(x: float) -> str:
    """3 significant digits in TeX: 2.06\\times 10^{-9}, 6.93\\times 10^{-1}, 1.00 (no power for 10^0)."""
    mantissa, exponent = f"{x:.2e}".split("e")
    return mantissa if int(exponent) == 0 else rf"{mantissa}\times 10^{{{int(exponent)}}}"


def matches(result: np.ndarray, expected, rtol: float = RTOL) -> bool:
    """Same number of values (a trailing axis of 1 is ignored) and equal within ``rtol``; NaN equals NaN."""
    expected = np.asarray(expected, dtype=np.float64)
    return result.size == expected.size and bool(
        np.allclose(result.reshape(-1), expected.reshape(-1), rtol=rtol, atol=0, equal_nan=True)
    )


def judge(result, candidates: dict, rtol: float = RTOL) -> str:
    """The first candidate the result matches, else the result itself as a number."""
    values = to_float64(result)
    for cell, expected in candidates.items():
        if matches(values, expected, rtol):
            return cell
    return fmt(values)


def run_cell(row: Row, fw: Frameworks, library: str) -> str:
    """One cell: the probe's verdict, the matching candidate, the number, or the exception's type."""
    call = row.probe(fw)[library]
    try:
        result = call()
    except Exception as error:  # the outcome of bad input is part of the matrix
        return f"`{type(error).__name__}`"
    if isinstance(result, Verdict):
        return str(result)
    return judge(result, row.candidates() if row.candidates else {}, row.rtol)


def columns(family: str) -> tuple[str, ...]:
    """The libraries a family's table has a column for."""
    return COLUMNS.get(family, LIBRARIES)


def run_all(fw: Frameworks | None = None) -> dict:
    fw = fw or Frameworks()
    return {anchor: {lib: run_cell(r, fw, lib) for lib in columns(r.family)} for anchor, r in ROWS.items()}


# --- verdicts read from the API -----------------------------------------------------------------------------


def absent(module, *names: str) -> Callable[[], Verdict]:
    """None of ``names`` exists in ``module``: the library has no such function (a new one fails the probe)."""

    def check():
        found = [n for n in names if hasattr(module, n)]
        if found:
            raise RuntimeError(f"{module.__name__} now has {found}: probe it")
        return Verdict("[[absent]]")

    return check


def no_parameter(function, *names: str) -> Callable[[], Verdict]:
    """``function`` has none of the parameters ``names`` (read from its signature)."""

    def check():
        found = [n for n in names if n in inspect.signature(function).parameters]
        if found:
            raise RuntimeError(f"{function.__qualname__} now has {found}: probe it")
        return Verdict("[[no-param]]")

    return check


def default(function, name: str) -> str:
    """The default value of a parameter, from the signature, as code."""
    value = inspect.signature(function).parameters[name].default
    return f"`{name}={value!r}`"


def named(name: str, result, expected) -> Verdict:
    """The function ``name`` computes ``expected`` on the probe's input (else the number it computed)."""
    values = to_float64(result)
    return Verdict(f"`{name}`" if matches(values, expected) else f"`{name}` ≠ {fmt(values)}")


# --- closed forms in float64 (the candidates) ---------------------------------------------------------------


def sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=np.float64)))


def softplus(x):
    return np.logaddexp(0.0, np.asarray(x, dtype=np.float64))


def bce_logits(z, y):
    """−[y log σ(z) + (1 − y) log(1 − σ(z))] = y·softplus(−z) + (1 − y)·softplus(z)."""
    y = np.asarray(y, dtype=np.float64)
    return y * softplus(-np.asarray(z, dtype=np.float64)) + (1 - y) * softplus(z)


def bce_probs(p, y):
    p, y = np.asarray(p, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return -(y * np.log(p) + (1 - y) * np.log1p(-p))


def log_softmax(z):
    z = np.asarray(z, dtype=np.float64)
    return z - np.logaddexp.reduce(z, axis=-1, keepdims=True)


def ce_logits(z, t):
    """−Σ_c t_c log softmax(z)_c, per row."""
    return -(np.asarray(t, dtype=np.float64) * log_softmax(z)).sum(-1)


def one_hot(labels, k):
    return np.eye(k)[np.asarray(labels)]


# --- inputs -------------------------------------------------------------------------------------------------

Z = np.array([[1.5, -0.5, 0.25], [-2.0, 0.75, 3.0]], dtype=np.float32)  # logits, N = 2, K = 3
Y = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], dtype=np.float32)  # binary labels for Z (multi-hot)
P = sigmoid(Z).astype(np.float32)  # probabilities σ(Z)
LABELS = np.array([0, 2])  # class indices for Z's rows
W = np.array([0.5, 2.0], dtype=np.float32)  # per-example weights
CLASS_W = np.array([0.2, 1.0, 3.0], dtype=np.float32)  # per-class weights
EPS = 1e-7  # Keras's backend.epsilon(), a candidate for every clip


def reductions(losses):
    """Candidates for the default reduction of losses per element (N, K) or per example (N,)."""
    losses = np.asarray(losses, dtype=np.float64)
    cells = {'`"none"`': losses}
    if losses.ndim > 1:
        cells[r"$\sum \ell / (N K)$"] = losses.mean()
        cells[r"$\big(\frac{1}{K}\sum_k \ell_{ik}\big)_{i \le N}$"] = losses.mean(-1)
    cells[r"$\sum \ell / N$"] = losses.sum() / losses.shape[0]
    cells[r"$\sum \ell$"] = losses.sum()
    return cells


def bad_outcomes():
    return {"NaN": np.nan, "∞": np.inf, "0": 0.0}


# --- binary cross-entropy -----------------------------------------------------------------------------------


@row("binary")
def binary_probabilities(fw):
    """Which function takes probabilities p and returns −[y log p + (1 − y) log(1 − p)] per element."""
    want = bce_probs(P, Y)
    return {
        "torch": lambda: named("binary_cross_entropy", fw.F.binary_cross_entropy(fw.t(P), fw.t(Y), reduction="none"), want),
        "tf": absent(fw.tf.nn, "binary_cross_entropy", "sigmoid_cross_entropy"),
        "keras": lambda: named("BinaryCrossentropy()", fw.losses.BinaryCrossentropy(reduction="none")(Y, P), want.mean(-1)),
        "optax": absent(fw.L, "binary_cross_entropy", "binary_crossentropy"),
        "snippets": lambda: named("binary_cross_entropy", fw.S.binary.binary_cross_entropy(P, Y), want),
    }


@row("binary")
def binary_logits(fw):
    """Which function takes logits z, applies σ and returns the same loss per element."""
    want = bce_logits(Z, Y)
    return {
        "torch": lambda: named(
            "binary_cross_entropy_with_logits", fw.F.binary_cross_entropy_with_logits(fw.t(Z), fw.t(Y), reduction="none"), want
        ),
        "tf": lambda: named(
            "sigmoid_cross_entropy_with_logits", fw.tf.nn.sigmoid_cross_entropy_with_logits(labels=Y, logits=Z), want
        ),
        "keras": lambda: named(
            "BinaryCrossentropy(from_logits=True)",
            fw.losses.BinaryCrossentropy(from_logits=True, reduction="none")(Y, Z),
            want.mean(-1),
        ),
        "optax": lambda: named("sigmoid_binary_cross_entropy", fw.L.sigmoid_binary_cross_entropy(fw.j(Z), fw.j(Y)), want),
        "snippets": lambda: named("sigmoid_binary_cross_entropy", fw.S.binary.sigmoid_binary_cross_entropy(Z, Y), want),
    }


@row("binary", lambda: reductions(bce_logits(Z, Y)))
def binary_default_reduction(fw):
    """The logits function with default arguments on an (N, K) = (2, 3) batch."""
    return {
        "torch": lambda: fw.F.binary_cross_entropy_with_logits(fw.t(Z), fw.t(Y)),
        "tf": lambda: fw.tf.nn.sigmoid_cross_entropy_with_logits(labels=Y, logits=Z),
        "keras": lambda: fw.losses.BinaryCrossentropy(from_logits=True)(Y, Z),
        "optax": lambda: fw.L.sigmoid_binary_cross_entropy(fw.j(Z), fw.j(Y)),
        "snippets": lambda: fw.S.binary.sigmoid_binary_cross_entropy(Z, Y),
    }


SOFT = np.array([[0.3], [0.9]], dtype=np.float32)
ZS = Z[:, :1]


@row("binary", lambda: {r"$y\,\mathrm{sp}(-z) + (1-y)\,\mathrm{sp}(z)$": bce_logits(ZS, SOFT)})
def binary_soft_labels(fw):
    """Labels y = 0.3 and 0.9 (soft), logits input: the cross-entropy formula or an error."""
    return {
        "torch": lambda: fw.F.binary_cross_entropy_with_logits(fw.t(ZS), fw.t(SOFT), reduction="none"),
        "tf": lambda: fw.tf.nn.sigmoid_cross_entropy_with_logits(labels=SOFT, logits=ZS),
        "keras": lambda: fw.losses.BinaryCrossentropy(from_logits=True, reduction="none")(SOFT, ZS),
        "optax": lambda: fw.L.sigmoid_binary_cross_entropy(fw.j(ZS), fw.j(SOFT)),
        "snippets": lambda: fw.S.binary.sigmoid_binary_cross_entropy(ZS, SOFT),
    }


def clip_candidates(p, y):
    """What a probabilities function can return at p ∈ {0, 1}: −log of p floored at e^−100, clipped to ε, …"""
    p, y = np.asarray(p, dtype=np.float64), np.asarray(y, dtype=np.float64)
    e32 = float(np.float32(EPS))
    clipped = np.clip(p, e32, float(np.float32(1 - EPS)))
    plus_eps = -(y * np.log(clipped + e32) + (1 - y) * np.log(1 - clipped + e32))
    return {
        r"$100$ ($\log \ge -100$)": np.full(p.shape, 100.0),
        r"$-\log(\mathrm{clip}(p, \varepsilon, 1-\varepsilon) + \varepsilon)$, $\varepsilon = 10^{-7}$": plus_eps,
        r"$-\log \mathrm{clip}(p, \varepsilon, 1-\varepsilon)$, $\varepsilon = 10^{-7}$": bce_probs(clipped, y),
        **bad_outcomes(),
    }


def binary_clip_calls(fw, p, y):
    p, y = np.array([[p]], dtype=np.float32), np.array([[y]], dtype=np.float32)
    return {
        "torch": lambda: fw.F.binary_cross_entropy(fw.t(p), fw.t(y)),
        "tf": absent(fw.tf.nn, "binary_cross_entropy"),
        "keras": lambda: fw.losses.BinaryCrossentropy()(y, p),
        "optax": absent(fw.L, "binary_cross_entropy"),
        "snippets": lambda: fw.S.binary.binary_cross_entropy(p, y),
    }


@row("binary", lambda: clip_candidates(0.0, 1.0))
def binary_p_zero(fw):
    """Probability p = 0 for label y = 1, probabilities function (the true loss is ∞)."""
    return binary_clip_calls(fw, 0.0, 1.0)


@row("binary", lambda: clip_candidates(1.0, 0.0))
def binary_p_one(fw):
    """Probability p = 1 for label y = 0, probabilities function (the true loss is ∞)."""
    return binary_clip_calls(fw, 1.0, 0.0)


@row("binary", lambda: clip_candidates(0.0, 1.0))
def binary_negative_probability(fw):
    """Probability p = −0.1 for label y = 1, probabilities function (not a probability at all)."""
    return binary_clip_calls(fw, -0.1, 1.0)


PW = np.array([3.0, 1.0, 0.5], dtype=np.float32)  # pos_weight, one per column of Z


def pos_weight_candidates():
    y, w = Y.astype(np.float64), PW.astype(np.float64)
    return {
        r"$-[w\,y \log\sigma(z) + (1-y)\log(1-\sigma(z))]$": w * y * softplus(-Z) + (1 - y) * softplus(Z),
        r"$-w\,[y \log\sigma(z) + (1-y)\log(1-\sigma(z))]$": w * bce_logits(Z, Y),
    }


@row("binary", pos_weight_candidates)
def binary_pos_weight(fw):
    """A weight on the positive term, one per column (no reduction): parameter and formula."""
    return {
        "torch": lambda: fw.F.binary_cross_entropy_with_logits(fw.t(Z), fw.t(Y), pos_weight=fw.t(PW), reduction="none"),
        "tf": lambda: fw.tf.nn.weighted_cross_entropy_with_logits(labels=Y, logits=Z, pos_weight=PW),
        "keras": no_parameter(fw.losses.BinaryCrossentropy, "pos_weight"),
        "optax": no_parameter(fw.L.sigmoid_binary_cross_entropy, "pos_weight"),
        "snippets": lambda: fw.S.binary.sigmoid_binary_cross_entropy(Z, Y, pos_weight=PW),
    }


def weighted_mean_candidates(losses, weights):
    """Ways to reduce losses ℓ_i with per-example weights w_i."""
    losses, weights = np.asarray(losses, dtype=np.float64), np.asarray(weights, dtype=np.float64)
    return {
        r"$\sum_i w_i \ell_i / N$": (weights * losses).sum() / losses.size,
        r"$\sum_i w_i \ell_i / \sum_i w_i$": (weights * losses).sum() / weights.sum(),
        r"$\sum_i w_i \ell_i$": (weights * losses).sum(),
    }


@row("binary", lambda: weighted_mean_candidates(bce_logits(Z, Y).mean(-1), W))
def binary_sample_weight(fw):
    """Per-example weights w = (0.5, 2) with the default reduction; ℓ_i is the mean over the K = 3 labels."""
    w_elements = np.repeat(W[:, None], 3, axis=1)
    mean_rows = lambda losses: fw.S.reduction.reduce(losses.mean(-1), weights=W)
    return {
        # torch's `weight` is element-wise; given per example (broadcast over K), its mean is comparable.
        "torch": lambda: fw.F.binary_cross_entropy_with_logits(fw.t(Z), fw.t(Y), weight=fw.t(w_elements)),
        "tf": no_parameter(fw.tf.nn.sigmoid_cross_entropy_with_logits, "weight", "sample_weight", "weights"),
        "keras": lambda: fw.losses.BinaryCrossentropy(from_logits=True)(Y, Z, sample_weight=W),
        "optax": no_parameter(fw.L.sigmoid_binary_cross_entropy, "weight", "sample_weight", "weights"),
        "snippets": lambda: mean_rows(fw.S.binary.sigmoid_binary_cross_entropy(Z, Y)),
    }


def binary_logit_calls(fw, z, y, dtype="float32"):
    """The logits function of every library, default reduction, on z and y of ``dtype``."""
    z, y = np.asarray(z, dtype=np.float32), np.asarray(y, dtype=np.float32)
    return {
        "torch": lambda: fw.F.binary_cross_entropy_with_logits(fw.t(z, dtype), fw.t(y, dtype), reduction="none"),
        "tf": lambda: fw.tf.nn.sigmoid_cross_entropy_with_logits(labels=fw.tf_(y, dtype), logits=fw.tf_(z, dtype)),
        "keras": lambda: fw.losses.BinaryCrossentropy(from_logits=True, reduction="none", dtype=dtype)(
            fw.tf_(y, dtype), fw.tf_(z, dtype)
        ),
        "optax": lambda: fw.L.sigmoid_binary_cross_entropy(fw.j(z, dtype), fw.j(y, dtype)),
        "snippets": lambda: fw.S.binary.sigmoid_binary_cross_entropy(to_numpy_dtype(z, dtype), to_numpy_dtype(y, dtype)),
    }


@row("binary", bad_outcomes)
def binary_nan_logit(fw):
    """A NaN logit (label 1)."""
    return binary_logit_calls(fw, [[np.nan]], [[1.0]])


@row("binary", lambda: {r"$(0, \infty)$": [0.0, np.inf], "(NaN, NaN)": [np.nan, np.nan]})
def binary_inf_logit(fw):
    """Logit +∞ with label 1 (limit 0) and with label 0 (limit ∞)."""
    return binary_logit_calls(fw, [[np.inf], [np.inf]], [[1.0], [0.0]])


@row("binary", lambda: {r"$10^4$": [1e4], **bad_outcomes()})
def binary_large_logit(fw):
    """Logit 10⁴ with label 0: the exact loss is 10⁴ (softplus(10⁴))."""
    return binary_logit_calls(fw, [[1e4]], [[0.0]])


@row("binary", lambda: {"NaN": np.nan, "0": 0.0})
def binary_empty_batch(fw):
    """An empty batch (shape (0, 3)) with the default reduction."""
    z, y = np.zeros((0, 3), np.float32), np.zeros((0, 3), np.float32)
    return {
        "torch": lambda: fw.F.binary_cross_entropy_with_logits(fw.t(z), fw.t(y)),
        "tf": lambda: fw.tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z),
        "keras": lambda: fw.losses.BinaryCrossentropy(from_logits=True)(y, z),
        "optax": lambda: fw.L.sigmoid_binary_cross_entropy(fw.j(z), fw.j(y)),
        "snippets": lambda: fw.S.reduction.reduce(fw.S.binary.sigmoid_binary_cross_entropy(z, y)),
    }


def tiny_candidates(gap):
    """Loss log(1 + e^−gap) of a confident correct prediction: exact within 1 %, or rounded to 0."""
    exact = float(np.log1p(np.exp(-gap)))
    return {f"${tex_number(exact)}$ (±1 %)": exact, "0": 0.0}


@row("binary", lambda: tiny_candidates(20), rtol=1e-2)
def binary_tiny_float32(fw):
    """Logit 20 with label 1 in float32: loss log(1 + e^−20) ≈ 2.1e-9."""
    return binary_logit_calls(fw, [[20.0]], [[1.0]], "float32")


@row("binary", lambda: tiny_candidates(10), rtol=1e-2)
def binary_tiny_float16(fw):
    """Logit 10 with label 1 in float16 (e^−20 is below float16's smallest number): loss ≈ 4.5e-5."""
    return binary_logit_calls(fw, [[10.0]], [[1.0]], "float16")


@row("binary", lambda: tiny_candidates(20), rtol=1e-2)
def binary_tiny_bfloat16(fw):
    """Logit 20 with label 1 in bfloat16: loss ≈ 2.1e-9."""
    return binary_logit_calls(fw, [[20.0]], [[1.0]], "bfloat16")


# --- categorical cross-entropy ------------------------------------------------------------------------------

T = one_hot(LABELS, 3).astype(np.float32)  # one-hot targets for Z
SOFT_T = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]], dtype=np.float32)  # soft targets for Z
Q = np.exp(log_softmax(Z)).astype(np.float32)  # probabilities softmax(Z)


def categorical_logit_calls(fw, z, t, dtype="float32"):
    """The softmax cross-entropy of every library, default reduction, logits z and target distributions t."""
    z, t = np.asarray(z, dtype=np.float32), np.asarray(t, dtype=np.float32)
    return {
        "torch": lambda: fw.F.cross_entropy(fw.t(z, dtype), fw.t(t, dtype)),
        "tf": lambda: fw.tf.nn.softmax_cross_entropy_with_logits(labels=fw.tf_(t, dtype), logits=fw.tf_(z, dtype)),
        "keras": lambda: fw.losses.CategoricalCrossentropy(from_logits=True, dtype=dtype)(fw.tf_(t, dtype), fw.tf_(z, dtype)),
        "optax": lambda: fw.L.softmax_cross_entropy(fw.j(z, dtype), fw.j(t, dtype)),
        "snippets": lambda: fw.S.categorical.softmax_cross_entropy(to_numpy_dtype(z, dtype), to_numpy_dtype(t, dtype)),
    }


def categorical_probability_calls(fw, p, t):
    """The cross-entropy of probabilities of every library that has one, default reduction."""
    p, t = np.asarray(p, dtype=np.float32), np.asarray(t, dtype=np.float32)
    names = ("categorical_cross_entropy", "categorical_crossentropy")
    return {
        "torch": absent(fw.F, *names),
        "tf": absent(fw.tf.nn, *names),
        "keras": lambda: fw.losses.CategoricalCrossentropy()(t, p),
        "optax": absent(fw.L, *names),
        "snippets": lambda: fw.S.categorical.categorical_cross_entropy(p, t),
    }


@row("categorical")
def categorical_probabilities(fw):
    """Which function takes probabilities q and returns −Σ_c t_c log q_c per example."""
    want = -(SOFT_T * np.log(Q.astype(np.float64))).sum(-1)
    calls = categorical_probability_calls(fw, Q, SOFT_T)
    calls["keras"] = lambda: named("CategoricalCrossentropy()", fw.losses.CategoricalCrossentropy(reduction="none")(SOFT_T, Q), want)
    calls["snippets"] = lambda: named("categorical_cross_entropy", fw.S.categorical.categorical_cross_entropy(Q, SOFT_T), want)
    return calls


@row("categorical")
def categorical_logits(fw):
    """Which function takes logits z, applies softmax and returns −Σ_c t_c log softmax(z)_c per example."""
    want = ce_logits(Z, SOFT_T)
    return {
        "torch": lambda: named("cross_entropy", fw.F.cross_entropy(fw.t(Z), fw.t(SOFT_T), reduction="none"), want),
        "tf": lambda: named(
            "softmax_cross_entropy_with_logits", fw.tf.nn.softmax_cross_entropy_with_logits(labels=SOFT_T, logits=Z), want
        ),
        "keras": lambda: named(
            "CategoricalCrossentropy(from_logits=True)",
            fw.losses.CategoricalCrossentropy(from_logits=True, reduction="none")(SOFT_T, Z),
            want,
        ),
        "optax": lambda: named("softmax_cross_entropy", fw.L.softmax_cross_entropy(fw.j(Z), fw.j(SOFT_T)), want),
        "snippets": lambda: named("softmax_cross_entropy", fw.S.categorical.softmax_cross_entropy(Z, SOFT_T), want),
    }


def accepted(call, inputs: dict, expected: dict, *, show_others: bool = True) -> Callable[[], Verdict]:
    """The inputs (cells) for which ``call(inputs[cell])`` returns ``expected[cell]``; one that raises is not
    accepted, one that returns another number is listed with it when ``show_others``."""

    def check():
        found = []
        for token, labels in inputs.items():
            try:
                result = to_float64(call(labels))
            except Exception:
                continue
            if matches(result, expected[token]):
                found.append(token)
            elif show_others:
                found.append(f"{token} ≠ {fmt(result)}")
        return Verdict(", ".join(found) or "—")

    return check


@row("categorical")
def categorical_label_formats(fw):
    """The logits function given class indices, one-hot targets and soft targets (each with its right answer)."""
    inputs = {"[[index]]": LABELS, "[[one-hot]]": T, "[[soft]]": SOFT_T}
    want = {"[[index]]": ce_logits(Z, T), "[[one-hot]]": ce_logits(Z, T), "[[soft]]": ce_logits(Z, SOFT_T)}
    return {
        "torch": accepted(lambda t: fw.F.cross_entropy(fw.t(Z), fw.t(t), reduction="none"), inputs, want),
        "tf": accepted(lambda t: fw.tf.nn.softmax_cross_entropy_with_logits(labels=t, logits=Z), inputs, want),
        "keras": accepted(
            lambda t: fw.losses.CategoricalCrossentropy(from_logits=True, reduction="none")(t, Z), inputs, want
        ),
        "optax": accepted(lambda t: fw.L.softmax_cross_entropy(fw.j(Z), fw.j(t)), inputs, want),
        "snippets": accepted(lambda t: fw.S.categorical.softmax_cross_entropy(Z, t), inputs, want),
    }


@row("categorical", lambda: reductions(ce_logits(Z, SOFT_T)))
def categorical_default_reduction(fw):
    """The logits function with default arguments on N = 2 examples."""
    return categorical_logit_calls(fw, Z, SOFT_T)


UNNORMALISED_Q = np.array([[0.1, 0.3, 0.1]], dtype=np.float32)  # sums to 0.5; target class 1


@row(
    "categorical",
    lambda: {
        r"$-\log(q_y / \sum_c q_c)$": -np.log(0.3 / 0.5),
        r"$-\log q_y$": -np.log(0.3),
    },
)
def categorical_unnormalised_probabilities(fw):
    """Probabilities (0.1, 0.3, 0.1), which sum to 0.5, for target class 1: renormalised or used as given."""
    return categorical_probability_calls(fw, UNNORMALISED_Q, one_hot([1], 3))


UNNORMALISED_T = np.array([[0.5, 0.5, 0.5]], dtype=np.float32)


@row(
    "categorical",
    lambda: {
        r"$-\sum_c t_c \log q_c$": ce_logits(Z[:1], UNNORMALISED_T),
        r"$-\sum_c \frac{t_c}{\sum t} \log q_c$": ce_logits(Z[:1], UNNORMALISED_T / 1.5),
    },
)
def categorical_unnormalised_targets(fw):
    """Targets (0.5, 0.5, 0.5), which sum to 1.5, logits function: used as given or renormalised."""
    return categorical_logit_calls(fw, Z[:1], UNNORMALISED_T)


@row(
    "categorical",
    lambda: {r"$-\log \varepsilon$, $\varepsilon = 10^{-7}$": -np.log(float(np.float32(EPS))), **bad_outcomes()},
)
def categorical_q_zero(fw):
    """Probability 0 on the target class (0.5, 0, 0.5), target class 1 (the true loss is ∞)."""
    return categorical_probability_calls(fw, [[0.5, 0.0, 0.5]], one_hot([1], 3))


@row(
    "categorical",
    lambda: {r"$-\log(q_y / \sum_c q_c)$": -np.log(0.6 / 0.8), r"$-\log q_y$": -np.log(0.6), **bad_outcomes()},
)
def categorical_negative_probabilities(fw):
    """Probabilities (−0.2, 0.6, 0.4) for target class 1."""
    return categorical_probability_calls(fw, [[-0.2, 0.6, 0.4]], one_hot([1], 3))


@row("categorical", bad_outcomes)
def categorical_nan_logits(fw):
    """A NaN logit in the row (NaN, 0, 0), target class 1."""
    return categorical_logit_calls(fw, [[np.nan, 0.0, 0.0]], one_hot([1], 3))


@row("categorical", lambda: {r"$(0, \infty)$": [0.0, np.inf], "(NaN, NaN)": [np.nan, np.nan]})
def categorical_inf_logits(fw):
    """Logits (+∞, 0, 0) for target class 0 (limit 0) and class 1 (limit ∞), no reduction."""
    z, t = np.array([[np.inf, 0, 0]] * 2, dtype=np.float32), one_hot([0, 1], 3)
    calls = categorical_logit_calls(fw, z, t)
    calls["torch"] = lambda: fw.F.cross_entropy(fw.t(z), fw.t(t), reduction="none")
    calls["keras"] = lambda: fw.losses.CategoricalCrossentropy(from_logits=True, reduction="none")(t, z)
    return calls


@row("categorical", lambda: {"NaN": np.nan, "0": 0.0})
def categorical_empty_batch(fw):
    """An empty batch (logits of shape (0, 3)) with the default reduction."""
    z = np.zeros((0, 3), np.float32)
    calls = categorical_logit_calls(fw, z, z)
    calls["snippets"] = lambda: fw.S.reduction.reduce(fw.S.categorical.softmax_cross_entropy(z, z))
    return calls


@row("categorical", lambda: tiny_candidates(20), rtol=1e-2)
def categorical_tiny_float32(fw):
    """Logits (0, 20), target class 1, float32: loss log(1 + e^−20) ≈ 2.1e-9."""
    return categorical_logit_calls(fw, [[0.0, 20.0]], [[0.0, 1.0]], "float32")


@row("categorical", lambda: tiny_candidates(10), rtol=1e-2)
def categorical_tiny_float16(fw):
    """Logits (0, 10), target class 1, float16: loss ≈ 4.5e-5."""
    return categorical_logit_calls(fw, [[0.0, 10.0]], [[0.0, 1.0]], "float16")


@row("categorical", lambda: tiny_candidates(20), rtol=1e-2)
def categorical_tiny_bfloat16(fw):
    """Logits (0, 20), target class 1, bfloat16: loss ≈ 2.1e-9."""
    return categorical_logit_calls(fw, [[0.0, 20.0]], [[0.0, 1.0]], "bfloat16")


# --- integer labels and NLL ---------------------------------------------------------------------------------


def integer_calls(fw, z, labels, **options):
    """The integer-label softmax cross-entropy of every library, default reduction."""
    z, labels = np.asarray(z, dtype=np.float32), np.asarray(labels)
    return {
        "torch": lambda: fw.F.cross_entropy(fw.t(z), fw.t(labels), **options.get("torch", {})),
        "tf": lambda: fw.tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=z),
        "keras": lambda: fw.losses.SparseCategoricalCrossentropy(from_logits=True, **options.get("keras", {}))(labels, z),
        "optax": lambda: fw.L.softmax_cross_entropy_with_integer_labels(fw.j(z), fw.j(labels)),
        "snippets": lambda: fw.S.categorical.softmax_cross_entropy_with_integer_labels(z, labels),
    }


@row("integer")
def integer_logits(fw):
    """Which function takes logits and class indices and returns logsumexp(z) − z_y per example."""
    want = ce_logits(Z, T)
    sparse = fw.tf.nn.sparse_softmax_cross_entropy_with_logits
    return {
        "torch": lambda: named("cross_entropy", fw.F.cross_entropy(fw.t(Z), fw.t(LABELS), reduction="none"), want),
        "tf": lambda: named("sparse_softmax_cross_entropy_with_logits", sparse(labels=LABELS, logits=Z), want),
        "keras": lambda: named(
            "SparseCategoricalCrossentropy(from_logits=True)",
            fw.losses.SparseCategoricalCrossentropy(from_logits=True, reduction="none")(LABELS, Z),
            want,
        ),
        "optax": lambda: named(
            "softmax_cross_entropy_with_integer_labels",
            fw.L.softmax_cross_entropy_with_integer_labels(fw.j(Z), fw.j(LABELS)),
            want,
        ),
        "snippets": lambda: named(
            "softmax_cross_entropy_with_integer_labels",
            fw.S.categorical.softmax_cross_entropy_with_integer_labels(Z, LABELS),
            want,
        ),
    }


@row("integer")
def integer_log_probabilities(fw):
    """Which function takes log-probabilities x = log q and class indices and returns −x_y (no activation)."""
    log_q = log_softmax(Z).astype(np.float32)
    want = -log_q[np.arange(2), LABELS]
    names = ("nll_loss", "negative_log_likelihood", "NegativeLogLikelihood")
    return {
        "torch": lambda: named("nll_loss", fw.F.nll_loss(fw.t(log_q), fw.t(LABELS), reduction="none"), want),
        "tf": absent(fw.tf.nn, *names),
        "keras": absent(fw.losses, *names),
        "optax": absent(fw.L, *names),
        "snippets": lambda: named("nll_loss", fw.S.categorical.nll_loss(log_q, LABELS), want),
    }


Z_KD = np.linspace(-2, 2, 24, dtype=np.float32).reshape(2, 3, 4)  # (N, K, d) = (2, 3, 4)
LABELS_KD = np.array([[0, 1, 2, 0], [2, 2, 1, 0]])  # (N, d)


@row("integer")
def integer_class_axis(fw):
    """K-dimensional labels (N, d) = (2, 4) with K = 3 classes: which logits layout gives the right losses."""
    layouts = {"$(N, K, d)$": Z_KD, "$(N, d, K)$": np.moveaxis(Z_KD, 1, -1)}
    want = ce_logits(np.moveaxis(Z_KD, 1, -1), one_hot(LABELS_KD, 3))
    inputs, expected = layouts, dict.fromkeys(layouts, want)
    y = LABELS_KD
    return {
        "torch": accepted(lambda z: fw.F.cross_entropy(fw.t(z), fw.t(y), reduction="none"), inputs, expected),
        "tf": accepted(lambda z: fw.tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=z), inputs, expected),
        "keras": accepted(
            lambda z: fw.losses.SparseCategoricalCrossentropy(from_logits=True, reduction="none")(y, z), inputs, expected
        ),
        "optax": accepted(lambda z: fw.L.softmax_cross_entropy_with_integer_labels(fw.j(z), fw.j(y)), inputs, expected),
        "snippets": accepted(
            lambda z: fw.S.categorical.softmax_cross_entropy_with_integer_labels(z, y), inputs, expected
        ),
    }


@row("integer", lambda: reductions(ce_logits(Z, T)))
def integer_default_reduction(fw):
    """The integer-label function with default arguments on N = 2 examples."""
    return integer_calls(fw, Z, LABELS)


@row("integer", bad_outcomes)
def integer_label_out_of_range(fw):
    """Label 3 with K = 3 classes (valid labels are 0, 1, 2)."""
    return integer_calls(fw, Z[:1], [3])


def wrapped_candidates():
    """Label −1 read as the last class (Python indexing), or bad outcomes."""
    return {r"$\ell(y = K-1)$": ce_logits(Z[:1], one_hot([2], 3)), **bad_outcomes()}


@row("integer", wrapped_candidates)
def integer_negative_label(fw):
    """Label −1 with K = 3 classes."""
    return integer_calls(fw, Z[:1], [-1])


Z3 = np.array([[1.5, -0.5, 0.25], [0.0, 2.0, -1.0], [-2.0, 0.75, 3.0]], dtype=np.float32)
IGNORED = np.array([0, -100, 2])  # the middle example carries the ignored label −100


def ignore_candidates():
    losses = ce_logits(Z3[[0, 2]], one_hot([0, 2], 3))
    return {
        r"$\sum_{\text{kept}} \ell_i / N_{\text{kept}}$": losses.mean(),
        r"$\sum_{\text{kept}} \ell_i / N$": losses.sum() / 3,
    }


@row("integer", ignore_candidates)
def integer_ignore_index(fw):
    """Labels (0, −100, 2): the parameter that ignores an example, its default, and what the mean divides by."""
    sparse = fw.tf.nn.sparse_softmax_cross_entropy_with_logits
    keras_loss = fw.losses.SparseCategoricalCrossentropy
    kept = (IGNORED != -100).astype(np.float32)
    snippets_ce = fw.S.categorical.softmax_cross_entropy_with_integer_labels
    with_default = lambda function, name, result: Verdict(
        f"{default(function, name)}; {judge(result, ignore_candidates())}"
    )
    return {
        "torch": lambda: with_default(fw.F.cross_entropy, "ignore_index", fw.F.cross_entropy(fw.t(Z3), fw.t(IGNORED))),
        "tf": no_parameter(sparse, "ignore_index", "ignore_class"),
        "keras": lambda: with_default(
            keras_loss, "ignore_class", keras_loss(from_logits=True, ignore_class=-100)(IGNORED, Z3)
        ),
        "optax": no_parameter(fw.L.softmax_cross_entropy_with_integer_labels, "ignore_index", "ignore_class"),
        "snippets": lambda: with_default(
            snippets_ce, "ignore_index", fw.S.reduction.reduce(snippets_ce(Z3, IGNORED, ignore_index=-100), weights=kept)
        ),
    }


@row("integer", lambda: {"NaN": np.nan, "0": 0.0})
def integer_all_ignored(fw):
    """Every label ignored (−100, −100), default reduction."""
    labels = np.array([-100, -100])
    snippets_ce = fw.S.categorical.softmax_cross_entropy_with_integer_labels
    calls = integer_calls(fw, Z, labels, keras={"ignore_class": -100})
    calls["tf"] = no_parameter(fw.tf.nn.sparse_softmax_cross_entropy_with_logits, "ignore_index", "ignore_class")
    calls["optax"] = no_parameter(fw.L.softmax_cross_entropy_with_integer_labels, "ignore_index", "ignore_class")
    calls["snippets"] = lambda: fw.S.reduction.reduce(snippets_ce(Z, labels, ignore_index=-100), weights=np.zeros(2))
    return calls


def class_weight_candidates():
    losses, w = ce_logits(Z, T), CLASS_W.astype(np.float64)[LABELS]
    return weighted_mean_candidates(losses, w)


@row("integer", class_weight_candidates)
def integer_class_weight(fw):
    """Class weights (0.2, 1, 3) with labels (0, 2), default reduction: w_i is the weight of example i's class."""
    snippets_ce = fw.S.categorical.softmax_cross_entropy_with_integer_labels
    names = ("weight", "class_weight", "weights")
    return {
        "torch": lambda: fw.F.cross_entropy(fw.t(Z), fw.t(LABELS), weight=fw.t(CLASS_W)),
        "tf": no_parameter(fw.tf.nn.sparse_softmax_cross_entropy_with_logits, *names),
        "keras": no_parameter(fw.losses.SparseCategoricalCrossentropy, *names),
        "optax": no_parameter(fw.L.softmax_cross_entropy_with_integer_labels, *names),
        "snippets": lambda: fw.S.reduction.reduce(snippets_ce(Z, LABELS), weights=CLASS_W[LABELS]),
    }


# --- focal loss ---------------------------------------------------------------------------------------------

X1, Y1 = P[:, :1], Y[:, :1]  # (N, 1): Keras averages over the last axis, which then holds one element


def binary_focal(p, y, gamma, alpha=None):
    """−α_t (1 − p_t)^γ log p_t with p_t = p for y = 1 and 1 − p for y = 0; α_t = α·y + (1 − α)(1 − y) or 1."""
    p, y = np.asarray(p, dtype=np.float64), np.asarray(y, dtype=np.float64)
    p_t = y * p + (1 - y) * (1 - p)
    alpha_t = 1.0 if alpha is None else alpha * y + (1 - alpha) * (1 - y)
    return -alpha_t * (1 - p_t) ** gamma * np.log(p_t)


GAMMAS = (0.0, 0.5, 1.0, 2.0, 3.0, 5.0)
ALPHAS = (None, 0.25, 0.5, 0.75)


def focal_default_candidates(focal, *args):
    """Every (γ, α) pair of GAMMAS × ALPHAS, α None meaning not applied."""
    return {
        rf"$\gamma = {g:g}$, " + (r"$\alpha$: [[not-applied]]" if a is None else rf"$\alpha = {a:g}$"): focal(*args, g, a)
        for g in GAMMAS
        for a in ALPHAS
    }


@row(
    "focal",
    lambda: {
        "[[probabilities]]": binary_focal(X1, Y1, 2.0),
        r"[[logits]] $\to \sigma$": binary_focal(sigmoid(X1), Y1, 2.0),
    },
)
def focal_binary_input(fw):
    """The binary focal loss on the values 0.82 and 0.12, with γ = 2: read as probabilities or as logits."""
    names = ("sigmoid_focal_loss", "focal_loss", "binary_focal_loss")
    return {
        "torch": absent(fw.F, *names),  # torchvision.ops.sigmoid_focal_loss is another package
        "tf": absent(fw.tf.nn, *names),
        "keras": lambda: fw.losses.BinaryFocalCrossentropy(gamma=2.0, reduction="none")(Y1, X1),
        "optax": lambda: fw.L.sigmoid_focal_loss(fw.j(X1), fw.j(Y1), gamma=2.0),
        "snippets": lambda: fw.S.focal.sigmoid_focal_loss(X1, Y1, gamma=2.0),
    }


@row("focal", lambda: focal_default_candidates(lambda z, y, g, a: binary_focal(sigmoid(z), y, g, a), ZS, Y1))
def focal_binary_defaults(fw):
    """The binary focal loss on logits with default γ and α, no reduction: which (γ, α) it computes."""
    names = ("sigmoid_focal_loss", "focal_loss", "binary_focal_loss")
    return {
        "torch": absent(fw.F, *names),
        "tf": absent(fw.tf.nn, *names),
        "keras": lambda: fw.losses.BinaryFocalCrossentropy(from_logits=True, reduction="none")(Y1, ZS),
        "optax": lambda: fw.L.sigmoid_focal_loss(fw.j(ZS), fw.j(Y1)),
        "snippets": lambda: fw.S.focal.sigmoid_focal_loss(ZS, Y1),
    }


@row("focal", lambda: reductions(binary_focal(sigmoid(Z), Y, 2.0)))
def focal_default_reduction(fw):
    """The binary focal loss on an (N, K) = (2, 3) batch of logits, γ = 2, default reduction."""
    names = ("sigmoid_focal_loss", "focal_loss", "binary_focal_loss")
    return {
        "torch": absent(fw.F, *names),
        "tf": absent(fw.tf.nn, *names),
        "keras": lambda: fw.losses.BinaryFocalCrossentropy(from_logits=True, gamma=2.0)(Y, Z),
        "optax": lambda: fw.L.sigmoid_focal_loss(fw.j(Z), fw.j(Y), gamma=2.0),
        "snippets": lambda: fw.S.focal.sigmoid_focal_loss(Z, Y, gamma=2.0),
    }


def softmax_focal(z, t, gamma, alpha=None):
    """−α Σ_c t_c (1 − q_c)^γ log q_c, q = softmax(z); α on every class (1 when None)."""
    log_q = log_softmax(z)
    return -(1.0 if alpha is None else alpha) * (np.asarray(t) * (1 - np.exp(log_q)) ** gamma * log_q).sum(-1)


@row("focal", lambda: focal_default_candidates(softmax_focal, Z, T))
def focal_categorical_defaults(fw):
    """The softmax focal loss on logits, one-hot targets, default γ and α, no reduction."""
    names = ("softmax_focal_loss", "categorical_focal_loss", "focal_loss")
    return {
        "torch": absent(fw.F, *names),
        "tf": absent(fw.tf.nn, *names),
        "keras": lambda: fw.losses.CategoricalFocalCrossentropy(from_logits=True, reduction="none")(T, Z),
        "optax": absent(fw.L, *names),
        "snippets": lambda: fw.S.focal.softmax_focal_loss(Z, T),
    }


# --- KL divergence ------------------------------------------------------------------------------------------

KL_P, KL_Q = SOFT_T, Q  # D_KL(p ‖ q) with p the targets and q = softmax(Z) the predictions


def kl_elements(p, q):
    p, q = np.asarray(p, dtype=np.float64), np.asarray(q, dtype=np.float64)
    return p * (np.log(p) - np.log(q))


@row("kl")
def kl_arguments(fw):
    """Which pair of arguments, in call order, gives D_KL(p ‖ q) = Σ p log(p / q) per example."""
    log = lambda x: np.log(x).astype(np.float32)
    orders = {
        r"$(\log q,\ p)$": (log(KL_Q), KL_P),
        r"$(p,\ q)$": (KL_P, KL_Q),
        r"$(q,\ p)$": (KL_Q, KL_P),
        r"$(\log q,\ \log p)$": (log(KL_Q), log(KL_P)),
    }
    want = dict.fromkeys(orders, kl_elements(KL_P, KL_Q).sum(-1))
    return {
        "torch": accepted(
            lambda ab: fw.F.kl_div(fw.t(ab[0]), fw.t(ab[1]), reduction="none").sum(-1), orders, want, show_others=False
        ),
        "tf": absent(fw.tf.nn, "kl_divergence", "kl_div"),
        "keras": accepted(lambda ab: fw.losses.KLDivergence(reduction="none")(ab[0], ab[1]), orders, want, show_others=False),
        "optax": accepted(lambda ab: fw.L.kl_divergence(fw.j(ab[0]), fw.j(ab[1])), orders, want, show_others=False),
        "snippets": accepted(lambda ab: fw.S.divergence.kl_divergence(ab[0], ab[1]), orders, want, show_others=False),
    }


def kl_reduction_candidates():
    elements = kl_elements(KL_P, KL_Q)
    return {
        **reductions(elements),
        r"$\big(\sum_k \ell_{ik}\big)_{i \le N}$": elements.sum(-1),
    }


@row("kl", kl_reduction_candidates)
def kl_default_reduction(fw):
    """D_KL(p ‖ q) on N = 2, K = 3 with default arguments."""
    log_q = np.log(KL_Q).astype(np.float32)
    return {
        "torch": lambda: fw.F.kl_div(fw.t(log_q), fw.t(KL_P)),
        "tf": absent(fw.tf.nn, "kl_divergence", "kl_div"),
        "keras": lambda: fw.losses.KLDivergence()(KL_P, KL_Q),
        "optax": lambda: fw.L.kl_divergence(fw.j(log_q), fw.j(KL_P)),
        "snippets": lambda: fw.S.divergence.kl_divergence(log_q, KL_P),
    }


ZERO_P, ZERO_Q = np.array([[0.5, 0.5, 0.0]], np.float32), np.array([[0.5, 0.0, 0.5]], np.float32)


def kl_zero_candidates():
    e32 = float(np.float32(EPS))
    clipped = kl_elements(np.clip(ZERO_P, e32, 1), np.clip(ZERO_Q, e32, 1)).sum()
    return {"∞": np.inf, r"$\sum p \log\frac{p}{q}$, $p, q$ [[clipped]] $[\varepsilon, 1]$": clipped, "NaN": np.nan}


@row("kl", kl_zero_candidates)
def kl_zero_prediction(fw):
    """p = (0.5, 0.5, 0), q = (0.5, 0, 0.5): q is 0 where p is not (the true divergence is ∞)."""
    with np.errstate(divide="ignore"):
        log_q = np.log(ZERO_Q)
    return {
        "torch": lambda: fw.F.kl_div(fw.t(log_q), fw.t(ZERO_P), reduction="sum"),
        "tf": absent(fw.tf.nn, "kl_divergence", "kl_div"),
        "keras": lambda: fw.losses.KLDivergence()(ZERO_P, ZERO_Q),
        "optax": lambda: fw.L.kl_divergence(fw.j(log_q), fw.j(ZERO_P)),
        "snippets": lambda: fw.S.divergence.kl_divergence(log_q, ZERO_P),
    }


@row("kl")
def kl_log_targets(fw):
    """Targets given as log p: the parameter or function, checked on D_KL(p ‖ q) per example."""
    log_p, log_q = np.log(KL_P).astype(np.float32), np.log(KL_Q).astype(np.float32)
    want = kl_elements(KL_P, KL_Q).sum(-1)
    torch_sum = lambda: fw.F.kl_div(fw.t(log_q), fw.t(log_p), reduction="none", log_target=True).sum(-1)
    optax_kl = fw.L.kl_divergence_with_log_targets
    snippets_kl = fw.S.divergence.kl_divergence_with_log_targets
    return {
        "torch": lambda: Verdict(f"{default(fw.F.kl_div, 'log_target')} ({named('log_target=True', torch_sum(), want)})"),
        "tf": absent(fw.tf.nn, "kl_divergence", "kl_div"),
        "keras": no_parameter(fw.losses.KLDivergence, "log_target", "log_targets"),
        "optax": lambda: named("kl_divergence_with_log_targets", optax_kl(fw.j(log_q), fw.j(log_p)), want),
        "snippets": lambda: named("kl_divergence_with_log_targets", snippets_kl(log_q, log_p), want),
    }


# --- label smoothing ----------------------------------------------------------------------------------------

ALPHA = 0.2


def smoothing_candidates(z, y):
    """Cross-entropy against the targets smoothed by each published formula (K = 3, α = 0.2)."""
    y = np.asarray(y, dtype=np.float64)
    k = y.shape[-1]
    return {
        r"$(1-\alpha)\,y + \alpha/K$": ce_logits(z, (1 - ALPHA) * y + ALPHA / k),
        r"$(1-\alpha)\,y + \alpha/(K-1)$ [[off-class]]": ce_logits(z, (1 - ALPHA) * y + ALPHA / (k - 1) * (1 - y)),
        r"$(1-\alpha)\,y$": ce_logits(z, (1 - ALPHA) * y),
    }


@row("smoothing")
def smoothing_parameter(fw):
    """Where label smoothing is set: a parameter of the loss (its default read from the signature) or a function."""
    smoothed = (1 - ALPHA) * T + ALPHA / 3
    return {
        "torch": lambda: Verdict(default(fw.F.cross_entropy, "label_smoothing")),
        "tf": no_parameter(fw.tf.nn.softmax_cross_entropy_with_logits, "label_smoothing"),
        "keras": lambda: Verdict(default(fw.losses.CategoricalCrossentropy, "label_smoothing")),
        "optax": lambda: named("smooth_labels(labels, alpha)", fw.L.smooth_labels(fw.j(T), ALPHA), smoothed),
        "snippets": lambda: Verdict(
            f"{default(fw.S.categorical.softmax_cross_entropy, 'label_smoothing')}, "
            + named("smooth_labels(targets, alpha)", fw.S.smoothing.smooth_labels(T, ALPHA), smoothed)
        ),
    }


@row("smoothing", lambda: smoothing_candidates(Z, T))
def smoothing_categorical(fw):
    """α = 0.2 on one-hot targets, K = 3, logits input, no reduction: the targets the loss is computed against."""
    return {
        "torch": lambda: fw.F.cross_entropy(fw.t(Z), fw.t(T), label_smoothing=ALPHA, reduction="none"),
        "tf": no_parameter(fw.tf.nn.softmax_cross_entropy_with_logits, "label_smoothing"),
        "keras": lambda: fw.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=ALPHA, reduction="none")(T, Z),
        "optax": lambda: fw.L.softmax_cross_entropy(fw.j(Z), fw.L.smooth_labels(fw.j(T), ALPHA)),
        "snippets": lambda: fw.S.categorical.softmax_cross_entropy(Z, T, label_smoothing=ALPHA),
    }


def binary_smoothing_candidates():
    y = Y1.astype(np.float64)
    return {
        r"$(1-\alpha)\,y + \alpha/2$": bce_logits(ZS, (1 - ALPHA) * y + ALPHA / 2),
        r"$(1-\alpha)\,y + \alpha$ ($K = 1$)": bce_logits(ZS, (1 - ALPHA) * y + ALPHA),
    }


@row("smoothing", binary_smoothing_candidates)
def smoothing_binary(fw):
    """α = 0.2 on binary labels of shape (N, 1), logits input: the labels the loss is computed against."""
    bce = fw.losses.BinaryCrossentropy
    return {
        "torch": no_parameter(fw.F.binary_cross_entropy_with_logits, "label_smoothing"),
        "tf": no_parameter(fw.tf.nn.sigmoid_cross_entropy_with_logits, "label_smoothing"),
        "keras": lambda: bce(from_logits=True, label_smoothing=ALPHA, reduction="none")(Y1, ZS),
        # optax has one smoothing function; given binary labels of shape (N, 1) it sees K = 1 class.
        "optax": lambda: fw.L.sigmoid_binary_cross_entropy(fw.j(ZS), fw.L.smooth_labels(fw.j(Y1), ALPHA)),
        "snippets": lambda: fw.S.binary.sigmoid_binary_cross_entropy(ZS, fw.S.smoothing.smooth_binary_labels(Y1, ALPHA)),
    }


@row("smoothing", lambda: smoothing_candidates(Z, T))
def smoothing_integer_labels(fw):
    """α = 0.2 with class indices (0, 2): a parameter of the integer-label loss, and its formula."""
    names = ("label_smoothing", "alpha")
    return {
        "torch": lambda: fw.F.cross_entropy(fw.t(Z), fw.t(LABELS), label_smoothing=ALPHA, reduction="none"),
        "tf": no_parameter(fw.tf.nn.sparse_softmax_cross_entropy_with_logits, *names),
        "keras": no_parameter(fw.losses.SparseCategoricalCrossentropy, *names),
        "optax": no_parameter(fw.L.softmax_cross_entropy_with_integer_labels, *names),
        "snippets": no_parameter(fw.S.categorical.softmax_cross_entropy_with_integer_labels, *names),
    }


# --- TensorFlow 1.x names (tf.compat.v1 of TF 2.21) ---------------------------------------------------------


def label_gradient(fw, loss) -> Callable:
    """∂(Σ loss(t))/∂t at the soft targets t = SOFT_T (None when the loss stops the gradient)."""

    def gradient():
        t = fw.tf.constant(SOFT_T)
        with fw.tf.GradientTape() as tape:
            tape.watch(t)
            total = fw.tf.reduce_sum(loss(t))
        result = tape.gradient(total, t)
        return Verdict("`None`") if result is None else result

    return gradient


@row("tf1", lambda: {r"$-\log\operatorname{softmax}(z)$": -log_softmax(Z)})
def tf1_softmax_v1_label_gradient(fw):
    """tf.compat.v1.nn.softmax_cross_entropy_with_logits (TF 1's default name): gradient with respect to the labels."""
    v1 = fw.tf.compat.v1.nn.softmax_cross_entropy_with_logits
    return {"tf": label_gradient(fw, lambda t: v1(labels=t, logits=Z))}


@row("tf1", lambda: {r"$-\log\operatorname{softmax}(z)$": -log_softmax(Z)})
def tf1_softmax_v2_label_gradient(fw):
    """tf.compat.v1.nn.softmax_cross_entropy_with_logits_v2: gradient with respect to the labels."""
    v2 = fw.tf.compat.v1.nn.softmax_cross_entropy_with_logits_v2
    return {"tf": label_gradient(fw, lambda t: v2(labels=t, logits=Z))}


@row("tf1", lambda: {r"$-\log\operatorname{softmax}(z)$": -log_softmax(Z)})
def tf1_tf2_name_label_gradient(fw):
    """tf.nn.softmax_cross_entropy_with_logits of TF 2.21 (not compat.v1): the same gradient, so it is TF 1's _v2."""
    return {"tf": label_gradient(fw, lambda t: fw.tf.nn.softmax_cross_entropy_with_logits(labels=t, logits=Z))}


@row("tf1")
def tf1_weighted_targets(fw):
    """weighted_cross_entropy_with_logits: TF 1 named the labels `targets`; TF 2.21's compat.v1 still accepts it."""
    v1 = fw.tf.compat.v1.nn.weighted_cross_entropy_with_logits
    want = PW * Y * softplus(-Z) + (1 - Y) * softplus(Z)
    return {"tf": lambda: named("targets=", v1(targets=Y, logits=Z, pos_weight=PW), want)}


WEIGHTS_0 = np.array([0.0, 2.0, 0.5], dtype=np.float32)  # for Z3; one weight is 0
T3 = one_hot([0, 1, 2], 3).astype(np.float32)


def tf1_reduction_candidates():
    """The weighted means, and TF 1's sum over the number of non-zero weights."""
    losses = ce_logits(Z3, T3)
    nonzero = {r"$\sum_i w_i \ell_i / \#\{i : w_i \ne 0\}$": (WEIGHTS_0 * losses).sum() / np.count_nonzero(WEIGHTS_0)}
    return weighted_mean_candidates(losses, WEIGHTS_0) | nonzero


@row("tf1")
def tf1_losses_reduction(fw):
    """tf.compat.v1.losses.softmax_cross_entropy with weights (0, 2, 0.5): default reduction, what it divides by."""
    loss = fw.tf.compat.v1.losses.softmax_cross_entropy
    result = lambda: judge(loss(T3, Z3, weights=WEIGHTS_0), tf1_reduction_candidates())
    return {"tf": lambda: Verdict(f"{default(loss, 'reduction')}: {result()}")}


@row("tf1", lambda: {k: v.mean() for k, v in smoothing_candidates(Z, T).items()})
def tf1_losses_smoothing(fw):
    """tf.compat.v1.losses.softmax_cross_entropy(label_smoothing=0.2) on one-hot targets, K = 3 (mean over N)."""
    loss = fw.tf.compat.v1.losses.softmax_cross_entropy
    return {"tf": lambda: loss(T, Z, label_smoothing=ALPHA)}


@row("tf1", lambda: {k: v.mean() for k, v in binary_smoothing_candidates().items()})
def tf1_sigmoid_smoothing(fw):
    """tf.compat.v1.losses.sigmoid_cross_entropy(label_smoothing=0.2) on labels of shape (N, 1) (mean over N)."""
    loss = fw.tf.compat.v1.losses.sigmoid_cross_entropy
    return {"tf": lambda: loss(Y1, ZS, label_smoothing=ALPHA)}


def cells_file() -> Path:
    """docs_src/frameworks/cells.json, beside this file."""
    return Path(__file__).with_name("cells.json")


def main(argv: list[str]) -> int:
    """Print the cells that differ from cells.json; with --write, write them."""
    cells = run_all()
    path = cells_file()
    old = json.loads(path.read_text(encoding="utf-8"))["cells"] if path.exists() else {}
    changed = [
        f"{anchor} [{lib}]: {old.get(anchor, {}).get(lib)!r} -> {cell!r}"
        for anchor, row_cells in cells.items()
        for lib, cell in row_cells.items()
        if old.get(anchor, {}).get(lib) != cell
    ]
    print("\n".join(changed) or "cells.json is up to date")
    if "--write" in argv:
        families = {family: {"columns": list(columns(family)), "rows": [a for a, r in ROWS.items() if r.family == family]}
                    for family in FAMILIES}
        document = {"versions": versions(), "families": families, "cells": cells}
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


def versions() -> dict:
    from importlib.metadata import version

    return {name: version(name) for name in ("torch", "tensorflow-cpu", "keras", "jax", "jaxlib", "optax")}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
