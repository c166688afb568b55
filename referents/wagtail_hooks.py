"""The restricted admin of ambassadors, and the referent snippet.

An ambassador is a Wagtail user with "add" on the spotlight indexes (so they own and may edit
what they create), "add" and "choose" on images (Wagtail lets uploaders change only their own
images) and nothing else. Wagtail's permission checks already refuse what they have no right to;
these hooks also hide what they cannot use and close the few doors that "add" leaves open
(copying, moving and bulk actions). What Wagtail would otherwise show them of other people's
work is closed in admin_closure, registered here.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.snippets.models import register_snippet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_closure
from .admin_closure import is_restricted_ambassador, own_work_pages_q
from .models import Referent
from .roles import AMBASSADORS, EDITORS, REFERENTS
from .viewsets import OwnProfilePermissionPolicy, ReferentViewSet


admin_closure.register_policies()
admin_closure.close_popular_tags()
register_snippet(ReferentViewSet)

AMBASSADOR_MENU = {"explorer", "images", "help"}


def is_contributor_only(user):
    """An ambassador or referent with no editor role: site-wide reports are not for them."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return bool(names & {AMBASSADORS, REFERENTS}) and EDITORS not in names


def refuse_contributors(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if is_contributor_only(request.user):
            return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


@hooks.register("register_admin_urls")
def close_reports_to_contributors():
    # Wagtail opens its reports to anyone with any page permission (the "page types usage"
    # report even names the last edited page of each type). Ambassadors hold "add" and
    # referents "publish" on the spotlights only, so close the reports to them, with
    # Wagtail's own helper. Runs while the admin URLconf is built, after the reports module
    # is loaded (importing it earlier would build the URLconf too soon).
    from wagtail.admin.urls import reports

    decorate_urlpatterns(reports.urlpatterns, refuse_contributors)
    return []


@hooks.register("construct_explorer_page_queryset")
def show_ambassadors_only_their_pages(parent_page, pages, request):
    if is_restricted_ambassador(request.user):
        return pages.filter(own_work_pages_q(request.user))
    return pages


@hooks.register("construct_page_chooser_queryset")
def choose_only_own_pages(pages, request):
    if is_restricted_ambassador(request.user):
        return pages.filter(own_work_pages_q(request.user))
    return pages


@hooks.register("register_admin_viewset")
def page_views_with_own_work_filters():
    return admin_closure.OwnWorkPageViewSet()


# After Wagtail's own images and documents endpoints (order 0), so that these replace them.
@hooks.register("construct_admin_api", order=1)
def admin_api_lists_only_choosable_media(router):
    router.register_endpoint("images", admin_closure.ChoosableImagesAPIViewSet)
    router.register_endpoint("documents", admin_closure.ChoosableDocumentsAPIViewSet)


@hooks.register("construct_main_menu")
def ambassador_menu(request, menu_items):
    if is_restricted_ambassador(request.user):
        menu_items[:] = [item for item in menu_items if item.name in AMBASSADOR_MENU]


def _refuse_ambassadors(request, *args, **kwargs):
    if is_restricted_ambassador(request.user):
        raise PermissionDenied


# "add" on the spotlight index would let an owner copy their page beside it or move it.
hooks.register("before_copy_page", _refuse_ambassadors)
hooks.register("before_move_page", _refuse_ambassadors)
hooks.register("before_bulk_action", _refuse_ambassadors)


def _without_copy_and_move(buttons):
    kept = []
    for button in buttons:
        url = getattr(button, "url", None) or ""
        if "/copy/" in url or "/move/" in url:
            continue
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = _without_copy_and_move(button.dropdown_buttons)
        kept.append(button)
    return kept


@hooks.register("construct_page_listing_buttons")
def hide_copy_and_move(buttons, page, user, context=None):
    if is_restricted_ambassador(user):
        buttons[:] = _without_copy_and_move(buttons)


def _refuse_other_referent_profiles(request, instances, action):
    policy = OwnProfilePermissionPolicy(Referent)
    for instance in instances:
        if isinstance(
            instance, Referent
        ) and not policy.user_has_permission_for_instance(
            request.user, action, instance
        ):
            return permission_denied(request)
    return None


# The snippet views check "change" on the model; a referent may use it on their own profile only.
@hooks.register("before_edit_snippet")
def edit_only_own_referent_profile(request, instance):
    return _refuse_other_referent_profiles(request, [instance], "change")


@hooks.register("before_delete_snippet")
def delete_only_own_referent_profile(request, instances):
    return _refuse_other_referent_profiles(request, instances, "delete")


@hooks.register("before_unpublish")
def unpublish_only_own_referent_profile(request, instance):
    return _refuse_other_referent_profiles(request, [instance], "publish")


@hooks.register("after_bulk_action")
def close_accounts_deactivated_in_bulk(request, action_type, objects, action_class):
    # Wagtail's "Set active state" bulk action writes with a queryset update, which sends no
    # save signal: close here the accounts it has just deactivated (`objects` still holds
    # each account as it was before).
    if action_type != "set_active_state" or action_class.cleaned_form.cleaned_data.get(
        "mark_as_active", True
    ):
        return
    from .leaving import close_account

    for user in objects:
        was_active = user.is_active
        user.refresh_from_db(fields=["is_active"])
        if was_active and not user.is_active:
            close_account(user)
