import pytest

from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def guides_by_stage(guide_index):
    """One guide per stage, named after it, plus one for both Listen and Speak."""
    return {
        "discover": GuidePageFactory(
            parent=guide_index, title="Create your profile", stages=["discover"]
        ),
        "listen": GuidePageFactory(
            parent=guide_index,
            title="Follow people you admire",
            stages=["listen"],
            subject="network-features",
        ),
        "speak": GuidePageFactory(
            parent=guide_index, title="Your first post", stages=["speak"]
        ),
        "lead": GuidePageFactory(
            parent=guide_index, title="Help a colleague start", stages=["lead"]
        ),
        "both": GuidePageFactory(
            parent=guide_index,
            title="Bookmarks and lists",
            stages=["listen", "speak"],
            subject="apps-tools",
        ),
    }
