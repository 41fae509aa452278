"""Fixtures for the HTML tests: headless Chromium through Playwright, offline."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.html.render import CHROMIUM_FLAGS

CHROMIUM = "/usr/bin/chromium"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs headless Chromium (Playwright)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium launched with kg's flags; the test is skipped if there is none."""
    if not Path(CHROMIUM).is_file() and shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (/usr/bin/chromium): browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium"),
            args=list(CHROMIUM_FLAGS),
        )
        yield chromium
        chromium.close()


class Offline:
    """What a page did: requests (those not file: or data: are aborted), dialogs, errors."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def request(self, request: Any) -> None:
        self.requests.append(request.url)

    def dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Any]:
    """Open a local HTML file offline; returns (page, Offline record of what it tried)."""
    contexts: list[Any] = []

    def opener(path: Path, width: int = 1400, height: int = 900) -> tuple[Any, Offline]:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        record = Offline()
        page.route("**/*", record.route)
        page.on("request", record.request)
        page.on("dialog", record.dialog)
        page.on("pageerror", lambda exc: record.errors.append(str(exc)))
        page.on("console", record.console)
        page.goto(path.absolute().as_uri())
        page.wait_for_function("() => window.__kgReady !== undefined", timeout=15000)
        return page, record

    yield opener
    for context in contexts:
        context.close()
