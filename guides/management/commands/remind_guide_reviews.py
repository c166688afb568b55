from django.core.management.base import BaseCommand

from guides.reminders import remind_owners


class Command(BaseCommand):
    help = (
        "E-mail each guide's owner once when the guide's review falls due (two weeks "
        "ahead). Safe to run as often as you like, on several hosts at once."
    )

    def handle(self, *args, **options):
        sent, failed = remind_owners()
        self.stdout.write(f"Guide review reminders sent: {sent}, not sent: {failed}.")
        if failed:
            # A non-zero exit makes cron or the systemd unit report the failure.
            raise SystemExit(1)
