# The article sums the C binary cross-entropies of one example; torch 2.13 and Keras 3.15.1 average them by default.
import keras
import numpy as np
import torch
import torch.nn.functional as F

from docs_src.companion.matching import verdict

y, x = np.array([[1.0, 0.0, 1.0]]), np.array([[0.9, 0.2, 0.3]])  # one example, C = 3 labels
article = f"{-np.sum(y * np.log(x) + (1 - y) * np.log(1 - x)):.4f}"  # the formula, bracketed (a003-05)
frameworks = {
    "torch BCELoss (mean)": F.binary_cross_entropy(torch.tensor(x), torch.tensor(y)).item(),
    "Keras binary_crossentropy": float(keras.losses.binary_crossentropy(y, x)[0]),
}
for name, value in frameworks.items():
    print(f"{name}: {value:.4f} nats; article's sum {article} → {verdict(article, value)};"
          f" times C = {3 * value:.4f} → {verdict(article, 3 * value)}")
