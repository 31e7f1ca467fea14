# from_logits does not look at the length of the output: the loss class decides (Keras 3.15.1).
import warnings

import keras
import numpy as np

from docs_src.companion.matching import verdict

z = 0.3  # one logit for the positive class; the label is positive
binary = float(keras.losses.BinaryCrossentropy(from_logits=True)(np.array([[1.0]]), np.array([[z]])))
for logits in ([[z]], [[z, 0.0]]):
    labels = np.array([[1.0] + [0.0] * (len(logits[0]) - 1)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Keras 3.15.1 warns about a single class; it computes all the same
        categorical = float(keras.losses.CategoricalCrossentropy(from_logits=True)(labels, np.array(logits)))
    print(f"CategoricalCrossentropy(from_logits=True), logits {logits}: {categorical:.4f}; "
          f"BinaryCrossentropy(from_logits=True), logit {z}: {binary:.4f} → {verdict(f'{binary:.4f}', categorical)}")
