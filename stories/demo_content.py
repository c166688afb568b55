"""Bilingual demo stories about Chorus, a fictional organisation. Written for this demo.

French is the source language; English is its translation. Bodies are lists of
(block type, value) pairs for home.blocks.BodyStreamBlock; an image block names a picture
of stories/demo_images/ by its file stem.
"""

from datetime import date


TOPICS = {
    "community": {"fr": "Engagement solidaire", "en": "Community"},
    "open-source": {"fr": "Open source", "en": "Open source"},
    "accessibility": {"fr": "Accessibilité", "en": "Accessibility"},
    "customers": {"fr": "Clients", "en": "Customers"},
    "company-life": {"fr": "Vie de l'entreprise", "en": "Company life"},
    "careers": {"fr": "Carrières", "en": "Careers"},
    "sustainability": {"fr": "Environnement", "en": "Sustainability"},
}

TOPIC_SLUGS = {
    "community": {"fr": "engagement-solidaire", "en": "community"},
    "open-source": {"fr": "open-source", "en": "open-source"},
    "accessibility": {"fr": "accessibilite", "en": "accessibility"},
    "customers": {"fr": "clients", "en": "customers"},
    "company-life": {"fr": "vie-entreprise", "en": "company-life"},
    "careers": {"fr": "carrieres", "en": "careers"},
    "sustainability": {"fr": "environnement", "en": "sustainability"},
}

INDEX = {
    "fr": {
        "title": "Histoires",
        "slug": "histoires",
        "intro": "<p>Ce qui se passe chez Chorus, raconté par celles et ceux qui le vivent.</p>",
    },
    "en": {
        "title": "Stories",
        "slug": "stories",
        "intro": "<p>What happens at Chorus, told by the people who live it.</p>",
    },
}

# The story whose share kit is under embargo (the share-kit demo looks it up by these slugs).
EMBARGOED_STORY_SLUGS = {"fr": "nouveau-site-lyon", "en": "new-lyon-site"}

STORIES = [
    {
        "image": "volunteering-day",
        "date": date(2026, 9, 18),
        "is_public": True,
        "topics": ["community", "company-life"],
        "authors": [
            ("Nadia Benali", "Responsable engagement", "Community engagement lead")
        ],
        "fr": {
            "slug": "journee-solidaire-2026",
            "title": "Une journée solidaire, 140 volontaires",
            "intro": "Le 12 septembre, 140 collègues ont passé la journée avec six associations de quartier, de Lille à Marseille.",
            "image_alt": "Des cercles orange, rouges et verts qui se chevauchent sur un fond crème.",
            "body": [
                ("heading", "Six associations, une seule journée"),
                (
                    "paragraph",
                    "<p>Repeindre une salle de répétition, trier des livres pour une bibliothèque de rue, "
                    "aider à remplir des dossiers d'aide au logement : chaque équipe a choisi sa mission "
                    "avec l'association, et non l'inverse.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "Nous n'avions jamais eu autant de bras un vendredi. Les livres sont rangés pour l'hiver.",
                        "attribution": "Hélène, bénévole de la bibliothèque de rue de Roubaix",
                    },
                ),
                (
                    "paragraph",
                    "<p>La journée est comptée comme du temps de travail. Personne n'est tenu d'y participer, "
                    "et personne n'a à raconter sa journée ensuite.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "L'an prochain",
                        "text": "<p>Les associations partenaires peuvent proposer une mission dès janvier.</p>",
                    },
                ),
            ],
        },
        "en": {
            "slug": "volunteering-day-2026",
            "title": "One volunteering day, 140 volunteers",
            "intro": "On 12 September, 140 colleagues spent the day with six neighbourhood charities, from Lille to Marseille.",
            "image_alt": "Overlapping orange, red and green circles on a cream background.",
            "body": [
                ("heading", "Six charities, one day"),
                (
                    "paragraph",
                    "<p>Repainting a rehearsal room, sorting books for a street library, helping people fill "
                    "in housing-aid forms: each team chose its task together with the charity, not the "
                    "other way round.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "We have never had so many hands on a Friday. The books are shelved for the winter.",
                        "attribution": "Hélène, volunteer at the Roubaix street library",
                    },
                ),
                (
                    "paragraph",
                    "<p>The day counts as working time. Nobody has to take part, and nobody has to tell "
                    "anyone about their day afterwards.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Next year",
                        "text": "<p>Partner charities can suggest a task from January.</p>",
                    },
                ),
            ],
        },
    },
    {
        "image": "open-source-tool",
        "date": date(2026, 10, 2),
        "is_public": True,
        "topics": ["open-source"],
        "authors": [
            ("Julien Marchand", "Développeur", "Developer"),
            ("Sofia Almeida", "Designer produit", "Product designer"),
        ],
        "fr": {
            "slug": "planif-open-source",
            "title": "Planif, notre outil de planning, devient open source",
            "intro": "L'outil que nos équipes d'intervention utilisent depuis trois ans est désormais publié sous licence libre.",
            "image_alt": "Une grille de petits carrés bleus, rouges et turquoise.",
            "body": [
                (
                    "paragraph",
                    "<p>Planif répartit les interventions de la semaine entre les équipes en tenant compte "
                    "des trajets et des compétences. Nous l'avons écrit pour nous ; d'autres nous l'ont "
                    "demandé, alors nous le partageons.</p>",
                ),
                ("heading", "Pourquoi le publier"),
                (
                    "paragraph",
                    "<ul><li>Parce que des collectivités nous l'ont demandé.</li>"
                    "<li>Parce que des regards extérieurs rendront le code meilleur.</li>"
                    "<li>Parce que nous utilisons nous-mêmes beaucoup de logiciels libres.</li></ul>",
                ),
                ("embed", "https://video.chorus.example/planif-demo"),
                (
                    "callout",
                    {
                        "title": "Envie de contribuer ?",
                        "text": "<p>Les contributions sont bienvenues, sur votre temps de travail si votre équipe est d'accord.</p>",
                    },
                ),
            ],
        },
        "en": {
            "slug": "planif-open-source",
            "title": "Planif, our scheduling tool, goes open source",
            "intro": "The tool our field teams have used for three years is now published under a free licence.",
            "image_alt": "A grid of small blue, red and turquoise squares.",
            "body": [
                (
                    "paragraph",
                    "<p>Planif shares out the week's jobs between teams, taking travel and skills into "
                    "account. We wrote it for ourselves; others asked for it, so we are sharing it.</p>",
                ),
                ("heading", "Why we publish it"),
                (
                    "paragraph",
                    "<ul><li>Because local authorities asked us for it.</li>"
                    "<li>Because outside eyes will make the code better.</li>"
                    "<li>Because we use a lot of free software ourselves.</li></ul>",
                ),
                ("embed", "https://video.chorus.example/planif-demo"),
                (
                    "callout",
                    {
                        "title": "Want to contribute?",
                        "text": "<p>Contributions are welcome, during working hours if your team agrees.</p>",
                    },
                ),
            ],
        },
    },
    {
        "image": "accessibility-project",
        "date": date(2026, 10, 14),
        "is_public": True,
        "topics": ["accessibility", "customers"],
        "authors": [
            ("Léa Fontaine", "Experte accessibilité", "Accessibility specialist")
        ],
        "fr": {
            "slug": "espace-client-accessible",
            "title": "Un espace client que tout le monde peut utiliser",
            "intro": "Six mois de travail avec des personnes aveugles, malvoyantes ou dyslexiques ont changé notre espace client.",
            "image_alt": "Des arcs de cercle violets, jaunes et verts emboîtés.",
            "body": [
                ("heading", "Tester avec les personnes concernées"),
                (
                    "paragraph",
                    "<p>Douze testeurs ont utilisé l'espace client avec leurs propres outils : lecteur "
                    "d'écran, loupe, clavier seul. Chaque séance a donné une liste de corrections, "
                    "petites ou grandes.</p>",
                ),
                (
                    "image",
                    {
                        "image": "accessibility-project",
                        "alt": "Des arcs de couleur emboîtés, du plus petit au plus grand.",
                        "caption": "Chaque arc, une étape du parcours revu.",
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "Pour la première fois, j'ai payé ma facture sans appeler personne.",
                        "attribution": "Un testeur, utilisateur de lecteur d'écran",
                    },
                ),
            ],
        },
        "en": {
            "slug": "accessible-customer-area",
            "title": "A customer area everyone can use",
            "intro": "Six months of work with blind, partially sighted and dyslexic people changed our customer area.",
            "image_alt": "Nested purple, yellow and green arcs.",
            "body": [
                ("heading", "Testing with the people concerned"),
                (
                    "paragraph",
                    "<p>Twelve testers used the customer area with their own tools: screen reader, "
                    "magnifier, keyboard only. Each session produced a list of fixes, small and large.</p>",
                ),
                (
                    "image",
                    {
                        "image": "accessibility-project",
                        "alt": "Coloured arcs nested from the smallest to the largest.",
                        "caption": "Each arc, one step of the reworked journey.",
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "For the first time I paid my bill without calling anyone.",
                        "attribution": "A tester who uses a screen reader",
                    },
                ),
            ],
        },
    },
    {
        "image": "service-incident",
        "date": date(2026, 10, 29),
        "is_public": True,
        "is_sensitive": True,
        "topics": ["customers"],
        "authors": [("Karim Haddad", "Directeur des opérations", "Head of operations")],
        "fr": {
            "slug": "incident-service-octobre",
            "title": "L'interruption de service du 21 octobre : ce que nous avons appris",
            "intro": "Pendant quatre heures, nos clients n'ont pas pu accéder à leur espace. Voici ce qui s'est passé et ce qui change.",
            "image_alt": "Des lignes horizontales grises et ambre, de longueurs différentes.",
            "sensitive_guidance": (
                "<p>Ce sujet touche nos clients. Si vous en parlez :</p>"
                "<ul><li>tenez-vous aux faits écrits ici, sans hypothèse sur les causes ;</li>"
                "<li>ne citez aucun client ;</li>"
                "<li>orientez toute question de journaliste vers le contact presse.</li></ul>"
            ),
            "body": [
                ("heading", "Ce qui s'est passé"),
                (
                    "paragraph",
                    "<p>Une mise à jour de la base de données a pris plus longtemps que prévu et a bloqué "
                    "les connexions de 9 h 10 à 13 h 05. Aucune donnée n'a été perdue ni exposée.</p>",
                ),
                ("heading", "Ce qui change"),
                (
                    "paragraph",
                    "<p>Les mises à jour de ce type se feront désormais la nuit, sur une copie d'abord, "
                    "et la page d'état du service sera mise à jour toutes les trente minutes pendant un incident.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Un client vous en parle ?",
                        "text": "<p>Écoutez, excusez-vous, et donnez-lui le lien de la page d'état du service.</p>",
                    },
                ),
            ],
        },
        "en": {
            "slug": "service-incident-october",
            "title": "The service outage of 21 October: what we learnt",
            "intro": "For four hours our customers could not reach their account. Here is what happened and what changes.",
            "image_alt": "Horizontal grey and amber lines of different lengths.",
            "sensitive_guidance": (
                "<p>This subject concerns our customers. If you talk about it:</p>"
                "<ul><li>stick to the facts written here, without guessing at causes;</li>"
                "<li>name no customer;</li>"
                "<li>send any journalist's question to the media contact.</li></ul>"
            ),
            "body": [
                ("heading", "What happened"),
                (
                    "paragraph",
                    "<p>A database update took longer than planned and blocked logins from 9:10 to 13:05. "
                    "No data was lost or exposed.</p>",
                ),
                ("heading", "What changes"),
                (
                    "paragraph",
                    "<p>Updates of this kind will now run at night, on a copy first, and the service status "
                    "page will be updated every thirty minutes during an incident.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "A customer mentions it?",
                        "text": "<p>Listen, apologise, and give them the link to the service status page.</p>",
                    },
                ),
            ],
        },
    },
    {
        "image": "new-lyon-site",
        "date": date(2026, 11, 20),
        "is_public": True,
        "topics": ["company-life", "careers"],
        "authors": [("Claire Dubois", "Directrice régionale", "Regional director")],
        "fr": {
            "slug": EMBARGOED_STORY_SLUGS["fr"],
            "title": "Chorus ouvre un site à Lyon",
            "intro": "Au printemps, une équipe de quarante personnes s'installera près de la gare de la Part-Dieu.",
            "image_alt": "Des immeubles stylisés orange et bleu sous un soleil rond.",
            "body": [
                (
                    "paragraph",
                    "<p>Le site de Lyon accueillera le support client de la région et une partie de "
                    "l'équipe produit. Les locaux sont accessibles en transports en commun et à vélo.</p>",
                ),
                ("heading", "Des postes ouverts"),
                (
                    "paragraph",
                    "<p>Vingt postes seront ouverts en interne d'abord, puis à l'extérieur. Les mobilités "
                    "se feront sur la base du volontariat.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Annonce officielle à venir",
                        "text": "<p>La nouvelle sera annoncée publiquement à une date précise : le partage s'ouvrira à ce moment-là.</p>",
                    },
                ),
            ],
        },
        "en": {
            "slug": EMBARGOED_STORY_SLUGS["en"],
            "title": "Chorus opens a site in Lyon",
            "intro": "In the spring, a team of forty people will move in near the Part-Dieu station.",
            "image_alt": "Stylised orange and blue buildings under a round sun.",
            "body": [
                (
                    "paragraph",
                    "<p>The Lyon site will host the region's customer support and part of the product "
                    "team. The offices can be reached by public transport and by bike.</p>",
                ),
                ("heading", "Open positions"),
                (
                    "paragraph",
                    "<p>Twenty positions will open internally first, then externally. Moves will be "
                    "voluntary.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Official announcement to come",
                        "text": "<p>The news will be announced publicly on a set date: sharing opens then.</p>",
                    },
                ),
            ],
        },
    },
    {
        "image": "internship-programme",
        "date": date(2026, 11, 5),
        "is_public": True,
        "topics": ["careers"],
        "authors": [
            ("Thomas Nguyen", "Chargé de recrutement", "Recruiter"),
            (
                "Aïcha Diallo",
                "Ancienne stagiaire, développeuse",
                "Former intern, developer",
            ),
        ],
        "fr": {
            "slug": "programme-stages-2027",
            "title": "Notre programme de stages 2027 est ouvert",
            "intro": "Vingt-cinq stages de deux à six mois, avec un tuteur formé et une rémunération au-dessus du minimum légal.",
            "image_alt": "Des marches de couleur qui montent de gauche à droite.",
            "body": [
                ("heading", "Ce que nous promettons"),
                (
                    "paragraph",
                    "<p>Un vrai sujet, un tuteur qui a du temps pour vous, et un bilan à mi-parcours "
                    "où vous dites aussi ce qui ne va pas.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "Mon tuteur relisait mon code chaque matin. Un an après, c'est moi qui relis celui des stagiaires.",
                        "attribution": "Aïcha Diallo",
                    },
                ),
            ],
        },
        "en": {
            "slug": "internship-programme-2027",
            "title": "Our 2027 internship programme is open",
            "intro": "Twenty-five internships of two to six months, with a trained mentor and pay above the legal minimum.",
            "image_alt": "Coloured steps rising from left to right.",
            "body": [
                ("heading", "What we promise"),
                (
                    "paragraph",
                    "<p>A real project, a mentor who has time for you, and a mid-point review where you "
                    "also say what is not working.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "My mentor reviewed my code every morning. A year later, I review the interns' code.",
                        "attribution": "Aïcha Diallo",
                    },
                ),
            ],
        },
    },
    {
        "image": "carbon-footprint",
        "date": date(2026, 9, 30),
        "is_public": False,
        "topics": ["sustainability"],
        "authors": [("Marc Lefebvre", "Référent environnement", "Sustainability lead")],
        "fr": {
            "slug": "bilan-carbone-premiers-chiffres",
            "title": "Bilan carbone : nos premiers chiffres, avant publication",
            "intro": "Les déplacements et les serveurs pèsent plus que prévu. Les chiffres détaillés restent internes jusqu'au rapport annuel.",
            "image_alt": "Des formes de feuilles vertes dispersées.",
            "body": [
                (
                    "paragraph",
                    "<p>Les déplacements professionnels représentent près de la moitié de nos émissions, "
                    "les serveurs un quart. Les chiffres seront vérifiés par un cabinet extérieur avant "
                    "d'être publiés.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Interne pour l'instant",
                        "text": "<p>Merci de ne pas partager ces chiffres à l'extérieur avant le rapport annuel.</p>",
                    },
                ),
                ("heading", "Vos idées"),
                (
                    "paragraph",
                    "<p>Un atelier ouvert à tous aura lieu le mois prochain pour choisir les trois premières actions.</p>",
                ),
            ],
        },
        "en": {
            "slug": "carbon-footprint-first-figures",
            "title": "Carbon footprint: our first figures, before publication",
            "intro": "Travel and servers weigh more than expected. The detailed figures stay internal until the annual report.",
            "image_alt": "Scattered green leaf shapes.",
            "body": [
                (
                    "paragraph",
                    "<p>Business travel accounts for nearly half of our emissions, servers for a quarter. "
                    "An outside firm will check the figures before they are published.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Internal for now",
                        "text": "<p>Please do not share these figures outside before the annual report.</p>",
                    },
                ),
                ("heading", "Your ideas"),
                (
                    "paragraph",
                    "<p>A workshop open to everyone will take place next month to choose the first three actions.</p>",
                ),
            ],
        },
    },
    {
        "image": "library-network",
        "date": date(2026, 10, 22),
        "is_public": False,
        "topics": ["customers"],
        "authors": [("Inès Moreau", "Cheffe de projet", "Project manager")],
        "fr": {
            "slug": "reseau-mediatheques",
            "title": "Trente médiathèques, un seul outil de réservation",
            "intro": "Le réseau de médiathèques d'une agglomération de l'Ouest a basculé sur notre plateforme en un week-end.",
            "image_alt": "Des étagères chargées de livres de couleur.",
            "body": [
                (
                    "paragraph",
                    "<p>Le client n'a pas encore annoncé le projet : son nom reste interne. L'équipe a "
                    "migré 400 000 réservations sans interruption pour les lecteurs.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "Le lundi matin, les bibliothécaires ont simplement continué leur travail.",
                        "attribution": "Inès Moreau",
                    },
                ),
            ],
        },
        "en": {
            "slug": "library-network",
            "title": "Thirty libraries, one booking tool",
            "intro": "A library network in western France moved to our platform over one weekend.",
            "image_alt": "Shelves full of coloured books.",
            "body": [
                (
                    "paragraph",
                    "<p>The customer has not announced the project yet: its name stays internal. The team "
                    "moved 400,000 bookings with no interruption for readers.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "On Monday morning the librarians simply carried on with their work.",
                        "attribution": "Inès Moreau",
                    },
                ),
            ],
        },
    },
    {
        "image": "support-team-prize",
        "date": date(2026, 11, 12),
        "is_public": False,
        "topics": ["company-life", "accessibility"],
        "authors": [("Paul Girard", "Responsable du support", "Support manager")],
        "fr": {
            "slug": "prix-equipe-support",
            "title": "L'équipe support reçoit le prix de la relation client accessible",
            "intro": "Un jury d'associations a distingué le travail collectif de l'équipe sur l'accueil téléphonique et écrit.",
            "image_alt": "Des rangées de vagues bleues et orange.",
            "body": [
                (
                    "paragraph",
                    "<p>Le prix récompense toute l'équipe, pas une personne : scripts réécrits en langage "
                    "clair, rappel gratuit, réponses par écrit pour les personnes sourdes.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Merci",
                        "text": "<p>Un café est offert à l'équipe jeudi au deuxième étage. Tout le monde est le bienvenu.</p>",
                    },
                ),
            ],
        },
        "en": {
            "slug": "support-team-prize",
            "title": "The support team receives the accessible customer service prize",
            "intro": "A jury of charities recognised the team's collective work on phone and written support.",
            "image_alt": "Rows of blue and orange waves.",
            "body": [
                (
                    "paragraph",
                    "<p>The prize goes to the whole team, not to one person: scripts rewritten in plain "
                    "language, free call-back, written answers for deaf customers.</p>",
                ),
                (
                    "callout",
                    {
                        "title": "Thank you",
                        "text": "<p>Coffee for the team on Thursday on the second floor. Everyone is welcome.</p>",
                    },
                ),
            ],
        },
    },
]
