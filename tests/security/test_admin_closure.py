"""Ambassadors see only their own work in the admin (DESIGN §2 and §7).

Ambassador A requests every admin view an ambassador can reach. Ambassador B's draft spotlight
(in review), B's photo, an editor's draft story and the editor's document each carry a marker
word; no response may show one, and no direct URL to one of those objects may open or change it.
A still sees, opens and edits their own spotlight and photo.
"""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Workflow

import pytest

from referents.programme import personal_collection_for
from referents.roles import EDITORS, EMPLOYEES
from referents.workflows import SPOTLIGHT_REVIEW
from stories.models import ShareKit, StoryPage
from tests.factories.home import UserFactory
from tests.factories.referents import AmbassadorFactory, SpotlightPageFactory
from tests.referents.admin_forms import spotlight_form_data


pytestmark = pytest.mark.django_db

# Words that appear only in other people's work: titles, file names and people's names.
# Each title has two: searching for the first, the second must still not show.
MARKERS = [
    "Zephyrine",  # B's draft spotlight title
    "Vermilion",
    "Quillfeather",  # B's last name and username
    "Marigold",  # B's photo title
    "Saffronette",
    "marigold_field",  # B's photo file name
    "Obsidian",  # the editor's draft story title
    "Cobaltine",
    "Thistlewood",  # the editor's last name
    "Tamarind",  # the editor's document title
    "Periwinkle",
    "tamarind_budget",  # the document's file name
    "heliotrope",  # tags on B's photo and on the editor's document
    "gingerbloom",
]


@pytest.fixture
def others(spotlight_indexes, story_indexes, actors):
    editor = UserFactory(username="edith", first_name="Edith", last_name="Thistlewood")
    editor.groups.set(Group.objects.filter(name__in=[EMPLOYEES, EDITORS]))
    ambassador_b = AmbassadorFactory(
        username="bquillfeather", first_name="Bruno", last_name="Quillfeather"
    )
    personal_collection_for(ambassador_b)
    photo_b = get_image_model().objects.create(
        title="Marigold Saffronette",
        file=get_test_image_file(filename="marigold_field.png"),
        uploaded_by_user=ambassador_b,
    )
    photo_b.tags.add("heliotrope-holiday")
    spotlight_b = SpotlightPageFactory(
        parent=spotlight_indexes["fr"],
        owner=ambassador_b,
        title="Zephyrine Vermilion draft",
        slug="zephyrine",
        photo=photo_b,
        photo_alt="Bruno by a lake",
        live=False,
    )
    revision = spotlight_b.save_revision(user=ambassador_b, log_action=True)
    Workflow.objects.get(name=SPOTLIGHT_REVIEW).start(spotlight_b, ambassador_b)
    story = StoryPage(
        title="Obsidian Cobaltine draft",
        slug="obsidian",
        intro="Not out yet.",
        owner=editor,
        live=False,
    )
    story_indexes["fr"].add_child(instance=story)
    story.save_revision(user=editor, log_action=True)
    public_story = StoryPage(
        title="Open day", slug="open-day", intro="Come.", is_public=True, owner=editor
    )
    story_indexes["fr"].add_child(instance=public_story)
    public_story.save_revision(user=editor).publish()
    kit = ShareKit.objects.create(
        title="Obsidian Cobaltine kit",
        page=public_story,
        locale=public_story.locale,
        live=False,
    )
    document = get_document_model().objects.create(
        title="Tamarind Periwinkle",
        file=ContentFile(b"%PDF-1.4 plan", name="tamarind_budget.pdf"),
        uploaded_by_user=editor,
    )
    document.tags.add("gingerbloom-budget")
    return {
        "editor": editor,
        "ambassador_b": ambassador_b,
        "photo_b": photo_b,
        "spotlight_b": spotlight_b,
        "revision_b": revision,
        "story": story,
        "document": document,
        "kit": kit,
    }


@pytest.fixture
def client_a(client, actors, spotlight_a):
    client.force_login(actors["ambassador_a"])
    return client


def report(found):
    return "\n".join(
        f"{url} {status} {shown}" for url, (status, shown) in found.items()
    )


def markers_in(response, searched=""):
    # A search form shows back the words searched for: those do not count.
    content = response.content.decode(errors="replace").lower()
    content = content.replace(searched.lower(), "") if searched else content
    return [marker for marker in MARKERS if marker.lower() in content]


def listing_urls(spotlight_a, others):
    index = spotlight_a.get_parent()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("wagtailadmin_explore_results", args=[index.pk]),
        reverse("wagtailadmin_explore", args=[index.get_parent().pk]),
        reverse("wagtailadmin_explore", args=[others["story"].get_parent().pk]),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        reverse(
            "wagtailadmin_choose_page_child", args=[others["story"].get_parent().pk]
        ),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:index_results"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailimages_chooser:choose_results"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtaildocs_chooser:choose_results"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailsnippets:index"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtail_localize:translations_report"),
        reverse("wagtailforms:index"),
        reverse("wagtailadmin_api:pages:listing"),
        reverse("wagtailadmin_api:images:listing"),
        reverse("wagtailadmin_api:documents:listing"),
        reverse("wagtailadmin_tag_autocomplete"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:index_results"),
        reverse("wagtailimages:index_results"),
        reverse("wagtailadmin_pages:type_use", args=["stories", "spotlightpage"]),
        reverse("wagtailadmin_pages:type_use", args=["stories", "storypage"]),
        reverse("wagtailadmin_pages:choose_parent", args=["stories", "spotlightpage"]),
    ]
    for name in (
        "locked_pages",
        "workflow",
        "workflow_tasks",
        "site_history",
        "aging_pages",
        "page_types_usage",
    ):
        urls.append(reverse(f"wagtailadmin_reports:{name}"))
    for app_label, model in (
        ("stories", "sharekit"),
        ("stories", "topic"),
        ("referents", "referent"),
    ):
        urls += [
            reverse(f"wagtailsnippetchoosers_{app_label}_{model}:choose"),
            reverse(f"wagtailsnippets_{app_label}_{model}:list"),
            reverse("wagtail_localize:snippets_api_listing", args=[app_label, model]),
        ]
    return urls


SEARCHES = ["Zephyrine", "Obsidian", "Marigold", "Tamarind", "draft"]


def search_urls(spotlight_a, others):
    index = spotlight_a.get_parent()
    api = reverse("wagtailadmin_api:pages:listing")
    urls = []
    for word in SEARCHES:
        urls += [
            (url, word)
            for url in [
                f"{reverse('wagtailadmin_pages:search')}?q={word}",
                f"{reverse('wagtailadmin_pages:search_results')}?q={word}",
                f"{reverse('wagtailadmin_explore', args=[index.pk])}?q={word}",
                f"{reverse('wagtailadmin_explore', args=[index.pk])}?q={word}&search_all=1",
                f"{reverse('wagtailadmin_choose_page_search')}?q={word}",
                f"{reverse('wagtailimages_chooser:choose_results')}?q={word}",
                f"{reverse('wagtailimages:index')}?q={word}",
                f"{reverse('wagtaildocs_chooser:choose_results')}?q={word}",
                f"{api}?search={word}",
                f"{reverse('wagtailadmin_api:images:listing')}?search={word}",
                f"{reverse('wagtailadmin_api:documents:listing')}?search={word}",
            ]
        ]
    urls += [
        (url, "")
        for url in [
            # The media choosers' "chosen multiple" answer with what the user may choose.
            f"{reverse('wagtailimages_chooser:chosen_multiple')}?id={others['photo_b'].pk}",
            f"{reverse('wagtaildocs_chooser:chosen_multiple')}?id={others['document'].pk}",
            f"{api}?child_of={index.pk}",
            f"{api}?child_of={index.pk}&for_explorer=1",
            f"{api}?descendant_of={index.get_parent().pk}",
            f"{api}?child_of={others['story'].get_parent().pk}&for_explorer=1",
            f"{api}?child_of=root&for_explorer=1",
            f"{api}?type=stories.SpotlightPage",
            f"{api}?fields=title,owner",
        ]
    ]
    # Tag autocomplete, generic and per tag model (images and documents use taggit's Tag).
    autocomplete = reverse("wagtailadmin_tag_autocomplete")
    by_model = reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"])
    urls += [
        (f"{url}?term={term}", "")
        for url in (autocomplete, by_model)
        for term in ("h", "hel", "g", "gin")
    ]
    return urls


def object_urls(others):
    """Direct URLs to other people's pages, photo and document."""
    spotlight, story = others["spotlight_b"], others["story"]
    photo, document = others["photo_b"], others["document"]
    urls = []
    for page in (spotlight, story):
        revision = page.latest_revision
        urls += [
            reverse(f"wagtailadmin_pages:{name}", args=[page.pk])
            for name in (
                "edit",
                "view_draft",
                "usage",
                "delete",
                "unpublish",
                "move",
                "copy",
                "set_privacy",
                "revisions_index",
                "history",
                "history_results",
                "workflow_history",
                "add_subpage",
                "confirm_workflow_cancellation",
            )
        ]
        urls += [
            reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
            reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]),
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, "earliest", "latest"],
            ),
            reverse("wagtailadmin_api:pages:detail", args=[page.pk]),
            f"{reverse('wagtailadmin_choose_page_chosen_multiple')}?id={page.pk}",
            f"{reverse('wagtail_bulk_action', args=['wagtailcore', 'page', 'delete'])}?id={page.pk}",
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        ]
    workflow_state = spotlight.workflow_states.first()
    urls += [
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=[spotlight.pk, workflow_state.pk],
        ),
        reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[spotlight.pk, workflow_state.current_task_state.task_id],
        ),
    ]
    urls += [
        reverse("wagtailimages:edit", args=[photo.pk]),
        reverse("wagtailimages:delete", args=[photo.pk]),
        reverse("wagtailimages:url_generator", args=[photo.pk]),
        reverse("wagtailimages:preview", args=[photo.pk, "original"]),
        reverse("wagtailimages:image_usage", args=[photo.pk]),
        reverse("wagtailimages:edit_multiple", args=[photo.pk]),
        reverse("wagtailimages_chooser:chosen", args=[photo.pk]),
        reverse("wagtailimages_chooser:select_format", args=[photo.pk]),
        reverse("wagtailadmin_api:images:detail", args=[photo.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
        reverse("wagtaildocs:document_usage", args=[document.pk]),
        reverse("wagtaildocs_chooser:chosen", args=[document.pk]),
        reverse(
            "wagtailsnippetchoosers_stories_sharekit:chosen", args=[others["kit"].pk]
        ),
        reverse("wagtailadmin_api:documents:detail", args=[document.pk]),
    ]
    return urls


def test_listings_searches_and_choosers_show_nothing_of_others(
    client_a, spotlight_a, others
):
    leaks = {}
    urls = [(url, "") for url in listing_urls(spotlight_a, others)]
    for url, searched in urls + search_urls(spotlight_a, others):
        response = client_a.get(url)
        if shown := markers_in(response, searched):
            leaks[url] = (response.status_code, shown)
    assert leaks == {}, report(leaks)


def test_direct_urls_to_others_work_are_refused(client_a, others):
    opened = {}
    for url in object_urls(others):
        response = client_a.get(url)
        shown = markers_in(response)
        if response.status_code not in {302, 403, 404, 405} or shown:
            opened[url] = (response.status_code, shown)
    assert opened == {}, report(opened)


def test_actions_on_others_work_change_nothing(client_a, others):
    for page in (others["spotlight_b"], others["story"]):
        title = page.get_latest_revision_as_object().title
        for name in ("lock", "delete", "unpublish", "set_privacy"):
            client_a.post(reverse(f"wagtailadmin_pages:{name}", args=[page.pk]))
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        client_a.post(f"{bulk}?id={page.pk}", {})
        fresh = Page.objects.get(pk=page.pk)
        assert not fresh.locked
        assert fresh.get_latest_revision_as_object().title == title
        assert (
            fresh.get_view_restrictions().count()
            == page.get_view_restrictions().count()
        )
    photo, document = others["photo_b"], others["document"]
    client_a.post(
        reverse("wagtailimages:edit", args=[photo.pk]),
        {"title": "Changed", "collection": photo.collection_id, "tags": ""},
    )
    client_a.post(reverse("wagtailimages:delete", args=[photo.pk]))
    client_a.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Changed", "collection": document.collection_id, "tags": ""},
    )
    client_a.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert get_image_model().objects.get(pk=photo.pk).title == photo.title
    assert get_document_model().objects.get(pk=document.pk).title == document.title


def test_ambassador_still_finds_and_edits_their_own_work(
    client_a, actors, spotlight_a, photo_a, others
):
    index = spotlight_a.get_parent()
    api = reverse("wagtailadmin_api:pages:listing")
    for url in (
        reverse("wagtailadmin_explore", args=[index.pk]),
        f"{reverse('wagtailadmin_pages:search')}?q=Awa",
        f"{api}?child_of={index.pk}&for_explorer=1",
        reverse("wagtailadmin_pages:history", args=[spotlight_a.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[spotlight_a.pk]),
    ):
        response = client_a.get(url)
        assert response.status_code == 200, url
        assert "Awa" in response.content.decode(), url
    # The explorer's "Owner" filter offers the ambassador their own name.
    explorer = client_a.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert actors["ambassador_a"].get_full_name() in explorer.content.decode()
    for url in (
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailimages_chooser:chosen", args=[photo_a.pk]),
        reverse("wagtailadmin_api:images:listing"),
    ):
        response = client_a.get(url)
        assert response.status_code == 200, url
        assert "Awa&#x27;s photo" in response.content.decode() or (
            "Awa's photo" in response.content.decode()
        ), url
    # Their own tags are still offered: chooser, library filter and autocomplete.
    photo_a.tags.add("awa-at-work")
    for url in (
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailimages:index"),
        f"{reverse('wagtailadmin_tag_autocomplete')}?term=awa",
    ):
        assert "awa-at-work" in client_a.get(url).content.decode(), url
    client_a.post(
        reverse("wagtailadmin_pages:edit", args=[spotlight_a.pk]),
        spotlight_form_data(spotlight_a, title="Awa, engineer"),
    )
    latest = Page.objects.get(pk=spotlight_a.pk).get_latest_revision_as_object()
    assert latest.title == "Awa, engineer"


def test_reviewers_and_editors_still_see_others_drafts(client, actors, others):
    # The closure is for ambassadors: referents review every spotlight, editors see all.
    index = others["spotlight_b"].get_parent()
    client.force_login(actors["referent"])
    explorer = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert "Zephyrine" in explorer.content.decode()
    client.force_login(actors["editor"])
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Obsidian"})
    assert "Obsidian Cobaltine" in search.content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert "Marigold Saffronette" in chooser.content.decode()
    # ... and every tag, in the chooser, the library filter and the autocomplete.
    assert "heliotrope-holiday" in chooser.content.decode()
    library = client.get(reverse("wagtaildocs:index")).content.decode()
    assert "gingerbloom-budget" in library
    autocomplete = client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": "hel"})
    assert autocomplete.json() == ["heliotrope-holiday"]
