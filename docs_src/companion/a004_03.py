# The missing figure of 2.1, drawn in entropy-plots.ipynb: the self-information -log(x) of a probability x in (0, 1],
# natural log (nats).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import self_information

x = np.array([1e-3, 0.01, 0.1, 0.5, 0.9, 1.0])
for p, info in zip(x, self_information(x)):
    print(f"x = {p:<5}  -ln x = {info:.4f} nats")
decreasing = bool(np.all(np.diff(self_information(x)) < 0))
print(f"-ln 1 = 0: {verdict('0', self_information(1.0))}; decreasing in x: {'match' if decreasing else 'no match'}")

