# H([0,1],[0.05,0.95]) + H([0,1],[0.8,0.2]): the sum of the two terms, and their mean.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import cross_entropy

terms = [float(cross_entropy([0, 1], [0.05, 0.95])), float(cross_entropy([0, 1], [0.8, 0.2]))]
print(f"terms {terms[0]:.4f} + {terms[1]:.4f} nats")
print(f"article 0.8304  sum  {sum(terms):.4f}  → {verdict('0.8304', sum(terms))}")
print(f"article 0.8304  mean {np.mean(terms):.4f}  → {verdict('0.8304', np.mean(terms))}")
