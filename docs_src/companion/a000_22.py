# Summed BCE on softmax outputs against categorical CE: different values, the same best prediction (the one-hot).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import softmax

y = np.array([0.0, 1.0, 0.0])
for logits in ([0.0, 1.0, 0.0], [0.0, 4.0, 0.0], [0.0, 12.0, 0.0]):
    q = softmax(np.array(logits))
    ce, bce = -np.log(q[1]), -np.sum(y * np.log(q) + (1 - y) * np.log(1 - q))
    print(f"q = {np.round(q, 4)}: CE {ce:.4f}, summed BCE {bce:.4f} nats → {verdict(f'{ce:.4f}', bce)}")
