"""Post what waits for team channels. Run it every minute (cron or a systemd timer, see the
README): it is safe to run twice at once or on two hosts."""

from django.core.management.base import BaseCommand

from home.channels.outbox import send_waiting_posts


class Command(BaseCommand):
    help = "Post new stories and opening share kits to the connected team channels."

    def handle(self, *args, **options):
        counts = send_waiting_posts()
        if counts is None:
            self.stdout.write("A quiet period is in force: posts wait until it ends.")
            return
        self.stdout.write(
            "sent {sent}, failed (will retry) {failed}, dropped {dropped}".format(
                **counts
            )
        )
