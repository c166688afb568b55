"""The four roles of Chorus as Django groups with Wagtail permissions.

`ensure_roles()` is idempotent: it runs after every `migrate` and from `load_demo`, and brings
each group's permissions back to what is written here.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from home.signals import EMPLOYEES_GROUP

from .workflows import ensure_spotlight_review, spotlight_index_pages


EMPLOYEES = EMPLOYEES_GROUP
EDITORS = "Editors"
AMBASSADORS = "Ambassadors"
REFERENTS = "Referents"
ALL_ROLES = [EMPLOYEES, EDITORS, AMBASSADORS, REFERENTS]

# Snippets that editors manage in full. Models that do not exist yet are skipped.
EDITOR_SNIPPETS = [
    "stories.topic",
    "stories.sharekit",
    "referents.referent",
    "team_channels.teamchannel",
    # Editors accept or decline story suggestions ("change"); nobody adds one in the
    # admin, whatever the permission says (stories.suggestion_admin's policy).
    "stories.storysuggestion",
]
EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
EDITOR_COLLECTION_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]


class Permissions:
    """Every permission, read in one query for one run of `ensure_roles` (which asks for
    some forty of them, and runs at each new spotlight index)."""

    def __init__(self):
        self.by_key = {
            (permission.content_type.app_label, permission.codename): permission
            for permission in Permission.objects.select_related("content_type")
        }

    def get(self, app_label, codename):
        return self.by_key.get((app_label, codename))

    def of_model(self, label):
        """Every permission of the model `label`; none if the model does not exist."""
        try:
            model = apps.get_model(label)
        except LookupError:
            return []
        # As ContentType.objects.get_for_model: a proxy's are its concrete model's.
        concrete = model._meta.concrete_model._meta
        app_label, model_name = concrete.app_label, concrete.model_name
        return [
            permission
            for (label_of, _codename), permission in self.by_key.items()
            if label_of == app_label and permission.content_type.model == model_name
        ]


def _grant(permission_model, group, target, permissions):
    """Give `group` each of `permissions` on `target` (a page or a collection) that it
    does not hold yet: one query to read what it holds, one to add the rest (a host that
    adds the same at the same moment is no error)."""
    target_field = "page" if permission_model is GroupPagePermission else "collection"
    held = set(
        permission_model.objects.filter(
            group=group, **{target_field: target}
        ).values_list("permission_id", flat=True)
    )
    permission_model.objects.bulk_create(
        (
            permission_model(
                group=group, permission=permission, **{target_field: target}
            )
            for permission in permissions
            if permission is not None and permission.pk not in held
        ),
        ignore_conflicts=True,
    )


def _set_page_permissions(permissions, group, page, codenames):
    _grant(
        GroupPagePermission,
        group,
        page,
        [permissions.get("wagtailcore", codename) for codename in codenames],
    )


def _set_collection_permissions(permissions, group, collection, codenames):
    _grant(
        GroupCollectionPermission,
        group,
        collection,
        [
            permissions.get(
                "wagtailimages" if codename.endswith("image") else "wagtaildocs",
                codename,
            )
            for codename in codenames
        ],
    )


def comment_moderation_permissions(permissions):
    """Editors and referents moderate comments: they see and change them in the admin
    (the stories app's CommentViewSet), never add or delete one there."""
    return [
        permissions.get("stories", "view_comment"),
        permissions.get("stories", "change_comment"),
    ]


def setup_editors(permissions, group):
    granted = [
        permissions.get("wagtailadmin", "access_admin"),
        permissions.get("wagtail_localize", "submit_translation"),
        permissions.get("home", "change_chorussettings"),
        permissions.get("home", "manage_quiet_period"),
        permissions.get("stories", "view_share_report"),
        permissions.get("stories", "change_commentsettings"),
        *comment_moderation_permissions(permissions),
        permissions.get("guides", "review_guides"),
        permissions.get("wagtailcore", "view_locale"),
    ]
    for label in EDITOR_SNIPPETS:
        granted += permissions.of_model(label)
    group.permissions.add(*[p for p in granted if p is not None])
    root_page = Page.get_first_root_node()
    if root_page is not None:
        _set_page_permissions(permissions, group, root_page, EDITOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        _set_collection_permissions(
            permissions, group, root_collection, EDITOR_COLLECTION_PERMISSIONS
        )


# Ambassadors write their own spotlight: "add" on each spotlight index makes them the owner of
# what they create, and owners may edit (never publish) their pages. They upload images; Wagtail
# lets an uploader with "add" change or delete only their own images.
AMBASSADOR_PAGE_PERMISSIONS = ["add_page"]
AMBASSADOR_COLLECTION_PERMISSIONS = ["add_image", "choose_image"]
REFERENT_PAGE_PERMISSIONS = ["publish_page"]


def setup_ambassadors(permissions, group):
    group.permissions.add(permissions.get("wagtailadmin", "access_admin"))
    for index_page in spotlight_index_pages():
        _set_page_permissions(
            permissions, group, index_page, AMBASSADOR_PAGE_PERMISSIONS
        )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        _set_collection_permissions(
            permissions, group, root_collection, AMBASSADOR_COLLECTION_PERMISSIONS
        )


def setup_referents(permissions, group):
    # Referents review spotlights through the workflow task, which lets them open the editor
    # of a page in review; approving publishes it, and Wagtail publishes as the approver, so
    # they hold "publish" on the spotlight indexes (and no page permission anywhere else).
    # "change_referent" is narrowed to their own profile by OwnProfilePermissionPolicy.
    for index_page in spotlight_index_pages():
        _set_page_permissions(permissions, group, index_page, REFERENT_PAGE_PERMISSIONS)
    # "view" on story suggestions: the policy shows them only those that asked for help.
    granted = [
        permissions.get("wagtailadmin", "access_admin"),
        permissions.get("referents", "change_referent"),
        permissions.get("referents", "publish_referent"),
        *comment_moderation_permissions(permissions),
        permissions.get("stories", "view_storysuggestion"),
    ]
    group.permissions.add(*[p for p in granted if p is not None])


def ensure_roles():
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_ROLES}
    permissions = Permissions()
    setup_editors(permissions, groups[EDITORS])
    setup_ambassadors(permissions, groups[AMBASSADORS])
    setup_referents(permissions, groups[REFERENTS])
    ensure_spotlight_review([REFERENTS, EDITORS])
    return groups
