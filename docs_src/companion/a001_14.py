# The lost figure: softmax applied again and again to [1, 2, 3] and to [1.1, 1.2, 1.3].
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import softmax

for start in ([1.0, 2.0, 3.0], [1.1, 1.2, 1.3]):
    z = np.array(start)
    print(f"start {start}")
    for n in range(1, 11):
        z = softmax(z)
        if n in (1, 2, 3, 5, 10):
            print(f"  after {n:2} softmax: {np.round(z, 4)}")
    print(f"  stable at 0.33 each after 10: {verdict('0.33', z.max())} (max), {verdict('0.33', z.min())} (min)")
