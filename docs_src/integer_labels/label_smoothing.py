# label_smoothing=α is cross-entropy against ỹ = (1 - α) one_hot(y) + α / K (torch 2.13, snippets; nats).
import numpy as np
import torch
import torch.nn.functional as F

from snippets.activations import log_softmax
from snippets.categorical import softmax_cross_entropy
from snippets.smoothing import smooth_labels

logits = np.array([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0]])
labels = np.array([0, 2])
alpha, K = 0.1, 3
z, y = torch.tensor(logits), torch.tensor(labels)
torch_losses = F.cross_entropy(z, y, label_smoothing=alpha, reduction="none").numpy()
y_tilde = smooth_labels(np.eye(K)[labels], alpha)
print("ỹ =", y_tilde.round(4).tolist())
print("torch label_smoothing=0.1:     ", torch_losses.round(4))
print("snippets, CE against ỹ:        ", softmax_cross_entropy(logits, y_tilde).round(4))
log_q = log_softmax(logits)
mix = (1 - alpha) * -log_q[np.arange(2), labels] + alpha / K * -log_q.sum(axis=1)
print("(1-α)(-log q_y) + α/K Σ(-log q):", mix.round(4))
print("torch, probability target ỹ:   ", F.cross_entropy(z, torch.tensor(y_tilde), reduction="none").numpy().round(4))
