"""The four roles of Chorus as Django groups with Wagtail permissions.

`ensure_roles()` is idempotent: it runs after every `migrate` and from `load_demo`, and brings
each group's permissions back to what is written here.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

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


def _permission(app_label, codename):
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def _model_permissions(label):
    try:
        model = apps.get_model(label)
    except LookupError:
        return []
    content_type = ContentType.objects.get_for_model(model)
    return list(Permission.objects.filter(content_type=content_type))


def _set_page_permissions(group, page, codenames):
    for codename in codenames:
        permission = _permission("wagtailcore", codename)
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def _set_collection_permissions(group, collection, codenames):
    for codename in codenames:
        app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
        permission = _permission(app_label, codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def comment_moderation_permissions():
    """Editors and referents moderate comments: they see and change them in the admin
    (the stories app's CommentViewSet), never add or delete one there."""
    return [
        _permission("stories", "view_comment"),
        _permission("stories", "change_comment"),
    ]


def setup_editors(group):
    permissions = [_permission("wagtailadmin", "access_admin")]
    permissions += [
        _permission("wagtail_localize", "submit_translation"),
        _permission("home", "change_chorussettings"),
        _permission("home", "manage_quiet_period"),
        _permission("stories", "view_share_report"),
        _permission("stories", "change_commentsettings"),
        *comment_moderation_permissions(),
        _permission("guides", "review_guides"),
        _permission("wagtailcore", "view_locale"),
    ]
    for label in EDITOR_SNIPPETS:
        permissions += _model_permissions(label)
    group.permissions.add(*[p for p in permissions if p is not None])
    root_page = Page.get_first_root_node()
    if root_page is not None:
        _set_page_permissions(group, root_page, EDITOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        _set_collection_permissions(
            group, root_collection, EDITOR_COLLECTION_PERMISSIONS
        )


# Ambassadors write their own spotlight: "add" on each spotlight index makes them the owner of
# what they create, and owners may edit (never publish) their pages. They upload images; Wagtail
# lets an uploader with "add" change or delete only their own images.
AMBASSADOR_PAGE_PERMISSIONS = ["add_page"]
AMBASSADOR_COLLECTION_PERMISSIONS = ["add_image", "choose_image"]
REFERENT_PAGE_PERMISSIONS = ["publish_page"]


def setup_ambassadors(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for index_page in spotlight_index_pages():
        _set_page_permissions(group, index_page, AMBASSADOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        _set_collection_permissions(
            group, root_collection, AMBASSADOR_COLLECTION_PERMISSIONS
        )


def setup_referents(group):
    # Referents review spotlights through the workflow task, which lets them open the editor
    # of a page in review; approving publishes it, and Wagtail publishes as the approver, so
    # they hold "publish" on the spotlight indexes (and no page permission anywhere else).
    # "change_referent" is narrowed to their own profile by OwnProfilePermissionPolicy.
    for index_page in spotlight_index_pages():
        _set_page_permissions(group, index_page, REFERENT_PAGE_PERMISSIONS)
    # "view" on story suggestions: the policy shows them only those that asked for help.
    permissions = [
        _permission("wagtailadmin", "access_admin"),
        _permission("referents", "change_referent"),
        _permission("referents", "publish_referent"),
        *comment_moderation_permissions(),
        _permission("stories", "view_storysuggestion"),
    ]
    group.permissions.add(*[p for p in permissions if p is not None])


def ensure_roles():
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ALL_ROLES}
    setup_editors(groups[EDITORS])
    setup_ambassadors(groups[AMBASSADORS])
    setup_referents(groups[REFERENTS])
    ensure_spotlight_review([REFERENTS, EDITORS])
    return groups
