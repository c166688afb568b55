"""Demo share kits: several starting texts for every public demo story, in French, then
their English translations. One kit is under embargo (the Lyon site, not announced yet).
Hashtags are written in CamelCase, as screen readers need, except in the Planif kit, whose
#opensource shows editors and employees a reading hint (stories.kit_hints).

No share counts are created: the demo shows no invented numbers. Safe to run again: a kit is
found by its page and language and updated in place.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import ShareKit, ShareText, StoryPage


EMBARGO_DAYS = 14  # from the first load; a second load keeps the date already set

KITS = {
    "journee-solidaire-2026": {
        "hashtags": {"fr": "#Solidarité", "en": "#Volunteering"},
        "texts": [
            (
                "linkedin",
                {"fr": "ce que j'ai vécu", "en": "what I saw"},
                {
                    "fr": "En septembre, j'ai passé une journée avec une association de mon "
                    "quartier, avec 139 collègues répartis dans six villes. Ce que j'en "
                    "retiens : [votre souvenir ici].",
                    "en": "In September I spent a day with a local charity, alongside 139 "
                    "colleagues in six cities. What stays with me: [your memory here].",
                },
            ),
            (
                "x",
                {"fr": "les chiffres", "en": "the numbers"},
                {
                    "fr": "140 volontaires, six associations, une journée : notre journée "
                    "solidaire 2026 en quelques images.",
                    "en": "140 volunteers, six charities, one day: our 2026 volunteering "
                    "day in pictures.",
                },
            ),
            (
                "bluesky",
                {"fr": "l'an prochain", "en": "next year"},
                {
                    "fr": "Une journée solidaire, et déjà l'envie de recommencer l'an "
                    "prochain.",
                    "en": "One volunteering day, and we already want to do it again next "
                    "year.",
                },
            ),
        ],
    },
    "planif-open-source": {
        # Left in one case on purpose: the demo kit that shows reading hints.
        "hashtags": {"fr": "#opensource", "en": "#opensource"},
        "texts": [
            (
                "linkedin",
                {"fr": "pourquoi c'est important", "en": "why it matters"},
                {
                    "fr": "Planif, l'outil de planning que nous utilisons chaque jour, est "
                    "maintenant sous licence libre. Pour moi, cela compte parce que "
                    "[votre raison].",
                    "en": "Planif, the scheduling tool we use every day, is now open "
                    "source. It matters to me because [your reason].",
                },
            ),
            (
                "x",
                {"fr": "appel aux contributions", "en": "call for contributors"},
                {
                    "fr": "Notre outil de planning Planif devient open source. Les "
                    "contributions sont bienvenues !",
                    "en": "Our scheduling tool Planif is now open source. Contributions "
                    "welcome!",
                },
            ),
            (
                "mastodon",
                {"fr": "pour les développeurs", "en": "for developers"},
                {
                    "fr": "Trois ans d'usage interne, et maintenant le code de Planif est "
                    "publié. Tickets, idées et correctifs bienvenus.",
                    "en": "Three years of internal use, and now Planif's code is out. "
                    "Issues, ideas and fixes welcome.",
                },
            ),
        ],
    },
    "espace-client-accessible": {
        "hashtags": {"fr": "#Accessibilité", "en": "#Accessibility"},
        "texts": [
            (
                "linkedin",
                {"fr": "la méthode", "en": "how we did it"},
                {
                    "fr": "Six mois de tests avec des personnes aveugles, malvoyantes ou "
                    "dyslexiques : notre espace client a beaucoup changé, et nous aussi.",
                    "en": "Six months of testing with blind, partially sighted and "
                    "dyslexic people: our customer area changed a lot, and so did we.",
                },
            ),
            (
                "bluesky",
                {"fr": "en une phrase", "en": "in one sentence"},
                {
                    "fr": "Un espace client que tout le monde peut utiliser : c'était "
                    "l'objectif, voici le résultat.",
                    "en": "A customer area everyone can use: that was the goal, here is "
                    "the result.",
                },
            ),
        ],
    },
    "incident-service-octobre": {
        "hashtags": {"fr": "", "en": ""},
        "guidance": {
            "fr": "Restez sur les faits publiés dans l'article. Ne faites aucune "
            "hypothèse sur les causes et ne citez aucun client. Une question d'un "
            "journaliste ? Transmettez-la au contact presse.",
            "en": "Stick to the facts published in the article. Make no guess about the "
            "causes and name no customer. A question from a journalist? Pass it to the "
            "media contact.",
        },
        "texts": [
            (
                "linkedin",
                {"fr": "la transparence", "en": "transparency"},
                {
                    "fr": "Le 21 octobre, notre service a été interrompu pendant quatre "
                    "heures. Notre retour d'expérience est public : ce qui s'est passé, et "
                    "ce qui change.",
                    "en": "On 21 October our service was down for four hours. Our review "
                    "is public: what happened, and what changes.",
                },
            ),
            (
                "x",
                {"fr": "ce qui change", "en": "what changes"},
                {
                    "fr": "Après l'interruption du 21 octobre, voici ce que nous changeons, "
                    "expliqué sans détour.",
                    "en": "After the outage of 21 October, here is what we are changing, "
                    "explained plainly.",
                },
            ),
        ],
    },
    "nouveau-site-lyon": {
        "hashtags": {"fr": "#Lyon", "en": "#Lyon"},
        "embargo": True,
        "texts": [
            (
                "linkedin",
                {"fr": "bienvenue", "en": "welcome"},
                {
                    "fr": "Nous ouvrons un site à Lyon au printemps, près de la Part-Dieu. "
                    "Quarante personnes vont nous rejoindre là-bas.",
                    "en": "We are opening a site in Lyon this spring, near Part-Dieu. "
                    "Forty people will join us there.",
                },
            ),
            (
                "x",
                {"fr": "l'annonce", "en": "the news"},
                {
                    "fr": "Chorus s'installe à Lyon au printemps !",
                    "en": "Chorus is coming to Lyon this spring!",
                },
            ),
        ],
    },
    "programme-stages-2027": {
        "hashtags": {"fr": "#Stage #Recrutement", "en": "#Internship #Hiring"},
        "texts": [
            (
                "linkedin",
                {"fr": "mon stage chez nous", "en": "my own internship"},
                {
                    "fr": "Vingt-cinq stages sont ouverts pour 2027, avec un tuteur formé "
                    "et une vraie rémunération. Si vous connaissez quelqu'un qui cherche : "
                    "[votre conseil].",
                    "en": "Twenty-five internships are open for 2027, with a trained "
                    "mentor and real pay. If you know someone who is looking: [your tip].",
                },
            ),
            (
                "whatsapp",
                {"fr": "à un proche", "en": "to a friend"},
                {
                    "fr": "Tu cherches un stage pour 2027 ? Nos offres viennent d'ouvrir.",
                    "en": "Looking for an internship in 2027? Our offers just opened.",
                },
            ),
            (
                "email",
                {"fr": "à une école", "en": "to a school"},
                {
                    "fr": "Bonjour, notre programme de stages 2027 est ouvert : vingt-cinq "
                    "stages de deux à six mois. Pourriez-vous le faire connaître à vos "
                    "étudiants ?",
                    "en": "Hello, our 2027 internship programme is open: twenty-five "
                    "internships of two to six months. Could you let your students know?",
                },
            ),
        ],
    },
}


def _texts(spec, language, translation_keys=()):
    texts = [
        ShareText(network=network, angle=angle[language], text=text[language])
        for network, angle, text in spec["texts"]
    ]
    # An English text translates the French text at the same place: it shares its key,
    # as it would after a translation through wagtail-localize.
    for share_text, key in zip(texts, translation_keys, strict=False):  # none in French
        share_text.translation_key = key
    return texts


def _fill(kit, page, spec, language, translation_keys=()):
    kit.page = page
    kit.title = f"{page.title} ({language})"
    kit.hashtags = spec["hashtags"][language]
    kit.guidance = spec.get("guidance", {}).get(language, "")
    kit.texts = _texts(spec, language, translation_keys)


def _publish(kit):
    kit.full_clean()
    for share_text in kit.texts.all():
        errors = kit.text_errors(share_text)
        if errors:
            raise ValueError(f"Demo kit {kit}: {errors[0]}")
    kit.save()
    kit.save_revision().publish()
    return kit


def ensure_kit(page_fr, spec, locales):
    """The French kit for a story, then its English translation for the English story."""
    kit_fr = ShareKit.objects.filter(page=page_fr, locale=locales["fr"]).first()
    if kit_fr is None:
        kit_fr = ShareKit(locale=locales["fr"])
    _fill(kit_fr, page_fr, spec, "fr")
    if spec.get("embargo") and kit_fr.shareable_from is None:
        kit_fr.shareable_from = timezone.now() + datetime.timedelta(days=EMBARGO_DAYS)
    _publish(kit_fr)

    page_en = page_fr.get_translation_or_none(locales["en"])
    if page_en is None:
        return {"fr": kit_fr}
    kit_en = kit_fr.get_translation_or_none(locales["en"])
    if kit_en is None:
        kit_en = kit_fr.copy_for_translation(locales["en"])
    french_keys = [share_text.translation_key for share_text in kit_fr.texts.all()]
    _fill(kit_en, page_en, spec, "en", french_keys)
    kit_en.shareable_from = kit_fr.shareable_from
    kit_en.shareable_until = kit_fr.shareable_until
    return {"fr": kit_fr, "en": _publish(kit_en)}


@transaction.atomic
def load(home):
    locales = home["locales"]
    stories = StoryPage.objects.filter(locale=locales["fr"], is_public=True).live()
    return {
        story.slug: ensure_kit(story, KITS[story.slug], locales)
        for story in stories
        if story.slug in KITS
    }
