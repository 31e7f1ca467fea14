# BinaryCrossentropy()([[0, 1], [0, 1]], [[0.05, 0.95], [0.8, 0.2]]): Keras 3.15.1, and Keras 2's formula.
import keras
import numpy as np

from docs_src.companion.matching import verdict

y, p = np.array([[0, 1], [0, 1]], np.float32), np.array([[0.05, 0.95], [0.8, 0.2]], np.float32)
eps = np.float32(1e-7)
clipped = np.clip(p, eps, 1 - eps)  # tf-keras 2.x (backend.py): clip, then add ε inside both logarithms
keras2 = -(y * np.log(clipped + eps) + (1 - y) * np.log(1 - clipped + eps)).mean(axis=-1).mean()
keras3 = float(keras.losses.BinaryCrossentropy()(y, p))
print(f"article 0.8303653  Keras 3.15.1 {keras3:.7f} → {verdict('0.8303653', keras3)}")
print(f"article 0.8303653  Keras 2 formula (float32) {keras2:.7f} → {verdict('0.8303653', keras2)}")
