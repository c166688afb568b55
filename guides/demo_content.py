"""The demo guides, in French and English. Written for Chorus: practical, short, kind.

Bodies are StreamField data built with the small helpers below. `REFERENTS_PAGE` in a
referent block is replaced at load time by the referents directory of the same language.
"""

from datetime import date


REFERENTS_PAGE = "referents-directory"
# A review date worked out when the demo loads, so that this guide is overdue for review
# whenever the demo is loaded: the dashboard and the report always have one to show.
OVERDUE = "overdue"


def heading(text):
    return {"type": "heading", "value": text}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def callout(title, html):
    return {"type": "callout", "value": {"title": title, "text": html}}


def do_dont(title, do, dont):
    return {"type": "do_dont", "value": {"title": title, "do": do, "dont": dont}}


def steps(title, items):
    return {
        "type": "steps",
        "value": {
            "title": title,
            "steps": [{"title": step, "text": text} for step, text in items],
        },
    }


def checklist(title, items):
    return {"type": "checklist", "value": {"title": title, "items": items}}


def example_post(network, text, comment):
    return {
        "type": "example_post",
        "value": {"network": network, "text": text, "comment": comment},
    }


def ask_referent(title, html):
    return {"type": "ask_referent", "value": {"title": title, "text": html}}


def referent(name, role):
    """A referent block: the demo loader chooses the referent profile named `name` (the role
    is what their profile says, shown from it)."""
    return {
        "type": "referent_link",
        "value": {"referent": name, "page": REFERENTS_PAGE},
    }


INDEX = {
    "fr": {
        "title": "Guides",
        "slug": "guides",
        "intro": "<p>Des conseils concrets pour parler de votre travail en ligne, à votre "
        "rythme. Choisissez votre étape : ses guides passent en premier.</p>",
    },
    "en": {
        "title": "Guides",
        "slug": "guides",
        "intro": "<p>Practical advice for talking about your work online, at your own pace. "
        "Choose your stage and its guides come first.</p>",
    },
}

# Topics used by the guides: reused by slug when the stories demo already made them.
TOPICS = {
    "social-networks": {
        "fr": ("Réseaux sociaux", "reseaux-sociaux"),
        "en": ("Social networks", "social-networks"),
    },
    "press": {"fr": ("Presse", "presse"), "en": ("Press", "press")},
    "company-life": {
        "fr": ("Vie de l'entreprise", "vie-entreprise"),
        "en": ("Company life", "company-life"),
    },
}

SAMIR = {
    "fr": ("Samir Haddad", "Référent réseaux sociaux"),
    "en": ("Samir Haddad", "Social networks referent"),
}
CLAIRE = {
    "fr": ("Claire Fontaine", "Référente relations presse"),
    "en": ("Claire Fontaine", "Media relations referent"),
}

GUIDES = [
    {
        "key": "profile",
        "subject": "network-features",
        "stages": ["discover"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "review_interval": 6,
        "last_reviewed": OVERDUE,
        "fr": {
            "title": "Créer un profil qui vous ressemble",
            "slug": "creer-son-profil",
            "summary": "Photo, titre, quelques lignes : un profil simple suffit pour commencer.",
            "body": [
                paragraph(
                    "<p>Un profil n'a pas besoin d'être parfait. Il dit qui vous êtes et ce "
                    "que vous faites, avec des mots que vous utiliseriez à voix haute.</p>"
                ),
                steps(
                    "En quatre étapes",
                    [
                        (
                            "Choisissez une photo nette",
                            "<p>Votre visage, à la lumière du jour. Pas besoin de studio.</p>",
                        ),
                        (
                            "Écrivez un titre en une ligne",
                            "<p>Votre métier plutôt que votre intitulé de poste : « J'aide nos clients à réparer leurs vélos ».</p>",
                        ),
                        (
                            "Ajoutez trois lignes sur votre travail",
                            "<p>Ce que vous faites, pour qui, et ce qui vous plaît.</p>",
                        ),
                        (
                            "Vérifiez ce qui est visible",
                            "<p>Regardez votre profil déconnecté·e pour voir ce que le public voit.</p>",
                        ),
                    ],
                ),
                do_dont(
                    "",
                    ["Dire que vous travaillez chez Chorus", "Garder un ton personnel"],
                    [
                        "Recopier la fiche de poste",
                        "Publier votre numéro de téléphone professionnel",
                    ],
                ),
                referent(*SAMIR["fr"]),
            ],
        },
        "en": {
            "title": "Create a profile that looks like you",
            "slug": "create-your-profile",
            "summary": "A photo, a headline, a few lines: a simple profile is enough to start.",
            "body": [
                paragraph(
                    "<p>A profile does not need to be perfect. It says who you are and what "
                    "you do, in words you would use out loud.</p>"
                ),
                steps(
                    "In four steps",
                    [
                        (
                            "Pick a clear photo",
                            "<p>Your face, in daylight. No studio needed.</p>",
                        ),
                        (
                            "Write a one-line headline",
                            "<p>Your craft rather than your job title: “I help our customers fix their bikes”.</p>",
                        ),
                        (
                            "Add three lines about your work",
                            "<p>What you do, for whom, and what you enjoy about it.</p>",
                        ),
                        (
                            "Check what is visible",
                            "<p>Look at your profile logged out to see what the public sees.</p>",
                        ),
                    ],
                ),
                do_dont(
                    "",
                    ["Say that you work at Chorus", "Keep a personal tone"],
                    ["Paste the job description", "Publish your work phone number"],
                ),
                referent(*SAMIR["en"]),
            ],
        },
    },
    {
        "key": "follow",
        "subject": "network-features",
        "stages": ["listen"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 10, 6),
        "fr": {
            "title": "Suivre, écouter, élargir son réseau",
            "slug": "suivre-et-ecouter",
            "summary": "Abonnements, listes et fils : comment regarder avant de parler.",
            "body": [
                paragraph(
                    "<p>Écouter est déjà participer. En suivant les bonnes personnes, vous "
                    "apprenez le ton de chaque réseau et repérez les sujets qui vous parlent.</p>"
                ),
                heading("Ce que chaque réseau propose"),
                paragraph(
                    "<ul><li><b>LinkedIn</b> : suivez des pages et des personnes, activez la "
                    "cloche sur celles que vous ne voulez pas manquer.</li>"
                    "<li><b>Mastodon</b> : suivez des comptes et des mots-clés ; les listes "
                    "rangent votre fil par thème.</li>"
                    "<li><b>Bluesky</b> : les fils personnalisés (feeds) regroupent les "
                    "publications d'un sujet, et les listes vos comptes préférés.</li></ul>"
                ),
                checklist(
                    "Cette semaine, si vous en avez envie",
                    [
                        "Suivre cinq collègues dont le travail vous intéresse",
                        "Suivre deux pages de votre secteur",
                        "Enregistrer une publication que vous avez aimée",
                    ],
                ),
                callout(
                    "Rien ne presse",
                    "<p>Vous pouvez rester à cette étape aussi longtemps que vous le souhaitez.</p>",
                ),
            ],
        },
        "en": {
            "title": "Follow, listen, widen your network",
            "slug": "follow-and-listen",
            "summary": "Follows, lists and feeds: how to watch before you speak.",
            "body": [
                paragraph(
                    "<p>Listening is already taking part. By following the right people you "
                    "learn each network's tone and spot the subjects that speak to you.</p>"
                ),
                heading("What each network offers"),
                paragraph(
                    "<ul><li><b>LinkedIn</b>: follow pages and people, and ring the bell for "
                    "those you do not want to miss.</li>"
                    "<li><b>Mastodon</b>: follow accounts and hashtags; lists sort your "
                    "timeline by theme.</li>"
                    "<li><b>Bluesky</b>: custom feeds gather the posts of one subject, and "
                    "lists your favourite accounts.</li></ul>"
                ),
                checklist(
                    "This week, if you feel like it",
                    [
                        "Follow five colleagues whose work interests you",
                        "Follow two pages from your field",
                        "Save one post you liked",
                    ],
                ),
                callout(
                    "No hurry",
                    "<p>You can stay at this stage for as long as you like.</p>",
                ),
            ],
        },
    },
    {
        "key": "first-post",
        "subject": "writing",
        "stages": ["speak"],
        "topics": ["social-networks", "company-life"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 10, 13),
        "fr": {
            "title": "Écrire une publication avec vos propres mots",
            "slug": "ecrire-avec-ses-mots",
            "summary": "Partir d'un texte proposé, puis le rendre vôtre : ce que vous avez vu, fait, appris.",
            "body": [
                paragraph(
                    "<p>Les textes proposés dans Chorus sont des points de départ. Une "
                    "publication sonne juste quand elle raconte votre regard : un détail, "
                    "une personne, une chose apprise.</p>"
                ),
                steps(
                    "Une méthode simple",
                    [
                        (
                            "Commencez par ce que vous avez vécu",
                            "<p>« Hier, j'ai vu l'équipe support… »</p>",
                        ),
                        (
                            "Ajoutez un fait précis",
                            "<p>Un chiffre public, un lieu, un prénom (avec son accord).</p>",
                        ),
                        (
                            "Dites pourquoi cela compte pour vous",
                            "<p>Une phrase suffit.</p>",
                        ),
                        (
                            "Mentionnez votre lien avec Chorus",
                            "<p>La ligne de transparence est ajoutée au début du texte proposé.</p>",
                        ),
                    ],
                ),
                example_post(
                    "linkedin",
                    "Je travaille chez Chorus. Cette semaine, j'ai passé une matinée avec "
                    "l'équipe qui répond à vos appels. Ce qui m'a frappé : elles notent "
                    "chaque idée d'amélioration sur un tableau, et la moitié est déjà en place.",
                    "Un détail vécu, un fait, et le lien avec l'entreprise dit clairement.",
                ),
                do_dont(
                    "",
                    [
                        "Relire à voix haute",
                        "Raccourcir",
                        "Citer les collègues avec leur accord",
                    ],
                    [
                        "Copier le texte sans le relire",
                        "Promettre au nom de l'entreprise",
                    ],
                ),
            ],
        },
        "en": {
            "title": "Write a post in your own words",
            "slug": "write-in-your-own-words",
            "summary": "Start from a suggested text, then make it yours: what you saw, did, learnt.",
            "body": [
                paragraph(
                    "<p>The texts suggested in Chorus are starting points. A post rings true "
                    "when it tells your point of view: a detail, a person, something learnt.</p>"
                ),
                steps(
                    "A simple method",
                    [
                        (
                            "Start with what you lived",
                            "<p>“Yesterday I watched the support team…”</p>",
                        ),
                        (
                            "Add one precise fact",
                            "<p>A public figure, a place, a first name (with their consent).</p>",
                        ),
                        ("Say why it matters to you", "<p>One sentence is enough.</p>"),
                        (
                            "Mention your link with Chorus",
                            "<p>The disclosure line is added at the start of the suggested text.</p>",
                        ),
                    ],
                ),
                example_post(
                    "linkedin",
                    "I work at Chorus. This week I spent a morning with the team that answers "
                    "your calls. What struck me: they write every improvement idea on a board, "
                    "and half of them are already in place.",
                    "A lived detail, a fact, and the link with the company stated plainly.",
                ),
                do_dont(
                    "",
                    [
                        "Read it out loud",
                        "Make it shorter",
                        "Quote colleagues with their consent",
                    ],
                    [
                        "Copy the text without reading it",
                        "Make promises on the company's behalf",
                    ],
                ),
            ],
        },
    },
    {
        "key": "short-formats",
        "subject": "writing",
        "stages": ["speak", "lead"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 9, 29),
        "fr": {
            "title": "Écrire court pour Mastodon, Bluesky et X",
            "slug": "ecrire-court",
            "summary": "300 ou 500 caractères : une idée par message, le lien à la fin.",
            "body": [
                paragraph(
                    "<p>Sur les réseaux courts, une publication porte une seule idée. "
                    "Bluesky compte 300 caractères, Mastodon 500 sur la plupart des serveurs, "
                    "X 280 (un lien y compte pour 23).</p>"
                ),
                do_dont(
                    "",
                    [
                        "Une idée par message",
                        "Le lien à la fin",
                        "Deux mots-clés au plus",
                    ],
                    ["Couper une phrase au milieu", "Empiler les mots-clés"],
                ),
                example_post(
                    "mastodon",
                    "Je travaille chez Chorus. Notre outil de planification est désormais "
                    "publié en logiciel libre. J'y ai contribué ce printemps : si vous "
                    "l'essayez, je serai curieux de vos retours. #opensource",
                    "Une idée, une contribution personnelle, une invitation.",
                ),
                callout(
                    "Sur Mastodon",
                    "<p>Ajoutez une description à chaque image : beaucoup de lectrices et lecteurs en dépendent.</p>",
                ),
            ],
        },
        "en": {
            "title": "Writing short for Mastodon, Bluesky and X",
            "slug": "writing-short",
            "summary": "300 or 500 characters: one idea per post, the link at the end.",
            "body": [
                paragraph(
                    "<p>On short networks, a post carries one idea. Bluesky counts 300 "
                    "characters, Mastodon 500 on most servers, X 280 (a link counts as 23).</p>"
                ),
                do_dont(
                    "",
                    [
                        "One idea per post",
                        "The link at the end",
                        "Two hashtags at most",
                    ],
                    ["Cut a sentence in the middle", "Pile up hashtags"],
                ),
                example_post(
                    "mastodon",
                    "I work at Chorus. Our scheduling tool is now open source. I contributed "
                    "to it this spring: if you try it, I would love to hear what you think. "
                    "#opensource",
                    "One idea, a personal contribution, an invitation.",
                ),
                callout(
                    "On Mastodon",
                    "<p>Describe every image: many readers depend on it.</p>",
                ),
            ],
        },
    },
    {
        "key": "sources",
        "subject": "sources",
        "stages": ["listen", "speak"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 10, 20),
        "fr": {
            "title": "Vérifier une source avant de la partager",
            "slug": "verifier-une-source",
            "summary": "Trois minutes de vérification évitent de relayer une erreur.",
            "body": [
                paragraph(
                    "<p>Partager un article, c'est un peu s'en porter garant. Avant de "
                    "relayer, prenez trois minutes.</p>"
                ),
                checklist(
                    "Avant de partager",
                    [
                        "Ai-je lu l'article en entier, pas seulement le titre ?",
                        "Qui l'a écrit, et quand ?",
                        "La même information est-elle donnée par une deuxième source sérieuse ?",
                        "L'image vient-elle vraiment de cet événement ?",
                        "Le chiffre cité renvoie-t-il à son étude d'origine ?",
                    ],
                ),
                steps(
                    "Retrouver l'origine d'une image",
                    [
                        (
                            "Faites une recherche d'image inversée",
                            "<p>La plupart des moteurs de recherche le proposent.</p>",
                        ),
                        (
                            "Comparez les dates",
                            "<p>Une image plus ancienne que l'événement est un signal d'alerte.</p>",
                        ),
                    ],
                ),
                ask_referent(
                    "Demandez à votre référent si",
                    "<ul><li>la source concerne un client ou un concurrent ;</li><li>vous avez un doute que vous ne savez pas lever.</li></ul>",
                ),
            ],
        },
        "en": {
            "title": "Check a source before you share it",
            "slug": "check-a-source",
            "summary": "Three minutes of checking save you from passing on a mistake.",
            "body": [
                paragraph(
                    "<p>Sharing an article is a little like vouching for it. Before you pass "
                    "it on, take three minutes.</p>"
                ),
                checklist(
                    "Before sharing",
                    [
                        "Have I read the whole article, not only the headline?",
                        "Who wrote it, and when?",
                        "Does a second serious source say the same?",
                        "Does the picture really come from this event?",
                        "Does the figure quoted link to its original study?",
                    ],
                ),
                steps(
                    "Trace a picture back to its origin",
                    [
                        (
                            "Run a reverse image search",
                            "<p>Most search engines offer one.</p>",
                        ),
                        (
                            "Compare the dates",
                            "<p>A picture older than the event is a warning sign.</p>",
                        ),
                    ],
                ),
                ask_referent(
                    "Ask your referent when",
                    "<ul><li>the source is about a customer or a competitor;</li><li>you have a doubt you cannot clear up.</li></ul>",
                ),
            ],
        },
    },
    {
        "key": "analytics",
        "subject": "analytics",
        "stages": ["speak", "lead"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 9, 22),
        "fr": {
            "title": "Lire vos statistiques sans courir après les chiffres",
            "slug": "lire-ses-statistiques",
            "summary": "Les statistiques de vos réseaux vous renseignent ; elles ne vous notent pas.",
            "body": [
                paragraph(
                    "<p>Chaque réseau vous montre vos propres chiffres. Chorus ne les voit pas "
                    "et ne les demande pas. Utilisez-les pour comprendre, pas pour vous comparer.</p>"
                ),
                heading("Ce qui est utile à regarder"),
                paragraph(
                    "<ul><li>Les commentaires : ils disent ce qui a fait réagir.</li>"
                    "<li>Qui a lu : un secteur, une région, un métier.</li>"
                    "<li>Les publications qui vous ressemblent le plus, et comment elles ont été reçues.</li></ul>"
                ),
                do_dont(
                    "",
                    [
                        "Regarder une fois par mois",
                        "Noter ce qui vous a fait plaisir d'écrire",
                    ],
                    [
                        "Publier plus pour faire monter un chiffre",
                        "Comparer vos chiffres à ceux des collègues",
                    ],
                ),
                callout(
                    "Bon à savoir",
                    "<p>Une publication lue par dix personnes bien choisies vaut mieux que mille vues distraites.</p>",
                ),
            ],
        },
        "en": {
            "title": "Read your analytics without chasing numbers",
            "slug": "read-your-analytics",
            "summary": "Your networks' statistics inform you; they do not grade you.",
            "body": [
                paragraph(
                    "<p>Each network shows you your own numbers. Chorus does not see them and "
                    "does not ask for them. Use them to understand, not to compare yourself.</p>"
                ),
                heading("What is worth looking at"),
                paragraph(
                    "<ul><li>Comments: they tell you what people reacted to.</li>"
                    "<li>Who read: a sector, a region, a trade.</li>"
                    "<li>The posts that sound most like you, and how they were received.</li></ul>"
                ),
                do_dont(
                    "",
                    ["Look once a month", "Note what you enjoyed writing"],
                    [
                        "Post more to push a number up",
                        "Compare your numbers with colleagues'",
                    ],
                ),
                callout(
                    "Good to know",
                    "<p>A post read by ten well-chosen people is worth more than a thousand distracted views.</p>",
                ),
            ],
        },
    },
    {
        "key": "sensitive",
        "subject": "sensitive",
        "stages": ["speak", "lead"],
        "topics": ["company-life"],
        "owner": CLAIRE,
        "last_reviewed": date(2026, 11, 3),
        "fr": {
            "title": "Parler d'un sujet sensible",
            "slug": "sujet-sensible",
            "summary": "Réorganisation, incident, actualité difficile : quand se taire est aussi un choix.",
            "body": [
                paragraph(
                    "<p>Certains sujets demandent plus de précaution : une réorganisation, un "
                    "incident, une décision de justice, un drame dans l'actualité. Vous "
                    "n'avez jamais à en parler.</p>"
                ),
                do_dont(
                    "Si vous choisissez d'en parler",
                    [
                        "Vous en tenir aux faits déjà publics",
                        "Parler en votre nom",
                        "Attendre le lendemain si l'émotion est forte",
                    ],
                    [
                        "Commenter une rumeur",
                        "Donner des informations sur des collègues",
                        "Répondre à chaud à une critique",
                    ],
                ),
                ask_referent(
                    "Demandez avant de publier si",
                    "<ul><li>le sujet touche des personnes identifiables ;</li><li>une procédure est en cours ;</li><li>une histoire de Chorus est marquée « sensible ».</li></ul>",
                ),
                referent(*CLAIRE["fr"]),
            ],
        },
        "en": {
            "title": "Talking about a sensitive subject",
            "slug": "sensitive-subject",
            "summary": "A reorganisation, an incident, hard news: staying silent is a choice too.",
            "body": [
                paragraph(
                    "<p>Some subjects call for more care: a reorganisation, an incident, a "
                    "court decision, a tragedy in the news. You never have to talk about them.</p>"
                ),
                do_dont(
                    "If you choose to talk about it",
                    [
                        "Stick to facts that are already public",
                        "Speak for yourself",
                        "Wait until tomorrow if emotions run high",
                    ],
                    [
                        "Comment on a rumour",
                        "Give out information about colleagues",
                        "Reply to criticism in the heat of the moment",
                    ],
                ),
                ask_referent(
                    "Ask before posting when",
                    "<ul><li>the subject involves people who can be identified;</li><li>legal proceedings are under way;</li><li>a Chorus story is marked “sensitive”.</li></ul>",
                ),
                referent(*CLAIRE["en"]),
            ],
        },
    },
    {
        "key": "confidentiality",
        "subject": "confidentiality",
        "stages": ["discover", "listen", "speak", "lead"],
        "topics": ["company-life"],
        "owner": CLAIRE,
        "last_reviewed": date(2026, 11, 3),
        "fr": {
            "title": "Ce qu'on ne partage jamais",
            "slug": "ce-qu-on-ne-partage-jamais",
            "summary": "Les informations internes restent internes : la liste courte à garder en tête.",
            "body": [
                paragraph(
                    "<p>Dans Chorus, tout est interne sauf ce qu'une éditrice ou un éditeur a "
                    "marqué public. Seules les pages publiques peuvent être partagées. Au-delà "
                    "de Chorus, quelques règles valent partout.</p>"
                ),
                checklist(
                    "Ne partagez jamais",
                    [
                        "Des chiffres non publiés (ventes, résultats, salaires)",
                        "Le nom d'un client sans son accord écrit",
                        "Une capture d'écran d'un outil interne",
                        "Un projet pas encore annoncé, même par allusion",
                        "Une photo de bureau où l'on voit un écran ou un tableau",
                        "Les coordonnées ou la situation d'un collègue",
                    ],
                ),
                callout(
                    "Sous embargo",
                    "<p>Quand une histoire est sous embargo, le partage s'ouvre à la date prévue. Avant, n'en parlez pas, même sans lien.</p>",
                ),
                ask_referent(
                    "En cas de doute",
                    "<p>Ne publiez pas, et demandez. Personne ne vous reprochera une question.</p>",
                ),
            ],
        },
        "en": {
            "title": "What we never share",
            "slug": "what-we-never-share",
            "summary": "Internal information stays internal: the short list to keep in mind.",
            "body": [
                paragraph(
                    "<p>In Chorus everything is internal unless an editor marked it public. "
                    "Only public pages can be shared. Beyond Chorus, a few rules apply everywhere.</p>"
                ),
                checklist(
                    "Never share",
                    [
                        "Unpublished figures (sales, results, salaries)",
                        "A customer's name without their written consent",
                        "A screenshot of an internal tool",
                        "A project that is not announced yet, even as a hint",
                        "An office photo showing a screen or a whiteboard",
                        "A colleague's contact details or situation",
                    ],
                ),
                callout(
                    "Under embargo",
                    "<p>When a story is under embargo, sharing opens on the planned date. Before then, do not mention it, even without a link.</p>",
                ),
                ask_referent(
                    "When in doubt",
                    "<p>Do not post, and ask. Nobody will hold a question against you.</p>",
                ),
            ],
        },
    },
    {
        "key": "media-relations",
        "subject": "media-relations",
        # Public: the organisation publishes how its people answer journalists.
        "is_public": True,
        "stages": ["discover", "listen", "speak", "lead"],
        "topics": ["press"],
        "owner": CLAIRE,
        "last_reviewed": date(2026, 11, 10),
        "fr": {
            "title": "Relations presse : quand un journaliste vous contacte",
            "slug": "relations-presse",
            "summary": "Accueillir poliment, ne rien commenter, transmettre vite au contact presse.",
            "body": [
                paragraph(
                    "<p>Un journaliste peut vous appeler, vous écrire ou vous aborder sur un "
                    "salon. C'est normal, et il n'y a rien à craindre : vous n'avez pas à "
                    "répondre vous-même. Le contact presse est indiqué en haut de cette page.</p>"
                ),
                steps(
                    "Quand un journaliste appelle",
                    [
                        (
                            "Restez courtois",
                            "<p>« Merci de votre appel, je vais transmettre votre demande. »</p>",
                        ),
                        (
                            "Notez l'essentiel",
                            "<p>Son nom, son média, son sujet, son délai, ses coordonnées.</p>",
                        ),
                        (
                            "Transmettez dans l'heure",
                            "<p>Au contact presse, par e-mail ou par téléphone.</p>",
                        ),
                        (
                            "Ne donnez pas d'avis",
                            "<p>Même « à titre personnel » ou « en off ».</p>",
                        ),
                    ],
                ),
                heading("Les embargos"),
                paragraph(
                    "<p>Une annonce sous embargo est connue de quelques personnes avant sa date "
                    "de publication. Jusqu'à cette date, on n'en parle à personne à l'extérieur, "
                    "journalistes compris, même pour confirmer.</p>"
                ),
                do_dont(
                    "Ce qu'on ne commente jamais",
                    [
                        "Renvoyer vers le contact presse",
                        "Partager les communiqués publics",
                    ],
                    [
                        "Les résultats avant leur publication",
                        "Les procédures judiciaires",
                        "Les rumeurs de rachat ou de fermeture",
                        "La situation d'un salarié",
                    ],
                ),
                referent(*CLAIRE["fr"]),
            ],
        },
        "en": {
            "title": "Media relations: when a journalist gets in touch",
            "slug": "media-relations",
            "summary": "Be polite, comment on nothing, pass the request on to the media contact quickly.",
            "body": [
                paragraph(
                    "<p>A journalist may call you, write to you or approach you at a trade "
                    "fair. That is normal and nothing to fear: you do not have to answer "
                    "yourself. The media contact is shown at the top of this page.</p>"
                ),
                steps(
                    "When a journalist calls",
                    [
                        (
                            "Stay courteous",
                            "<p>“Thank you for calling, I will pass your request on.”</p>",
                        ),
                        (
                            "Write down the essentials",
                            "<p>Their name, outlet, subject, deadline and contact details.</p>",
                        ),
                        (
                            "Pass it on within the hour",
                            "<p>To the media contact, by e-mail or phone.</p>",
                        ),
                        (
                            "Give no opinion",
                            "<p>Not even “personally” or “off the record”.</p>",
                        ),
                    ],
                ),
                heading("Embargoes"),
                paragraph(
                    "<p>An announcement under embargo is known to a few people before its "
                    "publication date. Until then, nobody outside hears about it, journalists "
                    "included, not even to confirm it.</p>"
                ),
                do_dont(
                    "What we never comment on",
                    ["Refer to the media contact", "Share public press releases"],
                    [
                        "Results before they are published",
                        "Legal proceedings",
                        "Rumours of a takeover or a closure",
                        "An employee's situation",
                    ],
                ),
                referent(*CLAIRE["en"]),
            ],
        },
    },
    {
        "key": "tools",
        "subject": "apps-tools",
        "stages": ["listen", "speak"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 10, 27),
        "fr": {
            "title": "Applications et outils utiles",
            "slug": "applications-et-outils",
            "summary": "Programmer, enregistrer, décrire une image : de petits outils qui font gagner du temps.",
            "body": [
                paragraph(
                    "<p>Les réseaux ont leurs propres outils, gratuits et souvent méconnus. "
                    "Pas besoin d'application tierce pour bien commencer.</p>"
                ),
                steps(
                    "À essayer",
                    [
                        (
                            "Programmer une publication",
                            "<p>LinkedIn le propose depuis l'icône d'horloge ; sur Mastodon, plusieurs applications le permettent.</p>",
                        ),
                        (
                            "Enregistrer pour plus tard",
                            "<p>Les signets de Mastodon et Bluesky, les éléments enregistrés de LinkedIn.</p>",
                        ),
                        (
                            "Décrire vos images",
                            "<p>Le champ « texte alternatif » existe sur tous les réseaux : utilisez-le.</p>",
                        ),
                        (
                            "Partager depuis Chorus",
                            "<p>Le panneau de partage copie le texte et ouvre le réseau choisi, sans traceur.</p>",
                        ),
                    ],
                ),
                do_dont(
                    "",
                    [
                        "Utiliser les outils intégrés aux réseaux",
                        "Garder vos mots de passe dans un gestionnaire",
                    ],
                    [
                        "Donner vos identifiants à une application inconnue",
                        "Automatiser des réponses",
                    ],
                ),
            ],
        },
        "en": {
            "title": "Useful apps and tools",
            "slug": "apps-and-tools",
            "summary": "Scheduling, saving, describing a picture: small tools that save time.",
            "body": [
                paragraph(
                    "<p>Networks have their own tools, free and often overlooked. You need no "
                    "third-party app to start well.</p>"
                ),
                steps(
                    "Worth trying",
                    [
                        (
                            "Schedule a post",
                            "<p>LinkedIn offers it from the clock icon; on Mastodon several apps do.</p>",
                        ),
                        (
                            "Save for later",
                            "<p>Bookmarks on Mastodon and Bluesky, saved items on LinkedIn.</p>",
                        ),
                        (
                            "Describe your pictures",
                            "<p>Every network has an “alt text” field: use it.</p>",
                        ),
                        (
                            "Share from Chorus",
                            "<p>The share panel copies the text and opens the network you chose, with no tracker.</p>",
                        ),
                    ],
                ),
                do_dont(
                    "",
                    [
                        "Use the tools built into the networks",
                        "Keep your passwords in a password manager",
                    ],
                    ["Give your login to an unknown app", "Automate replies"],
                ),
            ],
        },
    },
    {
        "key": "comments",
        "subject": "sensitive",
        "stages": ["speak"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 10, 13),
        "fr": {
            "title": "Répondre aux commentaires",
            "slug": "repondre-aux-commentaires",
            "summary": "Remercier, répondre aux questions, ignorer les provocations.",
            "body": [
                paragraph(
                    "<p>Les commentaires sont souvent la meilleure part d'une publication. "
                    "Quelques réflexes aident à garder la conversation agréable.</p>"
                ),
                do_dont(
                    "",
                    [
                        "Remercier",
                        "Répondre aux vraies questions",
                        "Renvoyer vers le service client pour un cas précis",
                    ],
                    [
                        "Répondre à une provocation",
                        "Discuter d'un dossier client en public",
                        "Supprimer une critique polie",
                    ],
                ),
                example_post(
                    "linkedin",
                    "Merci pour votre question ! Je ne suis pas la mieux placée pour répondre "
                    "sur ce point, mais l'équipe service client le fera volontiers : "
                    "support@chorus.example.",
                    "Aimable, honnête, et la question part au bon endroit.",
                ),
                ask_referent(
                    "Demandez de l'aide si",
                    "<p>un commentaire vous met mal à l'aise ou devient insultant.</p>",
                ),
            ],
        },
        "en": {
            "title": "Replying to comments",
            "slug": "replying-to-comments",
            "summary": "Say thank you, answer questions, ignore provocations.",
            "body": [
                paragraph(
                    "<p>Comments are often the best part of a post. A few habits keep the "
                    "conversation pleasant.</p>"
                ),
                do_dont(
                    "",
                    [
                        "Say thank you",
                        "Answer real questions",
                        "Point to customer service for a specific case",
                    ],
                    [
                        "Reply to a provocation",
                        "Discuss a customer's case in public",
                        "Delete polite criticism",
                    ],
                ),
                example_post(
                    "linkedin",
                    "Thank you for your question! I am not the best person to answer that, but "
                    "our customer service team will gladly help: support@chorus.example.",
                    "Kind, honest, and the question goes to the right place.",
                ),
                ask_referent(
                    "Ask for help when",
                    "<p>a comment makes you uncomfortable or turns insulting.</p>",
                ),
            ],
        },
    },
    {
        "key": "lead",
        "subject": "writing",
        "stages": ["lead"],
        "topics": ["company-life"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 11, 17),
        "fr": {
            "title": "Donner envie aux collègues de se lancer",
            "slug": "donner-envie",
            "summary": "Vous publiez souvent ? Aidez les autres à commencer, sans pression.",
            "body": [
                paragraph(
                    "<p>Personne ne commence seul. Si vous êtes à l'aise, votre meilleur rôle "
                    "est d'accompagner : relire, encourager, montrer l'exemple sans l'imposer.</p>"
                ),
                steps(
                    "Quelques idées",
                    [
                        (
                            "Proposez une relecture",
                            "<p>Un œil bienveillant sur une première publication rassure beaucoup.</p>",
                        ),
                        (
                            "Citez les collègues",
                            "<p>Mentionnez leur travail, avec leur accord.</p>",
                        ),
                        (
                            "Partagez vos erreurs",
                            "<p>Une publication ratée racontée avec humour vaut tous les conseils.</p>",
                        ),
                    ],
                ),
                do_dont(
                    "",
                    [
                        "Respecter celles et ceux qui ne veulent pas publier",
                        "Laisser chacun écrire à sa manière",
                    ],
                    ["Compter qui partage", "Relancer quelqu'un qui a dit non"],
                ),
                referent(*SAMIR["fr"]),
            ],
        },
        "en": {
            "title": "Make colleagues want to start",
            "slug": "make-colleagues-want-to-start",
            "summary": "You post often? Help others begin, without pressure.",
            "body": [
                paragraph(
                    "<p>Nobody starts alone. If you feel at ease, your best role is to "
                    "accompany: proofread, encourage, lead by example without imposing it.</p>"
                ),
                steps(
                    "A few ideas",
                    [
                        (
                            "Offer to proofread",
                            "<p>A kind eye on a first post reassures a lot.</p>",
                        ),
                        (
                            "Credit colleagues",
                            "<p>Mention their work, with their consent.</p>",
                        ),
                        (
                            "Share your mistakes",
                            "<p>A failed post told with humour beats any advice.</p>",
                        ),
                    ],
                ),
                do_dont(
                    "",
                    [
                        "Respect those who do not want to post",
                        "Let everyone write their own way",
                    ],
                    ["Count who shares", "Chase someone who said no"],
                ),
                referent(*SAMIR["en"]),
            ],
        },
    },
    {
        "key": "privacy-settings",
        "subject": "network-features",
        "stages": ["discover", "listen"],
        "topics": ["social-networks"],
        "owner": SAMIR,
        "last_reviewed": date(2026, 10, 20),
        "fr": {
            "title": "Régler la confidentialité de vos comptes",
            "slug": "regler-sa-confidentialite",
            "summary": "Choisir qui voit quoi, avant de publier la première fois.",
            "body": [
                paragraph(
                    "<p>Votre vie privée vous appartient. Prenez dix minutes pour décider ce "
                    "qui est public sur chacun de vos comptes.</p>"
                ),
                checklist(
                    "À vérifier",
                    [
                        "Qui peut voir votre liste de relations ou d'abonnements",
                        "Qui peut vous envoyer des messages",
                        "Si votre compte Mastodon demande une validation des abonnés",
                        "Si vos anciennes publications personnelles doivent rester visibles",
                    ],
                ),
                callout(
                    "Séparer ou non ?",
                    "<p>Vous pouvez garder un compte personnel et n'utiliser qu'un réseau pour parler de travail. C'est votre choix.</p>",
                ),
            ],
        },
        "en": {
            "title": "Set the privacy of your accounts",
            "slug": "set-your-privacy",
            "summary": "Choose who sees what, before you post for the first time.",
            "body": [
                paragraph(
                    "<p>Your privacy belongs to you. Take ten minutes to decide what is public "
                    "on each of your accounts.</p>"
                ),
                checklist(
                    "Things to check",
                    [
                        "Who can see your connections or the accounts you follow",
                        "Who can send you messages",
                        "Whether your Mastodon account asks you to approve followers",
                        "Whether your old personal posts should stay visible",
                    ],
                ),
                callout(
                    "Keep them apart?",
                    "<p>You may keep a personal account and use only one network to talk about work. It is your choice.</p>",
                ),
            ],
        },
    },
]
