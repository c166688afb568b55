import pytest

from tests.factories.stories import StoryIndexPageFactory

from .fake_webhook import FakeWebhook


@pytest.fixture
def webhook(settings):
    settings.CHORUS_CHANNELS_ALLOW_LOCAL_HTTP = True
    settings.CHORUS_CHANNEL_TIMEOUT_SECONDS = 1
    with FakeWebhook() as fake:
        yield fake


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page, title="Histoires", slug="histoires")
