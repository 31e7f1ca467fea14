# CrossEntropyLoss = LogSoftmax, then NLLLoss (torch 2.13, nats); NLLLoss itself only picks and negates x[y].
import torch
import torch.nn as nn

from snippets.activations import log_softmax
from snippets.categorical import nll_loss, softmax_cross_entropy_with_integer_labels

logits = torch.tensor([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0]], dtype=torch.float64)
labels = torch.tensor([0, 2])
log_probs = nn.LogSoftmax(dim=1)(logits)
print("LogSoftmax output, shape", tuple(log_probs.shape), "(an activation: one log-probability per class)")
print("NLLLoss(LogSoftmax(z), y)   ", nn.NLLLoss(reduction="none")(log_probs, labels).numpy().round(4))
print("CrossEntropyLoss(z, y)      ", nn.CrossEntropyLoss(reduction="none")(logits, labels).numpy().round(4))
print("snippets nll_loss           ", nll_loss(log_softmax(logits.numpy()), labels.numpy()).round(4))
print("snippets with_integer_labels", softmax_cross_entropy_with_integer_labels(logits.numpy(), labels.numpy()).round(4))
print("NLLLoss(z, y), logits given ", nn.NLLLoss(reduction="none")(logits, labels).numpy().round(4), "= -z[y]")
