# Keras 2's categorical_crossentropy on one sigmoid output: divide by the sum (→ 1), clip to 1 - ε, float32.
import numpy as np

from docs_src.companion.matching import verdict

per_positive = -np.log(np.float32(1) - np.float32(1e-7))  # every positive review costs this; a negative costs 0
implied_fraction = 5.9557e-08 / per_positive
print(f"loss of a positive example -ln(1 - 1e-7) in float32 = {per_positive:.8g} nats, of a negative 0")
print(f"article 5.9557e-08 = that × fraction of positives {implied_fraction:.4f} "
      f"→ balanced labels (0.50): {verdict('0.50', implied_fraction)}")
