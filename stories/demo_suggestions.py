"""Demo story suggestion: one pending, in French, by the demo employee (Léa Martin), who
asked for help from a referent but not to be credited. The editor sees it without her name,
the referent with it. Looked up by title and author, so a second run changes nothing."""

from django.contrib.auth import get_user_model

from .models import StorySuggestion


SUGGESTION = {
    "title": "Le potager partagé du site de Lyon",
    "what_happened": (
        "Depuis le printemps, une quinzaine de collègues du site de Lyon cultivent un "
        "potager sur l'ancien parking à vélos. Chacun y passe un moment à la pause de midi.\n\n"
        "La récolte de septembre a été offerte à l'épicerie solidaire du quartier : "
        "quarante kilos de tomates et de courges."
    ),
    "who_could_tell": "Karim, de l'équipe logistique, qui a lancé l'idée",
    "could_be_public": True,
    "credit_me": False,
    "wants_help": True,
    "topics": ["community", "sustainability"],
}


def load(home, topics):
    employee = get_user_model().objects.filter(username="employee").first()
    if employee is None:
        return None
    locale = home["locales"]["fr"]
    suggestion, created = StorySuggestion.objects.get_or_create(
        title=SUGGESTION["title"],
        suggested_by=employee,
        defaults={
            "locale": locale,
            **{
                key: value
                for key, value in SUGGESTION.items()
                if key not in ("title", "topics")
            },
        },
    )
    if created:
        suggestion.topics.set([topics[key]["fr"] for key in SUGGESTION["topics"]])
    return suggestion
