# from_logits=True in CategoricalCrossentropy is a softmax, never a sigmoid (Keras 3.15.1).
import warnings

import keras
import numpy as np

from docs_src.companion.matching import verdict

y, logit = np.array([[1.0]]), np.array([[0.3]])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Keras 3.15.1 warns about a single class; it computes all the same
    categorical = float(keras.losses.CategoricalCrossentropy(from_logits=True)(y, logit))
with_sigmoid = float(-np.log(1 / (1 + np.exp(-0.3))))
print(f"CategoricalCrossentropy(from_logits=True), one logit 0.3: {categorical:.4f} nats (softmax of one logit is 1)")
print(f"cross-entropy with a sigmoid, -ln σ(0.3): {with_sigmoid:.4f} nats → {verdict(f'{with_sigmoid:.4f}', categorical)}")
