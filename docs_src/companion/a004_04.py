# The lost entropy formula H = -Σ p_i log p_i, checked as the expected self-information of a die (nats).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import entropy, self_information

for name, p in [("fair die", np.full(6, 1 / 6)), ("loaded die", np.array([0.5, 0.1, 0.1, 0.1, 0.1, 0.1]))]:
    expected_information = float(np.sum(p * self_information(p)))
    formula = float(-np.sum(p * np.log(p)))
    print(f"{name}: E[I] = {expected_information:.4f}, -Σ p log p = {formula:.4f} nats → {verdict(f'{expected_information:.4f}', formula)}")
print(f"snippets.information.entropy(fair die) = {float(entropy(np.full(6, 1 / 6))):.4f} nats = ln 6 = {np.log(6):.4f}")
