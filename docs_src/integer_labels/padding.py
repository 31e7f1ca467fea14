# Padded sequences: label the padding with ignore_index and the mean runs over real tokens only (torch 2.13, nats).
import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, T, C = 2, 4, 5
logits = torch.randn(N, T, C, dtype=torch.float64)
tokens = torch.tensor([[3, 1, 4, 2], [2, 4, 0, 0]])  # class 0 is the padding token; the second sequence has 2 tokens
real = torch.tensor([[True, True, True, True], [True, True, False, False]])
labels = tokens.masked_fill(~real, -100)
print("labels:", labels.tolist())
per_token = F.cross_entropy(logits.transpose(1, 2), tokens, reduction="none")
print(f"mean over the 6 real tokens:                {per_token[real].mean().item():.4f}")
print(f"labels with -100 (default ignore_index):    {F.cross_entropy(logits.transpose(1, 2), labels).item():.4f}")
print(f"padding id 0 with ignore_index=0:           {F.cross_entropy(logits.transpose(1, 2), tokens, ignore_index=0).item():.4f}")
print(f"padding left as class 0 (8 'tokens'):       {F.cross_entropy(logits.transpose(1, 2), tokens).item():.4f}")
