# p(x0) = 1: the self-information of x0 is 0, and so is the entropy (the other outcomes are impossible).
from snippets.information import entropy, self_information

from docs_src.companion.matching import verdict

info, h = float(self_information(1.0)), float(entropy([1.0, 0.0]))
print(f"article 0  I(x0) = {info:.4f} nats → {verdict('0', info)};  H([1, 0]) = {h:.4f} nats → {verdict('0', h)}")
