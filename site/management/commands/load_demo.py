from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from guides import demo as guides_demo
from guides.models import GuidePage
from home import demo as home_demo
from home.channels import demo as channels_demo
from referents import demo as referents_demo
from stories import demo as stories_demo


# One line per role for the first ten minutes (the README's tour says more).
WHERE_TO_START = [
    (
        "employee",
        "/en/ : stories to share this week, guides for your stage, your referent",
    ),
    ("editor", "/admin/ : the Chorus panel (reviews, kits opening soon, share totals)"),
    ("ambassador", "/admin/ : write your own spotlight and submit it for review"),
    (
        "referent",
        "/admin/ : review spotlights; /en/ask-a-referent/ is where questions come from",
    ),
    (
        "(nobody)",
        "open a public story link logged out: only public stories and spotlights show",
    ),
]


def demo_loaded():
    """True once a whole load has run: the first step's accounts and the last step's guides."""
    usernames = [account.username for account in referents_demo.DEMO_ACCOUNTS]
    accounts = get_user_model().objects.filter(username__in=usernames).count()
    return accounts == len(usernames) and GuidePage.objects.exists()


RESET_FLAG = "--i-know-this-resets-demo-passwords"


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content and demo accounts. Safe to run again in "
        "development; it resets the demo accounts' passwords, so without DEBUG it "
        f"refuses to run unless given {RESET_FLAG}."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            RESET_FLAG,
            action="store_true",
            dest="resets_passwords_confirmed",
            help="Run even though DEBUG is off: the demo accounts (employee, editor, "
            "admin…) get their well-known demo passwords back.",
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="Load nothing if the demo is already there (`make run` a second time).",
        )

    def handle(self, *args, once=False, **options):
        # On a real site, a demo account that someone renamed or promoted would get a
        # password printed in the README back.
        if not settings.DEBUG and not options["resets_passwords_confirmed"]:
            raise CommandError(
                "load_demo resets the demo accounts' passwords to well-known values, so "
                "it only runs with DJANGO_DEBUG=1 (as `make run` does). To load the demo "
                f"on a server anyway, run it again with {RESET_FLAG}."
            )
        if once and demo_loaded():
            self.stdout.write(
                "Demo content already loaded (`manage.py load_demo` loads it again)."
            )
        else:
            home = home_demo.load()
            referents_demo.load(home)
            stories_demo.load(home)
            guides_demo.load(home)
            channels_demo.load()
            call_command("update_index", verbosity=0)
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("Demo accounts (development only):")
        for account in referents_demo.DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account.username:<12} {account.password:<20} {account.role}"
            )
        self.stdout.write("Where to start:")
        for username, hint in WHERE_TO_START:
            self.stdout.write(f"  {username:<12} {hint}")
