"""Template tags of the caches in home.cache and home.page_cache.

`{% chorus_cache 600 "story-body" %}…{% endchorus_cache %}` caches a fragment. Like
Wagtail's `{% wagtailpagecache %}` (skipped in previews, keyed by the page's state and the
site; also usable where there is no page, as in the header) plus the active language,
the content version (the base version on a page that lists no story, home.cache), so
that a change to anything shown inside (a topic, an author's spotlight, an image) is seen
at once after publishing, the audience (a fragment rendered
for a logged-in employee, who sees internal pages and every referent, is never served to an
anonymous visitor, nor the other way round) and the reader's visibility
(home.access.visibility_key), so that a list inside never shows a page to a reader who may
not open it. Wrap only what is the same for every reader of an audience and visibility:
never a form, a CSRF token, a user's name or choice, or anything that depends on the time
(an embargo).

A fragment that shows no story, on a page that lists stories, says so last:
`{% chorus_cache 600 "home-spotlight" this_week shows_no_story %}` is kept under the base
version, and a story's publish leaves it warm.

`{% per_reader "guides_for_me" %}` renders a part of a page that differs for each reader.
"""

from django import template
from django.template import Variable
from django.template.exceptions import TemplateSyntaxError
from django.utils.translation import get_language

from wagtail.models import PAGE_TEMPLATE_VAR, Site
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from home.access import visibility_key
from home.cache import BASE_VERSION_KEY, content_version, version_key_for
from home.page_cache import (
    per_reader_placeholder,
    render_per_reader,
    rendering_for_every_reader,
)


register = template.Library()

SHOWS_NO_STORY = "shows_no_story"

KEY_VARS = (
    "chorus_cache_page",
    "chorus_cache_site",
    "chorus_cache_language",
    "chorus_cache_version",
    "chorus_cache_visibility",
    "chorus_cache_audience",
)


def audience(request):
    """Who a fragment is rendered for: what an employee sees differs from a visitor's."""
    user = getattr(request, "user", None)
    return "employee" if user is not None and user.is_authenticated else "anonymous"


class ContentFragmentCacheNode(WagtailCacheNode):
    """Wagtail's preview-aware cache node, varying on the page (when there is one), the
    site, the language, the content version, the audience and the reader's visibility."""

    def __init__(self, *args, shows_no_story=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.vary_on.extend(Variable(name) for name in KEY_VARS)
        self.shows_no_story = shows_no_story

    def version_key(self, page):
        return BASE_VERSION_KEY if self.shows_no_story else version_key_for(page)

    def render(self, context):
        page = context.get(PAGE_TEMPLATE_VAR)
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        keys = {
            "chorus_cache_page": getattr(page, "cache_key", ""),
            "chorus_cache_site": getattr(site, "pk", ""),
            "chorus_cache_language": get_language(),
            "chorus_cache_version": content_version(self.version_key(page)),
            "chorus_cache_visibility": visibility_key(request),
            "chorus_cache_audience": audience(request),
        }
        with context.update(keys):
            return super().render(context)


@register.tag("chorus_cache")
def do_chorus_cache(parser, token):
    nodelist = parser.parse(("endchorus_cache",))
    parser.delete_first_token()
    tokens = token.split_contents()
    shows_no_story = tokens[-1] == SHOWS_NO_STORY
    if shows_no_story:
        tokens.pop()
    if len(tokens) < 3:
        raise TemplateSyntaxError("'chorus_cache' needs a timeout and a fragment name.")
    return ContentFragmentCacheNode(
        nodelist,
        parser.compile_filter(tokens[1]),
        tokens[2],
        [parser.compile_filter(t) for t in tokens[3:]],
        None,
        shows_no_story=shows_no_story,
    )


def reads_reader(tag):
    """Marks a template tag that shows what is the reader's own (who they are, what they
    chose): a template of a page kept for every employee may use it only inside a
    per-reader fragment (checked by tests/production/test_shared_templates.py)."""
    tag.reads_reader = True
    return tag


@register.simple_tag(takes_context=True)
def per_reader(context, name, argument=None):
    """`{% per_reader "guides_for_me" %}`: a part of a page that differs for each reader
    (CHORUS_PER_READER_FRAGMENTS). When the page is cached for every employee, a
    placeholder stands in its place and the part is rendered for each reader as the page
    is served (home.page_cache). A fragment may take one argument, such as a translation key:
    `{% per_reader "comments" page.comment_thread %}`."""
    request = context["request"]
    if rendering_for_every_reader(request):
        return per_reader_placeholder(name, argument)
    page = context.get(PAGE_TEMPLATE_VAR)
    return render_per_reader(name, request, getattr(page, "locale_id", None), argument)
