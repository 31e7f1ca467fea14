# sigmoid_cross_entropy_with_logits(labels=1, logits=0.7) in float32: TF 2.21, numpy, and the exact value.
import numpy as np
import tensorflow as tf

from docs_src.companion.matching import verdict

tf_value = float(tf.nn.sigmoid_cross_entropy_with_logits(np.float32([1.0]), np.float32([0.7]))[0])
numpy_float32 = np.log1p(np.exp(-np.float32(0.7)))  # log(1 + e^-x): the loss of a positive label
exact = np.log1p(np.exp(-0.7))
print(f"exact {exact:.10f}; float32 spacing there {np.spacing(np.float32(exact)):.1e}")
for name, value in [("TF 2.21", tf_value), ("numpy float32", numpy_float32)]:
    print(f"article 0.40318602  {name} {str(np.float32(value))} → {verdict('0.40318602', value)}")
