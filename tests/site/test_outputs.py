"""``make outputs`` (UPDATE_OUTPUTS=1): conftest.py rewrites a page's output fences to what its blocks print."""

from __future__ import annotations

import conftest

PAGE = """# T

```python
print(1 + 1)
```

```output
3
```

```python
print("new")
```

- item

    ```python
    print("indented")
    ```

```python
y = 1
```

```output
stale
```

end
"""


def test_output_fences_are_rewritten_added_and_removed(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    conftest.rewrite_outputs(page, {3: "2", 11: "new", 17: "indented", 21: None})
    assert page.read_text() == PAGE.replace("```output\n3\n```", "```output\n2\n```").replace(
        'print("new")\n```\n', 'print("new")\n```\n\n```output\nnew\n```\n'
    ).replace('    print("indented")\n    ```\n', '    print("indented")\n    ```\n\n    ```output\n    indented\n    ```\n').replace(
        "```\n\n```output\nstale\n```\n", "```\n"
    )

