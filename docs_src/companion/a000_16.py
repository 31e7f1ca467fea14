# What the binary log line shows: below the loss of a constant guess of 0.5, i.e. learning, mid-epoch.
import numpy as np

from docs_src.companion.matching import verdict

chance = np.log(2)  # BCE of predicting 0.5 for every review, in nats
print(f"article loss 0.5104 nats vs ln 2 = {chance:.4f} nats of a constant 0.5: below chance → "
      f"{'match' if 0.5104 < chance else 'no match'}")
print(f"article accuracy 0.7282 vs 0.5 of a constant guess on balanced labels → {verdict('0.5', 0.7282)}")
