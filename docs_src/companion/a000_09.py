# A sigmoid output lies strictly between 0 and 1; {0, 1} is the set of the labels.
import numpy as np

from snippets.activations import sigmoid

outputs = sigmoid(np.array([-5.0, -1.0, 0.0, 2.0, 5.0]))
print(f"sigmoid outputs {np.round(outputs, 4)}")
print(f"outputs in {{0, 1}}: {'match' if np.isin(outputs, [0.0, 1.0]).all() else 'no match'}; "
      f"in (0, 1): {'match' if ((outputs > 0) & (outputs < 1)).all() else 'no match'}")
