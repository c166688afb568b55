"""Network limits and share-intent URLs (pure functions, no database)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from stories import networks
from stories.networks import Network, effective_length, is_too_long, share_url


LINK = "https://chorus.example/fr/histoires/" + "tres-long-" * 8 + "/"
TRICKY = 'Dites "bonjour" & #merci 🚀👩‍👩‍👧\nDeuxième ligne ?a=1&b=2 100 % + plus'
FAMILY = "👩‍👩‍👧"  # one grapheme made of five code points


def params(url):
    return parse_qs(urlsplit(url).query, strict_parsing=True)


@pytest.mark.parametrize(
    ("network", "limit"),
    [
        (Network.X, 280),
        (Network.BLUESKY, 300),
        (Network.MASTODON, 500),
        (Network.LINKEDIN, 3000),
    ],
)
def test_limits(network, limit):
    assert networks.limit(network) == limit


def test_x_counts_the_link_as_23_whatever_its_length():
    assert len(LINK) > 23
    assert effective_length(Network.X, "a" * 256, LINK) == 280
    assert not is_too_long(Network.X, "a" * 256, LINK)
    assert is_too_long(Network.X, "a" * 257, LINK)


def test_x_counts_links_typed_in_the_text_as_23_and_emoji_as_2():
    text = "voir https://example.org/" + "x" * 60 + " 🚀 " + FAMILY
    assert effective_length(Network.X, text, "") == len("voir ") + 23 + 1 + 2 + 1 + 2


def test_x_counts_cjk_as_2():
    assert effective_length(Network.X, "日本", "") == 4


def test_bluesky_counts_graphemes_and_the_whole_link():
    decomposed_e = "e\u0301"
    text = decomposed_e * 10 + FAMILY
    assert effective_length(Network.BLUESKY, text, LINK) == 11 + 1 + len(LINK)
    room = 300 - 1 - len(LINK)
    assert not is_too_long(Network.BLUESKY, "a" * room, LINK)
    assert is_too_long(Network.BLUESKY, "a" * (room + 1), LINK)


def test_mastodon_counts_the_link_as_23():
    assert not is_too_long(Network.MASTODON, "a" * 476, LINK)
    assert is_too_long(Network.MASTODON, "a" * 477, LINK)


def test_linkedin_counts_the_text_only():
    assert not is_too_long(Network.LINKEDIN, "a" * 3000, LINK)
    assert is_too_long(Network.LINKEDIN, "a" * 3001, LINK)


@pytest.mark.parametrize("network", [Network.FACEBOOK, Network.WHATSAPP, Network.EMAIL])
def test_networks_without_a_limit_never_refuse(network):
    assert not is_too_long(network, "a" * 10_000, LINK)


def test_x_intent_round_trips():
    url = share_url(Network.X, TRICKY, LINK)
    assert url.startswith("https://x.com/intent/tweet?")
    assert params(url) == {"text": [TRICKY], "url": [LINK]}
    assert "+" not in url.split("?", 1)[1].replace("%2B", "")


def test_bluesky_intent_has_the_link_in_the_text():
    url = share_url(Network.BLUESKY, TRICKY, LINK)
    assert url.startswith("https://bsky.app/intent/compose?")
    assert params(url) == {"text": [f"{TRICKY} {LINK}"]}


def test_mastodon_intent_goes_to_the_instance():
    url = share_url(Network.MASTODON, TRICKY, LINK, instance="Mastodon.Social")
    assert url.startswith("https://mastodon.social/share?")
    assert params(url) == {"text": [f"{TRICKY} {LINK}"]}


def test_linkedin_and_facebook_carry_the_link_only():
    linkedin = share_url(Network.LINKEDIN, TRICKY, LINK)
    assert linkedin.startswith("https://www.linkedin.com/sharing/share-offsite/?")
    assert params(linkedin) == {"url": [LINK]}
    facebook = share_url(Network.FACEBOOK, TRICKY, LINK)
    assert facebook.startswith("https://www.facebook.com/sharer/sharer.php?")
    assert params(facebook) == {"u": [LINK]}


def test_whatsapp_intent():
    url = share_url(Network.WHATSAPP, TRICKY, LINK)
    assert url.startswith("https://wa.me/?")
    assert params(url) == {"text": [f"{TRICKY} {LINK}"]}


def test_mailto_follows_rfc_6068():
    url = share_url(Network.EMAIL, TRICKY, LINK, subject="Un titre & demi")
    assert url.startswith("mailto:?subject=Un%20titre%20%26%20demi&body=")
    assert "+" not in url
    assert params(url) == {
        "subject": ["Un titre & demi"],
        "body": [f"{TRICKY}\n\n{LINK}"],
    }


@pytest.mark.parametrize(
    "instance",
    ["mastodon.social", "social.example.org", "piaille.fr", "m-1.example.co.uk"],
)
def test_bare_host_names_are_valid_instances(instance):
    assert networks.is_valid_instance(instance)


@pytest.mark.parametrize(
    "instance",
    [
        "",
        "localhost",
        "https://mastodon.social",
        "mastodon.social/",
        "mastodon.social:443",
        "me@mastodon.social",
        "@me@mastodon.social",
        "evil.com/share?x=",
        "-bad.example",
        "a b.org",
        "mastodon.social\n.evil",
    ],
)
def test_anything_else_is_not_an_instance(instance):
    assert not networks.is_valid_instance(instance)
    with pytest.raises(ValueError):
        share_url(Network.MASTODON, "hi", LINK, instance=instance)


def test_unknown_network_raises():
    with pytest.raises(ValueError):
        share_url("myspace", "hi", LINK)


def test_compose_puts_disclosure_first_and_hashtags_last():
    assert (
        networks.compose(" Le texte ", "Je travaille ici.", "#a #b")
        == "Je travaille ici.\n\nLe texte\n\n#a #b"
    )
    assert networks.compose("Le texte") == "Le texte"


LINE = "Je travaille chez Chorus (groupe A+B)."


@pytest.mark.parametrize(
    ("edited", "shared"),
    [
        ("Mon texte", f"{LINE}\n\nMon texte"),  # deleted: put back
        (f"{LINE}\n\nMon texte", f"{LINE}\n\nMon texte"),  # kept: not doubled
        (f"{LINE} Et fière.\nMon texte", f"{LINE} Et fière.\nMon texte"),  # kept
        (f"Mon texte\n\n{LINE}", f"{LINE}\n\nMon texte"),  # moved to the end
        (f"Un\n\n  {LINE} \n\nDeux", f"{LINE}\n\nUn\n\nDeux"),  # moved to the middle
        (f"Comme dit : {LINE}", f"{LINE}\n\nComme dit : {LINE}"),  # quoted, not a line
        (f"  \n{LINE}\n", LINE),  # only the line
    ],
)
def test_required_disclosure_starts_the_text_once(edited, shared):
    assert networks.with_disclosure(edited, LINE) == shared


def test_no_disclosure_line_leaves_the_text_alone():
    assert networks.with_disclosure(" Mon texte \n", "") == "Mon texte"
