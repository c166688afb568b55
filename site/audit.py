"""`make lint`: pip-audit of every pinned dependency (constraints.txt).

Known vulnerabilities fail the step. Only when PyPI's vulnerability data cannot be reached
(no network, or a registry mirror without the JSON API) does the step explain and pass, since
nothing could be checked; a finding is never skipped.
"""

import json
import subprocess  # nosec B404 (runs our own tools with fixed arguments)
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
NETWORK_ERRORS = (
    "ConnectionError",
    "Max retries exceeded",
    "NameResolutionError",
    "Temporary failure in name resolution",
    "timed out",
)


def run_pip_audit():
    return subprocess.run(  # noqa: S603  # nosec B603 (our own tool, fixed arguments)
        [
            str(Path(sys.executable).with_name("pip-audit")),
            "--requirement",
            str(ROOT / "constraints.txt"),
            "--no-deps",
            "--disable-pip",
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )


def main():
    result = run_pip_audit()
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        if any(error in result.stderr for error in NETWORK_ERRORS):
            print("pip-audit skipped: PyPI cannot be reached from this machine.")  # noqa: T201
            return 0
        sys.stderr.write(result.stderr)
        return result.returncode or 1

    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            print(  # noqa: T201
                f"{dependency['name']} {dependency['version']}: {vuln['id']} "
                f"(fixed in {', '.join(vuln.get('fix_versions', [])) or 'no release yet'})"
            )
    if vulnerable:
        return 1

    audited = [d for d in dependencies if "skip_reason" not in d]
    if dependencies and not audited:
        print(  # noqa: T201
            "pip-audit skipped: PyPI's vulnerability data is not reachable from this "
            f"machine ({len(dependencies)} packages could not be looked up). "
            "Run `make lint` where pypi.org answers to audit them."
        )
        return 0
    print(  # noqa: T201
        f"pip-audit: no known vulnerabilities in {len(audited)} pinned packages"
        + (
            f" ({len(dependencies) - len(audited)} not found on PyPI)."
            if len(audited) < len(dependencies)
            else "."
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
