"""Demo share kits for the demo stories (filled in by the share-kit work)."""


def load(home):
    return None
