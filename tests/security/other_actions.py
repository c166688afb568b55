"""Admin actions on a share kit (a snippet) and on an uploaded image, and admin areas.

As in page_actions, each function returns True if the action took effect, read back from the
database; GET-only actions count as taking effect when the view is shown.
"""

from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Site

from stories.models import ShareKit


NEW_TITLE = "Changed by the test"


def _kit_url(name, *args):
    return reverse(f"wagtailsnippets_stories_sharekit:{name}", args=args)


def _fresh_kit(kit):
    return ShareKit.objects.filter(pk=kit.pk).first()


def _shown(response):
    return response.status_code == 200


def kit_view(client, kit):
    return _shown(client.get(_kit_url("edit", kit.pk)))


def kit_edit(client, kit):
    shown = kit_view(client, kit)
    client.post(_kit_url("edit", kit.pk), {"title": NEW_TITLE, "page": kit.page_id})
    return shown or _fresh_kit(kit).get_latest_revision_as_object().title == NEW_TITLE


def kit_unpublish(client, kit):
    client.post(_kit_url("unpublish", kit.pk))
    return not _fresh_kit(kit).live


def kit_delete(client, kit):
    client.post(_kit_url("delete", kit.pk))
    return _fresh_kit(kit) is None


def kit_copy(client, kit):
    return _shown(client.get(_kit_url("copy", kit.pk)))


def kit_lock(client, kit):
    client.post(_kit_url("lock", kit.pk))
    return _fresh_kit(kit).locked


def kit_revert(client, kit):
    revision = kit.revisions.order_by("created_at").first()
    return _shown(client.get(_kit_url("revisions_revert", kit.pk, revision.pk)))


def kit_bulk(client, kit):
    url = reverse("wagtail_bulk_action", args=["stories", "sharekit", "delete"])
    client.post(f"{url}?id={kit.pk}", {})
    return _fresh_kit(kit) is None


def kit_translate(client, kit):
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["stories", "sharekit", kit.pk],
    )
    return _shown(client.get(url))


KIT_ACTIONS = {
    action.__name__.removeprefix("kit_"): action
    for action in (
        kit_view,
        kit_edit,
        kit_unpublish,
        kit_delete,
        kit_copy,
        kit_lock,
        kit_revert,
        kit_bulk,
        kit_translate,
    )
}


def _fresh_image(image):
    return get_image_model().objects.filter(pk=image.pk).first()


def image_edit(client, image):
    client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": NEW_TITLE, "collection": image.collection_id, "tags": ""},
    )
    return _fresh_image(image).title == NEW_TITLE


def image_delete(client, image):
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    return _fresh_image(image) is None


IMAGE_ACTIONS = {"edit": image_edit, "delete": image_delete}


def admin_area_url(area):
    if area == "users":
        return reverse("wagtailusers_users:index")
    if area == "settings":
        site = Site.objects.get(is_default_site=True)
        return reverse("wagtailsettings:edit", args=["home", "chorussettings", site.pk])
    if area == "documents":
        return reverse("wagtaildocs:index")
    return reverse(f"wagtailadmin_reports:{area}")


REPORTS = [
    "site_history",
    "workflow",
    "workflow_tasks",
    "locked_pages",
    "aging_pages",
    "page_types_usage",
]
