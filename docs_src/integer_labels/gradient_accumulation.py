# Gradient accumulation over two micro-batches with 10 and 2 real tokens: the mean of the per-batch means is not the
# mean over the 12 tokens, and neither are its gradients (torch 2.13, float64, nats).
import torch
import torch.nn.functional as F

torch.manual_seed(0)
D, C = 4, 5
features = [torch.randn(10, D, dtype=torch.float64), torch.randn(2, D, dtype=torch.float64)]  # real tokens only
labels = [torch.randint(0, C, (10,)), torch.randint(0, C, (2,))]
W = torch.randn(D, C, dtype=torch.float64, requires_grad=True)


def accumulate(loss_of_micro_batch):
    """Sum the gradients of W over the micro-batches, as loss.backward() after each micro-batch does."""
    W.grad = None
    total = 0.0
    for x, y in zip(features, labels):
        loss = loss_of_micro_batch(x @ W, y)
        loss.backward()
        total += loss.item()
    return total, W.grad.clone()


full_loss = F.cross_entropy(torch.cat(features) @ W, torch.cat(labels))
full_grad, = torch.autograd.grad(full_loss, W)
means = [F.cross_entropy(x @ W, y).item() for x, y in zip(features, labels)]
print(f"per micro-batch mean: {means[0]:.4f} (10 tokens), {means[1]:.4f} (2 tokens)")
print(f"mean over all 12 tokens (one big batch):  {full_loss.item():.4f}")
naive, naive_grad = accumulate(lambda z, y: F.cross_entropy(z, y) / 2)  # the usual loss / accumulation_steps
print(f"mean of the 2 per-batch means:            {naive:.4f}   largest gradient error {(naive_grad - full_grad).abs().max():.4f}")
tokens = sum(len(y) for y in labels)  # counted before the micro-batches run
fixed, fixed_grad = accumulate(lambda z, y: F.cross_entropy(z, y, reduction="sum") / tokens)
print(f"sum per micro-batch / 12:                 {fixed:.4f}   gradient equal to the big batch's (within 1e-12): {bool((fixed_grad - full_grad).abs().max() < 1e-12)}")
print(f"weight of one token: big batch 1/12 = {1 / 12:.4f}; mean of means 1/20 = {1 / 20:.4f} (first), 1/4 = {1 / 4:.4f} (second)")
