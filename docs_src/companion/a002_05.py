# The N-sample formula as printed (no leading minus) against the sum of the per-sample losses L_i.
import numpy as np

from docs_src.companion.matching import verdict

y, y_hat = np.array([1.0, 0.0, 1.0]), np.array([0.8, 0.3, 0.6])
per_sample = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))  # L of the single-sample formula
as_printed = np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
print(f"per-sample losses {np.round(per_sample, 4)} nats, their sum {per_sample.sum():.4f}")
print(f"formula as printed {as_printed:.4f} → {verdict(f'{per_sample.sum():.4f}', as_printed)}")
print(f"with the minus sign {-as_printed:.4f} → {verdict(f'{per_sample.sum():.4f}', -as_printed)}")
