# Sigmoid then BCELoss against BCEWithLogitsLoss, float32 (PyTorch's default), for a negative example.
import torch

z = torch.tensor([10.0, 17.0, 30.0])
y = torch.zeros(3)
print(f"sigmoid(z)                   = {torch.sigmoid(z).tolist()}")
print(f"BCELoss(sigmoid(z), y)       = {torch.nn.BCELoss(reduction='none')(torch.sigmoid(z), y).tolist()}")
print(f"BCEWithLogitsLoss()(z, y)    = {torch.nn.BCEWithLogitsLoss(reduction='none')(z, y).tolist()}")
