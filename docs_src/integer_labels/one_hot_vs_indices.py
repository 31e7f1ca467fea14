# Class indices and one-hot labels give the same loss: -log q_y = logsumexp(z) - z_y (nats; torch 2.13, snippets).
import numpy as np
import torch
import torch.nn.functional as F

from snippets.categorical import softmax_cross_entropy, softmax_cross_entropy_with_integer_labels

logits = np.array([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0], [1.0, 1.0, 1.0]])
labels = np.array([0, 2, 1])  # class indices: N integers
one_hot = np.eye(3)[labels]  # one-hot: N × K numbers, K - 1 of them 0 in every row
print("indices:", labels.tolist(), " one-hot:", one_hot.astype(int).tolist())
print("snippets, indices:", np.round(softmax_cross_entropy_with_integer_labels(logits, labels), 4))
print("snippets, one-hot:", np.round(softmax_cross_entropy(logits, one_hot), 4))
z = torch.tensor(logits)
print("torch,    indices:", F.cross_entropy(z, torch.tensor(labels), reduction="none").numpy().round(4))
print("torch,    one-hot:", F.cross_entropy(z, torch.tensor(one_hot), reduction="none").numpy().round(4))
