"""Reading hints (stories.kit_hints): each rule, in French and in English; never an error."""

import re

from django.utils import translation

import pytest
import wagtail_factories

from stories import kit_hints
from stories.kit_hints import Hint
from tests.factories.stories import ShareKitFactory, StoryPageFactory

from .kit_hint_cases import CASES, LINK, NEARLY_UNCHANGED


def codes(hints):
    return [hint.code for hint in hints]


@pytest.mark.parametrize(("text", "network", "expected"), CASES)
def test_each_rule_on_its_cases(text, network, expected):
    assert codes(kit_hints.text_hints(text, network, LINK)) == expected


@pytest.mark.parametrize(
    ("language", "text", "network", "phrase"),
    [
        ("en", "#employeeadvocacy", None, "Write #employeeadvocacy with a capital"),
        (
            "fr",
            "#employeeadvocacy",
            None,
            "Écrivez #employeeadvocacy avec une capitale",
        ),
        ("en", "#Un #Deux #Trois", "x", "3 hashtags for X, where 2 at most"),
        ("fr", "#Un #Deux #Trois", "x", "3 hashtags pour X, où l’usage conseille 2"),
        (
            "en",
            "VENEZ NOMBREUX À LA FÊTE",
            None,
            "“VENEZ NOMBREUX À LA FÊTE” is written in capitals",
        ),
        (
            "fr",
            "VENEZ NOMBREUX À LA FÊTE",
            None,
            "«\u00a0VENEZ NOMBREUX À LA FÊTE\u00a0» est écrit en capitales",
        ),
        ("en", "🎉🎉🎉🎉", None, "4 emoji in a row"),
        ("fr", "🎉🎉🎉🎉", None, "4 emoji à la suite"),
        ("en", "mot " * 62, "x", "This text takes 271 of the 280 characters X allows"),
        ("fr", "mot " * 62, "x", "Ce texte occupe 271 des 280 caractères que permet X"),
        ("en", "mot " * 70, "x", "Too long for X: 303 of 280, counting"),
        ("fr", "mot " * 70, "x", "Trop long pour X\u00a0: 303 sur 280"),
    ],
)
def test_messages_in_both_languages(language, text, network, phrase):
    with translation.override(language):
        messages = [hint.message for hint in kit_hints.text_hints(text, network, LINK)]
    assert any(phrase in message for message in messages), messages


def test_a_long_capitalised_line_is_quoted_by_its_start():
    line = "UNE TRÈS LONGUE PHRASE EN CAPITALES QUI NE FINIT PAS"
    with translation.override("en"):
        (hint,) = kit_hints.text_hints(line)
    assert "“UNE TRÈS LONGUE PHRASE EN CAPI…”" in hint.message


@pytest.mark.parametrize(("text", "suggested", "nearly"), NEARLY_UNCHANGED)
def test_nearly_unchanged(text, suggested, nearly):
    assert kit_hints.is_nearly_unchanged(text, suggested) is nearly


def test_edit_distance_is_levenshtein_within_its_band():
    assert kit_hints.edit_distance("kitten", "sitting") == 3
    assert kit_hints.edit_distance("", "abc") == 3
    assert kit_hints.edit_distance("abc", "abc") == 0
    # Beyond the band, any larger distance comes back as most + 1.
    assert kit_hints.edit_distance("abc", "xyz" * 5, most=5) == 6
    assert kit_hints.edit_distance("a" * 50, "b" * 50, most=5) == 6


def test_the_browser_gets_the_same_parameters_and_translated_messages():
    with translation.override("fr"):
        config = kit_hints.browser_config()
    assert config["parameters"] is kit_hints.PARAMETERS
    assert config["limits"] == {
        "x": 280,
        "bluesky": 300,
        "mastodon": 500,
        "linkedin": 3000,
    }
    assert config["hashtagAdvice"]["x"] == 2
    assert config["networkLabels"]["email"] == "E-mail"
    assert config["messages"]["emoji_run"].startswith("%(count)s emoji à la suite")
    assert set(config["messages"]) == set(kit_hints.MESSAGES)


@pytest.mark.django_db
class TestKitHints:
    @pytest.fixture
    def story(self, story_index):
        return StoryPageFactory(
            parent=story_index, title="Portes ouvertes", is_public=True
        )

    def test_a_good_kit_has_no_hint(self, story):
        kit = ShareKitFactory(
            page=story,
            hashtags="#PortesOuvertes",
            texts=[
                ("x", "Venez nous voir.", "l'accueil"),
                ("linkedin", "Une journée."),
            ],
        )
        assert kit_hints.kit_hints(kit) == []

    def test_each_text_is_checked_as_employees_get_it(self, story):
        # The kit's hashtags and the disclosure line count with every text.
        kit = ShareKitFactory(
            page=story,
            hashtags="#portesouvertes #Chorus #Lyon",
            texts=[("x", "Venez.", "l'accueil"), ("linkedin", "Venez nombreux.")],
        )
        with translation.override("en"):
            hints = kit_hints.kit_hints(kit)
        assert [(hint.where, hint.code) for hint in hints] == [
            ("l'accueil (X)", "hashtag_case"),
            ("l'accueil (X)", "hashtag_count"),
            ("Venez nombreux. (LinkedIn)", "hashtag_case"),
        ]

    def test_a_text_near_its_limit_counts_the_disclosure_line_and_the_link(self, story):
        # 27 (disclosure) + 2 + 220 + 24 (link) = 273 of 280.
        kit = ShareKitFactory(page=story, texts=[("x", "m" * 220)])
        assert codes(kit_hints.kit_hints(kit)) == ["near_limit"]
        kit = ShareKitFactory(page=story, texts=[("x", "m" * 180)])
        assert codes(kit_hints.kit_hints(kit)) == []

    def test_an_angle_identical_to_another(self, story):
        kit = ShareKitFactory(
            page=story,
            texts=[
                ("x", "Venez nous voir.", "l'accueil"),
                ("linkedin", "Venez  nous voir. ", "la fierté"),
                ("bluesky", "Venez nous voir vite.", "la hâte"),
            ],
        )
        with translation.override("fr"):
            (hint,) = kit_hints.kit_hints(kit)
        assert hint.code == "duplicate"
        assert hint.where == "la fierté (LinkedIn)"
        assert "«\u00a0l'accueil (X)\u00a0»" in hint.message

    def test_a_page_image_without_alt_text(self, story):
        story.image = wagtail_factories.ImageFactory()
        story.image_alt = ""
        story.save(clean=False)  # as an import or an old page could leave it
        kit = ShareKitFactory(page=story, texts=[("x", "Venez.")])
        with translation.override("en"):
            (hint,) = kit_hints.kit_hints(kit)
        assert hint == Hint(
            "image_alt",
            "The image of “Portes ouvertes” has no alt text, so the link preview will "
            "have none. Describe the image on the page.",
        )
        story.image_alt = "Des ballons devant l'entrée."
        story.save()
        kit.refresh_from_db()
        assert kit_hints.kit_hints(kit) == []


@pytest.mark.parametrize(
    ("language", "disclosure"),
    [("fr", "Je travaille chez Chorus."), ("en", "I work at Chorus.")],
)
def test_one_demo_kit_shows_hints_the_others_read_well(language, disclosure):
    from stories import networks
    from stories.demo_share_kits import KITS

    with_hints = {
        slug
        for slug, spec in KITS.items()
        for network, _angle, text in spec["texts"]
        if kit_hints.text_hints(
            networks.compose(text[language], disclosure, spec["hashtags"][language]),
            network,
            LINK,
        )
    }
    assert with_hints == {"planif-open-source"}


def test_every_message_is_translated_with_the_same_placeholders():
    # The browser fills the placeholders itself: a translation that renamed one would show
    # "undefined" to French readers.
    placeholders = re.compile(r"%\((\w+)\)s")
    with translation.override("en"):
        english = {code: str(message) for code, message in kit_hints.MESSAGES.items()}
    with translation.override("fr"):
        french = {code: str(message) for code, message in kit_hints.MESSAGES.items()}
    for code in kit_hints.MESSAGES:
        assert french[code] != english[code], code
        assert sorted(placeholders.findall(french[code])) == sorted(
            placeholders.findall(english[code])
        ), code


@pytest.mark.parametrize(
    ("language", "duplicate", "image"),
    [
        ("en", "This starting text is the same as", "has no alt text"),
        ("fr", "Ce texte de départ est le même que", "n'a pas de texte alternatif"),
    ],
)
@pytest.mark.django_db
def test_kit_level_messages_in_both_languages(story_index, language, duplicate, image):
    story = StoryPageFactory(
        parent=story_index, title="Portes ouvertes", is_public=True
    )
    story.image = wagtail_factories.ImageFactory()
    story.image_alt = ""
    story.save(clean=False)
    kit = ShareKitFactory(page=story, texts=[("x", "Venez."), ("bluesky", "Venez.")])
    with translation.override(language):
        messages = [hint.message for hint in kit_hints.kit_hints(kit)]
    assert image in messages[0] and duplicate in messages[1]
