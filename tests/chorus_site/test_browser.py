"""`make test` finds or installs the browser of the browser tests, or says what to install.

Each way is tried with a PATH of our own: a made-up `apt-get` stands for Debian's (it
"installs" a chromium into the same folder and writes down how it was called), and
Playwright's download goes to a closed port on this machine, so it fails as it would
without network.
"""

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from chorus_site import browser


ROOT = Path(__file__).resolve().parents[2]


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def executable(path, text):
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def machine(tmp_path):
    """An environment with no Chromium anywhere and no network for Playwright."""
    folder = tmp_path / "bin"
    folder.mkdir()
    return {
        "PATH": str(folder),
        "HOME": str(tmp_path),
        "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "playwright"),
        "PLAYWRIGHT_DOWNLOAD_HOST": f"http://127.0.0.1:{closed_port()}",
    }


def add_fake_apt_get(machine):
    folder = Path(machine["PATH"])
    executable(
        folder / "apt-get",
        f"""#!{sys.executable}
import pathlib, sys
folder = pathlib.Path(sys.argv[0]).parent
with open(folder / "apt-get.log", "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
if sys.argv[1] == "install":
    chromium = folder / "chromium"
    chromium.write_text("#!/bin/sh\\n")
    chromium.chmod(0o755)
""",
    )
    return folder / "apt-get.log"


def apt_calls(log):
    return log.read_text().splitlines() if log.exists() else []


def test_a_chromium_on_the_path_is_used_and_nothing_is_installed(machine):
    chromium = executable(Path(machine["PATH"]) / "chromium", "#!/bin/sh\n")
    log = add_fake_apt_get(machine)

    assert browser.ensure_chromium(machine, is_root=True) == str(chromium)
    assert apt_calls(log) == []


def test_as_root_debian_chromium_is_installed_once_then_found(machine):
    log = add_fake_apt_get(machine)

    first = browser.ensure_chromium(machine, is_root=True)
    second = browser.ensure_chromium(machine, is_root=True)

    assert first == second == str(Path(machine["PATH"]) / "chromium")
    assert apt_calls(log) == ["update -qq", "install -y -qq chromium"]


def test_a_browser_downloaded_by_playwright_is_found(machine):
    assert browser.find_chromium(machine) is None
    expected = subprocess.run(
        [
            sys.executable,
            "-c",
            "from playwright.sync_api import sync_playwright\n"
            "with sync_playwright() as p: print(p.chromium.executable_path)",
        ],
        env=machine,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(expected).parent.mkdir(parents=True)
    executable(Path(expected), "#!/bin/sh\n")

    assert browser.find_chromium(machine) == expected


def test_without_root_apt_is_left_alone_and_the_message_says_what_to_install(
    machine, capsys
):
    log = add_fake_apt_get(machine)

    assert browser.ensure_chromium(machine, is_root=False) is None

    assert apt_calls(log) == []
    errors = capsys.readouterr().err
    assert "Downloading Playwright's own Chromium" in errors
    assert "sudo apt-get install chromium" in errors
    assert ".venv/bin/playwright install chromium" in errors
    assert "CHROMIUM_PATH=/path/to/chromium make test" in errors


def test_a_wrong_chromium_path_is_refused_without_installing_anything(machine, capsys):
    log = add_fake_apt_get(machine)
    machine["CHROMIUM_PATH"] = str(Path(machine["HOME"]) / "no-such-chromium")

    assert browser.ensure_chromium(machine, is_root=True) is None

    assert apt_calls(log) == []
    assert "is not an executable file" in capsys.readouterr().err


def test_the_command_fails_with_the_message_when_no_browser_can_be_had(machine):
    """What `make test` runs first, on a machine with neither Chromium nor apt-get nor
    network: a non-zero exit, the message, and no path for the tests."""
    result = subprocess.run(
        [sys.executable, "-m", "chorus_site.browser"],
        cwd=ROOT,
        env={**machine, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert "The browser tests need Chromium" in result.stderr
    assert "sudo apt-get install chromium" in result.stderr
