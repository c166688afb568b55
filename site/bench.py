"""`make bench`: measures speed, queries and page weight. Completed by the production issue."""

import sys


def main():
    sys.stderr.write(
        "The benchmark is not written yet (see the production and hardening issue).\n"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
