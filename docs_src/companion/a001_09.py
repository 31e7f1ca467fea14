# binary_crossentropy(y_true, y_pred) per example: Keras 3.15.1, and Keras 2's formula.
import keras
import numpy as np

from docs_src.companion.matching import verdict

y, p = np.array([[0, 1], [0, 1]], np.float32), np.array([[0.05, 0.95], [0.8, 0.2]], np.float32)
eps = np.float32(1e-7)
clipped = np.clip(p, eps, 1 - eps)  # tf-keras 2.x (backend.py): clip, then add ε inside both logarithms
keras2 = -(y * np.log(clipped + eps) + (1 - y) * np.log(1 - clipped + eps)).mean(axis=-1)
keras3 = keras.losses.binary_crossentropy(y, p).numpy()
for printed, k3, k2 in zip(["0.05129318", "1.6094375"], keras3, keras2):
    print(f"article {printed}  Keras 3.15.1 {k3:.8g} → {verdict(printed, k3)};  Keras 2 formula {k2:.8g} → {verdict(printed, k2)}")
