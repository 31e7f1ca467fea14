# CategoricalCrossentropy()([[0, 1]], [[5.0, 7.0]]): Keras divides y_pred by its sum first (Keras 3.15.1).
import keras
import numpy as np

from docs_src.companion.matching import verdict

keras_value = float(keras.losses.CategoricalCrossentropy()(np.array([[0.0, 1.0]]), np.array([[5.0, 7.0]])))
renormalised = -np.log(7 / 12)
print(f"article 0.5389965  Keras 3.15.1 {keras_value:.7f} → {verdict('0.5389965', keras_value)}")
print(f"article 0.5389965  -ln(7/12) = {renormalised:.7f} → {verdict('0.5389965', renormalised)}")
