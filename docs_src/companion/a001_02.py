# Summing to 1 does not make a distribution; Keras accepts such a y_pred without a word (Keras 3.15.1).
import keras
import numpy as np

y_pred = np.array([[1.5, -0.5]])
loss = float(keras.losses.CategoricalCrossentropy()(np.array([[0.0, 1.0]]), y_pred))
print(f"sum(y_pred) = {y_pred.sum():.1f}, min(y_pred) = {y_pred.min():.1f}: a distribution? {'match' if (y_pred >= 0).all() else 'no match'}")
print(f"Keras 3.15.1 CategoricalCrossentropy: {loss:.4f} nats (= -ln 1e-7: the negative entry clipped to ε), no error")
