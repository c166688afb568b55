"""Texts and the hints they should get, shared by the Python tests (stories.kit_hints) and
the browser test that runs them through assets/js/kit_hints.js: the two must agree."""

LINK = "https://chorus.example/fr/histoires/portes-ouvertes/"

# (text, network, the codes of the hints expected, in order)
CASES = [
    ("Fiers de notre équipe #employeeadvocacy", None, ["hashtag_case"]),
    ("Fiers de l'équipe #OPENSOURCEDAY", None, ["hashtag_case"]),
    ("#EmployeeAdvocacy #Tech #hiring #café #2026", None, []),
    ("#innovation, #Innovation", None, ["hashtag_case"]),  # once, case ignored
    ("Nos métiers #Tech #Jobs #Hiring", "x", ["hashtag_count"]),
    ("Nos métiers #Tech #Jobs #Hiring", "linkedin", []),
    ("Nos métiers #Tech #Jobs #Hiring", "email", []),
    (
        "Je travaille chez Chorus.\n\nGRANDE NOUVELLE POUR TOUTE L'ÉQUIPE\nLa suite.",
        None,
        ["capitals"],
    ),
    ("Un mot en CAPITALES ne crie pas", None, []),
    ("ONU et OTAN", None, []),  # under 12 letters
    ("Voir https://EXAMPLE.COM/SOME-LONG-UPPERCASE-PATH #ABC", None, []),
    ("Bravo 🎉🎉🎉", None, ["emoji_run"]),
    ("Bravo 🎉 🎉 🎉 !", None, ["emoji_run"]),
    ("Bravo 🎉 et 🎉 merci 🎉", None, []),
    ("Équipe 👩‍💻👩‍💻👩‍💻👩‍💻", None, ["emoji_run"]),
    ("Drapeaux 🇫🇷🇬🇧", None, []),
    ("mot " * 62, "x", ["near_limit"]),
    ("mot " * 70, "x", ["over_limit"]),
    ("mot " * 60, "bluesky", ["near_limit"]),
    ("mot " * 110, "mastodon", ["near_limit"]),
    ("mot " * 60, "mastodon", []),
    ("mot " * 700, "linkedin", ["near_limit"]),
    ("mot " * 700, "whatsapp", []),
    (
        "WOW 🚀🚀🚀 #superbeteamwork #A #B",
        "x",
        ["hashtag_case", "hashtag_count", "emoji_run"],
    ),
    ("", "x", []),
]

# (text, suggested, nearly unchanged?)
NEARLY_UNCHANGED = [
    # Unchanged: the panel's other note says so.
    ("Venez nous voir.", "Venez nous voir.", False),
    ("Venez nous voir !", "Venez nous voir.", True),
    ("Venez nos voir.", "Venez nous voir.", True),
    # 5 characters added: still the suggested text; 7, a word of one's own.
    ("Venez tous nous voir.", "Venez nous voir.", True),
    ("Venez toutes nous voir.", "Venez nous voir.", False),
    ("Je suis fière : venez nous voir.", "Venez nous voir.", False),
    ("x" + "a" * 2999, "a" * 3000, True),
    ("ab" * 1500, "ba" * 1500, True),  # one letter moved from the end to the start
    ("Venez " + "a" * 3000 + " voir.", "Venez " + "b" * 3000 + " voir.", False),
]
