# The likelihood of 200 examples, each predicted with probability 0.5 (float32): product of probabilities or sum of logs.
import numpy as np

from docs_src.companion.matching import verdict

probs = np.full(200, 0.5, dtype=np.float32)
with np.errstate(divide="ignore"):  # 0.5**200 ≈ 6e-61 is below float32's smallest number: log(0)
    log_of_product = float(np.log(np.prod(probs)))
sum_of_logs = float(np.sum(np.log(probs)))
print(f"log of the product {log_of_product}, sum of the logs {sum_of_logs:.4f} (200 ln 0.5 = {200 * np.log(0.5):.4f})")
print(f"the product gives the log-likelihood → {verdict(f'{sum_of_logs:.4f}', log_of_product)}")
