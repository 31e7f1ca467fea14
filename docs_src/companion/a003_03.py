# -Σ y_i log x_i is a loss only when x is a distribution (softmax); with a sigmoid per element it keeps the true
# class's term alone and cannot tell "every class" from "the right class".
import numpy as np

from snippets.activations import sigmoid, softmax

y = np.array([1.0, 0.0, 0.0])  # one-hot: class 0
every_class, right_class = np.array([8.0, 8.0, 8.0]), np.array([8.0, -8.0, -8.0])
for name, activation in [("sigmoid", sigmoid), ("softmax", softmax)]:
    losses = [float(-np.sum(y * np.log(activation(z)))) for z in (every_class, right_class)]
    tells_apart = "match" if losses[0] > 10 * losses[1] else "no match"
    print(f"{name}: -Σ y log x for logits {every_class} {losses[0]:.4g} nats, for {right_class} {losses[1]:.4g} nats;"
          f" tells them apart → {tells_apart}")
