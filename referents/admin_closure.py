"""What an ambassador may see in the admin: their own work, and nothing of anyone else's.

Wagtail 8.0.1 opens more than an ambassador's rights suggest. "Add" on a spotlight index makes
the whole subtree *explorable*, which the page search, the explorer's search and filters, the
admin API (used by the explorer menu), the page type usage listing and the site history all
use; "choose" on the image collections lets the image chooser's "chosen" and "select format"
views and the admin API return any image; the listing's "Owner" and "Edited by" filters offer
the names of everyone who owns or edited a page; the media listings' tag filter, the image
chooser's "popular tags" and the tag autocomplete offer every tag used on anyone's upload; and
a few views (bulk actions, the page
chooser's "chosen multiple", the snippet choosers, every per-page view) check nothing or only
after showing a title.

Everything that narrows an ambassador's admin lives here, so that one rule decides it:
`own_work_pages_q()` for pages, "their own uploads" for images. Where Wagtail offers an
extension point we use it (permission policies, a page viewset, the admin API hook); for the
views that have none, `AmbassadorAdminMiddleware` refuses what lies outside that rule.
"""

from contextvars import ContextVar
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import JsonResponse
from django.urls import reverse

import wagtail.admin.filters
import wagtail.images.views.chooser
from taggit.models import Tag
from wagtail.admin.auth import permission_denied
from wagtail.admin.models import popular_tags_for_model
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from .programme import personal_collection_for
from .roles import AMBASSADORS, EDITORS
from .workflows import spotlight_index_pages


def is_restricted_ambassador(user):
    """An ambassador with no broader role: the closures below apply to them only."""
    if not user.is_authenticated or user.is_superuser:
        return False
    cache_name = "_chorus_restricted_ambassador"
    if not hasattr(user, cache_name):
        names = set(user.groups.values_list("name", flat=True))
        setattr(user, cache_name, AMBASSADORS in names and EDITORS not in names)
    return getattr(user, cache_name)


def own_work_pages_q(user):
    """The pages an ambassador may see in the admin: their own, the spotlight indexes they
    write under, and the ancestors needed to navigate there."""
    indexes = list(spotlight_index_pages())
    ancestor_ids = set()
    for index in indexes:
        ancestor_ids.update(index.get_ancestors().values_list("pk", flat=True))
    return (
        Q(owner=user)
        | Q(pk__in=[index.pk for index in indexes])
        | Q(pk__in=ancestor_ids)
    )


class OwnWorkPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy; an ambassador explores only their own pages.

    "Explorable" pages feed the explorer, page search, admin API, page type usage and the
    page log entries a user may read."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if is_restricted_ambassador(user):
            pages = pages.filter(own_work_pages_q(user))
        return pages


class OwnUploadsImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image policy; an ambassador chooses, sees and uses only what they uploaded.

    Ambassadors hold "choose" on the root collection (so that their own uploads are always
    choosable); without this, every chooser view would offer everyone's images."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if is_restricted_ambassador(user) and instance.uploaded_by_user_id != user.pk:
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        images = super().instances_user_has_any_permission_for(user, actions)
        if is_restricted_ambassador(user):
            images = images.filter(uploaded_by_user=user)
        return images

    def collections_user_has_any_permission_for(self, user, actions):
        # Each ambassador's collection is named after them: offer only their own.
        collections = super().collections_user_has_any_permission_for(user, actions)
        if is_restricted_ambassador(user):
            own = personal_collection_for(user)
            collections = collections.filter(pk=own.pk if own else None)
        return collections


def register_policies():
    policy_registry.register(Page, OwnWorkPagePermissionPolicy(Page))
    # For the exact image model: the images app registers its own policy for it (not exact)
    # in its ready(), which may run after this; an exact registration is looked up first.
    policy_registry.register(
        get_image_model(),
        OwnUploadsImagePermissionPolicy(
            get_image_model(),
            auth_model="wagtailimages.Image",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )


class OwnWorkPageFilterSet(GenericPageFilterSet):
    """The explorer's filters; an ambassador is offered only their own name as owner or
    editor (Wagtail lists everyone who owns or edited any page)."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None and is_restricted_ambassador(request.user):
            only_themselves = get_user_model().objects.filter(pk=request.user.pk)
            for name in ("owner", "edited_by"):
                self.filters[name].queryset = only_themselves


class OwnWorkPageViewSet(PageViewSet):
    """Wagtail's page views with the filters above (replaces its base page viewset)."""

    filterset_class = OwnWorkPageFilterSet


def _choosable(view, model):
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(view.request.user, ["choose"])


class ChoosableImagesAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images, limited to those the user may choose (Wagtail's lists all)."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=_choosable(self, self.model))


class ChoosableDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents, limited to those the user may choose."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=_choosable(self, self.model))


# Tags: an ambassador is offered only the tags of their own uploads.

# The restricted ambassador this request is for (set by AmbassadorAdminMiddleware), so that
# the popular tags Wagtail lists (a module function, no hook) are worked out for them alone.
_tags_reader = ContextVar("chorus_tags_reader", default=None)


def own_upload_tags(user):
    """The tags on the images and documents `user` uploaded, most used first."""
    tagged_by_them = Q()
    for model in (get_image_model(), get_document_model()):
        tagged_by_them |= Q(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(
                model
            ),
            taggit_taggeditem_items__object_id__in=model.objects.filter(
                uploaded_by_user=user
            ).values("pk"),
        )
    return (
        Tag.objects.filter(tagged_by_them)
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")
    )


def popular_tags_for_reader(model, count=10):
    """Wagtail's `popular_tags_for_model`, for a restricted ambassador their own tags only."""
    user = _tags_reader.get()
    if user is None:
        return popular_tags_for_model(model, count)
    return own_upload_tags(user)[:count]


def close_popular_tags():
    """Called once from wagtail_hooks: the media listings' tag filter and the image chooser
    call `popular_tags_for_model` by the name they imported; give them the reader's version.
    tests/security/test_admin_closure.py fails if Wagtail stops calling it that way."""
    for module in (wagtail.admin.filters, wagtail.images.views.chooser):
        module.popular_tags_for_model = popular_tags_for_reader


def own_tags_autocomplete(request):
    """Wagtail's tag autocomplete, answered from the ambassador's own tags (only the
    generic tag model: the page tag models are not theirs to explore)."""
    term = request.GET.get("term", "")
    if not term or request.resolver_match.kwargs.get("app_name"):
        return JsonResponse([], safe=False)
    names = (
        own_upload_tags(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


TAG_AUTOCOMPLETE_VIEWS = {
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_tag_model_autocomplete",
}

# Views an ambassador has no use for and that show other people's titles before any check
# (the snippet choosers list draft share kits to anyone with admin access).
CLOSED_TO_AMBASSADORS = {
    "wagtail_bulk_action",
    "wagtailadmin_choose_page_chosen_multiple",
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}
CLOSED_NAMESPACE_PREFIXES = ("wagtailforms", "wagtailsnippetchoosers_")
# Views about one page: open to an ambassador only for the pages of own_work_pages_q().
PAGE_VIEW_NAMESPACES = {"wagtailadmin_pages"}
PAGE_VIEWS = {
    "wagtailadmin_explore",
    "wagtailadmin_explore_results",
    "wagtailadmin_choose_page_child",
}
PAGE_ID_KWARGS = ("page_id", "page_to_move_id", "parent_page_id", "pk")


def _page_id(match):
    if match.namespace in PAGE_VIEW_NAMESPACES or match.view_name in PAGE_VIEWS:
        for name in PAGE_ID_KWARGS:
            if name in match.kwargs:
                return match.kwargs[name]
    return None


def _refused(request):
    match = request.resolver_match
    if match is None:
        return False
    closed = match.view_name in CLOSED_TO_AMBASSADORS or any(
        namespace.startswith(CLOSED_NAMESPACE_PREFIXES)
        for namespace in match.namespaces
    )
    page_id = _page_id(match)
    if not closed and page_id is None:
        return False
    if not is_restricted_ambassador(request.user):
        return False
    if closed:
        return True
    own_work = Page.objects.filter(own_work_pages_q(request.user))
    return not own_work.filter(pk=page_id).exists()


@cache
def admin_root():
    return reverse("wagtailadmin_home")


class AmbassadorAdminMiddleware:
    """Refuses an ambassador the admin views that Wagtail leaves without a usable hook."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            _tags_reader.set(None)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _refused(request):
            return permission_denied(request)
        match = request.resolver_match
        # Only the admin's views: reading the user's groups on a page would cost a query.
        if match is None or not request.path.startswith(admin_root()):
            return None
        if not is_restricted_ambassador(request.user):
            return None
        if match.view_name in TAG_AUTOCOMPLETE_VIEWS:
            return own_tags_autocomplete(request)
        _tags_reader.set(request.user)
        return None
