from django import template

from chorus_site.search import highlight as highlight_matches


register = template.Library()


@register.filter
def highlight(text, query):
    """`{{ text|highlight:query }}`: the text escaped, with the query's words in <mark>."""
    return highlight_matches(text, query)
