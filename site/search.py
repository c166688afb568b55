"""One search page over stories, guides and spotlights, and referents for employees.

Who finds what follows the access rule of `home.access`: an anonymous visitor finds only
live, public pages; a logged-in employee finds live pages, internal ones included, except
those under a group or password restriction they have not passed (`visible_to`); nobody
finds drafts (only live pages are searched, and the index holds their live text) or
embargoed share texts (share kits are not searched at all). Results are in the language
being read (`home.index_pages.active_locale`).
"""

import re
from collections import defaultdict
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Q
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from guides.models import GuidePage, GuideStage
from home.access import visibility_key, visible_to
from home.cache import cached_content
from home.index_pages import active_locale
from home.page_cache import serve_with_cache
from home.stages import Stage
from stories.models import SpotlightPage, StoryPage, Topic


MAX_QUERY_LENGTH = 200
MAX_HIGHLIGHTED_TERMS = 10
RESULTS_PER_PAGE = 10
REFERENTS_SHOWN = 5
# Beyond this many matches, results come newest first instead of by relevance.
RANKED_MATCHES_MAX = 200
MAX_REFERENT_MATCHES = 50
EXCERPT_LENGTH = 240


class ResultType(models.TextChoices):
    STORY = "story", _("Stories")
    GUIDE = "guide", _("Guides")
    SPOTLIGHT = "spotlight", _("Ambassador spotlights")
    REFERENT = "referent", _("Referents")


PAGE_MODELS = {
    ResultType.STORY: StoryPage,
    ResultType.GUIDE: GuidePage,
    ResultType.SPOTLIGHT: SpotlightPage,
}
# The text shown under a result's title, per page type.
SUMMARY_FIELDS = {StoryPage: "intro", GuidePage: "summary", SpotlightPage: "role"}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Everything"))] + ResultType.choices,
    )
    topic = forms.SlugField(label=_("Topic"), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("Any stage"))] + Stage.choices
    )

    def filters(self):
        """The valid values only: a bad filter is ignored, never an error."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}


def referent_model():
    """The Referent snippet if the referents app provides an indexed one."""
    try:
        model = apps.get_model("referents", "Referent")
    except LookupError:
        return None
    return model if issubclass(model, index.Indexed) else None


def search_pages(request, query, filters, locale):
    """Live pages matching the query and filters, in one language, that the reader may
    open (home.access.visible_to)."""
    page_models = [
        model
        for result_type, model in PAGE_MODELS.items()
        if filters["type"] in ("", result_type)
    ]
    if filters["stage"]:
        page_models = [model for model in page_models if model is GuidePage]
    if not page_models:
        return Page.objects.none()
    pages = visible_to(
        Page.objects.live().filter(locale=locale).type(*page_models), request
    )
    if filters["topic"]:
        tagged = Q()
        for model in page_models:
            tagged |= Q(
                pk__in=model.objects.filter(topics__slug=filters["topic"]).values("pk")
            )
        pages = pages.filter(tagged)
    if filters["stage"]:
        pages = pages.filter(
            pk__in=GuideStage.objects.filter(stage=filters["stage"]).values("page_id")
        )
    # Ranking costs time in proportion to the matches (seconds for thousands on SQLite), so
    # a broad query lists its matches newest first; a precise one is ranked by relevance.
    matches = pages.order_by("-first_published_at").search(
        query, operator="and", order_by_relevance=False
    )
    if matches.count() > RANKED_MATCHES_MAX:
        return matches
    # Few enough to fetch at once: the paginator then counts them without another query.
    return list(pages.search(query, operator="and"))


def search_referents(request, query, filters, locale, limit=REFERENTS_SHOWN):
    """Live referents of one language, for employees only (referents have no stage).

    The search index filters on the locale and being live; the topic is checked on the
    few matches (a directory of people, not thousands of rows).
    """
    model = referent_model()
    if (
        model is None
        or not request.user.is_authenticated
        or filters["type"] not in ("", ResultType.REFERENT)
        or filters["stage"]
    ):
        return []
    found = get_search_backend().search(
        query, model.objects.filter(locale_id=locale.pk, live=True), operator="and"
    )
    tagged = None
    if filters["topic"]:
        tagged = set(
            model.objects.filter(topics__slug=filters["topic"]).values_list(
                "pk", flat=True
            )
        )
    return [
        referent
        for referent in found[:MAX_REFERENT_MATCHES]
        if tagged is None or referent.pk in tagged
    ][:limit]


def query_terms(query):
    """The words of a query worth highlighting, longest first."""
    words = {word for word in re.findall(r"\w+", query) if len(word) > 1}
    return sorted(words, key=len, reverse=True)[:MAX_HIGHLIGHTED_TERMS]


def highlight(text, query):
    """Escape `text`, then wrap each occurrence of the query's words in <mark>."""
    text = str(text or "")
    terms = query_terms(query)
    if not terms:
        return escape(text)
    pattern = re.compile("(" + "|".join(map(re.escape, terms)) + ")", re.IGNORECASE)
    parts = pattern.split(text)
    # re.split with one group alternates: text, match, text, match, ...
    return mark_safe(  # noqa: S308  # nosec B308 B703 (every part is escaped here)
        "".join(
            f"<mark>{escape(part)}</mark>" if i % 2 else escape(part)
            for i, part in enumerate(parts)
        )
    )


def excerpt(page, query):
    """A short plain-text passage of the page around the first word of the query."""
    texts = [getattr(page, SUMMARY_FIELDS.get(type(page), ""), "") or ""]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        texts += body.stream_block.get_searchable_content(body)
    if getattr(page, "bio", ""):
        texts.append(strip_tags(page.bio))  # rich text
    text = " ".join(" ".join(str(t).split()) for t in texts if t)
    terms = query_terms(query)
    first = min(
        (m.start() for t in terms if (m := re.search(re.escape(t), text, re.I))),
        default=0,
    )
    start = max(0, first - EXCERPT_LENGTH // 3)
    passage = Truncator(text[start:]).chars(EXCERPT_LENGTH)
    return ("… " if start else "") + passage


def specific_in_order(pages):
    """The specific pages for a page of results: one query per page type, not per result."""
    ids_by_type = defaultdict(list)
    for page in pages:
        ids_by_type[page.content_type_id].append(page.pk)
    found = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found.update(model.objects.filter(pk__in=ids).in_bulk())
    return [found[page.pk] for page in pages if page.pk in found]


def render_results(request, words, query, filters, locale):
    """The results part of the search page: referents, count, results and pagination."""
    found = search_pages(request, words, filters, locale)
    results_page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results = [
        {
            "page": page,
            "type": type(page)._meta.verbose_name,
            "excerpt": excerpt(page, query),
        }
        for page in specific_in_order(results_page.object_list)
    ]
    referents = []
    if results_page.number == 1:
        referents = search_referents(request, words, filters, locale)
    return render_to_string(
        "search/includes/results.html",
        {
            "query": query,
            "base_query": base_query(query, filters),
            "results_page": results_page,
            "results": results,
            "referents": referents,
        },
        request,
    )


def base_query(query, filters):
    """The query and filters, kept in the pagination links."""
    return urlencode(
        {key: value for key, value in {**filters, "q": query}.items() if value}
    )


@login_not_required
@require_GET
@transaction.non_atomic_requests  # read-only: no transaction to lock SQLite with
def search(request):
    # Readers who may see the same pages get the same answer: they share cached copies
    # (serve_with_cache keys them by the reader's visibility).
    return serve_with_cache(request, lambda: search_page(request), audience="search")


def search_page(request):
    locale = active_locale(request)
    form = SearchForm(request.GET)
    filters = form.filters()
    query = " ".join(filters["q"].split())
    shortened = len(query) > MAX_QUERY_LENGTH
    if shortened:
        # Cut at a space, so that no half word is searched for.
        query = query[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
    # Words only: quotes, operators and wildcards mean something to each search engine.
    words = " ".join(re.findall(r"\w+", query))

    results_html = ""
    if words:
        # The same for every reader who sees the same pages: kept until the next publish.
        page_number = request.GET.get("page", "")
        results_html = cached_content(
            (
                "search",
                locale.pk,
                query,
                sorted(filters.items()),
                page_number,
                visibility_key(request),
            ),
            lambda: render_results(request, words, query, filters, locale),
        )

    topics = Topic.objects.filter(locale=locale).only("name", "slug")
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "searched": bool(words),
            "shortened": shortened,
            "max_query_length": MAX_QUERY_LENGTH,
            "filters": filters,
            "types": ResultType.choices
            if request.user.is_authenticated
            else [c for c in ResultType.choices if c[0] != ResultType.REFERENT],
            "topics": topics,
            "stages": Stage.choices,
            "results_html": results_html,
        },
    )
