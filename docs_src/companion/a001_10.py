# The loss Keras trains on: compile with the function or with the class, the reported loss is the batch mean.
import keras
import numpy as np

from docs_src.companion.matching import verdict

y = np.array([[0.0], [1.0], [1.0], [0.0]])
x = np.array([[0.5], [1.0], [-0.3], [2.0]])
model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, activation="sigmoid")])
model.layers[0].set_weights([np.array([[0.8]]), np.array([0.1])])
per_example = keras.losses.binary_crossentropy(y, model.predict(x, verbose=0)).numpy()
for loss in (keras.losses.binary_crossentropy, keras.losses.BinaryCrossentropy()):
    model.compile(loss=loss)
    trained_on = model.evaluate(x, y, verbose=0)
    print(f"{getattr(loss, '__name__', type(loss).__name__):19} evaluate {trained_on:.4f}, "
          f"sum {per_example.sum():.4f} → {verdict(f'{per_example.sum():.4f}', trained_on)}, "
          f"mean {per_example.mean():.4f} → {verdict(f'{per_example.mean():.4f}', trained_on)}")
