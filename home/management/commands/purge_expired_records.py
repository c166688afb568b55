"""Delete the records Chorus promises not to keep any longer (run it every 15 minutes).

Login records older than the login pause, expired sessions, stale editing traces: see
home.retention and the transparency page.
"""

from django.core.management.base import BaseCommand

from home.retention import login_record_lifetime, purge_expired_records


class Command(BaseCommand):
    help = (
        "Delete login records older than the login pause, expired sessions and stale "
        "editing traces (schedule it every 15 minutes)."
    )

    def handle(self, *args, **options):
        removed = purge_expired_records()
        self.stdout.write(
            f"{removed} login record(s) older than {login_record_lifetime()} removed; "
            "expired sessions and stale editing traces cleared."
        )
