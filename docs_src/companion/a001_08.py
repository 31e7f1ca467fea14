# keras.losses.binary_crossentropy averages over the last axis; only the batch axis is left unreduced.
import keras
import numpy as np

y, p = np.array([[0.0, 1.0, 1.0]]), np.array([[0.05, 0.95, 0.6]])
returned = keras.losses.binary_crossentropy(y, p).numpy()
per_entry = -(y * np.log(p) + (1 - y) * np.log(1 - p))
print(f"per-entry BCE {np.round(per_entry, 4)}, their mean {per_entry.mean():.4f} nats")
print(f"binary_crossentropy returns {np.round(returned, 4)} (shape {returned.shape})")
print(f"returns the entries unaveraged: {'match' if returned.shape == per_entry.shape else 'no match'}")
