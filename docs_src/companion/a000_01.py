# The TensorFlow 1.15 signatures the article quotes, against TensorFlow 2.21's tf.nn.
import inspect

import tensorflow as tf

from docs_src.companion.matching import verdict

print(f"TF {tf.__version__}: tf.nn.softmax_cross_entropy_with_logits_v2 exists? "
      f"{'match' if hasattr(tf.nn, 'softmax_cross_entropy_with_logits_v2') else 'no match'}")
print(f"  tf.compat.v1.nn has it? {'match' if hasattr(tf.compat.v1.nn, 'softmax_cross_entropy_with_logits_v2') else 'no match'}")
for name in ("sigmoid_cross_entropy_with_logits", "softmax_cross_entropy_with_logits"):
    print(f"  tf.nn.{name}{inspect.signature(getattr(tf.nn, name))}")
