"""A referent of one's own: chosen by the employee, or else proposed by language; seen by
that employee only, in every language, and gone with the account."""

import difflib
import json
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.snippets.models import get_snippet_models

import pytest

from referents import demo
from referents.leaving import close_account
from referents.models import ReferentChoice, ReferentIndexPage
from referents.my_referent import referent_of
from tests.factories.home import UserFactory
from tests.factories.referents import ReferentFactory


pytestmark = pytest.mark.django_db


def translated(locales, name, languages_fr, languages_en, **kwargs):
    french = ReferentFactory(
        name=name, languages=languages_fr, locale=locales["fr"], **kwargs
    )
    english = french.copy_for_translation(locales["en"])
    english.languages = languages_en
    english.save()
    return {"fr": french, "en": english}


@pytest.fixture
def referents(locales):
    return {
        "nadia": translated(locales, "Nadia", "français, anglais", "French, English"),
        "omar": translated(locales, "Omar", "français", "French"),
        "chloe": translated(locales, "Chloé", "français, anglais", "French, English"),
    }


@pytest.fixture
def directory(home_page, home_page_en, locales):
    french = ReferentIndexPage(title="Référents", slug="referents")
    home_page.add_child(instance=french)
    french.save_revision().publish()
    english = french.copy_for_translation(locales["en"])
    english.title = "Referents"
    english.save_revision().publish()
    return {"fr": french, "en": english}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def my_referent_card(html):
    """The home page's "Your referent" part: (chosen "yes"/"no", its HTML)."""
    match = re.search(
        r'data-testid="my-referent" data-chosen="(yes|no)">(.*?)</article>', html, re.S
    )
    assert match, "no 'Your referent' card on the page"
    return match.group(1), match.group(2)


def choose(client, referent, next_url=None):
    data = {"referent": referent.pk}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("referents:choose"), data, follow=True)


def test_choose_change_and_forget_from_the_directory(employee, referents, directory):
    client = logged_in(employee)
    url = directory["en"].url
    page = client.get(url).content.decode()
    assert page.count('data-testid="choose-referent"') == 3
    assert 'data-testid="forget-my-referent"' not in page

    response = choose(client, referents["omar"]["en"], next_url=url)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url
    assert "Omar is now your referent. Only you can see your choice." in html
    chosen = html.split('data-testid="my-referent-chosen"', 1)[0]
    assert chosen.rsplit('data-testid="referent-card"', 1)[1].count("Omar") >= 1
    assert html.count('data-testid="choose-referent"') == 2

    home = client.get("/en/").content.decode()
    assert my_referent_card(home)[0] == "yes"
    assert "Omar" in my_referent_card(home)[1]

    # The choice holds in the other language: the same person, in French.
    with translation.override("fr"):
        french_home = client.get("/fr/").content.decode()
    assert my_referent_card(french_home) == ("yes", my_referent_card(french_home)[1])
    assert "Omar" in my_referent_card(french_home)[1]
    assert "Speaks French" not in my_referent_card(french_home)[1]

    choose(client, referents["chloe"]["fr"])  # changing, from the other language
    assert ReferentChoice.objects.get(user=employee).referent_key == (
        referents["chloe"]["en"].translation_key
    )
    assert "Chloé" in my_referent_card(client.get("/en/").content.decode())[1]
    assert ReferentChoice.objects.count() == 1

    response = client.post(
        reverse("referents:forget"), {"next": url}, follow=True
    ).content.decode()
    assert "Your choice is forgotten." in response
    assert not ReferentChoice.objects.filter(user=employee).exists()
    assert my_referent_card(client.get("/en/").content.decode())[0] == "no"


def test_choosing_needs_a_post_a_live_referent_and_stays_on_the_site(
    employee, referents, directory
):
    client = logged_in(employee)
    assert client.get(reverse("referents:choose")).status_code == 405
    offline = referents["omar"]["en"]
    offline.live = False
    offline.save()
    assert choose(client, offline).status_code == 404
    assert client.post(reverse("referents:choose"), {"referent": "x"}).status_code == (
        404
    )
    response = client.post(
        reverse("referents:choose"),
        {"referent": referents["nadia"]["en"].pk, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert not ReferentChoice.objects.exclude(
        referent_key=referents["nadia"]["en"].translation_key
    ).exists()


def test_without_a_choice_a_referent_of_the_reader_s_language_is_proposed(
    roles, referents
):
    people = [UserFactory() for _ in range(16)]
    with translation.override("en"):
        proposals = [referent_of(person) for person in people]
        again = [referent_of(person) for person in people]
    assert proposals == again  # the same person to the same reader
    assert all(not chosen for _, chosen in proposals)
    names = {referent.name for referent, _ in proposals}
    # Omar does not speak English; the others share the load.
    assert names == {"Nadia", "Chloé"}
    assert all(referent.locale.language_code == "en" for referent, _ in proposals)


def test_the_proposal_shows_on_home_and_in_the_directory(
    employee, referents, directory
):
    client = logged_in(employee)
    with translation.override("en"):
        proposed, chosen = referent_of(employee)
    assert not chosen
    home = client.get("/en/").content.decode()
    assert my_referent_card(home) == ("no", my_referent_card(home)[1])
    assert proposed.name in my_referent_card(home)[1]
    assert "Proposed for you by language." in home
    page = client.get(directory["en"].url).content.decode()
    proposed_card = page.split('data-testid="my-referent-proposed"', 1)[0]
    assert proposed.name in proposed_card.rsplit('data-testid="referent-card"', 1)[1]


def test_an_offline_or_deleted_choice_falls_back_to_the_proposal(
    employee, referents, directory
):
    client = logged_in(employee)
    choose(client, referents["omar"]["en"])
    for row in referents["omar"].values():
        row.unpublish()
    home = client.get("/en/").content.decode()
    assert my_referent_card(home)[0] == "no"
    assert "Omar" not in my_referent_card(home)[1]
    for row in referents["omar"].values():
        row.delete()
    assert client.get("/en/").status_code == 200
    assert client.get(reverse("referents:ask")).status_code == 200
    assert client.get(directory["en"].url).status_code == 200


def checked_referent(html):
    match = re.search(
        r'<input type="radio" name="referent" value="(\d+)"[^>]*checked', html
    )
    return int(match.group(1)) if match else None


def test_ask_a_referent_preselects_my_referent(employee, referents, directory):
    client = logged_in(employee)
    with translation.override("en"):
        proposed, _ = referent_of(employee)
        ask_url = reverse("referents:ask")
    assert checked_referent(client.get(ask_url).content.decode()) == proposed.pk
    choose(client, referents["omar"]["en"])
    html = client.get(ask_url).content.decode()
    assert checked_referent(html) == referents["omar"]["en"].pk
    # A referent's own "Ask" link still wins.
    other = referents["nadia"]["en"].pk
    assert checked_referent(
        client.get(f"{ask_url}?referent={other}").content.decode()
    ) == (other)


def without_tokens(html):
    """The page without what changes at every request: security tokens and the admin's
    editing-session addresses."""
    html = re.sub(r'(csrfmiddlewaretoken" value=|CSRF_TOKEN": )"[^"]*"', "", html)
    return re.sub(r"editing-sessions/[^\"]*", "", html)


def test_a_referent_sees_nothing_of_who_chose_them(
    roles, referents, directory, referent
):
    """Every page the referent may open is the same before and after a colleague chose
    them (the admin's "user account" field lists every account either way)."""
    chooser = UserFactory(username="chooser", first_name="Zoéline")
    chooser.groups.set(referent.groups.all())
    nadia = referents["nadia"]
    for row in nadia.values():
        row.user = referent
        row.save()
    client = logged_in(referent)
    pages = [
        "/en/",
        directory["en"].url,
        reverse("referents:ask"),
        reverse("wagtailsnippets_referents_referent:edit", args=[nadia["en"].pk]),
        reverse("wagtailsnippets_referents_referent:usage", args=[nadia["en"].pk]),
        reverse("wagtailsnippets_referents_referent:list"),
        "/admin/",
    ]
    # Logged in first: a login changes the account's row, which PostgreSQL may then list
    # in another order in the admin's "user account" field.
    chooser_client = logged_in(chooser)
    client.get("/en/")  # creates the site settings row on first use
    before = {url: without_tokens(client.get(url).content.decode()) for url in pages}
    choose(chooser_client, nadia["en"])
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        after = without_tokens(response.content.decode())
        changed = [
            line
            for line in difflib.unified_diff(
                before[url].splitlines(), after.splitlines()
            )
            if line[:1] in "+-"
        ]
        assert not changed, (url, changed)
    # The referent's own home shows their own proposal, not anyone's choice.
    assert my_referent_card(client.get("/en/").content.decode())[0] == "no"


def test_no_admin_listing_of_choices(client_for, roles, referents):
    administrator = UserFactory(is_superuser=True, is_staff=True)
    assert ReferentChoice not in get_snippet_models()
    assert not hasattr(referents["nadia"]["en"], "referentchoice_set")
    response = client_for(administrator).get("/admin/")
    assert "chosen referent" not in response.content.decode().lower()


def test_a_cached_home_shows_each_employee_their_own_referent(
    settings, home_page, home_page_en, referents, directory, employee, editor
):
    settings.CHORUS_PAGE_CACHE = True
    first, second = logged_in(employee), logged_in(editor)
    choose(first, referents["omar"]["en"])
    choose(second, referents["chloe"]["en"])
    first.get("/en/")  # creates the site settings row on first use
    mine = first.get("/en/").content.decode()
    # Changed behind the cache's back: the editor is served the copy the employee made.
    type(home_page_en).objects.filter(pk=home_page_en.pk).update(title="Changed unseen")
    theirs = second.get("/en/").content.decode()
    assert "Changed unseen" not in theirs
    assert "Omar" in my_referent_card(mine)[1]
    assert "Chloé" in my_referent_card(theirs)[1]
    assert "Omar" not in my_referent_card(theirs)[1]
    assert "chorus-per-reader" not in theirs


def test_the_directory_shows_each_employee_their_own_choice_with_the_page_cache(
    settings, referents, directory, employee, editor
):
    settings.CHORUS_PAGE_CACHE = True
    first, second = logged_in(employee), logged_in(editor)
    choose(first, referents["omar"]["en"])
    url = directory["en"].url
    first.get(url)
    assert 'data-testid="forget-my-referent"' in first.get(url).content.decode()
    theirs = second.get(url).content.decode()
    assert 'data-testid="forget-my-referent"' not in theirs
    assert theirs.count('data-testid="choose-referent"') == 3


def test_in_a_shared_cache_the_choice_is_read_once_and_forgotten_when_it_changes(
    settings, home_page, home_page_en, referents, directory, employee
):
    settings.CHORUS_SHARED_CACHE = True
    client = logged_in(employee)
    choose(client, referents["omar"]["en"])
    assert "Omar" in my_referent_card(client.get("/en/").content.decode())[1]
    with CaptureQueriesContext(connection) as queries:
        home = client.get("/en/").content.decode()
    assert "Omar" in my_referent_card(home)[1]
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert 'FROM "referents_referentchoice"' not in read
    # Changed outside this person's requests (another host, a script): seen at once.
    choice = ReferentChoice.objects.get(user=employee)
    choice.referent_key = referents["chloe"]["en"].translation_key
    choice.save()
    assert "Chloé" in my_referent_card(client.get("/en/").content.decode())[1]
    ReferentChoice.objects.filter(user=employee).delete()
    assert my_referent_card(client.get("/en/").content.decode())[0] == "no"


def test_the_export_names_my_referent(client_for, employee, referents):
    client = client_for(employee)
    choose(client, referents["omar"]["fr"])
    with translation.override("en"):
        response = client.get(reverse("referents:download_my_data"))
    data = json.loads(response.content)
    assert data["chosen_referent"]["name"] == "Omar"
    assert data["chosen_referent"]["referent_key"] == str(
        referents["omar"]["fr"].translation_key
    )
    assert "referents.ReferentChoice" not in data["other_records"]


def test_closing_the_account_deletes_the_choice(employee, referents):
    choose(logged_in(employee), referents["omar"]["en"])
    close_account(employee)
    assert not ReferentChoice.objects.filter(user=employee).exists()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_transparency_page_tells_about_it(client, locales, language):
    html = client.get(f"/{language}/what-we-see/").content.decode()
    assert 'data-testid="transparency-my-referent"' in html
    title = {"en": "Your chosen referent", "fr": "Votre référent choisi"}[language]
    assert title in html


def test_the_demo_employee_chose_a_referent(roles, locales):
    demo.load()
    employee = demo.get_user_model().objects.get(username="employee")
    with translation.override("en"):
        referent, chosen = referent_of(employee)
    assert chosen and referent.name == "Claire Fontaine"
    other = demo.get_user_model().objects.get(username="ambassador")
    with translation.override("en"):
        assert referent_of(other)[1] is False
