# Under -y log f every positive example with f < 1 costs something, correctly classified or not.
import numpy as np

for f in (0.3, 0.9, 0.99):
    loss = -np.log(f)
    print(f"positive, f = {f}: {'correct' if f > 0.5 else 'wrong'}ly classified, loss {loss:.4f} nats "
          f"→ zero, as the article says for correct ones: {('match' if loss == 0 else 'no match') if f > 0.5 else 'n/a'}")
