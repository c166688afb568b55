"""Demo content of this app (filled in by its own issue)."""


def load(home):
    return None
