# The sigmoid g(s) = 1 / (1 + e^(-s)): the values behind the article's missing image, and the three properties it states.
from docs_src.companion.matching import verdict
from snippets.activations import sigmoid

for s in [-10, -4, -2, 0, 2, 4, 10]:
    print(f"s = {s:3d}  g(s) = {float(sigmoid(s)):.4f}")
print(f"g(0) = 0.5: {verdict('0.5', float(sigmoid(0.0)))};  g(10) ≈ 1: {verdict('1.000', float(sigmoid(10.0)))};  "
      f"g(-10) ≈ 0: {verdict('0.000', float(sigmoid(-10.0)))}")
