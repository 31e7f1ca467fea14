# Article 004's other PyTorch outputs, recomputed with torch 2.13 (float32, the article's dtype) and compared digit
# by digit; its CrossEntropyLoss line is checked in a004-15, included above.
import torch
import torch.nn as nn
import torch.nn.functional as F

from docs_src.companion.matching import verdict

y_pred = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]])
y_true = torch.tensor([0, 2])
computed = {
    "NLLLoss(reduction='none')(log_softmax)": nn.NLLLoss(reduction="none")(F.log_softmax(y_pred, dim=-1), y_true),
    "KLDivLoss(reduction='none')(log_softmax, one-hot)": nn.KLDivLoss(reduction="none")(
        F.log_softmax(y_pred, dim=-1), F.one_hot(y_true).float()),
}
printed = {
    "NLLLoss(reduction='none')(log_softmax)": ["4.5418e-05", "1.0986e+00"],
    "KLDivLoss(reduction='none')(log_softmax, one-hot)": ["4.5418e-05", "0.0000e+00", "0.0000e+00",
                                                         "0.0000e+00", "0.0000e+00", "1.0986e+00"],
}
for name, values in computed.items():
    outcomes = [verdict(text, value) for text, value in zip(printed[name], values.flatten().tolist())]
    print(f"{name}: {outcomes.count('match')} of {len(outcomes)} printed numbers → "
          f"{'match' if outcomes.count('match') == len(outcomes) else 'no match'}")
