"""Without Redis, several gunicorn workers on one machine share one cache: what one process
replaces (the content version, after a publish), every other process reads at once, so none
keeps serving a page or fragment rendered before the change."""

import os
import subprocess  # nosec B404 (runs this project's own Python)
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]


def in_another_process(tmp_path, code):
    """Run `code` in a fresh Python process with production settings and no Redis."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="chorus_site.settings",
        CHORUS_DATA_DIR=str(tmp_path),
        SECRET_KEY="tests-only-not-secret",
    )
    setup = "import django; django.setup(); from home import cache as chorus; "
    result = subprocess.run(  # noqa: S603  # nosec B603
        [sys.executable, "-c", setup + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip()


def test_a_version_replaced_in_one_process_is_read_by_the_others(tmp_path):
    before = in_another_process(tmp_path, "print(chorus.content_version())")
    assert in_another_process(tmp_path, "print(chorus.content_version())") == before

    in_another_process(tmp_path, "chorus.bump_content_version()")

    after = in_another_process(tmp_path, "print(chorus.content_version())")
    assert after != before
    # And an entry kept under the old version is not served any more.
    in_another_process(
        tmp_path,
        "chorus.versioned_set('chorus:test', "
        f"{{chorus.VERSION_KEY: {before!r}}}, 'old page', 60)",
    )
    found = in_another_process(
        tmp_path, "print(chorus.versioned_get('chorus:test')[1])"
    )
    assert found == "None"
