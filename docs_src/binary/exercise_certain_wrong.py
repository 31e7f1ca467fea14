# A certain wrong prediction (p = 1 for y = 0) next to a coin toss (p = 0.5 for y = 1), mean of the two.
import keras
import numpy as np
import torch

from snippets.binary import binary_cross_entropy

p, y = [1.0, 0.5], [0.0, 1.0]
torch_loss = torch.nn.BCELoss()(torch.tensor(p), torch.tensor(y)).item()
keras_loss = float(keras.losses.binary_crossentropy(np.float32(y), np.float32(p)))
print(f"torch 2.13 BCELoss:             {torch_loss:.4f} nats")
print(f"Keras 3.15.1 binary_crossentropy: {keras_loss:.4f} nats (torch / Keras = {torch_loss / keras_loss:.2f})")
print(f"snippets (PyTorch's floor):       {binary_cross_entropy(p, y).mean():.4f} nats")
keras_cap = -np.log(1 - (np.float32(1) - np.float32(1e-7)))  # 1 - ε rounds to 1 - 1.19e-7 in float32
print(f"(100 + ln 2) / 2 = {(100 + np.log(2)) / 2:.4f}; ({keras_cap:.4f} + ln 2) / 2 = {(keras_cap + np.log(2)) / 2:.4f}")
