# PyTorch's cross-entropy and the article's formula on the same p and q1 (torch 2.13): two quantities, two values.
import torch

from docs_src.companion.matching import verdict

p, q1 = torch.tensor([[1.0, 0.0, 0.0]]), torch.tensor([[0.5, 0.2, 0.3]])
ce = float(torch.nn.CrossEntropyLoss()(q1.log(), p))  # -Σ p log q
summed_bce = float(torch.nn.BCELoss(reduction="sum")(q1, p))  # -Σ [p log q + (1-p) log(1-q)]
print(f"CrossEntropyLoss {ce:.4f} nats, BCELoss(reduction='sum') {summed_bce:.4f} nats")
print(f"one quantity computed two ways → {verdict(f'{ce:.4f}', summed_bce)}")
