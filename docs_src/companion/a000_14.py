# Keras 3.15.1 (TensorFlow backend): categorical_crossentropy with one sigmoid output. No error; a warning; the
# loss shown is 0, yet the weights move: Keras reads the logit back from the sigmoid layer, and TensorFlow's fused
# softmax cross-entropy passes the gradient softmax - y = 1 - y, which pushes only the negatives down.
import warnings

import keras
import numpy as np
import tensorflow as tf

from docs_src.companion.matching import verdict

x = np.random.default_rng(0).normal(size=(64, 4))
y = (x[:, :1] > 0).astype("float32")
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.SGD(0.5), loss="categorical_crossentropy")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    history = model.fit(x, y, epochs=2, verbose=0)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(keras.losses.categorical_crossentropy(y, model(x)))
bias_gradient = float(tape.gradient(loss, model.trainable_variables)[1][0])
print(f"error raised: no; warning: {str(caught[0].message)[:58]}…")
print(f"loss shown per epoch {history.history['loss']}")
print(f"bias gradient {bias_gradient:.4f}, fraction of negatives {1 - y.mean():.4f} "
      f"→ {verdict(f'{1 - y.mean():.4f}', bias_gradient)}")
