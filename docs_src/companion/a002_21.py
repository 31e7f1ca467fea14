# nn.LogSoftmax is not a loss and not the negative log-likelihood: compare it with nn.NLLLoss (torch 2.13).
import torch
import torch.nn as nn

x_input = torch.tensor([[-0.5215, -0.4240, 0.8907], [-0.2820, 0.0445, 1.3734], [-1.0393, 0.8725, 0.1539]])
y_target = torch.tensor([1, 2, 0])
print(f"torch.nn has LogSoftmaxloss: {hasattr(nn, 'LogSoftmaxloss')}")
log_probs = nn.LogSoftmax(dim=1)(x_input)
nll = nn.NLLLoss()(log_probs, y_target)
print(f"nn.LogSoftmax(dim=1): shape {tuple(log_probs.shape)}, log-probabilities, largest {float(log_probs.max()):.4f}")
print(f"nn.NLLLoss(): shape {tuple(nll.shape)}, value {float(nll):.4f}")
same = log_probs.shape == nll.shape and torch.allclose(log_probs, nll)
print(f"LogSoftmax returns the negative log-likelihood loss → {'match' if same else 'no match'}")
