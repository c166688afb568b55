"""A short bilingual conversation under the first demo story: French and English comments
in one thread, as the French and English pages show it."""

from django.contrib.auth import get_user_model

from .models import Comment


# (username, language, text), oldest first.
CONVERSATION = [
    (
        "employee",
        "fr",
        "J'ai participé à l'atelier de l'après-midi : les bénévoles de l'association "
        "ont été ravis de l'aide. À refaire !",
    ),
    (
        "ambassador",
        "en",
        "Lovely to read. Our team helped with the food bank: I wrote a short post about "
        "it on my own profile.",
    ),
    (
        "referent",
        "fr",
        "Merci pour ces retours. Si vous voulez en parler sur vos réseaux, le guide "
        "« Écrire une publication avec vos propres mots » donne quelques idées de départ.",
    ),
]


def load(stories):
    if not stories:
        return
    story = stories[0]
    if Comment.objects.in_thread(story["fr"].translation_key).exists():
        return  # already loaded: load_demo runs more than once
    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in={username for username, _language, _text in CONVERSATION}
        )
    }
    for username, language, text in CONVERSATION:
        if username in users:
            Comment.objects.create(
                thread_key=story["fr"].translation_key,
                page=story[language],
                author=users[username],
                language=language,
                text=text,
            )
