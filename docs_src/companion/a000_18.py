# The article's Keras (probabilities: divide by the sum, clip, log): through one sigmoid output the gradient is 0.
# Keras 3.15.1 computes the same on a probability tensor that does not come from a Keras sigmoid layer.
import warnings

import keras
import numpy as np
import tensorflow as tf

z = tf.Variable([[0.4], [-1.2], [2.0]])
y = np.array([[1.0], [0.0], [1.0]])
with tf.GradientTape() as tape, warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Keras 3.15.1 warns about a single class (shown in a000-14)
    loss = tf.reduce_mean(keras.losses.categorical_crossentropy(y, tf.sigmoid(z)))
gradient = tape.gradient(loss, z).numpy().ravel()
print(f"loss {float(loss):.3g} nats, d loss / d logit {gradient}")
print(f"learning, only slowly (the article): {'match' if np.abs(gradient).max() > 0 else 'no match'}")
