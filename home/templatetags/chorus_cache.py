"""`{% chorus_cache 600 "story-body" %}…{% endchorus_cache %}`: a page fragment cache.

Wagtail's `{% wagtailpagecache %}` (skipped in previews, keyed by the page's state and the
site) plus the active language and the content version of home.cache, so that a change to
anything shown inside (a topic, an author's spotlight, an image) is seen at once after
publishing. Wrap only what is the same for every reader: never a form, a CSRF token, a
user's name or choice, or anything that depends on the time (an embargo).
"""

from django import template
from django.template import Variable
from django.template.exceptions import TemplateSyntaxError
from django.utils.translation import get_language

from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

from home.cache import content_version


register = template.Library()

VERSION_VAR = "chorus_content_version"
LANGUAGE_VAR = "chorus_cache_language"


class ContentFragmentCacheNode(WagtailPageCacheNode):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vary_on.extend([Variable(VERSION_VAR), Variable(LANGUAGE_VAR)])

    def render(self, context):
        keys = {VERSION_VAR: content_version(), LANGUAGE_VAR: get_language()}
        with context.update(keys):
            return super().render(context)


@register.tag("chorus_cache")
def do_chorus_cache(parser, token):
    nodelist = parser.parse(("endchorus_cache",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 3:
        raise TemplateSyntaxError("'chorus_cache' needs a timeout and a fragment name.")
    return ContentFragmentCacheNode(
        nodelist,
        parser.compile_filter(tokens[1]),
        tokens[2],
        [parser.compile_filter(t) for t in tokens[3:]],
        None,
    )
