# The article's logarithms are natural: its terms in nats, bits and hartleys.
import numpy as np

from docs_src.companion.matching import verdict

for unit, log in [("nats", np.log), ("bits", np.log2), ("hartleys", np.log10)]:
    terms = -log(0.95), -log(0.1)
    print(f"{unit + ':':9} -log 0.95 = {terms[0]:.4f} ({verdict('0.0513', terms[0])}), "
          f"-log 0.1 = {terms[1]:.4f} ({verdict('2.3026', terms[1])})")
