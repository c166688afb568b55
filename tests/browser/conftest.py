"""Browser tests: pytest-playwright driving Debian's chromium against Django's live server.

`playwright install` cannot download browsers here, so the launch points at /usr/bin/chromium.
Screenshots go to tests/browser/screenshots/ (the README shows some of them).
"""

import os
from pathlib import Path

import pytest


os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def login(live_server):
    """`login(page, username, password, language="fr")` logs in through the real form."""

    def do_login(page, username, password="a-good-password-123", language="fr"):
        page.goto(f"{live_server.url}/{language}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.get_by_test_id("login-submit").click()
        page.wait_for_load_state()

    return do_login


@pytest.fixture
def screenshot():
    """`screenshot(page, name)` saves a full-page PNG under tests/browser/screenshots/."""

    def take(page, name):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take
