# Keras's binary_crossentropy averages over the 10 outputs; categorical_crossentropy sums -y log q over them.
import keras
import numpy as np

from docs_src.companion.matching import verdict

y, q = np.eye(10)[[3]], np.full((1, 10), 0.1)  # a uniform guess over the 10 digits
binary = float(keras.losses.binary_crossentropy(y, q)[0])
categorical = float(keras.losses.categorical_crossentropy(y, q)[0])
print(f"uniform guess: binary_crossentropy {binary:.4f}, categorical_crossentropy {categorical:.4f} nats "
      f"→ same scale: {verdict(f'{categorical:.4f}', binary)}")
