"""The one rule of Chorus: an anonymous visitor gets a page only if it is published and public.

Content pages (stories, spotlights, guides) carry an `is_public` flag. Their Wagtail view
restriction is derived from it: an internal page has a "logged-in users" restriction, a public
one has none. Because the rule is stored as Wagtail's own restriction, `.public()` querysets,
the sitemap, search, feeds, document privacy and cache headers all follow it without special
cases. Home and index pages are never public: they ask for a login themselves
(`LoginRequiredPageMixin`), since a restriction on them would cascade to their public children.

Editors may add Wagtail's own group or password restrictions. Every list of pages (home,
indexes, what is new, feeds, search, guides, the dashboard) shows a page only to a reader who
may open it: one rule, `visible_to(queryset, request)`, and one key for the caches that keep
lists, `visibility_key(request)`.
"""

import hashlib
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from .cache import (
    content_version,
    kept_if_shared,
    read_with_account,
    read_with_account_row,
    replace_version,
)


class KeptViewRestrictionsMixin:
    """Wagtail's `get_view_restrictions`, in one query and read once per page instance:
    Wagtail's serve hook, the page cache and the templates all ask for them while one
    request is served."""

    def get_view_restrictions(self):
        kept = self.__dict__.get("_chorus_view_restrictions")
        if kept is None:
            if self.__dict__.get(RESTRICTED_FLAG) is False:
                kept = PageViewRestriction.objects.none()  # read with the page
            else:
                kept = view_restrictions_on_path(self.path)
                # Evaluated now: later iterations and .exists() reuse the rows.
                len(kept)
            self.__dict__["_chorus_view_restrictions"] = kept
        return kept


# Set on a page read through `with_restricted_flag`.
RESTRICTED_FLAG = "chorus_restricted"


def with_restricted_flag(pages, path):
    """`pages` (the page at tree `path`) read with whether any view restriction applies to
    it: a page without one (home, index pages, public pages) then answers
    `get_view_restrictions` without a query of its own."""
    return pages.annotate(**{RESTRICTED_FLAG: Exists(view_restrictions_on_path(path))})


def view_restrictions_on_path(path):
    """The restrictions that apply to the page at tree `path` as Wagtail's
    `Page.get_view_restrictions` finds them: those on the page and on each page above it,
    where an alias stands for its source (up to three aliases in a chain). Wagtail reads the
    ancestors first, then their restrictions; here the ancestors are a subquery, found from
    the page's tree path."""
    steps = range(Page.steplen, len(path) + 1, Page.steplen)
    on_path = Page.objects.filter(path__in=[path[:end] for end in steps])
    sources = on_path.annotate(
        source=Coalesce(
            "alias_of__alias_of__alias_of_id",
            "alias_of__alias_of_id",
            "alias_of_id",
            "id",
        )
    )
    return PageViewRestriction.objects.filter(page_id__in=sources.values("source"))


class PublicFlagMixin(KeptViewRestrictionsMixin, models.Model):
    """A page that is internal unless an editor marks it public."""

    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Public pages can be read without logging in and shared outside the organisation. "
            "Leave unticked for internal content. Takes effect when the page is published."
        ),
    )

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        # The sitemap walks the default site's tree (French): list the public translations
        # of each public page with it, so that the English pages are found too.
        urls = super().get_sitemap_urls(request)
        for translation in self.get_translations().live().public():
            urls += Page.get_sitemap_urls(translation, request)
        return urls


class LoginRequiredPageMixin(KeptViewRestrictionsMixin):
    """A page for logged-in employees only, whatever the restrictions above or below it."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return []


def restrict_to_logged_in(page):
    # Not get_or_create: copying a page (copy_for_translation) also copies its restrictions,
    # so a copy may hold two login restrictions, which are harmless but break get().
    restrictions = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    if not restrictions.exists():
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )


def sync_view_restriction(page):
    """Give an internal page a login restriction and take it off a public one."""
    if page.is_public:
        PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.LOGIN
        ).delete()
    else:
        restrict_to_logged_in(page)


def is_publicly_visible(page):
    """True if an anonymous visitor may see this page now (live, and no restriction on its path)."""
    return page.live and not page.get_view_restrictions().exists()


def public_translations(page):
    """The live translations of `page` that anyone may open, with their locale, read once
    per page instance: a visitor's language links and the link preview both show them."""
    kept = page.__dict__.get("_chorus_public_translations")
    if kept is None:
        kept = list(page.get_translations().live().public().select_related("locale"))
        page.__dict__["_chorus_public_translations"] = kept
    return kept


def private_q(queryset):
    """Wagtail's `PageQuerySet.private_q` (a page is private if a view restriction of any kind
    sits on it or on a page above it), in a form that scales with Chorus' restrictions.

    Wagtail adds one path clause per restriction; Chorus gives every internal page its own
    restriction, so at 10,000 stories SQLite refuses the query ("expression tree is too
    large"). Here restricted pages are one indexed subquery, and only restricted pages that
    have children add a path clause for what lies below them: few, since only home and
    index pages take children. Which pages have children is read from the children's own
    paths, never from the stored `numchild`. Like Wagtail's, it runs one query when
    `.public()` or `.not_public()` is called (`restricted_parent_paths`, kept in a shared
    cache), and the pages are then one query.
    """
    q = models.Q(pk__in=PageViewRestriction.objects.values("page_id"))
    for path in restricted_parent_paths():
        q |= models.Q(path__startswith=path)  # the page and everything below it
    return q


RESTRICTED_PARENTS_KEY = "chorus:restricted-parents"


def restricted_parent_paths():
    """The paths of the restricted pages that have children. Every page is read to find
    them (70 ms on PostgreSQL at 100,000 stories), so with a shared cache they are kept
    until a restriction changes, a page is added or moves (VISIBILITY_VERSION_KEY, replaced
    again once the change commits). A page deleted meanwhile leaves a parent without
    children in the list, which hides nothing more."""

    def read():
        parent_paths = Page.objects.values(
            parent_path=Substr("path", 1, Length("path") - Page.steplen)
        )
        restricted_parents = Page.objects.filter(
            Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))),
            path__in=parent_paths,
        )
        return list(restricted_parents.values_list("path", flat=True))

    return kept_if_shared(
        RESTRICTED_PARENTS_KEY,
        read,
        timeout=VISIBILITY_SECONDS,
        version_key=VISIBILITY_VERSION_KEY,
    )


# Wagtail's own, taken before use_scalable_private_q replaces it: the tests compare the two.
WAGTAIL_PRIVATE_Q = PageQuerySet.__dict__["private_q"]


def use_scalable_private_q():
    """Called once from HomeConfig.ready(): `.public()` and `.not_public()` use private_q.
    Wagtail has no setting for this, and `Page.objects` (which Wagtail's sitemap, search and
    document privacy use) cannot be given another queryset class, hence the replacement."""
    PageQuerySet.private_q = private_q


# Who sees which pages in lists.

PUBLIC = ("public",)
EMPLOYEE = ("employee",)
# A change of groups forgets a reader's visibility at once; this bounds a rare race (a
# request computing it while the change is being saved).
VISIBILITY_SECONDS = 600


def restrictions_that_may_hide():
    """Password and group restrictions: editors add them by hand, so there are few, and
    often none."""
    return PageViewRestriction.objects.exclude(
        restriction_type=PageViewRestriction.LOGIN
    )


def hidden_paths(user):
    """The paths of the pages a logged-in `user` may not open, each hiding everything under
    it: under a password restriction (lists never ask for a password), or under a group
    restriction whose groups they are not in (superusers pass every group restriction, as in
    Wagtail's `PageViewRestriction.accept_request`). One query."""
    blocking = restrictions_that_may_hide()
    if user.is_superuser:
        blocking = blocking.exclude(restriction_type=PageViewRestriction.GROUPS)
    else:
        blocking = blocking.exclude(
            restriction_type=PageViewRestriction.GROUPS, groups__in=user.groups.all()
        )
    return tuple(sorted(set(blocking.values_list("page__path", flat=True))))


VISIBILITY_VERSION_KEY = "chorus:visibility-version"


def visibility_cache_key(user_id):
    return f"chorus:visibility:{user_id}"


def visibility_cache_keys(user_id):
    """What `visibility` reads from the cache (CHORUS_READ_WITH_ACCOUNT)."""
    return [VISIBILITY_VERSION_KEY, visibility_cache_key(user_id)]


def visibility_on_account_row(user_id):
    """Read with the account's row (CHORUS_READ_WITH_ACCOUNT_ROW): whether any restriction
    may hide a page from anyone (without one, `visibility` needs no query), and with a
    shared cache the version of what people may see, read before the row: what is kept
    from the row is kept under it, which a restriction added since has replaced."""
    reads = {visibility_cache_key(user_id): Exists(restrictions_that_may_hide())}
    if settings.CHORUS_SHARED_CACHE:
        reads[VISIBILITY_VERSION_KEY] = content_version(VISIBILITY_VERSION_KEY)
    return reads


def forget_visibility(*user_ids):
    """Forget what these users may see: their groups changed."""
    cache.delete_many([visibility_cache_key(user_id) for user_id in user_ids])


def forget_every_visibility(**kwargs):
    """Forget what everyone may see: a restriction changed, a page was added or moved, a
    group went (a signal receiver, so it takes **kwargs). Forgotten again once the change
    commits: what another process read meanwhile from the old rows is not kept."""
    replace_version(VISIBILITY_VERSION_KEY)


def _read_visibility(user):
    key = visibility_cache_key(user.pk)
    already_read = read_with_account(user)
    may_hide = read_with_account_row(user, key, lambda: True)
    if not may_hide:
        # Nothing may hide a page, as read with the account's row: kept under the version
        # read before that row, which a restriction added since has replaced.
        before_row = read_with_account_row(user, VISIBILITY_VERSION_KEY, lambda: None)
        already_read = {**(already_read or {}), VISIBILITY_VERSION_KEY: before_row}
    return kept_if_shared(
        key,
        lambda: EMPLOYEE + (hidden_paths(user) if may_hide else ()),
        timeout=VISIBILITY_SECONDS,
        version_key=VISIBILITY_VERSION_KEY,
        already_read=already_read,
    )


def visibility(request):
    """What decides which pages this reader finds in lists: `PUBLIC` (anonymous visitors),
    or `EMPLOYEE` followed by the `hidden_paths` of the reader. Readers with the same
    visibility see the same lists.

    Kept once per request, and in a shared cache (CHORUS_SHARED_CACHE) per user until a
    restriction changes, a page moves or the user's groups change (home.signals):
    publishing leaves it alone. While no restriction may hide a page, the account's row
    says so (`visibility_on_account_row`) and no query is needed."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return PUBLIC
    kept = getattr(request, "chorus_visibility", None)
    if kept is not None and kept[0] == user.pk:
        return kept[1]
    seen = _read_visibility(user)
    request.chorus_visibility = (user.pk, seen)
    return seen


def visibility_key(request):
    """A short name for the reader's `visibility`, for the keys of caches that keep lists
    (or pages holding lists): readers never share a copy that lists pages one of them may
    not open."""
    seen = visibility(request)
    if seen in (PUBLIC, EMPLOYEE):
        return seen[0]
    digest = hashlib.md5(repr(seen).encode(), usedforsecurity=False).hexdigest()
    return f"employee-{digest}"


def visible_to(queryset, request):
    """THE rule for lists: the pages of `queryset` that this reader may open, as Wagtail's
    `accept_request` decides page by page, in one query. An anonymous visitor gets
    `.public()` pages (no restriction at all); a logged-in reader every page but those
    under `hidden_paths`. Drafts are the caller's business (`.live()`), as with `.public()`."""
    return visible_with(queryset, visibility(request))


def user_visibility(user):
    """`visibility` for a person outside any request (a digest, a personal feed, a reminder):
    worked out afresh, never cached, so a group change made a second ago counts. An inactive
    account sees what an anonymous visitor sees."""
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    return EMPLOYEE + hidden_paths(user)


def visible_to_user(queryset, user):
    """The same rule as `visible_to`, for `user` rather than a request's reader."""
    return visible_with(queryset, user_visibility(user))


def visible_to_every_employee(queryset):
    """The same rule, for what is announced to everyone at once (team channels): the pages
    of `queryset` that any logged-in employee may open, whatever their groups. Pages under
    a group or password restriction are left out, whichever group it names: an announcement
    reaches people outside it."""
    return visible_with(queryset, EMPLOYEE + hidden_paths(AnonymousUser()))


def visible_with(queryset, seen):
    """The pages of `queryset` open to readers of visibility `seen` (`visibility`,
    `user_visibility`): for code that applies one reader's rule to several lists."""
    if seen == PUBLIC:
        return queryset.public()
    hidden = [models.Q(path__startswith=path) for path in seen[1:]]
    return queryset.exclude(reduce(or_, hidden)) if hidden else queryset
