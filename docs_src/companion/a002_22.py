# NLLLoss's defaults in torch 2.13: reduction="mean"; size_average and reduce are deprecated and default to None.
import inspect
import warnings

import torch
import torch.nn as nn

from docs_src.companion.matching import verdict

parameters = inspect.signature(nn.NLLLoss).parameters
defaults = {name: parameters[name].default for name in ("size_average", "reduce", "reduction")}
print(f"torch 2.13 defaults: {defaults}")
print(f"article: size_average=True → {'match' if defaults['size_average'] is True else 'no match'}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    nn.NLLLoss(size_average=True)
print(f"NLLLoss(size_average=True) warns: {caught[0].message}")
try:
    nn.NLLLoss(reducetion=True)
except TypeError as error:
    print(f"NLLLoss(reducetion=True): TypeError: {error}")
log_probs = torch.log_softmax(torch.tensor([[-0.5215, -0.4240, 0.8907], [-0.2820, 0.0445, 1.3734],
                                            [-1.0393, 0.8725, 0.1539]]), dim=1)
target = torch.tensor([1, 2, 0])
mean = float(-log_probs[torch.arange(3), target].mean())
print(f"default NLLLoss {float(nn.NLLLoss()(log_probs, target)):.4f}, mean of -log p[target] {mean:.4f} → "
      f"{verdict(f'{mean:.4f}', float(nn.NLLLoss()(log_probs, target)))}")
