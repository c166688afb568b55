"""Browser tests: pytest-playwright driving Chromium against Django's live server.

The browser is the one `make test` found or installed (chorus_site.browser: Debian's
chromium, or Playwright's own); without one, every browser test fails with what to install.
Screenshots go to tests/browser/screenshots/ (the README shows some of them).
"""

import os
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Page
from wagtail.users.models import UserProfile

import pytest

from chorus_site.browser import HOW_TO_INSTALL, find_chromium
from referents.models import ReferentIndexPage
from referents.roles import EDITORS, EMPLOYEES, REFERENTS
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory
from tests.factories.home import UserFactory
from tests.factories.referents import (
    ReferentFactory,
    SpotlightIndexPageFactory,
    SpotlightPageFactory,
)
from tests.factories.stories import (
    ShareKitFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    TopicFactory,
)


os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

SCREENSHOTS = Path(__file__).parent / "screenshots"
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = find_chromium()
    if chromium is None:
        pytest.fail(HOW_TO_INSTALL, pytrace=False)
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def login(live_server):
    """`login(page, username, password, language="fr")` logs in through the real form."""

    def do_login(page, username, password="a-good-password-123", language="fr"):
        page.goto(f"{live_server.url}/{language}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.get_by_test_id("login-submit").click()
        page.wait_for_load_state()

    return do_login


@pytest.fixture
def screenshot():
    """`screenshot(page, name)` saves a full-page PNG under tests/browser/screenshots/."""

    def take(page, name):
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return take


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.fixture
def axe():
    """`axe(page)` runs axe-core's WCAG 2.2 A/AA rules on the current page and returns the
    violations; `axe.check(page)` asserts there are none, with a readable message."""

    def run(page):
        # add_script_tag() inlines the file, which our CSP (script-src 'self') refuses;
        # evaluate() runs through the DevTools protocol, which CSP does not govern.
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(AXE_JS.read_text())
        return page.evaluate(
            "tags => axe.run(document, {runOnly: tags}).then(r => r.violations)",
            AXE_TAGS,
        )

    def check(page):
        violations = run(page)
        assert not violations, f"axe-core on {page.url}:\n{_describe(violations)}"

    run.check = check
    return run


@pytest.fixture
def suggestion_world(home_page, roles):
    """What the story-suggestion journeys need, in French: the story index, two topics, an
    employee who suggests (Léa Martin), an editor who decides (Claire Fontaine), a referent
    (Nadia Benali) and a colleague who will read and comment (Karim Haddad). Passwords are
    the factory's. Steps to combine: tests/browser/suggestion_steps.py."""

    def person(username, first_name, last_name, *groups):
        user = UserFactory(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@chorus.example",
        )
        user.groups.set(Group.objects.filter(name__in=[EMPLOYEES, *groups]))
        # The admin in French too, whatever language the browser asks for.
        UserProfile.objects.update_or_create(
            user=user, defaults={"preferred_language": "fr"}
        )
        return user

    return {
        "home": home_page,
        "story_index": StoryIndexPageFactory(
            parent=home_page, title="Histoires", slug="histoires", show_in_menus=True
        ),
        "topics": [
            TopicFactory(name="Environnement", slug="environnement"),
            TopicFactory(name="Vie de l'entreprise", slug="vie-entreprise"),
        ],
        "employee": person("lea", "Léa", "Martin"),
        "editor": person("claire", "Claire", "Fontaine", EDITORS),
        "referent": person("nadia", "Nadia", "Benali", REFERENTS),
        "colleague": person("karim", "Karim", "Haddad"),
    }


def _referent_index_page(parent, **fields):
    index = ReferentIndexPage(**fields)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def _index(create, home, title, slug, content):
    """An index page in the menu; in English, the translation of the French one (so that the
    language switcher and wagtail-localize's Translate action link the two)."""
    kind = create.__name__
    french = content.get("fr", {}).get(kind)
    if french is None:
        index = create(parent=home, title=title, slug=slug, show_in_menus=True)
    else:
        index = french.copy_for_translation(home.locale)
        index.title, index.slug = title, slug
        index.save_revision().publish()
        index = Page.objects.get(pk=index.pk).specific
    content.setdefault(home.locale.language_code, {})[kind] = index
    return index


@pytest.fixture
def chorus_content(home_page, home_page_en, locales, roles, employee, ambassador):
    """One page of every type, in French and in English, built with the factories: the
    indexes, a public story with a share kit, an internal story, a public spotlight, a guide
    and a referent. Returns the pages by name and language."""
    # Reloaded: publishing the translation changed its slug, not the fixture's url_path.
    homes = {
        language: Page.objects.get(pk=home.pk).specific
        for language, home in (("fr", home_page), ("en", home_page_en))
    }
    titles = {
        "fr": {
            "stories": ("Histoires", "histoires"),
            "spotlights": ("Ambassadeurs", "ambassadeurs"),
            "guides": ("Guides", "guides"),
            "referents": ("Référents", "referents"),
            "story": "Notre atelier ouvre ses portes",
            "internal": "Réorganisation du service achats",
            "guide": "Créer son profil en dix minutes",
            "kit": "Bonjour ! Notre atelier ouvre ses portes samedi.",
        },
        "en": {
            "stories": ("Stories", "stories"),
            "spotlights": ("Ambassadors", "ambassadors"),
            "guides": ("Guides", "guides"),
            "referents": ("Referents", "referents"),
            "story": "Our workshop opens its doors",
            "internal": "Purchasing team reorganisation",
            "guide": "Create your profile in ten minutes",
            "kit": "Hello! Our workshop opens its doors on Saturday.",
        },
    }
    content = {}
    for language, home in homes.items():
        text = titles[language]
        story_index = _index(StoryIndexPageFactory, home, *text["stories"], content)
        story = StoryPageFactory(
            parent=story_index,
            title=text["story"],
            is_public=True,
            date=timezone.localdate(),
            body=[{"type": "paragraph", "value": f"<p>{text['story']}.</p>"}],
        )
        ShareKitFactory(
            page=story,
            texts=[("linkedin", text["kit"]), ("x", text["kit"])],
        )
        internal = StoryPageFactory(parent=story_index, title=text["internal"])
        spotlight_index = _index(
            SpotlightIndexPageFactory, home, *text["spotlights"], content
        )
        spotlight = SpotlightPageFactory(
            parent=spotlight_index,
            owner=ambassador,
            title="Awa Diallo",
            slug=f"awa-{language}",
            is_public=True,
        )
        guide_index = _index(GuideIndexPageFactory, home, *text["guides"], content)
        guide = GuidePageFactory(
            parent=guide_index, title=text["guide"], stages=["discover"]
        )
        referent_index = _index(_referent_index_page, home, *text["referents"], content)
        ReferentFactory(
            name="Nadia Benali",
            email=f"nadia.{language}@chorus.example",
            locale=locales[language],
        )
        content[language].update(
            {
                "home": home,
                "story_index": story_index,
                "story": story,
                "internal_story": internal,
                "spotlight_index": spotlight_index,
                "spotlight": spotlight,
                "guide_index": guide_index,
                "guide": guide,
                "referent_index": referent_index,
            }
        )
    # Wagtail cached the site's root paths before the English home existed: forget them,
    # and reload the pages so that `.url` works in both languages.
    cache.clear()
    return {
        language: {
            name: Page.objects.get(pk=p.pk).specific for name, p in pages.items()
        }
        for language, pages in content.items()
    }
