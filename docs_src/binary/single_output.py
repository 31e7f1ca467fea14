# Categorical cross-entropy on one sigmoid output, as Keras 3.15.1 computes it from probabilities:
# divide by the sum over the classes (one class: the sum is the value itself, the quotient 1), clip to 1 − ε, log.
import warnings

import keras
import numpy as np
import tensorflow as tf

y = np.array([[1.0], [0.0], [1.0], [0.0]])  # half of the labels positive
for logits in ([[0.4], [-1.2], [2.0], [-3.0]], [[-5.0], [5.0], [-5.0], [5.0]]):  # a good model, a bad one
    z = tf.Variable(logits)
    with tf.GradientTape() as tape, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Keras 3.15.1 warns that the last axis has one class
        loss = tf.reduce_mean(keras.losses.categorical_crossentropy(y, tf.sigmoid(z)))
    gradient = tape.gradient(loss, z).numpy().ravel()
    print(f"logits {np.ravel(logits)}: loss {float(loss):.4e} nats, d loss / d z = {gradient}")

per_positive = -np.log(np.float32(1) - np.float32(keras.config.epsilon()))
print(f"-ln(1 - 1e-7) in float32 = {per_positive:.4e} nats per positive; × fraction of positives 0.5 = "
      f"{per_positive * 0.5:.4e} nats")
