"""Demo spotlights: the spotlight index in each language and three ambassadors' pages.

One spotlight is public and published, one internal and published, one waits in the
"Spotlight review" workflow. Each page is owned by its ambassador, as if they wrote it. The
avatars are abstract shapes drawn here with Pillow (see demo_images/CREDITS.md).
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

from referents.roles import ensure_roles

from .models import SpotlightIndexPage, SpotlightPage


INDEX = {
    "fr": {"title": "Ambassadeurs", "slug": "ambassadeurs"},
    "en": {"title": "Ambassadors", "slug": "ambassadors"},
}
INDEX_INTRO = {
    "fr": "<p>Des collègues qui parlent de leur métier, avec leurs propres mots.</p>",
    "en": "<p>Colleagues who talk about their work, in their own words.</p>",
}

SPOTLIGHTS = [
    {
        "owner": "ambassador",
        "state": "public",
        "slug": "ines-moreau",
        "colours": ("#1f5f8b", "#f2a541"),
        "fr": {
            "title": "Inès Moreau",
            "role": "Cheffe de projet accessibilité",
            "bio": "<p>Je rends nos services utilisables par tout le monde, et j'aime "
            "raconter les petites victoires qui changent la vie des usagers.</p>",
            "photo_alt": "Des cercles bleus et orange concentriques",
            "featured_post_text": "Mon billet sur les tests avec un lecteur d'écran.",
        },
        "en": {
            "title": "Inès Moreau",
            "role": "Accessibility project lead",
            "bio": "<p>I make our services usable by everyone, and I like telling the "
            "small wins that change users' days.</p>",
            "photo_alt": "Concentric blue and orange circles",
            "featured_post_text": "My post about testing with a screen reader.",
        },
        "featured_post_url": "https://mastodon.example/@ines/1",
    },
    {
        "owner": "ambassador2",
        "state": "internal",
        "slug": "theo-lambert",
        "colours": ("#1e6b3a", "#c9e4a5"),
        "fr": {
            "title": "Théo Lambert",
            "role": "Technicien support",
            "bio": "<p>Au support depuis six ans, je partage nos astuces et les coulisses "
            "des jours de grande affluence.</p>",
            "photo_alt": "Des cercles verts concentriques",
            "featured_post_text": "",
        },
        "en": {
            "title": "Théo Lambert",
            "role": "Support technician",
            "bio": "<p>Six years on the support desk: I share our tips and what happens "
            "behind the scenes on busy days.</p>",
            "photo_alt": "Concentric green circles",
            "featured_post_text": "",
        },
        "featured_post_url": "",
    },
    {
        "owner": "ambassador3",
        "state": "in_review",
        "slug": "maelle-garnier",
        "colours": ("#7a3e9d", "#f4d8f0"),
        "fr": {
            "title": "Maëlle Garnier",
            "role": "Data analyste",
            "bio": "<p>Je transforme des chiffres en histoires claires, et j'aimerais "
            "montrer que les données peuvent être sympathiques.</p>",
            "photo_alt": "Des cercles violets et roses concentriques",
            "featured_post_text": "",
        },
        "featured_post_url": "",
    },
]


def _avatar(title, colours, owner):
    """An abstract avatar (no face): concentric shapes in the ambassador's two colours."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    background, accent = colours
    canvas = PILImage.new("RGB", (480, 480), background)
    draw = ImageDraw.Draw(canvas)
    for step in range(4):
        inset = 60 + step * 45
        fill = accent if step % 2 == 0 else background
        draw.ellipse((inset, inset, 480 - inset, 480 - inset), fill=fill)
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"),
        uploaded_by_user=owner,
    )


def _index_pages(home):
    homes, locales = home["homes"], home["locales"]
    fr_index = SpotlightIndexPage.objects.child_of(homes["fr"]).first()
    if fr_index is None:
        fr_index = SpotlightIndexPage(
            **INDEX["fr"], intro=INDEX_INTRO["fr"], show_in_menus=True
        )
        homes["fr"].add_child(instance=fr_index)
        fr_index.save_revision().publish()
    en_index = fr_index.get_translation_or_none(locales["en"])
    if en_index is None:
        en_index = fr_index.copy_for_translation(locales["en"])
        en_index.title, en_index.slug = INDEX["en"]["title"], INDEX["en"]["slug"]
        en_index.intro = INDEX_INTRO["en"]
        en_index.show_in_menus = True
        en_index.save_revision().publish()
    return {"fr": fr_index, "en": en_index}


def _apply(page, data, common, photo):
    for field in ("title", "role", "bio", "photo_alt", "featured_post_text"):
        setattr(page, field, data[field])
    page.featured_post_url = common["featured_post_url"]
    page.is_public = common["state"] == "public"
    page.photo = photo


def _spotlight(spec, indexes, locales):
    owner = get_user_model().objects.get(username=spec["owner"])
    photo = _avatar(f"Avatar {spec['fr']['title']}", spec["colours"], owner)
    page = (
        SpotlightPage.objects.child_of(indexes["fr"]).filter(slug=spec["slug"]).first()
    )
    if page is not None:
        return page  # already loaded: leave it, and whatever people did with it, alone
    page = SpotlightPage(slug=spec["slug"], owner=owner, live=False)
    _apply(page, spec["fr"], spec, photo)
    indexes["fr"].add_child(instance=page)
    revision = page.save_revision(user=owner)
    if spec["state"] == "in_review":
        page.get_workflow().start(page, owner)
        return page
    revision.publish()  # as if a referent had approved it
    if "en" in spec and page.get_translation_or_none(locales["en"]) is None:
        translation = page.copy_for_translation(locales["en"])
        _apply(translation, spec["en"], spec, photo)
        translation.owner = owner
        translation.save_revision(user=owner).publish()
    return page


@transaction.atomic
def load(home):
    indexes = _index_pages(home)
    ensure_roles()  # grants ambassadors "add" on the indexes and assigns the review workflow
    return [_spotlight(spec, indexes, home["locales"]) for spec in SPOTLIGHTS]
