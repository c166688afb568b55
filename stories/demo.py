"""Demo content of the stories app: stories, then their share kits, then spotlights."""

from . import demo_share_kits, demo_spotlights


def load(home):
    demo_spotlights.load(home)
    demo_share_kits.load(home)
