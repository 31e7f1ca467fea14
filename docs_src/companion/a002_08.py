# The shooters' entropies H_b(0.1) and H_b(0.999) in the three units.
from snippets.information import binary_entropy

from docs_src.companion.matching import verdict

for printed, p in [("0.4690", 0.1), ("0.0114", 0.999)]:
    row = []
    for unit, base in [("nats", None), ("bits", 2), ("hartleys", 10)]:
        value = float(binary_entropy(p, base=base))
        row.append(f"{value:.4f} {unit} ({verdict(printed, value)})")
    print(f"article {printed}  H_b({p}) = " + ", ".join(row))
