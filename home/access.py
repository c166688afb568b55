"""The one rule of Chorus: an anonymous visitor gets a page only if it is published and public.

Content pages (stories, spotlights, guides) carry an `is_public` flag. Their Wagtail view
restriction is derived from it: an internal page has a "logged-in users" restriction, a public
one has none. Because the rule is stored as Wagtail's own restriction, `.public()` querysets,
the sitemap, search, feeds, document privacy and cache headers all follow it without special
cases. Home and index pages are never public: they ask for a login themselves
(`LoginRequiredPageMixin`), since a restriction on them would cascade to their public children.
"""

from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction


class PublicFlagMixin(models.Model):
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


class LoginRequiredPageMixin:
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
    return (
        page.live
        and not PageViewRestriction.objects.filter(
            page__in=page.get_ancestors(inclusive=True)
        ).exists()
    )


def private_q(queryset):
    """Wagtail's `PageQuerySet.private_q`, in a form that scales with Chorus' restrictions.

    Wagtail adds one path clause per restriction; Chorus gives every internal page its own
    restriction, so at 10,000 stories SQLite refuses the query ("expression tree is too
    large"). Restrictions on leaf pages (almost all of them) become one indexed subquery;
    only restrictions on pages with children still need a path clause. Same pages, same rule.
    """
    leaves = PageViewRestriction.objects.filter(page__numchild=0).values("page_id")
    q = models.Q(pk__in=leaves)
    branches = PageViewRestriction.objects.filter(page__numchild__gt=0)
    for path in set(branches.values_list("page__path", flat=True)):
        q |= models.Q(path__startswith=path)  # the page and everything below it
    return q


def use_scalable_private_q():
    """Called once from HomeConfig.ready(): `.public()` and `.not_public()` use private_q."""
    from wagtail.query import PageQuerySet

    PageQuerySet.private_q = private_q
