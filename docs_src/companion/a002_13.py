# The brackets of "\left.H\left(p, q_{1}\right)=-(… 1 \log 0.7)\right)" as the formula displays them.
import re

from docs_src.companion.matching import verdict

tex = r"\left.H\left(p, q_{1}\right)=-(1 \log 0.5+0 \log 0.2+0 \log 0.3+0 \log 0.5+1 \log 0.8+1 \log 0.7)\right)"
shown = re.sub(r"\\left\.", "", tex)  # \left. is an invisible delimiter
shown = re.sub(r"\\(left|right)", "", shown)
opened, closed = shown.count("("), shown.count(")")
print(f"displayed: {shown}")
print(f"'(' {opened}, ')' {closed}: balanced → {verdict(str(opened), closed)}")
