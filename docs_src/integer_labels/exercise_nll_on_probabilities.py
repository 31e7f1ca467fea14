# NLLLoss given softmax probabilities instead of log-probabilities returns -q_y: negative, and not a cross-entropy.
import torch
import torch.nn as nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0]])
labels = torch.tensor([0, 2])
probabilities = torch.softmax(logits, dim=1)
print(f"NLLLoss(softmax(z), y) = {nn.NLLLoss()(probabilities, labels).item():.4f}")
print(f"-mean q_y             = {-probabilities[[0, 1], labels].mean().item():.4f}")
print(f"CrossEntropyLoss(z, y) = {nn.CrossEntropyLoss()(logits, labels).item():.4f}")
