# The article's line with Keras 3.15.1: y_true a Python list, y_pred a tensor.
import keras
import numpy as np
import tensorflow as tf

from docs_src.companion.matching import verdict

y_true, y_pred = [[0, 1]], [[5.0, 7.0]]
try:
    keras.losses.CategoricalCrossentropy()(y_true, tf.nn.softmax(y_pred))
    print("as printed: runs")
except ValueError as error:
    print(f"as printed: ValueError: {str(error).split(',')[0]}")
value = float(keras.losses.CategoricalCrossentropy()(np.array(y_true), tf.nn.softmax(y_pred)))
print(f"with np.array(y_true): article 0.126928  Keras 3.15.1 {value:.6f} → {verdict('0.126928', value)}")
