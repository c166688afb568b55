"""Send the digests that are due: run it every hour (or every day) from cron or a systemd
timer on one host or several (README, "Digest"). Safe to run twice or at once on two hosts."""

from django.core.management.base import BaseCommand

from chorus_site.digests import send_digests


class Command(BaseCommand):
    help = "Send each digest that is due (counts only are reported)."

    def handle(self, *args, **options):
        outcome = send_digests()
        if outcome.paused:
            self.stdout.write(
                "Quiet period in force: no digest sent; they wait for its end."
            )
            return
        self.stdout.write(
            f"Digests sent: {outcome.sent}; nothing new: {outcome.nothing_new}; "
            f"failed (tried again next run): {outcome.failed}; "
            f"taken by another run: {outcome.taken_by_another_run}."
        )
        if outcome.failed:
            kinds = ", ".join(
                f"{kind} ({count})" for kind, count in sorted(outcome.errors.items())
            )
            self.stderr.write(f"Failures: {kinds}.")
