"""Compile the gettext catalogues with polib, so that no machine needs GNU gettext's msgfmt.

`--check` compiles nothing: it fails if a .mo file is missing or differs from its .po file.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo with polib (--check: verify only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail if a .mo is stale."
        )

    def handle(self, *args, check=False, **options):
        stale = []
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                compiled = polib.pofile(str(po_path)).to_binary()
                if mo_path.exists() and mo_path.read_bytes() == compiled:
                    continue
                if check:
                    stale.append(str(mo_path))
                else:
                    mo_path.write_bytes(compiled)
                    self.stdout.write(f"Compiled {mo_path}")
        if stale:
            raise CommandError(
                "Compiled messages are out of date, run `make messages`: "
                + ", ".join(stale)
            )
