# "Cross-entropy is always -y log f(x)" with f = P(positive): a negative example then costs nothing.
import numpy as np

from docs_src.companion.matching import verdict

for y, f in [(1.0, 0.9), (0.0, 0.9)]:
    short = -y * np.log(f) + 0.0
    bce = -(y * np.log(f) + (1 - y) * np.log(1 - f))
    print(f"y = {y:.0f}, f = {f}: -y log f = {short:.4f}, cross-entropy {bce:.4f} nats → {verdict(f'{bce:.4f}', short)}")
