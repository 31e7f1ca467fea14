# "Smaller KL, closer distributions" depends on the direction: KL(p || q) and KL(q || p) rank two models oppositely.
import numpy as np

from snippets.information import kl_divergence

p = np.array([0.5, 0.4, 0.1])  # the data
models = {"q1": np.array([0.3, 0.3, 0.4]), "q2": np.array([0.8, 0.1, 0.1])}
forward = {name: float(kl_divergence(p, q)) for name, q in models.items()}
backward = {name: float(kl_divergence(q, p)) for name, q in models.items()}
for name in models:
    print(f"{name}: KL(p || {name}) = {forward[name]:.4f}, KL({name} || p) = {backward[name]:.4f} nats")
closer = min(forward, key=forward.get), min(backward, key=backward.get)
print(f"closer by KL(p || q): {closer[0]}; by KL(q || p): {closer[1]}")
print(f"one answer to 'which is closer': {'match' if closer[0] == closer[1] else 'no match'}")
