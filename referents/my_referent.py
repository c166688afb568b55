"""Each employee's own referent: the one they chose, or else one Chorus proposes.

The choice (ReferentChoice) is the referent's translation key, so it holds in every language.
Without a choice, or when the chosen referent is offline or deleted, Chorus proposes one
among the live referents of the reader's language: first those whose "languages spoken"
names the language being read, then, among them, one picked by a stable hash of the reader's
account number. Referents have topics but readers do not (a stage is not a topic), so there
is nothing else to match on; the hash spreads employees over the referents instead of sending
everyone to the first one listed, and keeps proposing the same person to the same reader.
"""

import hashlib
from collections import namedtuple

from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_info

from home.cache import BASE_VERSION_KEY, cached_content
from home.index_pages import index_page

from .models import Referent, ReferentChoice, ReferentIndexPage


def chosen_key(user):
    """The translation key of the referent `user` chose, or None."""
    if not user.is_authenticated:
        return None
    return ReferentChoice.key_of(user)


def choose(user, referent):
    ReferentChoice.objects.update_or_create(
        user=user, defaults={"referent_key": referent.translation_key}
    )


def forget(user):
    ReferentChoice.objects.filter(user=user).delete()


def _speaks_the_reader_s_language(referent):
    language = get_language_info(get_language() or "en")
    spoken = referent.languages.casefold()
    return any(
        name.casefold() in spoken
        for name in (language["name_translated"], language["name_local"])
    )


def _stable_index(user, count):
    digest = hashlib.sha256(f"chorus-referent:{user.pk}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % count


def proposed(user, referents):
    """The referent proposed to `user` among `referents` (live, of the reader's language)."""
    candidates = sorted(referents, key=lambda referent: str(referent.translation_key))
    if not candidates:
        return None
    speaking = [r for r in candidates if _speaks_the_reader_s_language(r)]
    candidates = speaking or candidates
    if not user.is_authenticated:
        return candidates[0]
    return candidates[_stable_index(user, len(candidates))]


def referent_of(user, referents=None):
    """(referent, chosen): the reader's referent in the language being read, and whether
    they chose it (False: proposed). (None, False) when no referent is listed."""
    if referents is None:
        referents = Referent.for_active_locale().select_related("photo")
    referents = list(referents)
    key = chosen_key(user)
    if key is not None:
        for referent in referents:
            if referent.translation_key == key:
                return referent, True
    return proposed(user, referents), False


# What choosing or proposing a referent needs of each live referent.
ReferentSummary = namedtuple("ReferentSummary", ["pk", "translation_key", "languages"])


def my_referent_fragment(request, locale_id=None):
    """A per-reader fragment (CHORUS_PER_READER_FRAGMENTS): the home page's "Your referent"
    card. Which referent is looked up for each reader; the live referents of the language
    and their cards, "chosen" or not (no form, nothing about the reader), are the same
    for every reader until the next publish: kept together, one round trip for a reader.
    Neither shows a story: a story's publish leaves them warm (home.cache)."""
    cards = cached_content(
        ("my-referent-cards", request.get_host()),
        lambda: _cards_of_live_referents(request),
        version_key=BASE_VERSION_KEY,
    )
    referent, chosen = referent_of(request.user, cards["referents"])
    return cards["html"][(getattr(referent, "pk", None), chosen)]


def _cards_of_live_referents(request):
    referents = list(Referent.with_their_cards())
    directory = directory_url(request)

    def card(referent, chosen):
        context = {"referent": referent, "chosen": chosen, "directory_url": directory}
        return render_to_string("referents/includes/my_referent.html", context, request)

    html = {(None, False): card(None, False)}
    for referent in referents:
        for chosen in (True, False):
            html[(referent.pk, chosen)] = card(referent, chosen)
    return {
        "referents": [
            ReferentSummary(referent.pk, referent.translation_key, referent.languages)
            for referent in referents
        ],
        "html": html,
    }


def directory_url(request):
    """The referent directory in the language being read, or None."""
    directory = (
        index_page(request, ReferentIndexPage)
        or ReferentIndexPage.objects.live().first()
    )
    return directory.get_url(request) if directory else None
