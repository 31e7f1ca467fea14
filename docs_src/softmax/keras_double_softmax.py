# Keras 3.15.1 (TensorFlow backend): a model ending in softmax, compiled with from_logits=True by mistake. The loss
# reads the logits stored on the softmax output, with a UserWarning, and evaluates the intended cross-entropy.
import warnings

import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(64, 4)).astype("float32")
y = np.eye(3, dtype="float32")[rng.integers(0, 3, size=64)]
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    evaluated = model.evaluate(x, y, verbose=0)
p = model.predict(x, verbose=0).astype("float64")
double = np.exp(p) / np.exp(p).sum(axis=1, keepdims=True)  # what a second softmax would give
print(f"Keras evaluate: {evaluated:.4f} nats; intended cross-entropy {np.mean(-np.sum(y * np.log(p), axis=1)):.4f}, "
      f"double softmax {np.mean(-np.sum(y * np.log(double), axis=1)):.4f} nats")
print(f"warned: {any('from_logits=True' in str(w.message) for w in caught)}")
