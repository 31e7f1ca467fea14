"""Time the numpy losses of snippets against PyTorch on one core, and measure their peak extra memory.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/bench_losses.py [--rounds 11]

Cases: ``softmax_cross_entropy_with_integer_labels`` against ``torch.nn.functional.cross_entropy`` and
``sigmoid_binary_cross_entropy`` against ``binary_cross_entropy_with_logits`` (both ``reduction="none"``), float32,
``torch.set_num_threads(1)`` and numpy's BLAS limited to one thread. Each round times every implementation once
per case, in alternating order, and the table reports medians over the rounds, so that a burst of load on the
machine hits both sides alike. The floor
is one read of the input (``x.max()``): no loss can be faster than that. Peak extra memory is what numpy
allocates during one call (tracemalloc), in units of the input's size.

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, if set, make OpenBLAS pick slower kernels; unset them for this command
only, as above. The BLAS kernel in use is printed first.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import torch
from threadpoolctl import threadpool_info, threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from snippets.binary import sigmoid_binary_cross_entropy  # noqa: E402
from snippets.categorical import softmax_cross_entropy_with_integer_labels  # noqa: E402

CATEGORICAL_SHAPES = [(256, 10), (8192, 1000), (65536, 100), (1024, 32000)]
BINARY_SHAPES = [(1_000_000,), (8192, 1000)]
TARGET_SECONDS = 0.005  # repeat a call within one timing until it takes about this long (small inputs)


def make_case(name: str, ours, theirs, logits: np.ndarray, labels: np.ndarray) -> dict:
    """One row of the table: ``ours(logits, labels)`` against ``theirs(...tensors, reduction="none")``."""
    logits_t, labels_t = torch.from_numpy(logits), torch.from_numpy(labels)
    return {
        "name": name,
        "shape": logits.shape,
        "input": logits,
        "numpy": lambda: ours(logits, labels),
        "torch": lambda: theirs(logits_t, labels_t, reduction="none"),
    }


def cases(rng) -> list[dict]:
    def logits(shape):
        return rng.standard_normal(shape, dtype=np.float32) * 3

    functional = torch.nn.functional
    categorical = [
        make_case("softmax CE, integer labels", softmax_cross_entropy_with_integer_labels, functional.cross_entropy,
                  logits(shape), rng.integers(0, shape[1], shape[0]))
        for shape in CATEGORICAL_SHAPES
    ]
    binary = [
        make_case("sigmoid BCE", sigmoid_binary_cross_entropy, functional.binary_cross_entropy_with_logits,
                  logits(shape), (rng.random(shape) < 0.5).astype(np.float32))
        for shape in BINARY_SHAPES
    ]
    return categorical + binary


def repetitions(call) -> int:
    """How many calls make one timing last about TARGET_SECONDS (at least one)."""
    start = time.perf_counter()
    call()
    return max(1, math.ceil(TARGET_SECONDS / max(time.perf_counter() - start, 1e-7)))


def seconds_per_call(call, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        call()
    return (time.perf_counter() - start) / number


def peak_extra_memory(call, input_bytes: int) -> float:
    """numpy's peak allocation during one call, in units of the input's size."""
    gc.collect()
    tracemalloc.start()
    call()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / input_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11, help="interleaved rounds; medians are reported")
    rounds = parser.parse_args().rounds

    torch.set_num_threads(1)
    threadpool_limits(1)  # numpy's BLAS on one core too: the row sums are BLAS matrix-vector products
    print(f"numpy {np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} thread)")
    for pool in threadpool_info():
        print(f"  {pool['internal_api']}: {pool.get('architecture')} kernel, {pool['num_threads']} threads"
              f" ({pool.get('version')})")
    for variable in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if variable in os.environ:
            print(f"  warning: {variable}={os.environ[variable]} is set and may slow numpy; see the docstring")

    table = cases(np.random.default_rng(0))
    for case in table:
        ours, theirs = case["numpy"](), case["torch"]().numpy()
        case["max_difference"] = float(np.max(np.abs(ours.astype(np.float64) - theirs)))
        case["memory"] = peak_extra_memory(case["numpy"], case["input"].nbytes)
        case["floor"] = case["input"].max
        case["number"] = {side: repetitions(case[side]) for side in ("numpy", "torch", "floor")}
        case["times"] = {side: [] for side in ("numpy", "torch", "floor")}

    gc.disable()
    for round_index in range(rounds):
        order = ("numpy", "torch", "floor") if round_index % 2 == 0 else ("torch", "numpy", "floor")
        for case in table:
            for side in order:
                case["times"][side].append(seconds_per_call(case[side], case["number"][side]))
    gc.enable()

    header = f"{'loss':<27} {'shape':>14} {'numpy ms':>9} {'torch ms':>9} {'floor ms':>9} {'ratio':>6}" \
             f" {'extra mem':>10} {'max |diff|':>10}"
    print(f"\nmedians of {rounds} interleaved rounds; ratio = numpy / torch; extra mem in units of the input\n")
    print(header)
    print("-" * len(header))
    ratios = {}
    for case in table:
        ms = {side: 1e3 * statistics.median(times) for side, times in case["times"].items()}
        ratio = ms["numpy"] / ms["torch"]
        ratios.setdefault(case["name"], []).append(ratio)
        print(f"{case['name']:<27} {str(case['shape']):>14} {ms['numpy']:9.3f} {ms['torch']:9.3f} {ms['floor']:9.3f}"
              f" {ratio:6.2f} {case['memory']:9.3f}x {case['max_difference']:10.1e}")
    print()
    for name, values in ratios.items():
        print(f"geometric mean of the ratios, {name}: {math.exp(statistics.fmean(map(math.log, values))):.2f}")
    every = [r for values in ratios.values() for r in values]
    print(f"geometric mean of the ratios, all cases: {math.exp(statistics.fmean(map(math.log, every))):.2f}")


if __name__ == "__main__":
    main()
