# A very wrong prediction: logits (0, -200), the true class is 1. Its loss is 200 nats; float32 throughout.
import warnings

import keras
import numpy as np
import torch
import torch.nn.functional as F

from snippets.activations import softmax
from snippets.categorical import categorical_cross_entropy, softmax_cross_entropy

logits = np.array([[0.0, -200.0]], dtype=np.float32)
targets = np.array([[0.0, 1.0]], dtype=np.float32)

print(f"torch {torch.__version__.split('+')[0]}:")
for name, log_p in [("log(softmax(z))", lambda z: torch.log(F.softmax(z, dim=1))),
                    ("log_softmax(z)", lambda z: F.log_softmax(z, dim=1))]:
    z = torch.tensor(logits, requires_grad=True)
    loss = F.nll_loss(log_p(z), torch.tensor([1]))
    loss.backward()
    print(f"  {name:<16} log p = {log_p(z).tolist()[0]}  loss = {loss.item()} nats  gradient = {z.grad.tolist()[0]}")

print(f"Keras {keras.__version__} (TensorFlow backend):")
probs = keras.activations.softmax(keras.ops.convert_to_tensor(logits))
as_array = keras.ops.convert_to_numpy(probs)  # the same numbers, without the tensor's hidden logits
calls = [("logits, from_logits=True", logits, True), ("softmax output tensor", probs, False),
         ("the same values as an array", as_array, False), ("softmax tensor, from_logits=True", probs, True)]
for name, output, from_logits in calls:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loss = keras.losses.categorical_crossentropy(targets, output, from_logits=from_logits)
    warned = f"  ({caught[0].category.__name__}: {str(caught[0].message)[:58]}...)" if caught else ""
    print(f"  {name:<33} loss = {float(keras.ops.convert_to_numpy(loss)[0]):.6f} nats{warned}")

print("snippets:")
print(f"  softmax_cross_entropy(logits)              = {float(softmax_cross_entropy(logits, targets)[0])} nats")
print(f"  categorical_cross_entropy(softmax(logits)) = {float(categorical_cross_entropy(softmax(logits), targets)[0])} nats")
