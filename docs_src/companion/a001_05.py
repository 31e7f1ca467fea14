# Keras's BinaryCrossentropy reads each entry as its own yes/no question and averages them (Keras 3.15.1).
import keras
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import cross_entropy

y = np.array([[0.0, 1.0]])
for q in ([0.05, 0.95], [0.3, 0.9]):  # a distribution, then a vector that does not sum to 1
    keras_bce = float(keras.losses.BinaryCrossentropy()(y, np.array([q])))
    two_class = float(cross_entropy([0, 1], [1 - q[1], q[1]]))  # the two-class cross-entropy of the second entry
    print(f"y_pred = {q}: BinaryCrossentropy {keras_bce:.4f}, two-class CE {two_class:.4f} nats  "
          f"→ {verdict(f'{two_class:.4f}', keras_bce)}")
