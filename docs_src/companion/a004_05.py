# A single coin toss is a 0-1 (Bernoulli) distribution; a binomial distribution of n > 1 tosses has another entropy.
import numpy as np
from scipy.stats import binom

from docs_src.companion.matching import verdict
from snippets.information import binary_entropy, entropy

p = 0.5
coin = float(binary_entropy(p))
print(f"binary entropy H_b({p}) = {coin:.4f} nats")
for n in (1, 2, 10):
    h = float(entropy(binom.pmf(np.arange(n + 1), n, p)))
    print(f"entropy of Binomial({n}, {p}) = {h:.4f} nats → {verdict(f'{coin:.4f}', h)}")
