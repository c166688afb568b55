"""Demo spotlight pages for the demo ambassadors (filled in by the ambassador work)."""


def load(home):
    return None
