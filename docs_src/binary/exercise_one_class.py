# "C = 1": PyTorch's CrossEntropyLoss on a single logit per example, labels as probabilities of that one class.
import torch

z = torch.tensor([[0.4], [-1.2], [2.0]], requires_grad=True)
y = torch.tensor([[1.0], [0.0], [1.0]])
loss = torch.nn.CrossEntropyLoss()(z, y)
loss.backward()  # below, + 0.0 prints the loss -0.0 as 0.0
print(f"softmax over one logit: {torch.softmax(z, dim=1).detach().ravel().tolist()}")
print(f"loss {loss.item() + 0.0:.4f} nats, d loss / d z = {z.grad.ravel().tolist()}")
