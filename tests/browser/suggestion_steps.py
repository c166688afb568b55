"""Steps of the story-suggestion journey, for browser tests to combine (issue #14).

Each step starts from wherever the page is, goes where a person would go by clicking, and
ends on the page the person lands on. `suggestion_world` (conftest.py) provides the people and
pages they need. The French wording is matched, since the journeys run in French.
"""

import re


def suggest_story(
    page,
    base_url,
    title,
    what_happened,
    who_could_tell="",
    topics=(),
    credit_me=False,
    wants_help=False,
    could_be_public=False,
):
    """From the home page, the logged-in employee suggests a story; ends on "Mes
    propositions"."""
    page.goto(f"{base_url}/fr/")
    page.get_by_test_id("suggest-story-link").click()
    page.wait_for_url(re.compile(r"/fr/suggest-a-story/$"))
    fill_suggestion(
        page,
        title=title,
        what_happened=what_happened,
        who_could_tell=who_could_tell,
        topics=topics,
        credit_me=credit_me,
        wants_help=wants_help,
        could_be_public=could_be_public,
    )
    page.get_by_test_id("suggest-submit").click()
    page.wait_for_url(re.compile(r"/fr/my-suggestions/$"))


def fill_suggestion(page, **fields):
    form = page.get_by_test_id("suggest-form")
    form.get_by_label("Titre").fill(fields.get("title", ""))
    form.get_by_label("Ce qui s'est passé").fill(fields.get("what_happened", ""))
    form.get_by_label("Qui pourrait la raconter").fill(fields.get("who_could_tell", ""))
    for topic in fields.get("topics", ()):
        form.get_by_label(topic, exact=True).check()
    for name, label in (
        ("credit_me", "Me citer comme auteur"),
        ("wants_help", "J'aimerais l'aide d'un référent"),
        ("could_be_public", "Pourrait être publique"),
    ):
        if fields.get(name):
            form.get_by_label(label).check()


def accept_suggestion(page, base_url, title):
    """The logged-in editor opens the suggestions in the admin, reads the one with this
    title and accepts it; ends on the draft story's edit page. Returns the draft's admin
    URL."""
    page.goto(f"{base_url}/admin/")
    page.get_by_role("link", name="Propositions d'histoires").first.click()
    page.wait_for_url(re.compile(r"/admin/snippets/stories/storysuggestion/$"))
    row = page.get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name=re.compile("^Plus d.options pour")).click()
    row.get_by_role("link", name="Inspecter").click()
    page.wait_for_url(re.compile(r"/storysuggestion/inspect/\d+/$"))
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Accepter").click()
    page.get_by_test_id("decision-submit").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    return page.url


def publish_draft(page):
    """On a page's edit view in the admin, the logged-in editor publishes it; ends on the
    page after publishing."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state()
