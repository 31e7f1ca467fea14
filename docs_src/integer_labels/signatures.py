# The four entry points and their defaults, read from torch 2.13 itself.
import inspect

import torch.nn as nn
import torch.nn.functional as F

for function in (nn.CrossEntropyLoss, F.cross_entropy, nn.NLLLoss, F.nll_loss):
    parameters = inspect.signature(function).parameters.values()
    shown = [p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}" for p in parameters]
    print(f"{function.__module__.replace('torch.nn.modules.loss', 'nn').replace('torch.nn.functional', 'F')}."
          f"{function.__name__}({', '.join(shown)})")
