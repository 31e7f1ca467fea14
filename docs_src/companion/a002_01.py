# The opening formula as printed, -[y log y + (1 - y) log(1 - y)], against -[y log ŷ + (1 - y) log(1 - ŷ)].
from snippets.information import binary_entropy, cross_entropy

from docs_src.companion.matching import verdict

for y, y_hat in [(1.0, 0.8), (0.0, 0.8)]:
    printed_formula = float(binary_entropy(y))  # -[y log y + (1-y) log(1-y)], 0 log 0 = 0: no prediction in it
    bce = float(cross_entropy([y, 1 - y], [y_hat, 1 - y_hat]))
    print(f"y = {y:.0f}, ŷ = {y_hat}: formula as printed {printed_formula:.4f} nats, "
          f"-[y log ŷ + (1-y) log(1-ŷ)] {bce:.4f} nats → {verdict(f'{bce:.4f}', printed_formula)}")
