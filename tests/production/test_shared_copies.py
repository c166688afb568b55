"""A copy kept for every employee holds nothing of the employees who read it (issue 13).

Every page type listed in CHORUS_EMPLOYEE_PAGE_CACHE_MODELS, and every view that shares its
answers (`serve_with_cache(..., audience=...)`), is read by two employees who differ in
every personal respect: name, username, e-mail, groups (one is in a group that a group
restriction names), stage, language, role (an ambassador with a spotlight and a profile;
a referent with a referent profile, who moderates comments), chosen referent, comments and
story suggestions of their own. A reads in French, B prefers English (cookie and
Accept-Language); both open the French pages, since a copy is kept per URL.

The copy the page cache stores for each of them must hold nothing of either; the page each
is served must show their own parts (filled in from per-reader fragments), and a colleague
served the same copy must not see them.

A page type added to the setting, or a view given an audience, fails here until it has a
case below.
"""

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import Group
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.models import PageViewRestriction, Site

import pytest

from home import page_cache
from home.models import ChorusSettings, StagePreference
from home.stages import Stage
from referents.models import AmbassadorProfile
from referents.my_referent import choose
from referents.roles import AMBASSADORS, EMPLOYEES, REFERENTS
from stories.models import Comment
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
    StorySuggestionFactory,
)


pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Shared:
    """How to reach a shared page type or view, and what each reader's page shows of their
    own besides their CSRF token (`own(site, reader)`: strings that only that reader's page
    holds, from per-reader fragments)."""

    url: object
    own: object = lambda site, reader: []
    # The page lists the four stages for everyone (a filter): a stage's name is no leak.
    lists_every_stage: bool = False


def _home_own(site, reader):
    parts = [
        reader.chosen_referent,
        f"Les guides de votre étape\N{NO-BREAK SPACE}: {reader.stage_label}",
    ]
    if reader is site.b:
        parts.append('data-testid="new-since-last-visit"')  # B came back after a week
    return parts


def _guide_index_own(site, reader):
    # The four stages are listed for everyone: the reader's own comes first, and is named.
    return [
        f"Les guides de votre étape, {reader.stage_label}, apparaissent en premier."
    ]


def _comment_actions(page_attribute):
    def own(site, reader):
        comment = reader.comments[page_attribute]
        parts = [reverse("stories:edit_comment", args=[comment.pk])]
        if reader is site.b:
            parts.append('data-testid="comment-hide"')  # referents moderate
        if reader is site.a and page_attribute == "spotlight":
            parts.append('data-testid="comment-emails-form"')  # the spotlight is hers
        return parts

    return own


SHARED_PAGES = {
    "home.HomePage": Shared(lambda site: site.home.url, own=_home_own),
    "stories.StoryIndexPage": Shared(lambda site: site.story_index.url),
    "stories.StoryPage": Shared(
        lambda site: site.story.url, own=_comment_actions("story")
    ),
    "stories.SpotlightIndexPage": Shared(lambda site: site.spotlight_index.url),
    "stories.SpotlightPage": Shared(
        lambda site: site.spotlight.url, own=_comment_actions("spotlight")
    ),
    "guides.GuideIndexPage": Shared(
        lambda site: site.guide_index.url, own=_guide_index_own, lists_every_stage=True
    ),
    "guides.GuidePage": Shared(lambda site: site.guide.url),
}


def _search_url(site):
    with translation.override("fr"):
        return reverse("search") + "?q=atelier"


def _transparency_url(site):
    with translation.override("fr"):
        return reverse("referents:transparency")


SHARED_VIEWS = {
    "search": Shared(_search_url, lists_every_stage=True),
    "transparency": Shared(_transparency_url),
}

SHARED = {
    **SHARED_PAGES,
    **{f"view:{name}": case for name, case in SHARED_VIEWS.items()},
}


def shared_audiences():
    """The audiences named by `serve_with_cache(..., audience=...)` in Chorus' code."""
    base = Path(settings.BASE_DIR)
    found = set()
    for package in ("home", "stories", "guides", "referents", "site"):
        for path in sorted((base / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name != "serve_with_cache" or path.name == "page_cache.py":
                    continue
                audience = [k.value for k in node.keywords if k.arg == "audience"]
                audience += node.args[2:3]
                for value in audience:
                    found.add(
                        value.value
                        if isinstance(value, ast.Constant)
                        else f"{path}:{node.lineno} (not a constant)"
                    )
    return found


def test_every_shared_page_type_has_a_case():
    assert set(SHARED_PAGES) == set(settings.CHORUS_EMPLOYEE_PAGE_CACHE_MODELS)


def test_every_shared_view_has_a_case():
    assert set(SHARED_VIEWS) == shared_audiences()


# Two employees who differ in everything personal, and a colleague


@dataclass
class Reader:
    user: object
    client: Client
    stage_label: str
    chosen_referent: str
    group: str
    comments: dict
    suggestion: object

    def markers(self, case):
        """What of this reader no shared copy may hold, as (what, text) pairs."""
        user = self.user
        markers = [
            ("username", user.username),
            ("first name", user.first_name),
            ("last name", user.last_name),
            ("e-mail", user.email),
            ("chosen referent", self.chosen_referent),
            ("group", self.group),
            ("suggestion title", self.suggestion.title),
            ("suggestion text", self.suggestion.what_happened),
            *(("comment", comment.text) for comment in self.comments.values()),
        ]
        if not case.lists_every_stage:
            markers.append(("stage", self.stage_label))
        return markers


# What only a reader's own page shows: comment actions, role links and per-reader parts.
# (The role groups' names are words of the interface itself, "Référents": a role shows by
# what only that role gets, such as the moderation buttons.)
READER_ONLY_HTML = [
    ("comments, their form or a comment action", 'data-testid="comment'),
    ("a link to the admin", "/admin/"),
    ("a per-reader part", 'data-testid="welcome"'),
    ("a per-reader part", 'data-testid="new-since-last-visit"'),
    ("a per-reader part", 'data-testid="my-referent"'),
    ("a per-reader part", 'data-testid="guides-for-me"'),
    ("a per-reader part", 'data-testid="stage-note"'),
]


def logged_in(user, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user)
    return client


def comment(page, author, text, language):
    return Comment.objects.create(
        thread_key=page.translation_key,
        page=page,
        author=author,
        language=language,
        text=text,
    )


@pytest.fixture
def shared_site(page_cache, home_page, roles):
    zircon = Group.objects.create(name="Comité Zircon")
    Group.objects.create(name="Équipe Nacre")

    a = UserFactory(
        username="aurore.zabal",
        first_name="Aurore",
        last_name="Zabaleta",
        email="aurore.zabaleta@chorus.example",
    )
    a.groups.set(
        Group.objects.filter(name__in=[EMPLOYEES, AMBASSADORS, "Comité Zircon"])
    )
    # Her profile is published for every reader: it names none of her account's names, so
    # that any of them found in a copy is a leak.
    AmbassadorProfile.objects.create(
        user=a, linkedin_url="https://www.linkedin.com/in/atelier-velo"
    )
    b = UserFactory(
        username="bquerard",
        first_name="Bastien",
        last_name="Quérard",
        email="bastien.q@chorus.example",
        last_login=timezone.now() - timezone.timedelta(days=7),
    )
    b.groups.set(Group.objects.filter(name__in=[EMPLOYEES, REFERENTS, "Équipe Nacre"]))
    colleague = UserFactory(username="colleague", last_name="Dupont")
    colleague.groups.set(Group.objects.filter(name=EMPLOYEES))

    # Referents: the one every page shows first (it speaks French, so a colleague without a
    # choice is proposed this one), B's own profile, and the two chosen ones.
    alix = ReferentFactory(name="Alix Martin", languages="Français, anglais")
    ReferentFactory(name="Bastien Quérard", user=b, languages="")
    yolande = ReferentFactory(name="Yolande Vercors", languages="")
    zelie = ReferentFactory(name="Zélie Marchetti", languages="")
    choose(a, yolande)
    choose(b, zelie)
    StagePreference.objects.create(user=a, stage=Stage.SPEAK)
    StagePreference.objects.create(user=b, stage=Stage.LEAD)

    story_index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(
        parent=story_index,
        title="L'atelier vélo ouvre",
        slug="atelier-velo",
        intro="Réparer ensemble, le mardi midi.",
        is_public=True,
    )
    ShareKitFactory(page=story, texts=[("x", "Venez réparer votre vélo à l'atelier.")])
    board_only = StoryPageFactory(
        parent=story_index, title="Le budget de l'atelier", slug="budget-atelier"
    )
    restriction = PageViewRestriction.objects.create(
        page=board_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([zircon])
    spotlight_index = SpotlightIndexPageFactory(parent=home_page)
    spotlight = SpotlightPageFactory(
        parent=spotlight_index,
        owner=a,
        title="Portrait : l'atelier vélo",
        slug="portrait-atelier",
        role="Mécanique et partage",
    )
    guide_index = GuideIndexPageFactory(parent=home_page)
    guide = GuidePageFactory(
        parent=guide_index,
        title="Raconter l'atelier",
        stages=[Stage.DISCOVER],
        referent=alix,
        guide_owner=alix,
    )

    site = SimpleNamespace(
        home=home_page,
        story_index=story_index,
        story=story,
        spotlight_index=spotlight_index,
        spotlight=spotlight,
        guide_index=guide_index,
        guide=guide,
    )
    site.a = Reader(
        user=a,
        client=None,
        stage_label="Prendre la parole",
        chosen_referent=yolande.name,
        group="Comité Zircon",
        comments={
            "story": comment(story, a, "Je viendrai avec mon tandem orange.", "fr"),
            "spotlight": comment(spotlight, a, "Merci pour les rustines.", "fr"),
        },
        suggestion=StorySuggestionFactory(
            suggested_by=a,
            title="La serre sur le toit",
            what_happened="Des tomates poussent au sixième étage.",
        ),
    )
    site.b = Reader(
        user=b,
        client=None,
        stage_label="Entraîner",
        chosen_referent=zelie.name,
        group="Équipe Nacre",
        comments={
            "story": comment(story, b, "Prévoyez des gants de jardinage.", "en"),
            "spotlight": comment(spotlight, b, "Quel portrait lumineux.", "en"),
        },
        suggestion=StorySuggestionFactory(
            suggested_by=b,
            title="Le club de lecture du jeudi",
            what_happened="Douze collègues lisent Giono.",
        ),
    )
    # Created on first use otherwise, which would replace the content version (and every
    # copy) during the first request.
    ChorusSettings.for_site(Site.objects.get(is_default_site=True))
    site.a.client = logged_in(a, "fr")
    site.b.client = logged_in(b, "en")
    site.colleague = logged_in(colleague, "fr")
    return site


@pytest.fixture
def stored(monkeypatch):
    """The copies the page cache stores for employees, as they are stored."""
    copies = []
    original = page_cache.versioned_set

    def versioned_set(key, versions, value, timeout, *depends_on):
        if key.startswith("chorus:page:employee:"):
            copies.append(value)
        return original(key, versions, value, timeout, *depends_on)

    monkeypatch.setattr(page_cache, "versioned_set", versioned_set)
    return copies


def found_in(content, markers):
    """The markers found in `content`, as written, HTML-escaped, URL- or JSON-encoded,
    whatever the case, each with where it was found."""
    text = content.decode()
    folded = text.casefold()
    found = []
    for what, marker in markers:
        forms = {marker, escape(marker), quote(marker), json.dumps(marker)[1:-1]}
        for form in forms:
            at = folded.find(form.casefold())
            if at >= 0:
                found.append(f"{what} {marker!r}: …{text[max(0, at - 80) : at + 80]}…")
                break
    return found


CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def assert_nothing_personal(copy, site, case):
    content = copy["content"]
    markers = READER_ONLY_HTML + site.a.markers(case) + site.b.markers(case)
    leaks = found_in(content, markers)
    assert not leaks, "The shared copy holds:\n" + "\n".join(leaks)
    tokens = CSRF_VALUE.findall(content.decode())
    assert tokens, "no form to check the CSRF placeholder with"
    assert set(tokens) == {page_cache.CSRF_PLACEHOLDER.decode()}
    for reader in (site.a, site.b):
        secret = reader.client.cookies.get(settings.CSRF_COOKIE_NAME)
        assert secret is None or secret.value.encode() not in content


def assert_own_page(response, client, own_parts):
    assert response.status_code == 200
    html = response.content.decode()
    assert "chorus-per-reader" not in html
    tokens = CSRF_VALUE.findall(html)
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    assert tokens and all(_unmask_cipher_token(token) == secret for token in tokens)
    for part in own_parts:
        assert part in html, f"{part!r} is missing from the reader's own page"
    return html


def check_shared(case, site, stored):
    url = case.url(site)
    for reader in (site.a, site.b):
        stored.clear()
        assert reader.client.get(url).status_code == 200
        # Their groups differ (a group restriction names A's): each gets a copy.
        assert len(stored) == 1, f"{url} was not kept for every employee"
        assert_nothing_personal(stored[0], site, case)
        stored.clear()
        response = reader.client.get(url)
        assert not stored, "the second visit was not served from the copy"
        assert_own_page(response, reader.client, case.own(site, reader))

    # A colleague who may open the same pages as B is served B's copy: B's parts are not
    # in it, their own are.
    stored.clear()
    html = assert_own_page(site.colleague.get(url), site.colleague, [])
    assert not stored, "the colleague was not served B's copy"
    for part in case.own(site, site.b):
        assert part not in html


@pytest.mark.parametrize("label", sorted(SHARED))
def test_a_shared_copy_holds_nothing_of_its_readers(label, shared_site, stored):
    check_shared(SHARED[label], shared_site, stored)


def test_a_template_that_shows_the_reader_fails_the_check(
    settings, tmp_path, shared_site, stored
):
    footer = Path(settings.BASE_DIR, "templates", "includes", "footer.html")
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "footer.html").write_text(
        footer.read_text() + "<p>{{ request.user.get_full_name }}</p>"
    )
    template_settings = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {**template_settings, "DIRS": [tmp_path, *template_settings["DIRS"]]}
    ]
    with pytest.raises(AssertionError, match="first name 'Aurore'"):
        check_shared(SHARED["home.HomePage"], shared_site, stored)
