"""The social networks Chorus can share to, with their real text limits.

Everything here is a pure function of its arguments (no database, no request), so the panel,
the kit validation and the share redirect all count and encode the same way.

How each network counts a post:
- X: 280, weighted like twitter-text (most Latin text 1, CJK and emoji 2); every link counts as
  23, and the shared link is appended by X after a space.
- Bluesky: 300 graphemes; the link travels inside the text, so it counts in full.
- Mastodon: 500 graphemes on most servers; every link counts as 23; the link goes inside the text.
- LinkedIn: 3,000 characters; the link is shared separately (the text is pasted by the person).
- Facebook, WhatsApp and e-mail set no limit that a share text could reach.
"""

import re
import unicodedata
from urllib.parse import quote, urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _


class Network(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    FACEBOOK = "facebook", "Facebook"
    WHATSAPP = "whatsapp", "WhatsApp"
    EMAIL = "email", _("E-mail")


LIMITS = {
    Network.X: 280,
    Network.BLUESKY: 300,
    Network.MASTODON: 500,
    Network.LINKEDIN: 3000,
}
LINK_LENGTH = 23  # what X and Mastodon count for any link, whatever its real length

# How many hashtags each network's own advice, or its common practice, finds useful in one
# post (None: no advice worth a hint). X's help centre suggests at most 2; LinkedIn suggests
# about 3; on Mastodon hashtags are how posts are found, so a few more are usual; a
# hashtag does nothing in WhatsApp or e-mail, where the hints stay quiet about them.
HASHTAG_ADVICE = {
    Network.LINKEDIN: 3,
    Network.X: 2,
    Network.BLUESKY: 2,
    Network.MASTODON: 4,
    Network.FACEBOOK: 2,
    Network.WHATSAPP: None,
    Network.EMAIL: None,
}

# Networks whose share URL carries no text: the person pastes it (the panel copies it).
LINK_ONLY = {Network.LINKEDIN, Network.FACEBOOK}

URL_PATTERN = re.compile(r"https?://\S+", re.IGNORECASE)
HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")

# twitter-text v3: code points in these ranges weigh 1, everything else 2.
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def limit(network):
    """The network's limit in its own unit, or None when it has none worth checking."""
    return LIMITS.get(network)


def _extends_cluster(char, previous):
    code = ord(char)
    return (
        unicodedata.combining(char)
        or unicodedata.category(char) in ("Mn", "Me", "Mc")
        or code == 0x200D  # zero-width joiner
        or previous == "\u200d"
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag sequences (subdivision flags)
    )


def graphemes(text):
    """Split text into user-perceived characters (a close approximation of UAX #29).

    Enough for limits: combining marks, emoji modifiers, ZWJ sequences, keycaps and flag pairs
    stay together; CRLF counts as one.
    """
    clusters = []
    for char in text:
        previous = clusters[-1][-1] if clusters else None
        if clusters and (
            _extends_cluster(char, previous)
            or (previous == "\r" and char == "\n")
            or (
                _is_regional_indicator(char)
                and _is_regional_indicator(previous)
                and len(clusters[-1]) == 1
            )
        ):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _is_regional_indicator(char):
    return char is not None and 0x1F1E6 <= ord(char) <= 0x1F1FF


def is_emoji(cluster):
    """Whether a grapheme (see `graphemes`) is an emoji."""
    code = ord(cluster[0])
    return (
        code >= 0x1F000
        or 0x2600 <= code <= 0x27BF
        or "\ufe0f" in cluster
        or "\u200d" in cluster
    )


def _x_weight(cluster):
    if is_emoji(cluster):
        return 2
    return sum(
        1 if any(low <= ord(char) <= high for low, high in X_LIGHT_RANGES) else 2
        for char in cluster
    )


def _links_as_23(text):
    return URL_PATTERN.sub("x" * LINK_LENGTH, text)


def message_text(network, text, link):
    """The text as it goes into the network's share URL (the link included where it must be)."""
    text = text.strip()
    if network in LINK_ONLY:
        return ""
    if network == Network.X:
        return text  # X appends the `url` parameter itself
    if network == Network.EMAIL:
        return f"{text}\n\n{link}" if text else link
    return f"{text} {link}" if text else link


def effective_length(network, text, link):
    """How long the network will consider the post made of `text` and `link`."""
    text = text.strip()
    if network == Network.X:
        counted = _links_as_23(text)
        length = sum(_x_weight(cluster) for cluster in graphemes(counted))
        return length + (1 + LINK_LENGTH if link else 0)
    if network == Network.BLUESKY:
        return len(graphemes(message_text(network, text, link)))
    if network == Network.MASTODON:
        return len(graphemes(_links_as_23(message_text(network, text, link))))
    return len(text)


def is_too_long(network, text, link):
    network_limit = limit(network)
    return network_limit is not None and effective_length(network, text, link) > (
        network_limit
    )


def is_valid_instance(instance):
    """A bare host name such as `mastodon.social`: no scheme, path, port, user or spaces."""
    if not instance or len(instance) > 253:
        return False
    labels = instance.lower().split(".")
    return len(labels) >= 2 and all(HOST_LABEL.fullmatch(label) for label in labels)


def _query(params):
    # RFC 3986 percent-encoding everywhere (spaces as %20, never "+"), which every network
    # reads and which RFC 6068 requires for mailto.
    return urlencode(params, quote_via=quote, safe="")


def share_url(network, text, link, subject=None, instance=None):
    """The network's own share-intent URL for `text` and the public `link`."""
    message = message_text(network, text, link)
    if network == Network.X:
        return "https://x.com/intent/tweet?" + _query({"text": message, "url": link})
    if network == Network.BLUESKY:
        return "https://bsky.app/intent/compose?" + _query({"text": message})
    if network == Network.MASTODON:
        if not is_valid_instance(instance):
            raise ValueError("A Mastodon instance must be a bare host name.")
        return f"https://{instance.lower()}/share?" + _query({"text": message})
    if network == Network.LINKEDIN:
        return "https://www.linkedin.com/sharing/share-offsite/?" + _query(
            {"url": link}
        )
    if network == Network.FACEBOOK:
        return "https://www.facebook.com/sharer/sharer.php?" + _query({"u": link})
    if network == Network.WHATSAPP:
        return "https://wa.me/?" + _query({"text": message})
    if network == Network.EMAIL:
        return "mailto:?" + _query({"subject": subject or "", "body": message})
    raise ValueError(f"Unknown network: {network}")


def with_disclosure(text, disclosure):
    """The text as it leaves the panel when the disclosure line is required: starting with it.

    A line kept at the start stays as it is; a line deleted is put back; a line moved lower
    comes back to the start (never twice). share.js's `withDisclosure` mirrors this rule for
    the texts that leave through the browser (copy, Web Share, LinkedIn and Facebook).
    """
    text = text.strip()
    disclosure = disclosure.strip()
    if not disclosure or text.startswith(disclosure):
        return text
    # The line on a line of its own, with the blank lines before it.
    own_line = r"(?:^|\n+)[ \t]*" + re.escape(disclosure) + r"[ \t]*(?![^\n])"
    rest = re.sub(own_line, "", text).strip()
    return f"{disclosure}\n\n{rest}" if rest else disclosure


def compose(text, disclosure="", hashtags=""):
    """A starting text as the panel offers it: disclosure line, the text, then the hashtags."""
    parts = [part.strip() for part in (disclosure, text, hashtags)]
    return "\n\n".join(part for part in parts if part)
