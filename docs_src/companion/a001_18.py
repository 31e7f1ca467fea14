# SparseCategoricalCrossentropy takes logits too, with from_logits=True (Keras 3.15.1).
import keras
import numpy as np

from docs_src.companion.matching import verdict

labels, logits = np.array([1, 2]), np.array([[0.5, 2.0, -1.0], [0.1, 0.3, 1.2]])
from_logits = float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(labels, logits))
from_probabilities = float(keras.losses.SparseCategoricalCrossentropy()(labels, keras.ops.softmax(logits)))
print(f"integer labels with logits: {from_logits:.4f} nats, with softmax probabilities: {from_probabilities:.4f} nats "
      f"→ {verdict(f'{from_probabilities:.4f}', from_logits)}")
