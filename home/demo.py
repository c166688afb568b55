"""Demo content of the ground floor: the two locales, the two home pages and the settings."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from .models import ChorusSettings, HomePage, QuietPeriod


HOME = {
    "fr": {
        "title": "Accueil",
        "intro": (
            "<p>Bienvenue sur Chorus, l'intranet où nos histoires se lisent et se partagent "
            "librement. Rien n'est obligatoire : lisez, apprenez, et parlez de votre travail "
            "avec vos propres mots si vous en avez envie.</p>"
        ),
    },
    "en": {
        "title": "Home",
        "intro": (
            "<p>Welcome to Chorus, the intranet where our stories are read and shared freely. "
            "Nothing here is compulsory: read, learn, and talk about your work in your own "
            "words if you feel like it.</p>"
        ),
    },
}


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("fr", "en")
    }


def ensure_home_pages(locales):
    """One HomePage per locale; the French one is the site root."""
    root = Page.get_first_root_node()
    home_fr = HomePage.objects.filter(locale=locales["fr"]).first()
    if home_fr is None:
        # Wagtail's migrations leave a "Welcome" placeholder page: Chorus replaces it.
        for page in root.get_children().not_type(HomePage):
            Site.objects.filter(root_page=page).delete()
            page.delete()
        home_fr = HomePage(slug="accueil", locale=locales["fr"], **HOME["fr"])
        root.add_child(instance=home_fr)
        home_fr.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    # Share links and QR codes carry the site's address: the one `make run` serves on.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname, site.site_name = address.hostname, "Chorus"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home_fr
    site.save()

    home_en = home_fr.get_translation_or_none(locales["en"])
    if home_en is None:
        home_en = home_fr.copy_for_translation(locales["en"])
        home_en.title, home_en.intro, home_en.slug = (
            HOME["en"]["title"],
            HOME["en"]["intro"],
            "home",
        )
        home_en.save_revision().publish()
    return {"fr": home_fr.specific, "en": home_en.specific}


def ensure_settings(site):
    chorus = ChorusSettings.for_site(site)
    chorus.organisation_name = "Chorus"
    chorus.media_contact_name = "Camille Rousseau"
    chorus.media_contact_email = "presse@chorus.example"
    chorus.media_contact_phone = "+33 1 23 45 67 89"
    chorus.save()


PLANNED_QUIET_PERIOD = (
    "Résultats annuels : pas de partage sur l'entreprise pendant deux jours. / "
    "Annual results: no sharing about the company for two days."
)


def ensure_planned_quiet_period():
    """A quiet period planned a month ahead, so editors see one on the dashboard while
    the demo stays shareable today."""
    if not QuietPeriod.objects.filter(reason=PLANNED_QUIET_PERIOD).exists():
        starts = timezone.now().replace(minute=0, second=0, microsecond=0)
        starts += timedelta(days=30)
        QuietPeriod.objects.create(
            reason=PLANNED_QUIET_PERIOD,
            starts_at=starts,
            ends_at=starts + timedelta(days=2),
        )


@transaction.atomic
def load():
    locales = ensure_locales()
    homes = ensure_home_pages(locales)
    ensure_settings(Site.objects.get(is_default_site=True))
    ensure_planned_quiet_period()
    return {"locales": locales, "homes": homes}
