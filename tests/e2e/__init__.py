"""End-to-end tests: the built site, both languages, read in a real browser (Debian's chromium via playwright)."""
