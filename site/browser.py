"""`make test` gets the browser its browser tests need, so that it is the only command to run.

In this order, stopping at the first that works:

1. a Chromium already there: `CHROMIUM_PATH`, then `chromium` (Debian) or `chromium-browser`
   on `PATH`, then the Chromium that Playwright downloaded earlier;
2. as root with apt-get: Debian's `chromium` package (`apt-get install chromium`);
3. Playwright's own download (`playwright install chromium`), where the network allows it;
4. otherwise a message saying exactly what to install, and a non-zero exit: the browser
   tests are never skipped.

`python -m chorus_site.browser` does that and prints the browser's path; the browser tests
(tests/browser/conftest.py) launch the same `find_chromium()`. Everything is read from the
environment it is given (PATH, CHROMIUM_PATH, PLAYWRIGHT_BROWSERS_PATH), so each way can be
tried with a made-up PATH (tests/chorus_site/test_browser.py).
"""

import os
import shutil
import subprocess  # nosec B404 (runs apt-get and Playwright with fixed arguments)
import sys


NAMES_ON_PATH = ("chromium", "chromium-browser")
INSTALL_TIMEOUT = 900  # seconds, for apt-get or Playwright's download
STDERR = 2  # the file descriptor: install commands print there, stdout is for the path

HOW_TO_INSTALL = """\
The browser tests need Chromium, and none could be found or installed.
Install one of these, then run `make test` again:
  - Debian or Ubuntu:   sudo apt-get install chromium
  - any Linux or macOS: .venv/bin/playwright install chromium   (downloads Playwright's own)
  - a Chromium or Chrome you already have: CHROMIUM_PATH=/path/to/chromium make test
"""


def say(message):
    print(message, file=sys.stderr, flush=True)  # noqa: T201


def is_executable(path):
    return bool(path) and os.path.isfile(path) and os.access(path, os.X_OK)


def playwright_chromium(environ):
    """The Chromium that `playwright install chromium` put in place, if it is there."""
    try:
        found = subprocess.run(  # nosec B603 (our interpreter, fixed code)
            [
                sys.executable,
                "-c",
                "from playwright.sync_api import sync_playwright\n"
                "with sync_playwright() as p: print(p.chromium.executable_path)",
            ],
            env=environ,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    path = found.stdout.strip()
    return path if found.returncode == 0 and is_executable(path) else None


def find_chromium(environ=None):
    """The path of a Chromium to test with, or None. Installs nothing."""
    environ = os.environ if environ is None else environ
    explicit = environ.get("CHROMIUM_PATH", "")
    if explicit:
        return explicit if is_executable(explicit) else None
    search_path = environ.get("PATH", "")
    for name in NAMES_ON_PATH:
        path = shutil.which(name, path=search_path)
        if path:
            return path
    return playwright_chromium(environ)


def run(command, environ):
    say("  $ " + " ".join(command))
    try:
        return (
            subprocess.run(  # noqa: S603  # nosec B603 (fixed commands)
                command,
                env=environ,
                stdout=STDERR,
                timeout=INSTALL_TIMEOUT,
            ).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        say(f"  failed: {error}")
        return False


def install_with_apt(environ):
    apt_get = shutil.which("apt-get", path=environ.get("PATH", ""))
    if apt_get is None:
        return False
    say("No Chromium found: installing Debian's chromium package (once)…")
    environ = {**environ, "DEBIAN_FRONTEND": "noninteractive"}
    return run([apt_get, "update", "-qq"], environ) and run(
        [apt_get, "install", "-y", "-qq", "chromium"], environ
    )


def install_with_playwright(environ):
    say("Downloading Playwright's own Chromium (once)…")
    return run([sys.executable, "-m", "playwright", "install", "chromium"], environ)


def ensure_chromium(environ=None, is_root=None):
    """The path of a Chromium, installed if need be; None with the message if impossible."""
    environ = dict(os.environ if environ is None else environ)
    is_root = os.geteuid() == 0 if is_root is None else is_root
    path = find_chromium(environ)
    if path is None and environ.get("CHROMIUM_PATH"):
        say(f"CHROMIUM_PATH={environ['CHROMIUM_PATH']} is not an executable file.")
        return None
    if path is None and is_root and install_with_apt(environ):
        path = find_chromium(environ)
    if path is None and install_with_playwright(environ):
        path = find_chromium(environ)
    if path is None:
        say(HOW_TO_INSTALL)
    return path


def main():
    path = ensure_chromium()
    if path is None:
        return 1
    say(f"Browser tests use {path}")
    print(path)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
