from django.core.management import call_command
from django.core.management.base import BaseCommand

from guides import demo as guides_demo
from home import demo as home_demo
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


class Command(BaseCommand):
    help = "Load the bilingual demo content and demo accounts. Safe to run again."

    def handle(self, *args, **options):
        home = home_demo.load()
        accounts = referents_demo.load(home)
        stories_demo.load(home)
        guides_demo.load(home)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write("Demo accounts (development only):")
        for account in accounts:
            self.stdout.write(
                f"  {account.username:<12} {account.password:<20} {account.role}"
            )
        self.stdout.write("Where to start:")
        for username, hint in WHERE_TO_START:
            self.stdout.write(f"  {username:<12} {hint}")
