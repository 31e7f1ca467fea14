# The code block as printed: program lines and printed outputs in one fence. Does Python accept its output lines?
from docs_src.companion.matching import verdict

pieces = {
    "an output line 'x_input:'": "x_input:\n tensor([[-0.5215, -0.4240,  0.8907]])\n",
    "a separator line of asterisks": "*" * 67 + "\n",
}
for name, source in pieces.items():
    try:
        compile(source, "article", "exec")
        outcome = "compiles"
    except SyntaxError as error:
        outcome = f"SyntaxError: {error.msg}"
    print(f"{name}: {outcome} → runs as printed: {verdict('1', float(outcome == 'compiles'))}")
