# The article's H(p, q) = -Σ[p log q + (1-p) log(1-q)] against the cross-entropy -Σ p log q, p = (1, 0, 0), in nats.
import numpy as np
import torch

from docs_src.companion.matching import verdict

p = torch.tensor([[1.0, 0.0, 0.0]])
for name, q in [("q1", [0.5, 0.2, 0.3]), ("q2", [0.8, 0.1, 0.1])]:
    q = torch.tensor([q])
    summed_bce = float(torch.nn.BCELoss(reduction="sum")(q, p))  # torch 2.13: one BCE per component, added
    ce = float(torch.nn.CrossEntropyLoss()(q.log(), p))  # torch 2.13: -Σ p log softmax(log q) = -Σ p log q
    print(f"{name}: article's formula {summed_bce:.4f}, cross-entropy {ce:.4f} = -ln {np.exp(-ce):.1f} "
          f"→ {verdict(f'{ce:.4f}', summed_bce)}")
