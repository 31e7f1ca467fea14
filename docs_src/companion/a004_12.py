# The binary case: KL = -H_b(y) + BCE, so the entropy part vanishes for y in {0, 1} but not for a smoothed y (nats).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import binary_entropy, kl_divergence

y_hat = 0.8
for y in (1.0, 0.95):
    bce = float(-(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))
    kl = float(kl_divergence([y, 1 - y], [y_hat, 1 - y_hat]))
    print(f"y = {y}: BCE = {bce:.4f}, KL = {kl:.4f}, H_b(y) = {float(binary_entropy(y)):.4f} nats; "
          f"KL = BCE: {verdict(f'{kl:.4f}', bce)}; KL = BCE - H_b(y): {verdict(f'{kl:.4f}', bce - binary_entropy(y))}")
