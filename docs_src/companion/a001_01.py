# The sum's upper limit ‖y‖: the norm of a one-hot label is 1, its length is the number of classes.
import numpy as np

from docs_src.companion.matching import verdict

y = np.array([0, 1, 0])
print(f"‖y‖₂ = {np.linalg.norm(y):.0f}, ‖y‖₁ = {np.abs(y).sum()}, number of classes len(y) = {len(y)}")
print(f"upper limit read as the norm gives the number of classes: {verdict(str(len(y)), np.linalg.norm(y))}")
