"""Screenshots for people to look at: the home page, the information chapter and a notebook page, both languages,
light and dark palette (chosen with the header's palette button, as a reader does), desktop and phone widths.

Written to artifacts/screenshots/ (gitignored); the test checks that the palette switched and the whole page
was captured at the viewport's width.
"""

from __future__ import annotations

import struct

import pytest

from tests.e2e.reader import new_reader_context
from tests.e2e.site import PREFIX, ROOT

OUTPUT = ROOT / "artifacts" / "screenshots"
SHOWN = {"home": "", "information": "information/", "notebook": "entropy-plots/"}
SCHEMES = {"light": "default", "dark": "slate"}
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def viewport(request, browser, base_url):
    context = new_reader_context(browser, base_url, **VIEWPORTS[request.param])
    yield request.param, context
    context.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("palette", list(SCHEMES))
@pytest.mark.parametrize("language", list(PREFIX))
@pytest.mark.parametrize("name", list(SHOWN))
def test_screenshot(viewport, base_url, name, language, palette):
    width_name, context = viewport
    tab = context.new_page()
    try:
        tab.goto(base_url + PREFIX[language] + SHOWN[name], wait_until="load")
        if tab.evaluate("document.body.dataset.mdColorScheme") != SCHEMES[palette]:
            tab.click('form[data-md-component="palette"] label:not([hidden])')
        scheme = tab.evaluate("document.body.dataset.mdColorScheme")
        tab.evaluate("document.fonts.ready")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        path = OUTPUT / f"{name}-{language}-{palette}-{width_name}.png"
        image = tab.screenshot(path=path, full_page=True)
    finally:
        tab.close()
    assert scheme == SCHEMES[palette], f"the palette button left {scheme!r}, wanted {SCHEMES[palette]!r}"
    settings = VIEWPORTS[width_name]
    width, height = png_size(image)
    expected_width = settings["viewport"]["width"] * settings["device_scale_factor"]
    assert width == expected_width, f"{path.name} is {width} px wide, the page is wider than {width_name}'s viewport"
    assert height >= settings["viewport"]["height"] * settings["device_scale_factor"], f"{path.name}: {height} px"
