"""Hints that help a share text read well for every reader: warnings, never errors.

The same rules run in two places: here, for editors writing a share kit (the kit's preview,
its edit view, a message after saving), and in the browser, for employees editing their own
text in the share panel (assets/js/kit_hints.js, which computes the hints there and sends them
nowhere). `browser_config()` hands the browser the parameters and the translated messages
defined below, so the two implementations cannot drift apart; tests/browser/test_kit_hints.py
runs the same cases through both.

Why not Wagtail's own content checks: the editor's *Checks* panel runs axe-core in the
preview, and custom axe checks can only reuse axe's built-in evaluate functions (no Python
rule reaches it), while Chorus' templates carry no userbar. Wagtail has no non-blocking form
warnings either. So the hints go where Wagtail already updates as the editor types (the
kit's preview), in a panel of the edit view (stories.panels) and in a message after saving
(stories.wagtail_hooks); none of them can stop a save.

The rules, and why:
- A hashtag of 8 letters or more with no change of case (#employeeadvocacy, #OPENSOURCE) is
  most likely several words glued together, which screen readers spell out letter by letter.
  Capitalising each word (#EmployeeAdvocacy) lets them read words. Shorter tags are usually
  one word (#tech, #hiring, #startup); a long single word (#innovation) gets the hint too,
  and capitalising it (#Innovation) costs nothing and reads as well.
- More hashtags than the network's usual advice (stories.networks.HASHTAG_ADVICE): each one is
  read out, and a list of them hides the message.
- A line of at least 12 letters that is mostly (70 %) capitals: harder to read, and some
  screen readers spell capitals or read them as shouting. Hashtags and links are left out.
- 3 emoji or more in a row: screen readers read the name of every one.
- A text that takes 90 % or more of its network's limit once the disclosure line, the
  hashtags and the link are counted leaves little room for the employee's own words; over
  100 % the network refuses it.
- Two starting texts of a kit that say the same thing offer the employee a false choice.
- A page image without alt text gives the link preview an image nobody can describe.
- In the share panel, a text that differs from the suggested one by 5 characters or fewer
  (a typo fixed, a word of punctuation) is still, for its readers, the company's text; a
  personal word or sentence is more than that. A fixed number of characters rather than a
  share of the text: on a 3,000-character LinkedIn text, 3 % would be a whole sentence.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import networks
from .networks import Network


# Every threshold of the rules, in one place; the browser receives this dictionary.
PARAMETERS = {
    "hashtag_min_letters": 8,
    "capitals_min_letters": 12,
    "capitals_share": 0.7,
    "emoji_run": 3,
    "limit_share": 0.9,
    "nearly_unchanged_characters": 5,
}

# `%(name)s` placeholders, filled here with `%` and in the browser by kit_hints.js.
MESSAGES = {
    "hashtag_case": _(
        "Write %(tag)s with a capital at the start of each word (for example "
        "#EmployeeAdvocacy): screen readers spell out a hashtag in one case letter by "
        "letter."
    ),
    "hashtag_count": _(
        "%(count)s hashtags for %(network)s, where %(advice)s at most is the usual "
        "advice: each one is read out, and too many hide the message."
    ),
    "capitals": _(
        "“%(start)s” is written in capitals: it is harder to read, and some screen "
        "readers spell it out. Use ordinary case."
    ),
    "emoji_run": _(
        "%(count)s emoji in a row: screen readers read out the name of each one. One or "
        "two say as much."
    ),
    "near_limit": _(
        "This text takes %(length)s of the %(limit)s characters %(network)s allows, once "
        "the disclosure line and the link are counted: little room is left for a "
        "personal word."
    ),
    # The words of the kit form's error (ShareKit.text_errors), for one translation.
    "over_limit": _(
        "Too long for %(network)s: %(length)s of %(limit)s, counting the "
        "disclosure line, the hashtags and the link."
    ),
    "duplicate": _(
        "This starting text is the same as “%(other)s”: employees would see two choices "
        "that say one thing."
    ),
    "image_alt": _(
        "The image of “%(page)s” has no alt text, so the link preview will have none. "
        "Describe the image on the page."
    ),
    "nearly_unchanged": _(
        "Your text differs from the suggested one by only a few characters. A personal "
        "word makes it yours."
    ),
}

HASHTAG = re.compile(r"(?<![\w#&])#(\w+)")


@dataclass(frozen=True)
class Hint:
    code: str
    message: str
    where: str = ""  # which starting text, in a kit; "" for the kit as a whole
    text: object = field(default=None, compare=False, repr=False)  # that ShareText


def _hint(code, **params):
    return Hint(code, str(MESSAGES[code]) % params)


def _is_cased(char):
    return char.lower() != char.upper()


def _is_upper(char):
    return _is_cased(char) and char == char.upper()


def hashtags(text):
    """The hashtags of a text, without their #, in order, each once (case ignored)."""
    seen, tags = set(), []
    for tag in HASHTAG.findall(text):
        if tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    return tags


def hashtag_needs_case(tag):
    cased = [char for char in tag if _is_cased(char)]
    return (
        len(cased) >= PARAMETERS["hashtag_min_letters"]
        and len({_is_upper(char) for char in cased}) == 1
    )


def shouting_lines(text):
    """The lines of `text` that are mostly capitals (hashtags and links left out)."""
    found = []
    for line in text.splitlines():
        words = HASHTAG.sub(" ", networks.URL_PATTERN.sub(" ", line))
        cased = [char for char in words if _is_cased(char)]
        if len(cased) < PARAMETERS["capitals_min_letters"]:
            continue
        upper = sum(1 for char in cased if _is_upper(char))
        if upper / len(cased) >= PARAMETERS["capitals_share"]:
            found.append(line.strip())
    return found


def longest_emoji_run(text):
    """The most emoji in a row in `text`, spaces between them allowed."""
    longest = run = 0
    for cluster in networks.graphemes(text):
        if networks.is_emoji(cluster):
            run += 1
            longest = max(longest, run)
        elif not cluster.isspace():
            run = 0
    return longest


def _start(line, length=30):
    return line if len(line) <= length else line[:length].rstrip() + "…"


def text_hints(text, network=None, link=""):
    """Hints about one text as it will be shared (disclosure line and hashtags included)
    on `network` (None: the rules that do not depend on a network)."""
    hints = [
        _hint("hashtag_case", tag=f"#{tag}")
        for tag in hashtags(text)
        if hashtag_needs_case(tag)
    ]
    advice = networks.HASHTAG_ADVICE.get(network)
    if advice is not None and len(hashtags(text)) > advice:
        hints.append(
            _hint(
                "hashtag_count",
                count=len(hashtags(text)),
                network=Network(network).label,
                advice=advice,
            )
        )
    hints += [_hint("capitals", start=_start(line)) for line in shouting_lines(text)]
    if (run := longest_emoji_run(text)) >= PARAMETERS["emoji_run"]:
        hints.append(_hint("emoji_run", count=run))
    limit = networks.limit(network)
    if limit and text.strip():
        length = networks.effective_length(network, text, link)
        code = (
            "over_limit"
            if length > limit
            else "near_limit"
            if length >= PARAMETERS["limit_share"] * limit
            else None
        )
        if code:
            hints.append(
                _hint(code, length=length, limit=limit, network=Network(network).label)
            )
    return hints


def _same_text(text):
    return " ".join(text.split()).casefold()


def _page_image_hint(page):
    page = page.specific
    image_field = getattr(page, "image_field_name", None)
    if (
        image_field
        and getattr(page, f"{image_field}_id", None)
        and not getattr(page, page.alt_field_name, "").strip()
    ):
        return [_hint("image_alt", page=page.title)]
    return []


def text_label(share_text):
    return f"{share_text.label} ({share_text.get_network_display()})"


def kit_hints(kit, texts=None):
    """Every hint about a share kit: each starting text as employees will get it, texts
    that repeat another, and the page's image. `texts` defaults to the kit's own (the edit
    form passes the ones being typed)."""
    texts = list(kit.texts.all() if texts is None else texts)
    hints = []
    if kit.page_id:
        hints += _page_image_hint(kit.page)
    disclosure = kit.disclosure() if kit.page_id else ""
    link = kit.public_link() if kit.page_id else ""
    seen = {}
    for share_text in texts:
        if not share_text.text.strip():
            continue
        where = text_label(share_text)
        full_text = kit.starting_text(share_text, disclosure)
        for hint in text_hints(full_text, share_text.network, link):
            hints.append(Hint(hint.code, hint.message, where, share_text))
        key = _same_text(share_text.text)
        if key in seen:
            message = _hint("duplicate", other=seen[key]).message
            hints.append(Hint("duplicate", message, where, share_text))
        else:
            seen[key] = where
    return hints


def summary(hints):
    """The hints of a kit as one message for the editor, after saving (HTML, escaped)."""
    intro = ngettext(
        "Saved. One suggestion to make it read well for everyone:",
        "Saved. %(count)s suggestions to make it read well for everyone:",
        len(hints),
    ) % {"count": len(hints)}
    items = format_html_join(
        "",
        "<li>{}{}</li>",
        ((f"{hint.where}: " if hint.where else "", hint.message) for hint in hints),
    )
    return format_html("{}<ul>{}</ul>", intro, items)


def edit_distance(first, second, most=None):
    """Levenshtein distance between two texts; with `most`, any distance above it comes
    back as most + 1, computed in a band of that width (fast on long texts)."""
    # What both texts share at the start and the end changes nothing: an edit is usually
    # in one place, so only that place is compared.
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    first, second = first[start:], second[start:]
    end = 0
    while end < min(len(first), len(second)) and first[-1 - end] == second[-1 - end]:
        end += 1
    first, second = first[: len(first) - end], second[: len(second) - end]
    if most is None:
        most = max(len(first), len(second))
    if abs(len(first) - len(second)) > most:
        return most + 1
    previous = list(range(len(second) + 1))
    for i, first_char in enumerate(first, 1):
        current = [i] + [most + 1] * len(second)
        low, high = max(1, i - most), min(len(second), i + most)
        for j in range(low, high + 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (first_char != second[j - 1]),
            )
        if min(current) > most:
            return most + 1
        previous = current
    return min(previous[-1], most + 1)


def is_nearly_unchanged(text, suggested):
    """Changed, but by only a few characters (see the module's docstring)."""
    most = PARAMETERS["nearly_unchanged_characters"]
    return 0 < edit_distance(text.strip(), suggested.strip(), most) <= most


def browser_config():
    """What kit_hints.js needs: the same parameters, network facts and messages."""
    return {
        "parameters": PARAMETERS,
        "limits": {str(network): value for network, value in networks.LIMITS.items()},
        "linkLength": networks.LINK_LENGTH,
        "hashtagAdvice": {
            str(network): value for network, value in networks.HASHTAG_ADVICE.items()
        },
        "networkLabels": {
            str(network.value): str(network.label) for network in Network
        },
        "messages": {code: str(message) for code, message in MESSAGES.items()},
    }
