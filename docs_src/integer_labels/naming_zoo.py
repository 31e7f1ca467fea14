# One loss, five names: logits and class indices in torch 2.13, TF 2.21 (tf.nn), Keras 3.15.1 and snippets (nats).
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras
import numpy as np
import tensorflow as tf
import torch
import torch.nn.functional as F

from snippets.categorical import softmax_cross_entropy_with_integer_labels

logits = np.array([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0]], dtype=np.float32)
labels = np.array([0, 2])
per_example = {
    "torch F.cross_entropy": F.cross_entropy(torch.tensor(logits), torch.tensor(labels), reduction="none").numpy(),
    "tf.nn.sparse_softmax_cross_entropy_with_logits": tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=labels, logits=logits).numpy(),
    "keras sparse_categorical_crossentropy": keras.losses.sparse_categorical_crossentropy(
        labels, logits, from_logits=True).numpy(),
    "snippets softmax_cross_entropy_with_integer_labels": softmax_cross_entropy_with_integer_labels(logits, labels),
}
for name, losses in per_example.items():
    print(f"{name:50s} {np.round(losses, 4)}")
