# The missing output of print('log_output:\n', log_output): torch.log of the softmax (torch 2.13, printed x_input).
import torch
import torch.nn as nn

from docs_src.companion.matching import verdict

x_input = torch.tensor([[-0.5215, -0.4240, 0.8907], [-0.2820, 0.0445, 1.3734], [-1.0393, 0.8725, 0.1539]])
log_output = torch.log(nn.Softmax(dim=1)(x_input))
print("log_output:\n", log_output)
difference = float((log_output - nn.LogSoftmax(dim=1)(x_input)).abs().max())
print(f"largest |log_output - logsoftmax_output| below 1e-6: {difference < 1e-6} → {verdict('0.0000', difference)}")
