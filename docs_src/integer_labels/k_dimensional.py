# The K-dimensional case: classes on axis 1, input (N, C, d1, ...), target (N, d1, ...); the mean runs over all
# N·d1·... positions (torch 2.13, nats). A sequence model's logits (N, T, C) must be moved to (N, C, T) first.
import torch
import torch.nn.functional as F

from snippets.categorical import softmax_cross_entropy_with_integer_labels

torch.manual_seed(0)
N, T, C = 2, 4, 5
logits = torch.randn(N, T, C, dtype=torch.float64)  # what a sequence model returns: classes last
labels = torch.randint(0, C, (N, T))
as_k_dim = F.cross_entropy(logits.transpose(1, 2), labels)  # (N, C, T) against (N, T)
flat = F.cross_entropy(logits.reshape(-1, C), labels.reshape(-1))  # (N·T, C) against (N·T,)
ours = softmax_cross_entropy_with_integer_labels(logits.numpy(), labels.numpy()).mean()  # classes last, axis=-1
print(f"(N, C, T): {as_k_dim.item():.4f}   (N·T, C): {flat.item():.4f}   snippets axis=-1: {ours:.4f}")
print("per position, reduction='none':", tuple(F.cross_entropy(logits.transpose(1, 2), labels, reduction="none").shape))
try:
    F.cross_entropy(logits, labels)  # classes left last
except RuntimeError as error:
    print(f"(N, T, C) as given: RuntimeError: {error}")
