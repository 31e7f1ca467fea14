"""How every companion proof decides "match" or "no match": a value matches a number the article prints when it
rounds to the printed digits, i.e. lies within half a unit of the last printed digit."""


def verdict(printed: str, value: float) -> str:
    """'match' if ``value`` is within half a unit of the last digit of ``printed`` ("1.177" → ±0.0005)."""
    mantissa, _, exponent = printed.lower().partition("e")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    half_unit = 0.5 * 10.0 ** (int(exponent or 0) - decimals)
    return "match" if abs(float(printed) - float(value)) <= half_unit else "no match"

