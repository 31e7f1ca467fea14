# Self-information belongs to the outcome that occurs: I(x) = -log p(x), for either class, not only the positive.
from docs_src.companion.matching import verdict
from snippets.information import self_information

f = 0.8  # the predicted probability of the positive class; the example is negative
negative = float(self_information(1 - f))
print(f"I(negative) = -ln(1 - f) = {negative:.4f} nats; -ln f = {float(self_information(f)):.4f} nats "
      f"→ {verdict(f'{negative:.4f}', float(self_information(f)))}")
