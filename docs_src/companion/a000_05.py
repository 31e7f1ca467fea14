# Entropy grows as a variable becomes less certain: it measures uncertainty.
from snippets.information import entropy

certain, fair = float(entropy([1.0, 0.0])), float(entropy([0.5, 0.5]))
print(f"H(certain) = {certain:.4f} nats, H(fair coin) = {fair:.4f} nats")
print(f"larger for the more certain variable? {'match' if certain > fair else 'no match'}")
