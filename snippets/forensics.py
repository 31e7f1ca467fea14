r"""Forensics of a printed loss: which conventions turn these inputs into this number?

A loss printed in an article, a log or a notebook is one number, but the convention behind it is rarely stated:
the log base, a mean or a sum, binary or categorical cross-entropy, Keras's clip, float32 rounding.
[`explain`][snippets.forensics.explain] recomputes the loss of the given predictions and targets under every
combination of the conventions below and keeps those that reproduce the printed digits.

The search space, explicit and small ([`SEARCH_SPACE`][snippets.forensics.SEARCH_SPACE]; a call takes from 20 to
300 ms on one core):

- **input**: the predictions as given, or read the other way (probabilities fed to a loss that expects logits,
  so a softmax or sigmoid is applied once more; scores fed to a loss that expects probabilities);
- **family**: categorical cross-entropy $-\sum_c t_c \log q_c$ (the default); binary cross-entropy of every
  element; PyTorch's `nll_loss` given scores that are not log-probabilities, $-\sum_c t_c s_c$; the KL
  divergence $\sum_c t_c \log(t_c / q_c)$;
- **guard** (probabilities only): none; Keras's clip into $[\varepsilon, 1 - \varepsilon]$, $\varepsilon =
  10^{-7}$, after renormalising rows that do not sum to 1 (`categorical_crossentropy`) or alone
  (`binary_crossentropy`; `kl_divergence` clips into $[\varepsilon, 1]$); PyTorch's floor of each
  logarithm at −100 in `binary_cross_entropy` is reported wherever it changes a term;
- **label smoothing**: $(1 - \alpha)\,y + \alpha/K$ (PyTorch, Keras, optax), $(1 - \alpha)\,y + \alpha/2$ (Keras's
  binary form), $(1 - \alpha)\,y + \alpha\,(1 - y)/(K - 1)$ (a variant found in some code), for each α in
  [`ALPHAS`][snippets.forensics.ALPHAS];
- **reduction**: one example (the default; one element for binary cross-entropy), the sum, the mean over the
  batch (also `kl_div`'s `"batchmean"`), the mean over all elements (PyTorch's `BCELoss` and
  `kl_div(reduction="mean")`), the mean over an example's elements (Keras's `binary_crossentropy`), the batch
  mean of per-example sums of binary cross-entropies, and
  with `class_weights` PyTorch's weighted mean $\sum_n w_{y_n} \ell_n / \sum_n w_{y_n}$ and the weighted sum;
- **log base**: e (nats, the default), 2 (bits), 10 (hartleys);
- **precision**: float64 (the default) or float32, with the log-softmax computed as PyTorch and TensorFlow
  compute it, $z - m - \log \sum_c e^{z_c - m}$ ([`log_softmax`][snippets.activations.log_softmax] keeps more
  digits).

"Simplest" means the fewest non-default conventions, a label smoothing counting twice (its form and its α);
among equally simple explanations the one closer to the printed value comes first. An explanation whose
conventions include all of another matching explanation's is left out: its extra conventions change nothing
in the printed digits.
"""

from __future__ import annotations

import dataclasses
import decimal
import itertools
import re

import numpy as np

from snippets._checks import as_float_array, check_finite, check_integer_labels, check_probabilities
from snippets.activations import log_softmax
from snippets.binary import LOG_FLOOR, binary_cross_entropy, sigmoid_binary_cross_entropy
from snippets.categorical import softmax_cross_entropy
from snippets.divergence import kl_divergence
from snippets.information import cross_entropy
from snippets.mirrors import keras
from snippets.smoothing import smooth_binary_labels, smooth_labels

ALPHAS = (0.01, 0.05, 0.1, 0.2)
"""The label-smoothing weights α tried by default (override with `explain(..., alphas=...)`)."""

_KINDS = ("probabilities", "logits")
_BASES = {"e": ("in nats", None), "2": ("in bits (log base 2)", 2), "10": ("in hartleys (log base 10)", 10)}
_DTYPES = (np.float64, np.float32)
_FAMILIES = ("cross-entropy", "binary cross-entropy", "nll on scores", "kl divergence")
_GUARDS = ("none", "keras clip")
_SMOOTHINGS = {
    "categorical": "(1 − α)·y + α/K",
    "binary": "(1 − α)·y + α/2",
    "others": "(1 − α)·y + α·(1 − y)/(K − 1)",
}
SEARCH_SPACE = {
    "input": ("as given", "read the other way"),
    "family": _FAMILIES,
    "guard": _GUARDS,
    "label smoothing": ("none",) + tuple(_SMOOTHINGS.values()),
    "reduction": ("one example", "sum", "mean over the batch", "mean over all elements",
                  "mean over an example's elements", "batch mean of per-example sums", "weighted mean (PyTorch)",
                  "weighted sum"),
    "log base": tuple(_BASES),
    "precision": ("float64", "float32"),
}
"""Every dimension of the search and its values, the default first."""

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclasses.dataclass(frozen=True)
class Explanation:
    """One combination of conventions that reproduces a printed loss.

    Args:
        sentence: what was computed, in words, with the log base.
        code: Python that recomputes `value` from the variables `predictions` and `targets` (and
            `class_weights` for a weighted reduction): it leaves the result in `value`.
        value: the recomputed loss, unrounded.
        conventions: the non-default conventions, as `"dimension: value"` strings.

    Examples:
        >>> best = explain("4.5418e-05", [[10.0, 0.0, -10.0]], [0], kind="logits")[0]
        >>> best.conventions
        ('precision: float32',)
        >>> namespace = {"predictions": [[10.0, 0.0, -10.0]], "targets": [0]}
        >>> exec(best.code, namespace)
        >>> float(namespace["value"]) == best.value
        True
    """

    sentence: str
    code: str
    value: float
    conventions: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.sentence}: {self.value:.8g}"


def printed_interval(printed) -> tuple[float, float]:
    r"""The value a printed number stands for and the half-unit of its last digit.

    A number printed with its last digit in the place $10^{e}$ stands for any $x$ with
    $|x - \text{printed}| \le \tfrac12 \cdot 10^{e}$: "0.4690" for $[0.46895, 0.46905]$, "5.9557e-08" for
    $5.9557 \cdot 10^{-8} \pm 5 \cdot 10^{-13}$.

    Args:
        printed: the number as printed: a string (scientific notation accepted, trailing zeros count), a
            Python float (its shortest repr gives the digits) or a numpy float (its shortest repr in its own
            dtype, so `np.float32(1.1769392)` has 8 digits).

    Returns:
        (value, tolerance).

    Raises:
        ValueError: `printed` is not a finite number written with digits.

    Examples:
        >>> printed_interval("0.4690")
        (0.469, 5e-05)
        >>> printed_interval("4.5418e-05")
        (4.5418e-05, 5e-10)
    """
    if isinstance(printed, (bool, np.bool_)) or not isinstance(printed, (str, int, float, np.integer, np.floating)):
        raise ValueError(f"printed must be a number or the string of one, got {printed!r}")
    text = printed.strip() if isinstance(printed, str) else str(printed)
    if not _NUMBER.match(text):
        raise ValueError(f"printed must be a finite number written with digits (like '0.4690' or '5.9557e-08'), "
                         f"got {printed!r}")
    number = decimal.Decimal(text)
    return float(number), float(decimal.Decimal(5).scaleb(number.as_tuple().exponent - 1))


@dataclasses.dataclass(frozen=True)
class _Inputs:
    """The inputs as (N, K) arrays, and how the generated code rebuilds them from the caller's variables."""

    predictions: np.ndarray
    targets: np.ndarray
    kind: str
    class_weights: np.ndarray | None
    indices: bool  # targets were class indices
    num_classes: int

    def code(self, dtype) -> list[str]:
        name = f"np.{np.dtype(dtype).name}"
        k = self.num_classes
        lines = [f"p = np.asarray(predictions, dtype={name}).reshape(-1, {k})"]
        if self.indices:
            lines.append(f"t = np.eye({k}, dtype={name})[np.reshape(targets, -1)]  # class indices → one-hot")
        else:
            lines.append(f"t = np.asarray(targets, dtype={name}).reshape(-1, {k})")
        return lines


def _validated(predictions, targets, kind, class_weights) -> _Inputs:
    if not isinstance(kind, str) or kind not in _KINDS:
        raise ValueError(f"kind must be 'probabilities' or 'logits', got {kind!r}")
    p = as_float_array(predictions, "predictions").astype(np.float64)
    if p.ndim == 0 or p.size == 0:
        raise ValueError(f"predictions must have at least one dimension and one element (the classes last), "
                         f"got shape {p.shape}")
    check_finite(p, "predictions")
    if kind == "probabilities":
        check_probabilities(p, "predictions")
    k = p.shape[-1]
    raw = np.asarray(targets)
    indices = raw.shape == p.shape[:-1] and raw.dtype != bool and np.issubdtype(raw.dtype, np.integer)
    if indices:
        t = np.eye(k)[check_integer_labels(raw, k, "targets").reshape(-1)]
    else:
        t = as_float_array(raw, "targets").astype(np.float64)
        if t.shape != p.shape:
            raise ValueError(f"targets must be class indices of shape {p.shape[:-1]} or targets of the shape of "
                             f"predictions {p.shape}, got shape {t.shape}")
        check_probabilities(t, "targets")
    weights = None
    if class_weights is not None:
        weights = as_float_array(class_weights, "class_weights").astype(np.float64)
        if weights.shape != (k,) or not (np.isfinite(weights).all() and weights.min() >= 0):
            raise ValueError(f"class_weights must be {k} finite weights ≥ 0 (one per class), got {class_weights!r}")
    return _Inputs(p.reshape(-1, k), t.reshape(-1, k), kind, weights, indices, k)


@dataclasses.dataclass
class _Loss:
    """Per-example (N,) or, for binary cross-entropy, per-element (N, K) losses in nats, with words and code."""

    values: np.ndarray
    phrase: str
    code: list[str]
    imports: set
    conventions: list
    elementwise: bool


def _naive_log_softmax(z: np.ndarray) -> np.ndarray:
    """z − m − log Σ e^(z − m), the formula of PyTorch's and TensorFlow's CPU kernels (rounds log(1 + tiny))."""
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


_NAIVE_LOG_SOFTMAX = [
    "z = p - p.max(axis=-1, keepdims=True)",
    "log_q = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))  # as PyTorch and TensorFlow compute it",
]


def _family(family, source, guard, p, t, dtype) -> _Loss | None:
    """The losses of one family, with `p` read as `source`; None where the convention does not apply.

    The phrase names the predictions `{x}`; raises ValueError (from the snippets) for inputs it refuses.
    """
    naive = dtype == np.float32 and source == "logits"
    if family == "nll on scores":
        return None if guard != "none" else _Loss(-(t * p).sum(axis=-1), "nll_loss of {x} themselves (no log taken)",
                                                  ["loss = -(t * p).sum(axis=-1)"], set(), [], False)
    if source == "logits" and guard != "none":
        return None
    if family == "cross-entropy":
        if naive:
            return _Loss(-(t * _naive_log_softmax(p)).sum(axis=-1), "cross-entropy of the softmax of {x}",
                         _NAIVE_LOG_SOFTMAX + ["loss = -(t * log_q).sum(axis=-1)"], set(), [], False)
        if source == "logits":
            return _Loss(softmax_cross_entropy(p, t), "cross-entropy of the softmax of {x}",
                         ["loss = softmax_cross_entropy(p, t)"], {("snippets.categorical", "softmax_cross_entropy")},
                         [], False)
        if guard == "keras clip":
            return _Loss(keras.categorical_crossentropy(t, p), "cross-entropy of {x} renormalised to sum 1 and "
                         "clipped to [1e-7, 1 − 1e-7] (Keras's categorical_crossentropy)",
                         ["loss = keras.categorical_crossentropy(t, p)"], {("snippets.mirrors", "keras")}, [], False)
        return _Loss(cross_entropy(t, p), "cross-entropy of {x}", ["loss = cross_entropy(t, p)"],
                     {("snippets.information", "cross_entropy")}, [], False)
    if family == "binary cross-entropy":
        if source == "logits":
            return _Loss(sigmoid_binary_cross_entropy(p, t), "binary cross-entropy of the sigmoid of {x}",
                         ["loss = sigmoid_binary_cross_entropy(p, t)"],
                         {("snippets.binary", "sigmoid_binary_cross_entropy")}, [], True)
        check_probabilities(p, "p")
        if guard == "keras clip":
            return _Loss(binary_cross_entropy(np.clip(p, 1e-7, 1 - 1e-7), t),
                         "binary cross-entropy of {x} clipped to [1e-7, 1 − 1e-7] (Keras)",
                         ["loss = binary_cross_entropy(np.clip(p, 1e-7, 1 - 1e-7), t)"],
                         {("snippets.binary", "binary_cross_entropy")}, [], True)
        floored = ((p == 0) & (t > 0)) | ((p == 1) & (t < 1))
        return _Loss(binary_cross_entropy(p, t), "binary cross-entropy of {x}", ["loss = binary_cross_entropy(p, t)"],
                     {("snippets.binary", "binary_cross_entropy")},
                     [f"guard: PyTorch's log floor at {LOG_FLOOR:g}"] if floored.any() else [], True)
    if source == "logits":  # the KL divergence from here on
        code = _NAIVE_LOG_SOFTMAX if naive else ["log_q = log_softmax(p)"]
        imports = {("snippets.divergence", "kl_divergence")} | (set() if naive else {("snippets.activations",
                                                                                       "log_softmax")})
        log_q = _naive_log_softmax(p) if naive else log_softmax(p)
        return _Loss(kl_divergence(log_q, t), "KL divergence of the softmax of {x} from the targets",
                     code + ["loss = kl_divergence(log_q, t)"], imports, [], False)
    if guard == "keras clip":
        return _Loss(keras.kl_divergence(t, p), "KL divergence of {x} from the targets, both clipped to [1e-7, 1] "
                     "(Keras's kl_divergence)", ["loss = keras.kl_divergence(t, p)"], {("snippets.mirrors", "keras")},
                     [], False)
    return _Loss(kl_divergence(np.log(p), t), "KL divergence of {x} from the targets",
                 ["loss = kl_divergence(np.log(p), t)"], {("snippets.divergence", "kl_divergence")}, [], False)


def _smoothings(family: str, num_classes: int, alphas):
    """(convention or None, phrase, function, code template) for each label smoothing tried with `family`."""
    yield None, "", lambda t: t, None
    if family == "binary cross-entropy":
        forms = ["binary"]
    else:
        forms = ["categorical"] + (["others"] if num_classes > 1 else [])
    for form, alpha in itertools.product(forms, alphas):
        phrase = f", targets smoothed as {_SMOOTHINGS[form]} with α = {alpha:g}"
        convention = f"label smoothing: {_SMOOTHINGS[form]}, α = {alpha:g}"
        if form == "categorical":
            yield convention, phrase, lambda t, a=alpha: smooth_labels(t, a), f"t = smooth_labels(t, {alpha!r})"
        elif form == "binary":
            yield convention, phrase, lambda t, a=alpha: smooth_binary_labels(t, a), \
                f"t = smooth_binary_labels(t, {alpha!r})"
        else:
            k = num_classes - 1
            yield convention, phrase, lambda t, a=alpha: (1 - a) * t + a * (1 - t) / k, \
                f"t = (1 - {alpha!r}) * t + {alpha!r} * (1 - t) / {k}"


def _reductions(loss: _Loss, inputs: _Inputs, smoothed: bool, family: str):
    """(convention or None, phrase, values, code) for every reduction tried on `loss`.

    `values` holds one entry per example (or element) for the unreduced losses, else one entry. A reduction
    that equals another for these shapes (a sum over a batch of one) is not tried twice.
    """
    v = loss.values
    n, k = inputs.predictions.shape
    if loss.elementwise:
        yield None, "element [{i}, {j}]", v.reshape(-1), "value = loss[{i}, {j}]"
        if k > 1:
            yield "reduction: sum over an example's elements", "summed over the elements of example {i}", \
                v.sum(axis=-1), "value = loss.sum(axis=-1)[{i}]"
        if k > 1 and n > 1:
            yield "reduction: mean over an example's elements", "averaged over the elements of example {i} " \
                "(Keras's binary_crossentropy)", v.mean(axis=-1), "value = loss.mean(axis=-1)[{i}]"
        if n > 1:
            yield "reduction: sum", f"summed over all {v.size} elements", v.sum(keepdims=True).reshape(1), \
                "value = loss.sum()"
        if v.size > 1:
            yield "reduction: mean over all elements", f"averaged over all {v.size} elements (PyTorch's BCELoss, " \
                "Keras's BinaryCrossentropy)", v.mean(keepdims=True).reshape(1), "value = loss.mean()"
        if n > 1 and k > 1:
            yield "reduction: batch mean of per-example sums", f"summed per example and averaged over the {n} " \
                "examples", v.sum(axis=-1).mean(keepdims=True), "value = loss.sum(axis=-1).mean()"
        return
    yield None, "example {i}", v, "value = loss[{i}]"
    if n > 1:
        yield "reduction: sum", f"summed over the {n} examples", v.sum(keepdims=True), "value = loss.sum()"
        yield "reduction: mean over the batch", f"averaged over the {n} examples", v.mean(keepdims=True), \
            "value = loss.mean()"
    if family == "kl divergence" and k > 1:
        yield "reduction: mean over all elements", f"summed and divided by the {n * k} elements (PyTorch's " \
            "kl_div, reduction='mean')", v.sum(keepdims=True) / (n * k), "value = loss.sum() / p.size"
    if inputs.class_weights is not None and family in ("cross-entropy", "nll on scores") and not smoothed and n > 1:
        w = (inputs.targets @ inputs.class_weights).astype(v.dtype)
        weights = "w = t @ np.asarray(class_weights, dtype=t.dtype)  # the weight of each example's class\n"
        yield "reduction: weighted mean (PyTorch)", "weighted by class and divided by the total weight " \
            "(PyTorch's cross_entropy and nll_loss with weight=)", ((w * v).sum() / w.sum()).reshape(1), \
            weights + "value = (w * loss).sum() / w.sum()"
        yield "reduction: weighted sum", "weighted by class and summed", (w * v).sum(keepdims=True), \
            weights + "value = (w * loss).sum()"


def _code(inputs: _Inputs, dtype, lines: list[str], imports: set) -> str:
    header = ["import numpy as np"] + [f"from {module} import {name}" for module, name in sorted(imports)]
    return "\n".join(header + [""] + inputs.code(dtype) + lines)


@dataclasses.dataclass(frozen=True)
class _Match:
    """A combination of conventions whose loss reproduces the printed value, before it is put into words."""

    cost: int
    distance: float  # |x − v| / tolerance, ≤ 1
    order: int
    conventions: tuple[str, ...]
    value: float
    sentence: str
    code: str

    def explanation(self) -> Explanation:
        return Explanation(self.sentence, self.code, self.value, self.conventions)


def _matches(printed, inputs: _Inputs, alphas) -> list[_Match]:
    """Every combination in the search space that reproduces `printed`, unsorted and unfiltered."""
    with np.errstate(all="ignore"):  # log 0 and 0·inf: such a loss is inf or nan and matches nothing
        return list(_search(*printed_interval(printed), inputs, alphas))


def _search(target: float, tolerance: float, inputs: _Inputs, alphas):
    limit = tolerance * (1 + 1e-9) + 1e-300
    order = 0
    for dtype, family, guard in itertools.product(_DTYPES, _FAMILIES, _GUARDS):
        dtype_name = np.dtype(dtype).name
        bases = [(base, unit, number, np.log(dtype(number or np.e))) for base, (unit, number) in _BASES.items()]
        divisors = np.array([divisor for *_, divisor in bases], dtype)[:, None]
        p = inputs.predictions.astype(dtype)
        readings = [(inputs.kind, f"the {inputs.kind}")]
        if family != "nll on scores" and (inputs.kind == "probabilities" or p.min() >= 0):
            readings.append(("logits", "the probabilities taken as logits") if inputs.kind == "probabilities"
                            else ("probabilities", "the scores taken as probabilities"))
        for (source, name), (smoothing, smoothing_phrase, smooth, smoothing_code) in itertools.product(
                readings, list(_smoothings(family, inputs.num_classes, alphas))):
            try:
                loss = _family(family, source, guard, p, smooth(inputs.targets.astype(dtype)), dtype)
            except ValueError:  # the snippets refuse these inputs under this convention
                continue
            if loss is None:
                continue
            conventions = list(loss.conventions)
            conventions += [f"input: {name}"] if source != inputs.kind else []
            conventions += [f"family: {family}"] if family != "cross-entropy" else []
            conventions += [f"guard: {guard}"] if guard != "none" else []
            conventions += [smoothing] if smoothing else []
            conventions += ["precision: float32"] if dtype == np.float32 else []
            for reduction, reduction_phrase, values, reduction_code in _reductions(loss, inputs, bool(smoothing),
                                                                                   family):
                # One row per base: base e keeps the values, 2 and 10 divide by ln 2 and ln 10 in the same dtype.
                divided = np.vstack([values, values / divisors[1:]])
                distance = np.abs(divided.astype(np.float64) - target)
                order += len(bases)
                if not (distance <= limit).any():
                    continue
                for row, (base, unit, number, _) in enumerate(bases):
                    hits = np.flatnonzero(distance[row] <= limit)
                    if not hits.size:
                        continue
                    index = int(hits[np.argmin(distance[row, hits])])
                    i, j = divmod(index, inputs.num_classes) if values.size == p.size else (index, 0)
                    names = tuple(conventions + ([reduction] if reduction else []) +
                                  ([f"log base: {base}"] if number else []))
                    last = reduction_code + ("" if number is None else f" / np.log(np.{dtype_name}({number}))")
                    sentence = (f"{loss.phrase.format(x=name)}{smoothing_phrase}, {reduction_phrase}, {unit}, "
                                f"computed in {dtype_name}").format(i=i, j=j)
                    code = _code(inputs, dtype, ([smoothing_code] if smoothing else []) + loss.code +
                                 last.format(i=i, j=j).split("\n"), loss.imports)
                    yield _Match(len(names) + bool(smoothing), float(distance[row, index] / tolerance),
                                 order + row, names, float(divided[row, index]), sentence, code)


def _simplest(matches: list[_Match]) -> list[Explanation]:
    """Simplest first; without a match whose conventions include all those of another match."""
    matches = sorted(matches, key=lambda m: (m.cost, m.distance, m.order))
    sets = [set(m.conventions) for m in matches]
    return [m.explanation() for m, s in zip(matches, sets) if not any(other < s for other in sets)]


def _checked_alphas(alphas) -> tuple:
    alphas = tuple(alphas)
    for alpha in alphas:
        if isinstance(alpha, (bool, np.bool_)) or not isinstance(alpha, (int, float, np.number)) or not 0 < alpha <= 1:
            raise ValueError(f"alphas must be numbers in (0, 1], got {alpha!r}")
    return alphas


def explain(printed, predictions, targets, *, kind: str = "probabilities", class_weights=None,
            alphas=ALPHAS) -> list[Explanation]:
    r"""Every convention, alone or combined, that turns `predictions` and `targets` into the printed loss.

    Each combination of the conventions in [`SEARCH_SPACE`][snippets.forensics.SEARCH_SPACE] computes a loss $x$;
    it explains the printed value $v$ with tolerance $\delta$ (half a unit of its last digit,
    [`printed_interval`][snippets.forensics.printed_interval]) when $|x - v| \le \delta$. For example binary
    cross-entropy summed over an example, in base 10,

    $$x = -\sum_{c} \big[t_c \log_{10} q_c + (1 - t_c) \log_{10}(1 - q_c)\big],$$

    or the categorical cross-entropy averaged over a batch of $N$ examples, in nats,
    $x = -\frac1N \sum_n \sum_c t_{n,c} \ln q_{n,c}$.

    Args:
        printed: the loss as printed (see [`printed_interval`][snippets.forensics.printed_interval]):
            `"0.4690"`, `"5.9557e-08"`, 0.55.
        predictions: probabilities or logits, the classes (or the elements of a binary problem) along the last
            axis; a 1-D array is one example; N single-output binary predictions have shape (N, 1).
        targets: class indices (integers, the shape of `predictions` without its last axis) or targets in
            [0, 1] of the shape of `predictions` (one-hot, soft or binary labels).
        kind: `"probabilities"` or `"logits"`: what `predictions` hold.
        class_weights: optional weights of the K classes, to try PyTorch's weighted mean.
        alphas: the label-smoothing weights α to try.

    Returns:
        The explanations, simplest first (fewest non-default conventions, then closest to the printed value);
        empty when nothing in the search space reproduces the printed digits
        ([`report`][snippets.forensics.report] says so in words).

    Raises:
        ValueError: `printed` is not a number; `kind` is unknown; `predictions` or `targets` are
            empty, contain NaN or ±inf, lie outside [0, 1] where probabilities are required, or have shapes
            that do not fit; `class_weights` are not K weights ≥ 0; an α is outside (0, 1].
        IndexError: a class index is out of range.

    References:
        The losses of PyTorch 2.13 (`torch.nn.functional`) and Keras 3.15 (`keras.losses`), which
        [`snippets.mirrors`][snippets.mirrors] computes.

    Examples:
        >>> [e.conventions for e in explain("1.177", [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]], [1, 2])]
        [('reduction: mean over the batch',)]
        >>> print(explain("0.4690", [0.1], [0.1])[0].sentence)
        binary cross-entropy of the probabilities, element [0, 0], in bits (log base 2), computed in float64
    """
    printed_interval(printed)
    return _simplest(_matches(printed, _validated(predictions, targets, kind, class_weights), _checked_alphas(alphas)))


def explain_together(cases, *, kind: str = "probabilities", class_weights=None, alphas=ALPHAS) -> list[Explanation]:
    r"""The conventions that explain several printed losses at once (one article, one convention).

    A number printed with two digits has a tolerance of $\pm 0.005$, and several conventions may land in it;
    each further number produced by the same convention rules out those that do not reproduce it too.

    Args:
        cases: a sequence of `(printed, predictions, targets)`, each as in [`explain`][snippets.forensics.explain].
        kind: as in [`explain`][snippets.forensics.explain], the same for every case.
        class_weights: as in `explain`, the same for every case.
        alphas: as in `explain`, the same for every case.

    Returns:
        The explanations of the first case whose conventions reproduce every case, simplest first (the
        distance is the largest over the cases); empty when no convention explains them all.

    Raises:
        ValueError: `cases` is empty or not a sequence of triples; any argument that
            [`explain`][snippets.forensics.explain] refuses.

    Examples:
        >>> together = explain_together([("0.55", [0.5, 0.2, 0.3], [1, 0, 0]), ("0.19", [0.8, 0.1, 0.1], [1, 0, 0])])
        >>> together[0].conventions
        ('family: binary cross-entropy', "reduction: sum over an example's elements", 'log base: 10')
    """
    cases = list(cases) if isinstance(cases, (list, tuple)) else None
    if not cases or any(not isinstance(case, (list, tuple)) or len(case) != 3 for case in cases):
        raise ValueError("cases must be a non-empty sequence of (printed, predictions, targets) triples")
    alphas = _checked_alphas(alphas)
    best = []
    for printed, predictions, targets in cases:
        printed_interval(printed)
        inputs = _validated(predictions, targets, kind, class_weights)
        by_conventions = {}
        for match in sorted(_matches(printed, inputs, alphas), key=lambda m: (m.distance, m.order)):
            by_conventions.setdefault(match.conventions, match)
        best.append(by_conventions)
    common = [dataclasses.replace(match, distance=max(b[names].distance for b in best))
              for names, match in best[0].items() if all(names in b for b in best[1:])]
    return _simplest(common)


def report(printed, predictions, targets, *, kind: str = "probabilities", class_weights=None, alphas=ALPHAS,
           limit: int = 5) -> str:
    """The explanations of [`explain`][snippets.forensics.explain] in words, or a plain "nothing explains it".

    Args:
        printed: as in [`explain`][snippets.forensics.explain].
        predictions: as in `explain`.
        targets: as in `explain`.
        kind: as in `explain`.
        class_weights: as in `explain`.
        alphas: as in `explain`.
        limit: the most explanations listed (the count of the others is given).

    Returns:
        Text, one explanation a line, simplest first, each with its non-default conventions.

    Examples:
        >>> print(report("1.2345", [0.5, 0.5], [1, 0]))
        Nothing in the search space gives 1.2345 (± 5e-05) for these inputs.
    """
    value, tolerance = printed_interval(printed)
    explanations = explain(printed, predictions, targets, kind=kind, class_weights=class_weights, alphas=alphas)
    if not explanations:
        return f"Nothing in the search space gives {printed} (± {tolerance:g}) for these inputs."
    lines = []
    for rank, explanation in enumerate(explanations[:limit], 1):
        conventions = "; ".join(explanation.conventions) or "no convention beyond the defaults"
        lines.append(f"{rank}. {explanation}\n   [{conventions}]")
    if len(explanations) > limit:
        lines.append(f"... and {len(explanations) - limit} more")
    return "\n".join(lines)
