import numpy as np

from snippets.activations import softmax

for z in [[1.0, 2.0, 3.0], [101.0, 102.0, 103.0], [10.0, 20.0, 30.0], [0.1, 0.2, 0.3]]:
    print(f"softmax({z}) = {np.round(softmax(np.array(z)), 4)}")
