"""Each admin action on a page, done the way the admin does it, and whether it took effect.

`ACTIONS[name](client, page, world)` performs the action and returns True if it took effect
(for a view that only shows something: it was shown). Effects are read back from the
database, so a refused action is also proven to have changed nothing.
"""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from tests.referents.admin_forms import spotlight_form_data


NEW_TITLE = "Changed by the test"


def _form_data(page, **overrides):
    page = page.specific
    if page._meta.model_name == "spotlightpage":
        return spotlight_form_data(page, **overrides)
    fields = {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "intro": page.intro,
        "image_alt": "",
        "body": streamfield([]),
        "authors": inline_formset([]),
        "sensitive_guidance": rich_text(""),
        "comments": inline_formset([]),
        **overrides,
    }
    return nested_form_data(fields)


def _fresh(page):
    return Page.objects.filter(pk=page.pk).first()


def _shown(response):
    return response.status_code == 200


def view(client, page, world):
    return _shown(client.get(page.url))


def edit(client, page, world):
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        _form_data(page, title=NEW_TITLE),
    )
    fresh = _fresh(page)
    return fresh.get_latest_revision_as_object().title == NEW_TITLE


def preview(client, page, world):
    return _shown(client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])))


def publish(client, page, world):
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**_form_data(page, title=NEW_TITLE), "action-publish": "action-publish"},
    )
    return _fresh(page).title == NEW_TITLE


def unpublish(client, page, world):
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return not _fresh(page).live


def delete(client, page, world):
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return _fresh(page) is None


def copy(client, page, world):
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "A copy",
            "new_slug": "a-copy",
            "new_parent_page": page.get_parent().pk,
        },
    )
    return Page.objects.filter(slug="a-copy").exists()


def move(client, page, world):
    # Offering the move is the permission check; the confirmation is tried too.
    destination = world["destinations"][
        page.specific._meta.model_name.replace("page", "")
    ]
    offered = _shown(client.get(reverse("wagtailadmin_pages:move", args=[page.pk])))
    client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    )
    moved = _fresh(page).get_parent().pk == destination.pk
    return offered or moved


def lock(client, page, world):
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    return _fresh(page).locked


def revert(client, page, world):
    revision = page.revisions.order_by("created_at").first()
    return _shown(
        client.get(
            reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])
        )
    )


def bulk(client, page, world):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={page.pk}", {})
    return _fresh(page) is None


def translate(client, page, world):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    shown = _shown(client.get(url))
    if not shown:
        client.post(url, {"locales": [world["destinations"]["spotlight"].locale_id]})
        return page.get_translations().exists()
    return shown


ACTIONS = {
    action.__name__: action
    for action in (
        view,
        edit,
        preview,
        publish,
        unpublish,
        delete,
        copy,
        move,
        lock,
        revert,
        bulk,
        translate,
    )
}
