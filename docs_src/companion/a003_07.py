# "α = the inverse class frequency", with the paper's imbalance of 1:1000 (Lin et al. 2017, section 3):
# taken literally α leaves [0, 1]; normalised, α = 1000/1001 balances the two classes' total weight.
import numpy as np

from snippets.binary import balanced_binary_cross_entropy

positives, negatives = 1, 1000
f1, f0 = positives / (positives + negatives), negatives / (positives + negatives)
for name, alpha in [("literal α = 1/f1", 1 / f1), ("normalised α = (1/f1) / (1/f1 + 1/f0)", (1 / f1) / (1 / f1 + 1 / f0))]:
    negative_loss = (1 - alpha) * np.log(2)  # α_t = 1 − α times -log(1 − x), a negative predicted at x = 0.5
    print(f"{name}: α = {alpha:.4f}, 1 - α = {1 - alpha:.4f}")
    print(f"  α in [0, 1] → {'match' if 0 <= alpha <= 1 else 'no match'};"
          f" loss of a negative at x = 0.5: {negative_loss:.4f} (≥ 0 → {'match' if negative_loss >= 0 else 'no match'});"
          f" α·n1 = (1 - α)·n0 → {'match' if np.isclose(alpha * positives, (1 - alpha) * negatives) else 'no match'}")
try:
    balanced_binary_cross_entropy([0.0], [0.0], alpha=1 / f1)
except ValueError as error:
    print(f"snippets.binary.balanced_binary_cross_entropy(..., alpha=1001): ValueError: {error}")
