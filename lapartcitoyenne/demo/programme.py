"""The centre's real events, from its 2023 programme and its webinar documents (shared/seeds)."""

THEMES = [  # the centre's four causes, in this order
    {"slug": "cohesion-sociale", "name": "Cohésion sociale"},
    {"slug": "questions-urbaines", "name": "Questions urbaines et territoriales"},
    {"slug": "dynamiques-citoyennes", "name": "Dynamiques citoyennes"},
    {"slug": "transitions", "name": "Transitions"},
]

EVENTS = [
    # ------------------------------------------------------------------
    # Programme d'activités janvier-juillet 2023 (000) : ÉCHANGER / PARTAGER / FAIRE RÉSEAU
    # ------------------------------------------------------------------
    {
        "slug": "porte-voix-breves-citoyennes-2023",
        "title": "Porte-Voix - les Brèves citoyennes",
        "kind": "network_meeting",
        "theme": "dynamiques-citoyennes",
        "summary": "Une heure bi-mensuelle en visioconférence, du 20 janvier au 26 mai 2023, pour partir à la rencontre de projets d'activation citoyenne dans les territoires.",
        "description": (
            "Du 20 janvier au 26 mai 2023, en visioconférence.\n\n"
            "Une heure bi-mensuelle pour partir à la rencontre de projets d'activation citoyenne dans les "
            "territoires, découvrir une personne dans ses engagements, un concept dans le cadre de la démarche "
            "de **Démocratie Permanente** initiée par la Région Centre-Val de Loire."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Porte-Voix, activateurs de citoyenneté"],
        "sessions": [
            {"start": "2023-01-20T10:00", "end": "2023-01-20T11:00", "online": True, "city": "", "place": ""},
            {"start": "2023-05-26T10:00", "end": "2023-05-26T11:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "reseau-equipes-contrats-de-ville-2023",
        "title": "Rendez-vous d'actualités des équipes des contrats de ville de l'État et des collectivités en région",
        "kind": "network_meeting",
        "theme": "cohesion-sociale",
        "summary": "Rendez-vous mensuels d'actualités, co-animés avec la DREETS Centre-Val de Loire, pour partager et échanger sur l'actualité de la politique de la ville et des 52 quartiers prioritaires de la région.",
        "description": (
            "Rendez-vous mensuels d'actualités, co-animés avec la DREETS Centre-Val de Loire pour partager et "
            "échanger sur les actualités de la politique de la ville et celles des 52 quartiers de la politique "
            "de la ville en région.\n\n"
            "En visioconférence : 10 février, 17 mars, 7 avril, 12 mai, 2 juin et 7 juillet 2023."
        ),
        "audience": "Équipes des contrats de ville de l'État et des collectivités en région",
        "speakers": "",
        "partners": ["DREETS Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-02-10T10:00", "end": "2023-02-10T12:00", "online": True, "city": "", "place": ""},
            {"start": "2023-03-17T10:00", "end": "2023-03-17T12:00", "online": True, "city": "", "place": ""},
            {"start": "2023-04-07T10:00", "end": "2023-04-07T12:00", "online": True, "city": "", "place": ""},
            {"start": "2023-05-12T10:00", "end": "2023-05-12T12:00", "online": True, "city": "", "place": ""},
            {"start": "2023-06-02T10:00", "end": "2023-06-02T12:00", "online": True, "city": "", "place": ""},
            {"start": "2023-07-07T10:00", "end": "2023-07-07T12:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "reseau-chefs-de-projet-action-coeur-de-ville-2023",
        "title": "Réseau des chef·fes de projet du programme Action Cœur de Ville",
        "kind": "network_meeting",
        "theme": "questions-urbaines",
        "summary": "Temps d'échanges en visioconférence sur les actions conduites dans les 13 villes du programme Action Cœur de Ville en région, les bonnes pratiques, les difficultés et les leviers d'action.",
        "description": (
            "Temps d'échanges sur les actions conduites dans les 13 villes du programme ACV, les bonnes "
            "pratiques, les difficultés rencontrées dans le déploiement du programme et les leviers d'action.\n\n"
            "En visioconférence : 1er mars, 2 mai et 4 juillet 2023."
        ),
        "audience": "Chef·fes de projet du programme Action Cœur de Ville",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-03-01T10:00", "end": "2023-03-01T12:00", "online": True, "city": "", "place": ""},
            {"start": "2023-05-02T10:00", "end": "2023-05-02T12:00", "online": True, "city": "", "place": ""},
            {"start": "2023-07-04T10:00", "end": "2023-07-04T12:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "lancement-reseau-cites-educatives-2023",
        "title": "Lancement du réseau des chef·fes de projet des Cités éducatives",
        "kind": "network_meeting",
        "theme": "cohesion-sociale",
        "summary": "Lancement, avec la DREETS Centre-Val de Loire, d'un nouveau réseau de professionnel·les pour les 7 Cités éducatives de la région.",
        "description": (
            "Lancement d'un nouveau réseau de professionnel·les pour les 7 Cités éducatives de la région "
            "Centre-Val de Loire, avec la DREETS CVL.\n\n"
            "Le 20 mars 2023, en visioconférence."
        ),
        "audience": "Chef·fes de projet des Cités éducatives",
        "speakers": "",
        "partners": ["DREETS Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-03-20T10:00", "end": "2023-03-20T12:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "reseau-formateurs-valeurs-republique-laicite-2023",
        "title": "Réseau des formateurs Valeurs de la République et Laïcité",
        "kind": "network_meeting",
        "theme": "cohesion-sociale",
        "summary": "Animation, aux côtés de la DREETS Centre-Val de Loire, des réseaux de formateurs habilités du plan Valeurs de la République et Laïcité (VRL) en région.",
        "description": (
            "- **3 mai 2023, Orléans** : animation aux côtés de la DREETS CVL des réseaux de formateurs "
            "habilités de niveau 1 et 2 dans le cadre du déploiement du plan Valeurs de la République et "
            "Laïcité (VRL) en région.\n"
            "- **15 juin 2023, en visioconférence** : animation aux côtés de la DREETS CVL du réseau de "
            "formateurs habilités de niveau 1."
        ),
        "audience": "Formateurs et formatrices habilité·es Valeurs de la République et Laïcité (niveaux 1 et 2)",
        "speakers": "",
        "partners": ["DREETS Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-05-03T10:00", "end": "2023-05-03T12:00", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-06-15T10:00", "end": "2023-06-15T12:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    # ------------------------------------------------------------------
    # SE RENCONTRER / DÉCLOISONNER : journées régionales
    # ------------------------------------------------------------------
    {
        "slug": "journee-regionale-conseils-citoyens-chartres-2023",
        "title": "Journée régionale « Engagé·es pour nos quartiers - Les conseils citoyens s'engagent dans les quartiers prioritaires »",
        "kind": "regional_day",
        "theme": "dynamiques-citoyennes",
        "summary": "Journée d'échanges entre membres des conseils citoyens de la région autour de récits d'expériences positives, avec une visite du quartier des Clos à Chartres.",
        "description": (
            "Échanges entre membres des conseils citoyens en région autour de récits d'expériences positives, "
            "partage des messages clés ressortis de l'évaluation des contrats de ville et visite du quartier "
            "des Clos.\n\n"
            "Rencontre accueillie par le Conseil citoyen de Chartres - Les Clos et Chartres Métropole."
        ),
        "audience": "Membres des conseils citoyens de la région",
        "speakers": "",
        "partners": ["Conseil citoyen de Chartres - Les Clos", "Chartres Métropole"],
        "sessions": [
            {"start": "2023-03-03T09:30", "end": "2023-03-03T16:30", "online": False, "city": "Chartres", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "regards-croises-transition-quartiers-1-bourges-2023",
        "title": "Regards croisés sur la transition dans les quartiers de la politique de la ville #1 « Et si les quartiers entraient en transition ! »",
        "kind": "regional_day",
        "theme": "transitions",
        "summary": "Journée d'échanges à Bourges pour valoriser des démarches locales inspirantes et amorcer un réseau d'acteurs sur les transitions dans les quartiers prioritaires.",
        "description": (
            "Journée d'échanges pour valoriser des démarches locales inspirantes et amorcer un réseau d'acteurs "
            "sur les transitions dans les quartiers prioritaires de la politique de la ville.\n\n"
            "Journée ouverte aux acteurs de la politique de la ville et des transitions et à leurs partenaires "
            "et soutiens. Rencontre régionale accueillie par Bourges Plus et la Ville de Bourges."
        ),
        "audience": "Acteurs de la politique de la ville et des transitions, leurs partenaires et soutiens",
        "speakers": "",
        "partners": ["Bourges Plus", "Ville de Bourges"],
        "sessions": [
            {"start": "2023-03-09T09:30", "end": "2023-03-09T16:30", "online": False, "city": "Bourges", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "journee-regionale-programme-reussite-educative-chateauroux-2023",
        "title": "Journée régionale des acteurs et actrices du Programme de Réussite Éducative",
        "kind": "regional_day",
        "theme": "cohesion-sociale",
        "summary": "Rendez-vous annuel, organisé en partenariat avec l'ANARÉ, pour renforcer la dynamique de réseau des équipes des Programmes de Réussite Éducative en région.",
        "description": (
            "Journée régionale organisée en partenariat avec l'ANARÉ.\n\n"
            "Un rendez-vous annuel pour renforcer la dynamique de réseau des équipes des PRE en région, "
            "coordonnateurs, référent·es de parcours et agents de l'État.\n\n"
            "Rencontre régionale accueillie par la Ville de Châteauroux."
        ),
        "audience": "Équipes des PRE en région : coordonnateurs, référent·es de parcours et agents de l'État",
        "speakers": "",
        "partners": ["ANARÉ", "Ville de Châteauroux"],
        "sessions": [
            {"start": "2023-04-11T09:30", "end": "2023-04-11T16:30", "online": False, "city": "Châteauroux", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "journee-regionale-reseau-ville-habitat-gestion-en-flux-orleans-2023",
        "title": "Journée régionale du Réseau Ville et habitat : la gestion en flux annuel des droits de réservation des logements locatifs sociaux",
        "kind": "regional_day",
        "theme": "questions-urbaines",
        "summary": "Journée de travail entre collectivités, bailleurs sociaux et services de l'État pour accompagner la mise en œuvre de la réforme des attributions de logements sociaux.",
        "description": (
            "Une journée de travail et de partage de réflexions entre collectivités, bailleurs sociaux et "
            "services de l'État pour accompagner la mise en œuvre de la réforme des attributions de logements "
            "sociaux.\n\n"
            "Coanimation avec l'USH Centre-Val de Loire et la DREAL."
        ),
        "audience": "Collectivités, bailleurs sociaux et services de l'État",
        "speakers": "",
        "partners": ["USH Centre-Val de Loire", "DREAL Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-06-07T09:30", "end": "2023-06-07T16:30", "online": False, "city": "Orléans", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "journee-regionale-engages-quartiers-emploi-orleans-2023",
        "title": "Journée régionale « Engagé·es pour nos quartiers - Le rôle des habitant·es et des acteurs de proximité dans l'accompagnement vers l'emploi »",
        "kind": "regional_day",
        "theme": "cohesion-sociale",
        "summary": "À l'initiative de la DREETS Centre-Val de Loire, un temps de partage d'expériences sur le rôle des associations de proximité dans l'accompagnement vers l'emploi dans les quartiers prioritaires.",
        "description": (
            "Participation et emploi.\n\n"
            "À l'initiative de la DREETS CVL, un temps de partage d'expériences sur le rôle des associations "
            "de proximité dans les contrats de ville pour amorcer une dynamique autour de l'accompagnement des "
            "personnes vers l'emploi dans les quartiers prioritaires."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["DREETS Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-06-09T09:30", "end": "2023-06-09T16:30", "online": False, "city": "Orléans", "place": ""},
        ],
        "resources": [],
    },
    # ------------------------------------------------------------------
    # MONTER EN COMPÉTENCES / COOPÉRER : ateliers
    # ------------------------------------------------------------------
    {
        "slug": "ateliers-fresque-du-climat-quartiers-en-transition-2023",
        "title": "« Et si les quartiers entraient en transition ! » - Ateliers de formation à l'animation de la fresque du climat",
        "kind": "workshop",
        "theme": "transitions",
        "summary": "Ateliers de formation à l'animation de la fresque du climat pour les territoires engagés dans l'expérimentation-action « Et si les quartiers entraient en transition ! ».",
        "description": (
            "Ateliers de formation à l'animation d'outils de sensibilisation sur les enjeux de la transition "
            "pour les 4 premiers territoires engagés dans l'expérimentation-action : Tours Métropole, Blois, "
            "Bourges Plus et l'Agglomération Montargoise et Rives du Loing.\n\n"
            "- 16 janvier 2023 à Bourges\n"
            "- 25 janvier 2023 à Blois\n"
            "- 30 janvier 2023 à Tours"
        ),
        "audience": "Acteurs de la politique de la ville et des transitions, leurs partenaires et soutiens des territoires concernés",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-01-16T14:00", "end": "2023-01-16T17:00", "online": False, "city": "Bourges", "place": ""},
            {"start": "2023-01-25T14:00", "end": "2023-01-25T17:00", "online": False, "city": "Blois", "place": ""},
            {"start": "2023-01-30T14:00", "end": "2023-01-30T17:00", "online": False, "city": "Tours", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "ateliers-fresque-renaissance-ecologique-quartiers-en-transition-2023",
        "title": "« Et si les quartiers entraient en transition ! » - Ateliers de formation à l'animation de la fresque de la renaissance écologique",
        "kind": "workshop",
        "theme": "transitions",
        "summary": "Ateliers de formation à l'animation de la fresque de la renaissance écologique pour les territoires engagés dans l'expérimentation-action « Et si les quartiers entraient en transition ! ».",
        "description": (
            "Ateliers de formation à l'animation d'outils de sensibilisation sur les enjeux de la transition "
            "pour les 4 premiers territoires engagés dans l'expérimentation-action : Tours Métropole, Blois, "
            "Bourges Plus et l'Agglomération Montargoise et Rives du Loing.\n\n"
            "- 16 janvier 2023 à Bourges\n"
            "- 25 janvier 2023 à Blois"
        ),
        "audience": "Acteurs de la politique de la ville et des transitions, leurs partenaires et soutiens des territoires concernés",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-01-16T14:00", "end": "2023-01-16T17:00", "online": False, "city": "Bourges", "place": ""},
            {"start": "2023-01-25T14:00", "end": "2023-01-25T17:00", "online": False, "city": "Blois", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "ateliers-recit-positif-quartiers-en-transition-2023",
        "title": "« Et si les quartiers entraient en transition ! » - Ateliers récit positif",
        "kind": "workshop",
        "theme": "transitions",
        "summary": "Parcours d'ateliers récit positif, entre temps en autonomie, séances en visio et rencontres à Blois et Tours, pour les territoires engagés dans l'expérimentation-action.",
        "description": (
            "Ateliers ouverts aux acteurs de la politique de la ville et des transitions et à leurs partenaires "
            "et soutiens des territoires engagés dans l'expérimentation-action (Tours Métropole, Blois, "
            "Bourges Plus, Agglomération Montargoise et Rives du Loing).\n\n"
            "- 31 janvier 2023 en autonomie\n"
            "- 6 février 2023 en visio\n"
            "- 21 mars 2023 à Blois\n"
            "- 4 avril 2023 en autonomie\n"
            "- 16 ou 23 mai 2023 en visio\n"
            "- 7 juin 2023 à Tours"
        ),
        "audience": "Acteurs de la politique de la ville et des transitions, leurs partenaires et soutiens des territoires concernés",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-02-06T14:00", "end": "2023-02-06T17:00", "online": True, "city": "", "place": ""},
            {"start": "2023-03-21T14:00", "end": "2023-03-21T17:00", "online": False, "city": "Blois", "place": ""},
            {"start": "2023-06-07T14:00", "end": "2023-06-07T17:00", "online": False, "city": "Tours", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "atelier-cotation-demande-logements-sociaux-2023",
        "title": "Atelier d'appui aux acteurs - La cotation de la demande de logements sociaux",
        "kind": "workshop",
        "theme": "questions-urbaines",
        "summary": "Atelier du Réseau d'acteurs Ville & Habitat pour partager l'expérience de territoires avancés dans leur démarche de cotation de la demande de logements sociaux.",
        "description": (
            "Réseau d'acteurs Ville & Habitat.\n\n"
            "Partage d'expérience avec des territoires avancés dans leur démarche de cotation de la demande "
            "avec les témoignages des EPCI de Val d'Amboise et Touraine-Est Vallées. Atelier animé avec l'USH "
            "Centre-Val de Loire et la DREAL, ouvert aux collectivités, bailleurs sociaux et services de l'État."
        ),
        "audience": "Collectivités, bailleurs sociaux et services de l'État",
        "speakers": "Témoignages des EPCI de Val d'Amboise et Touraine-Est Vallées",
        "partners": ["USH Centre-Val de Loire", "DREAL Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-03-03T14:00", "end": "2023-03-03T17:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "atelier-coeur-de-ville-5-urbanisme-favorable-sante-2023",
        "title": "Atelier thématique #5 Cœur de Ville - « L'urbanisme favorable à la santé »",
        "kind": "workshop",
        "theme": "questions-urbaines",
        "summary": "Atelier en visioconférence ouvert à l'ensemble des acteurs du programme Action Cœur de Ville sur l'urbanisme favorable à la santé.",
        "description": (
            "Atelier ouvert à l'ensemble des acteurs du programme ACV faisant intervenir des partenaires du "
            "programme, des spécialistes et des professionnel·les pour éclairer des sujets ou des thématiques "
            "liés à la redynamisation des cœurs de ville."
        ),
        "audience": "Ensemble des acteurs du programme Action Cœur de Ville",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-04-13T14:00", "end": "2023-04-13T17:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    # ------------------------------------------------------------------
    # SE FORMER / APPRENDRE : formations
    # ------------------------------------------------------------------
    {
        "slug": "sequences-decouverte-politique-de-la-ville-unis-cite-2023",
        "title": "Séquences de découverte de la politique de la ville - Volontaires du programme Médiaterre d'Unis-Cité",
        "kind": "training",
        "theme": "cohesion-sociale",
        "summary": "Séquences de découverte de la politique de la ville pour aider les jeunes volontaires d'Unis-Cité à mettre en perspective leurs actions dans les quartiers prioritaires.",
        "description": (
            "Organisation de séquences de découverte de la politique de la ville, pour aider les jeunes "
            "volontaires du programme *Médiaterre – Agis pour ta planète* d'Unis-Cité à mettre en perspective "
            "leurs actions dans les quartiers prioritaires.\n\n"
            "- **12 janvier 2023 à Orléans** : antennes de Bourges, Châteauroux, Orléans métropole\n"
            "- **13 janvier 2023 à Tours** : antennes de Tours métropole et Amboise"
        ),
        "audience": "Volontaires du programme Médiaterre – Agis pour ta planète d'Unis-Cité",
        "speakers": "",
        "partners": ["Unis-Cité"],
        "sessions": [
            {"start": "2023-01-12T09:30", "end": "2023-01-12T16:30", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-01-13T09:30", "end": "2023-01-13T16:30", "online": False, "city": "Tours", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "modules-formation-politique-de-la-ville-deis-2023",
        "title": "Modules de formation à la politique de la ville - Étudiant·es du Diplôme d'État en Ingénierie Sociale (D.E.I.S)",
        "kind": "training",
        "theme": "cohesion-sociale",
        "summary": "Demi-journées de formation conçues sur mesure pour les étudiant·es du D.E.I.S, mêlant apports thématiques, vision stratégique, visites de terrain et témoignages d'acteurs.",
        "description": (
            "3 demi-journées conçues sur-mesure pour le groupe en formation, mêlant apports thématiques, "
            "vision stratégique, visites de terrain et témoignages d'acteurs opérationnels pour une meilleure "
            "connaissance de la politique de la ville.\n\n"
            "- 19 janvier 2023 en visioconférence\n"
            "- 9 février 2023 à Joué-Lès-Tours"
        ),
        "audience": "Étudiant·es du Diplôme d'État en Ingénierie Sociale (D.E.I.S)",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-01-19T09:30", "end": "2023-01-19T12:30", "online": True, "city": "", "place": ""},
            {"start": "2023-02-09T09:30", "end": "2023-02-09T12:30", "online": False, "city": "Joué-Lès-Tours", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "formation-fresque-du-climat-unis-cite-2023",
        "title": "Formation à l'animation de la fresque du climat - Volontaires du programme Médiaterre d'Unis-Cité",
        "kind": "training",
        "theme": "transitions",
        "summary": "Formation à l'animation de la fresque du climat pour permettre aux jeunes volontaires d'Unis-Cité de sensibiliser les habitant·es des quartiers prioritaires.",
        "description": (
            "Formation à l'animation de la fresque du climat pour permettre aux jeunes volontaires de "
            "développer cette forme de sensibilisation auprès des habitant·es des quartiers prioritaires.\n\n"
            "Volontaires du programme *Médiaterre – Agis pour ta planète* d'Unis-Cité, antennes de Bourges, "
            "Châteauroux, Orléans métropole."
        ),
        "audience": "Volontaires du programme Médiaterre d'Unis-Cité (antennes de Bourges, Châteauroux, Orléans métropole)",
        "speakers": "",
        "partners": ["Unis-Cité"],
        "sessions": [
            {"start": "2023-01-24T09:30", "end": "2023-01-24T16:30", "online": False, "city": "Orléans", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "decouverte-fresque-renaissance-ecologique-unis-cite-2023",
        "title": "Découverte de la fresque de la renaissance écologique - Volontaires du programme Médiaterre d'Unis-Cité",
        "kind": "training",
        "theme": "transitions",
        "summary": "Découverte de la fresque de la renaissance écologique pour permettre aux volontaires d'Unis-Cité d'intégrer les enjeux de la transition dans leur action dans les quartiers prioritaires.",
        "description": (
            "Découverte de la fresque de la renaissance écologique pour permettre aux volontaires d'intégrer "
            "les enjeux de la transition et donner un cadre à l'action dans les quartiers prioritaires.\n\n"
            "- **16 mars 2023 à Amboise** : antennes de Tours métropole et Amboise\n"
            "- **13 avril 2023 à Bourges** : antennes de Bourges, Châteauroux, Orléans métropole"
        ),
        "audience": "Volontaires du programme Médiaterre – Agis pour ta planète d'Unis-Cité",
        "speakers": "",
        "partners": ["Unis-Cité"],
        "sessions": [
            {"start": "2023-03-16T09:30", "end": "2023-03-16T16:30", "online": False, "city": "Amboise", "place": ""},
            {"start": "2023-04-13T09:30", "end": "2023-04-13T16:30", "online": False, "city": "Bourges", "place": ""},
        ],
        "resources": [],
    },
    # ------------------------------------------------------------------
    # CO-CONSTRUIRE / EXPLORER / EXPÉRIMENTER : recherche-action
    # ------------------------------------------------------------------
    {
        "slug": "tecdem-recherche-transitions-2023",
        "title": "TecDem, recherche régionale sur les transitions écologiques, démocratiques et sociales",
        "kind": "workshop",
        "theme": "transitions",
        "summary": "Ateliers de co-construction de TecDem, recherche régionale du laboratoire CITERES (Université de Tours) sur les transitions écologiques, démocratiques et sociales.",
        "description": (
            "Recherche régionale portée par le Laboratoire CITERES - Université de Tours.\n\n"
            "Villes au Carré participe aux ateliers de co-construction de la recherche et à l'élaboration des "
            "modalités d'enquête.\n\n"
            "À Tours : 10 janvier, 1er juillet et 12 septembre 2023."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Laboratoire CITERES - Université de Tours"],
        "sessions": [
            {"start": "2023-01-10T14:00", "end": "2023-01-10T17:00", "online": False, "city": "Tours", "place": ""},
            {"start": "2023-07-01T14:00", "end": "2023-07-01T17:00", "online": False, "city": "Tours", "place": ""},
            {"start": "2023-09-12T14:00", "end": "2023-09-12T17:00", "online": False, "city": "Tours", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "co-construction-democratie-permanente-acte-2-2023",
        "title": "Co-construction du 2e acte de la Démocratie permanente avec la Région Centre-Val de Loire",
        "kind": "network_meeting",
        "theme": "dynamiques-citoyennes",
        "summary": "Comité de suivi de la Démocratie permanente et de l'éducation populaire, auquel Villes au Carré et les Porte-Voix contribuent avec d'autres acteurs en région.",
        "description": (
            "Villes au Carré et les Porte-Voix activateurs de citoyenneté contribuent, avec d'autres acteurs "
            "en région, au comité de suivi de la Démocratie permanente et de l'éducation populaire.\n\n"
            "Rencontres : 23 janvier, 28 mars, 12 mai, 11 juillet et 19 septembre 2023."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Région Centre-Val de Loire", "Porte-Voix, activateurs de citoyenneté"],
        # The programme gives no place for these meetings: Orléans (seat of the Région) is an assumption.
        "sessions": [
            {"start": "2023-01-23T10:00", "end": "2023-01-23T12:00", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-03-28T10:00", "end": "2023-03-28T12:00", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-05-12T10:00", "end": "2023-05-12T12:00", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-07-11T10:00", "end": "2023-07-11T12:00", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-09-19T10:00", "end": "2023-09-19T12:00", "online": False, "city": "Orléans", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "mise-en-recit-transitions-sanitas-tours-2023",
        "title": "La mise en récit des transitions dans le quartier du Sanitas à Tours",
        "kind": "workshop",
        "theme": "transitions",
        "summary": "Projet européen Erasmus+ adaptant la méthodologie de mise en récit de la Fabrique des Transitions au quartier du Sanitas, à Tours.",
        "description": (
            "Projet européen Erasmus+.\n\n"
            "Adaptation de la méthodologie de mise en récit de la Fabrique des Transitions à l'initiative "
            "d'Artefacts et en coopération avec le Centre social Pluriel[le]s, l'Espace Passerelle, Pih-poh, "
            "Tours Habitat, Wakup Studio, la Ville de Tours et Villes au Carré.\n\n"
            "Rencontres : 2 février, 7 mars et 7 avril 2023."
        ),
        "audience": "",
        "speakers": "",
        "partners": [
            "Artefacts",
            "La Fabrique des Transitions",
            "Centre social Pluriel[le]s",
            "Espace Passerelle",
            "Pih-poh",
            "Tours Habitat",
            "Wakup Studio",
            "Ville de Tours",
        ],
        "sessions": [
            {"start": "2023-02-02T14:00", "end": "2023-02-02T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
            {"start": "2023-03-07T14:00", "end": "2023-03-07T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
            {"start": "2023-04-07T14:00", "end": "2023-04-07T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
        ],
        "resources": [],
    },
    {
        "slug": "fabrique-prospective-nature-quartiers-prioritaires-2023",
        "title": "Fabrique prospective « La nature dans les quartiers prioritaires »",
        "kind": "workshop",
        "theme": "transitions",
        "summary": "Fabrique prospective lancée par l'ANCT pour identifier comment la nature peut constituer un levier de transition écologique, d'emploi et de lien social dans les quartiers prioritaires.",
        "description": (
            "Lancée par l'ANCT, cette Fabrique accompagne les 4 territoires sélectionnés au niveau national : "
            "Saint-Pierre-des-Corps [37], Vernouillet [78], Échirolles [38] et Grasse [06], pour identifier "
            "comment la nature peut constituer un levier pour la transition écologique, l'emploi, le lien "
            "social et la cohésion territoriale.\n\n"
            "À Saint-Pierre-des-Corps : 21 et 28 mars 2023."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["ANCT"],
        "sessions": [
            {"start": "2023-03-21T14:00", "end": "2023-03-21T17:00", "online": False, "city": "Saint-Pierre-des-Corps", "place": ""},
            {"start": "2023-03-28T14:00", "end": "2023-03-28T17:00", "online": False, "city": "Saint-Pierre-des-Corps", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "conversations-carbone-sanitas-tours-2023",
        "title": "« Et si les quartiers entraient en transition ! » - Animation d'un groupe de conversations carbone",
        "kind": "workshop",
        "theme": "transitions",
        "summary": "Groupe de conversations carbone avec des acteurs et habitant·es du quartier du Sanitas, à Tours, pour discuter des moteurs et freins à la réduction de son empreinte carbone.",
        "description": (
            "Animation d'un groupe de conversations carbone avec des acteurs et habitant·es d'un quartier "
            "prioritaire. Une animation participative pour discuter en groupe, des moteurs et freins pour "
            "s'engager à réduire son empreinte carbone.\n\n"
            "Quartier du Sanitas à Tours : 1er, 9 et 15 mars, 12 avril, 3 mai et 7 juin 2023."
        ),
        "audience": "Acteurs et habitant·es du quartier du Sanitas",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-03-01T14:00", "end": "2023-03-01T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
            {"start": "2023-03-09T14:00", "end": "2023-03-09T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
            {"start": "2023-03-15T14:00", "end": "2023-03-15T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
            {"start": "2023-04-12T14:00", "end": "2023-04-12T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
            {"start": "2023-05-03T14:00", "end": "2023-05-03T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
            {"start": "2023-06-07T14:00", "end": "2023-06-07T17:00", "online": False, "city": "Tours", "place": "Quartier du Sanitas"},
        ],
        "resources": [],
    },
    {
        "slug": "libre-cours-rene-mokoukolo-orleans-2023",
        "title": "Libre cours à René Mokoukolo : les discriminations en quartiers prioritaires au prisme de l'intelligence culturelle",
        "kind": "workshop",
        "theme": "cohesion-sociale",
        "summary": "Rencontre Libre cours avec René Mokoukolo sur les discriminations en quartiers prioritaires au prisme de l'intelligence culturelle.",
        "description": (
            "Libre cours est un format de rencontres avec des chercheur·es ou des expert·es convié·es à "
            "partager leurs travaux ou leurs analyses sur les grands sujets qui traversent notre société et "
            "interrogent le vivre ensemble.\n\n"
            "Nées en accompagnement du réseau régional des formatrices et formateurs du plan « Valeurs de la "
            "République et Laïcité », animées par la DREETS Centre-Val de Loire."
        ),
        "audience": "Réseau régional des formatrices et formateurs du plan « Valeurs de la République et Laïcité »",
        "speakers": "René Mokoukolo",
        "partners": ["DREETS Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-05-03T14:00", "end": "2023-05-03T17:00", "online": False, "city": "Orléans", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "particules-citoyennes-seminaire-discriminations-tours-2023",
        "title": "Les particules citoyennes : séminaire autour de la lutte contre les discriminations",
        "kind": "workshop",
        "theme": "dynamiques-citoyennes",
        "summary": "Séminaire de deux jours à Tours sur la lutte contre les discriminations, porté par la particule citoyenne du Sanitas dans le cadre de l'exploration-action des particules citoyennes.",
        "description": (
            "Les particules citoyennes : poursuite de l'exploration-action en Centre-Val de Loire, déployée par "
            "Villes au Carré et les Porte-Voix activateurs de citoyenneté pour « booster » la citoyenneté dans "
            "les territoires.\n\n"
            "Séminaire autour de la lutte contre les discriminations porté par la particule citoyenne du "
            "Sanitas, Pihpoh, le centre social Pluriel[le]s, Pas sans nous, APPUI, le Laboratoire CITERES, etc.\n\n"
            "Début avril 2023 : co-réalisation par Villes au Carré et la particule citoyenne du Gâtinais "
            "Montargois d'une exposition itinérante sur la citoyenneté."
        ),
        "audience": "",
        "speakers": "",
        "partners": [
            "Porte-Voix, activateurs de citoyenneté",
            "Particule citoyenne du Sanitas",
            "Pihpoh",
            "Centre social Pluriel[le]s",
            "Pas sans nous",
            "APPUI",
            "Laboratoire CITERES - Université de Tours",
        ],
        "sessions": [
            {"start": "2023-05-11T09:30", "end": "2023-05-11T16:30", "online": False, "city": "Tours", "place": ""},
            {"start": "2023-05-12T09:30", "end": "2023-05-12T16:30", "online": False, "city": "Tours", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "colloque-aller-vers-grande-precarite-tours-2023",
        "title": "Colloque « Aller vers les personnes en grande précarité »",
        "kind": "regional_day",
        "theme": "cohesion-sociale",
        "summary": "Colloque de l'Université de Tours réunissant chercheurs, acteurs de terrain de la lutte contre la pauvreté et acteurs institutionnels autour de l'aller-vers les personnes en grande précarité.",
        "description": (
            "Participation au colloque organisé dans le cadre du volet recherche-action du projet « accès aux "
            "droits et insertion des personnes éloignées des services » porté par Tsigane Habitat - "
            "Centre-Val de Loire et financé par le plan de soutien aux associations de lutte contre la "
            "pauvreté (France Relance).\n\n"
            "Échanges entre chercheurs en sciences sociales, acteurs de terrain de la lutte contre la pauvreté "
            "(professionnel·les de l'action sociale et de la santé, militant·es associatifs) et acteurs "
            "institutionnels."
        ),
        "audience": "Chercheurs en sciences sociales, acteurs de terrain de la lutte contre la pauvreté et acteurs institutionnels",
        "speakers": "",
        "partners": ["Université de Tours", "Tsigane Habitat - Centre-Val de Loire"],
        "sessions": [
            {"start": "2023-06-01T09:30", "end": "2023-06-01T16:30", "online": False, "city": "Tours", "place": ""},
            {"start": "2023-06-02T09:30", "end": "2023-06-02T16:30", "online": False, "city": "Tours", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "rencontres-audiovisuel-participatif-orleans-2023",
        "title": "Les rencontres annuelles de l'audiovisuel participatif",
        "kind": "regional_day",
        "theme": "dynamiques-citoyennes",
        "summary": "Aux rencontres annuelles de l'audiovisuel participatif à Orléans, Villes au Carré et les Porte-Voix proposent une rencontre avec les médias citoyens de proximité du Centre-Val de Loire.",
        "description": (
            "Du 1er au 4 juin 2023 à Orléans.\n\n"
            "Villes au Carré et les Porte-Voix proposent une rencontre avec les médias citoyens de proximité "
            "du Centre-Val de Loire."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Porte-Voix, activateurs de citoyenneté"],
        "sessions": [
            {"start": "2023-06-01T09:30", "end": "2023-06-01T16:30", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-06-02T09:30", "end": "2023-06-02T16:30", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-06-03T09:30", "end": "2023-06-03T16:30", "online": False, "city": "Orléans", "place": ""},
            {"start": "2023-06-04T09:30", "end": "2023-06-04T16:30", "online": False, "city": "Orléans", "place": ""},
        ],
        "resources": [],
    },
    # ------------------------------------------------------------------
    # DÉCOUVRIR / VISITER / S'INSPIRER : visites de terrain
    # ------------------------------------------------------------------
    {
        "slug": "visite-chinon-patrimoine-villes-petites-moyennes-2023",
        "title": "Villes petites et moyennes : le patrimoine, un levier de développement ?",
        "kind": "field_visit",
        "theme": "questions-urbaines",
        "summary": "Visite à Chinon dans le cadre d'un atelier d'étudiant·es en Master 1 Aménagement-Environnement de Polytech Tours sur le patrimoine comme levier de développement.",
        "description": (
            "Atelier d'étudiant·es en Master 1 Aménagement-Environnement / Polytech Tours.\n\n"
            "Visite à Chinon le 22 mars 2023."
        ),
        "audience": "Étudiant·es en Master 1 Aménagement-Environnement, Polytech Tours",
        "speakers": "",
        "partners": ["Polytech Tours"],
        "sessions": [
            {"start": "2023-03-22T09:30", "end": "2023-03-22T16:30", "online": False, "city": "Chinon", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "visite-chartres-acv-rehabilitation-habitat-prive-2023",
        "title": "Action Cœur de Ville - Une stratégie de réhabilitation de l'habitat privé",
        "kind": "field_visit",
        "theme": "questions-urbaines",
        "summary": "Visite à Chartres : arpentage et échanges sur les montages opérationnels de réhabilitation de l'habitat privé mis en place par la collectivité et les acteurs du programme Action Cœur de Ville.",
        "description": (
            "Arpentage et échanges sur les montages opérationnels mis en place par la collectivité et les "
            "acteurs du programme.\n\n"
            "Visite à Chartres le 23 mars 2023."
        ),
        "audience": "Chef·fes de projet et acteurs du programme Action Cœur de Ville",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2023-03-23T09:30", "end": "2023-03-23T16:30", "online": False, "city": "Chartres", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "visite-ecopole-chaponniere-clos-du-roy-2023",
        "title": "Dynamiques citoyennes - Écopôle alimentaire de la Chaponnière et jardins partagés du quartier du Clos-du-Roy",
        "kind": "field_visit",
        "theme": "dynamiques-citoyennes",
        "summary": "Visite, avec les Porte-Voix, de l'écopôle alimentaire de la Chaponnière et des jardins partagés du quartier du Clos-du-Roy, à Vierzon et Saint-Hilaire-de-Court.",
        "description": (
            "Porte-Voix, activateurs de citoyenneté.\n\n"
            "Visite à Vierzon et Saint-Hilaire-de-Court en juillet 2023 (date précise non communiquée dans le "
            "programme)."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Porte-Voix, activateurs de citoyenneté"],
        "sessions": [],  # "juillet" 2023, no day given in the programme
        "resources": [],
    },
    # ------------------------------------------------------------------
    # Matinales des élu·es (002) : cycle de conférences numériques, 2020
    # ------------------------------------------------------------------
    {
        "slug": "matinale-elus-1-enjeux-politique-de-la-ville-2020",
        "title": "Matinale #1 – Les enjeux de la politique de la ville et les impacts de la crise sur les quartiers",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Première conférence numérique des Matinales des élu·es : les inégalités sociales et territoriales et l'impact de la crise sanitaire sur les quartiers prioritaires.",
        "description": (
            "Premier cycle de conférences numériques conçu par Villes au Carré pour la prise de fonction des "
            "élu·es délégué·es à la politique de la ville et de leurs collaborateurs, afin de favoriser, à "
            "l'échelle régionale, le dialogue et l'échange d'expérience entre élu·es.\n\n"
            "Cette première Matinale porte sur les inégalités sociales et territoriales et l'impact de la crise "
            "sanitaire sur les quartiers. En Centre-Val de Loire, 19 EPCI et 28 collectivités sont signataires "
            "d'un contrat de ville pour 52 quartiers prioritaires.\n\n"
            "La retransmission des interventions et les supports diffusés sont accessibles dans le dossier "
            "ressources des Matinales des élu·es."
        ),
        "audience": "Élu·es des collectivités délégué·es à la politique de la ville et leurs proches collaborateurs (directeurs·trices, chef·fes de projet…)",
        "speakers": "Hervé Guéry, directeur du Compas",
        "partners": [],
        "sessions": [
            {"start": "2020-10-07T11:00", "end": "2020-10-07T12:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "matinale-elus-2-renovation-urbaine-2020",
        "title": "Matinale #2 – L'articulation avec la rénovation urbaine",
        "kind": "webinar",
        "theme": "questions-urbaines",
        "summary": "Deuxième conférence numérique des Matinales des élu·es : l'articulation entre la politique de la ville et le renouvellement urbain.",
        "description": (
            "Deuxième séance du premier cycle de conférences numériques destiné aux élu·es délégué·es à la "
            "politique de la ville et à leurs collaborateurs.\n\n"
            "Elle porte sur l'articulation entre politiques sociale et urbaine : la politique de la ville et le "
            "renouvellement urbain, en lien avec les autres leviers des EPCI et des villes (gestion urbaine et "
            "sociale de proximité, politiques de peuplement, déplacements…).\n\n"
            "La retransmission des interventions et les supports diffusés sont accessibles dans le dossier "
            "ressources des Matinales des élu·es."
        ),
        "audience": "Élu·es des collectivités délégué·es à la politique de la ville et leurs proches collaborateurs (directeurs·trices, chef·fes de projet…)",
        "speakers": "Laurence Dini, géographe-urbaniste et cofondatrice du cabinet Gérau Conseil",
        "partners": [],
        "sessions": [
            {"start": "2020-11-05T11:00", "end": "2020-11-05T12:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "matinale-elus-3-co-construction-participation-habitants",
        "title": "Matinale #3 – La co-construction et la participation des habitant·es",
        "kind": "webinar",
        "theme": "dynamiques-citoyennes",
        "summary": "Troisième conférence numérique des Matinales des élu·es : la co-construction et la participation des habitant·es des quartiers prioritaires.",
        "description": (
            "Troisième séance du premier cycle de conférences numériques destiné aux élu·es délégué·es à la "
            "politique de la ville et à leurs collaborateurs, consacrée à la co-construction et à la "
            "participation des habitant·es.\n\n"
            "Une synthèse globale du cycle, « La synthèse des Matinales : idées clés et leviers pour agir », "
            "reprend les principaux enjeux abordés et les clés pour agir."
        ),
        "audience": "Élu·es des collectivités délégué·es à la politique de la ville et leurs proches collaborateurs (directeurs·trices, chef·fes de projet…)",
        "speakers": "Bernard Bensoussan, fondateur du cabinet Voix publique",
        "partners": [],
        "sessions": [],  # the document gives no date for Matinale #3 (autumn 2020 cycle)
        "resources": [],
    },
    # ------------------------------------------------------------------
    # Webinaires du réseau national des centres de ressources (003), 2025
    # ------------------------------------------------------------------
    {
        "slug": "webinaire-gusp-dechets-encombrants-quartiers",
        "title": "Webinaire GUSP : la question des déchets ménagers et des encombrants dans les quartiers",
        "kind": "webinar",
        "theme": "questions-urbaines",
        "summary": "Webinaire sur les déchets ménagers et les encombrants dans le cadre de la GUSP : comportements, acteurs mobilisés et actions menées par ou avec les habitants.",
        "description": (
            "La question des déchets (ménagers et des encombrants) est souvent pointée du doigt dans le cadre "
            "de la GUSP, avec l'envie de trouver des solutions aux dépôts sauvages et aux jets par les fenêtres "
            "qui nuisent à la propreté des quartiers.\n\n"
            "- Ces comportements relèvent-ils de logiques culturelles ou de raisons pratiques (manque de moyens "
            "de tri, transport des encombrants) ?\n"
            "- Quels acteurs se mobilisent au quotidien pour prévenir ou corriger ces comportements ?\n"
            "- Quelles actions menées par ou avec les habitants apportent des solutions concrètes ?\n\n"
            "Ce webinaire est co-construit avec l'USH de Bourgogne-Franche-Comté."
        ),
        "audience": "",
        "speakers": (
            "Denis Blot et Camille Dormoy (production des déchets et économie circulaire populaire) ; "
            "Mathieu Massard, responsable d'agence chez Nièvre Habitat, et M. Rabret, directeur technique de "
            "l'ASEM (régie de quartier), sur les QPV de Nevers ; Carole Daguet, GUSP Ville de Besançon, et "
            "Claire Rossi, chargée de missions au GBSD (Groupement des bailleurs sociaux du Doubs), sur la "
            "Récup'Mobile du QPV de Planoise à Besançon"
        ),
        "partners": ["USH Bourgogne-Franche-Comté"],
        "sessions": [],  # no date in the announcement
        "resources": [],
    },
    {
        "slug": "webinaire-flash-lgbtqia-quartiers-prioritaires-2025",
        "title": "Webinaire flash : les personnes LGBTQIA+ dans les quartiers prioritaires",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Webinaire flash de Trajectoire Ressources, à partir d'une enquête d'étudiant·es en BUT, sur les discriminations vécues par les personnes LGBTQIA+ dans les quartiers prioritaires.",
        "description": (
            "Les quartiers prioritaires concentrent des fragilités multiples : précarité économique, sentiment "
            "d'isolement, accès limité aux services publics… Ces défis s'intensifient encore pour les personnes "
            "LGBTQIA+, qui y subissent des discriminations spécifiques.\n\n"
            "À partir d'un travail d'enquête d'étudiants en BUT, Trajectoire Ressources propose un webinaire "
            "flash pour sensibiliser à une question peu abordée, en croisant les regards avec le monde "
            "associatif et de l'urbanisme, afin de partager des solutions concrètes.\n\n"
            "Jeudi 22 mai 2025, 13h-14h."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Trajectoire Ressources"],
        "sessions": [
            {"start": "2025-05-22T13:00", "end": "2025-05-22T14:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-mobilites-habitants-quartiers-prioritaires-2025",
        "title": "Webinaire : transports, déplacements et mobilités des habitants des quartiers prioritaires",
        "kind": "webinar",
        "theme": "questions-urbaines",
        "summary": "Webinaire sur les mobilités des habitants des quartiers prioritaires, à partir des contrats de ville de Bourgogne-Franche-Comté et des données nationales.",
        "description": (
            "En politique de la ville, la question des transports, des déplacements et des mobilités des "
            "habitants des territoires prioritaires est récurrente. En 2024, sur les 23 contrats de ville "
            "signés en Bourgogne-Franche-Comté, 21 territoires ont inscrit les mobilités comme axe de travail, "
            "selon deux grandes orientations : faire de la mobilité un vecteur de la transition écologique et "
            "lever les freins à la mobilité des habitants.\n\n"
            "Lundi 5 mai 2025, 14h-16h."
        ),
        "audience": "",
        "speakers": (
            "Antoine Béjean, responsable d'études chez Trajectoire Ressources ; Leïla Aissoui, chargée "
            "d'observation et analyse de la mobilité au CEREMA Centre-Est ; Thibault Isambourg, doctorant en "
            "socioéconomie urbaine de la mobilité au Laboratoire Aménagement Économie Transport (ENTPE, Lyon 2, "
            "CNRS) et chargé d'études chez Transdev"
        ),
        "partners": [],
        "sessions": [
            {"start": "2025-05-05T14:00", "end": "2025-05-05T16:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-faire-vivre-contrat-de-ville-avec-habitants-2025",
        "title": "Webinaire : faire vivre le contrat de ville avec les habitant·es",
        "kind": "webinar",
        "theme": "dynamiques-citoyennes",
        "summary": "Webinaire illustré de témoignages sur la place des habitant·es dans la mise en œuvre des contrats de ville : gouvernance, dispositifs et programmes d'actions.",
        "description": (
            "Les contrats de ville sont signés : l'enjeu est désormais de les faire vivre, y compris avec les "
            "habitant·es. Quelle place leur donner dans l'écosystème de professionnel·les et de partenaires ? "
            "Quelle animation territoriale déployer pour qu'ils et elles soient considéré·es comme de vraies "
            "parties prenantes de la politique de la ville ?\n\n"
            "Mardi 13 mai 2025, de 12h00 à 13h30.\n\n"
            "Inscription : https://forms.gle/oHzztXWY8sXMQi8q7"
        ),
        "audience": "",
        "speakers": (
            "Témoignages : le Conseil citoyen du quartier de la Gare de Saint-Louis (Saint-Louis Agglomération) ; "
            "le collectif de parents d'élèves de Chanteloup-les-Vignes ; un projet de budget participatif sur "
            "le quartier du Charrel à Aubagne, soutenu par la Métropole d'Aix-Marseille Provence"
        ),
        "partners": [],
        "sessions": [
            {"start": "2025-05-13T12:00", "end": "2025-05-13T13:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-politique-de-la-ville-transition-ecologique-2025",
        "title": "Webinaire participatif : Politique de la ville et transition écologique",
        "kind": "webinar",
        "theme": "transitions",
        "summary": "Webinaire participatif de l'UNADEL et du RNCRPV sur l'articulation des questions sociales et écologiques dans la politique de la ville.",
        "description": (
            "L'UNADEL et le Réseau national des Centres de ressources Politique de la ville (RNCRPV) "
            "organisent, en partenariat avec l'INSET de Dunkerque et l'IRDSU, un webinaire participatif sur le "
            "thème de la politique de la ville et de la transition écologique.\n\n"
            "Programme prévisionnel :\n\n"
            "1. La place de la transition écologique dans la politique de la ville : présentation croisée de "
            "3 études régionales par les centres de ressources politique de la ville\n"
            "2. Témoignages et retours d'expériences : Ville de Tours et centre social Pluriel(le)s, "
            "Grenoble-Alpes Métropole, Eurométropole de Metz\n"
            "3. Synthèse collective et suite à donner\n\n"
            "Mercredi 30 avril 2025, de 14h à 16h30, via Zoom."
        ),
        "audience": "Acteurs de la politique de la ville, de la transition écologique et bailleurs sociaux",
        "speakers": (
            "Pierre-Edouard Martin (IREV Hauts-de-France), Laurence Liégeois (Pays et Quartiers de "
            "Nouvelle-Aquitaine), Léonie Tiaket (Trajectoire Ressources Bourgogne-Franche-Comté) ; Marie "
            "Quinton, adjointe au maire de Tours déléguée au logement, à la politique de la ville et à la lutte "
            "contre l'exclusion, et Julien Keruhel, directeur du centre social Pluriel(le)s ; Camille Durand, "
            "chargée de mission accompagnement social aux transitions et politique de la ville, Grenoble-Alpes "
            "Métropole ; Marie-Pierre Sangnier, chargée de mission politique de la ville, Ville de Metz, et "
            "Anaïs Mathieu, chargée de mission politique de la ville et solidarités, Eurométropole de Metz"
        ),
        "partners": ["UNADEL", "Réseau national des centres de ressources Politique de la ville (RNCRPV)", "INSET de Dunkerque", "IRDSU"],
        "sessions": [
            {"start": "2025-04-30T14:00", "end": "2025-04-30T16:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-flash-guide-egalite-en-sante-2025",
        "title": "Webinaire flash : « Vers plus d'égalité en santé : guide de prévention et de lutte contre les discriminations dans le domaine de la santé »",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Webinaire flash de l'IREV et de Migrations santé Alsace présentant la version réactualisée du guide de prévention et de lutte contre les discriminations dans le domaine de la santé.",
        "description": (
            "L'IREV, en partenariat avec Migrations santé Alsace, invite à un webinaire flash de présentation "
            "du guide « Vers plus d'égalité en santé ».\n\n"
            "Ce guide est pensé pour soutenir les professionnel·les et les bénévoles de la santé et du social "
            "dans leurs réflexions sur l'accueil de la diversité des publics, l'adaptation et la qualité de la "
            "prise en charge, le respect des principes déontologiques et la lutte contre les inégalités "
            "sociales de santé. Publié en 2019, il a été réactualisé.\n\n"
            "Le 31 mars 2025, de 14h à 15h."
        ),
        "audience": "Professionnel·les et bénévoles de la santé et du social",
        "speakers": "",
        "partners": ["IREV", "Migrations santé Alsace"],
        "sessions": [
            {"start": "2025-03-31T14:00", "end": "2025-03-31T15:00", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "formation-egalite-en-sante-irev-lille-2025",
        "title": "Journée de formation : prévention et lutte contre les discriminations dans le domaine de la santé",
        "kind": "training",
        "theme": "cohesion-sociale",
        "summary": "Journée de formation en présentiel à l'IREV (Lille), à la suite du webinaire flash de présentation du guide « Vers plus d'égalité en santé ».",
        "description": (
            "Le webinaire flash de présentation du guide « Vers plus d'égalité en santé : guide de prévention "
            "et de lutte contre les discriminations dans le domaine de la santé » sera suivi par l'organisation "
            "d'une journée de formation en présentiel, le 13 mai 2025 à l'Irev (Lille)."
        ),
        "audience": "Professionnel·les et bénévoles de la santé et du social",
        "speakers": "",
        "partners": ["IREV", "Migrations santé Alsace"],
        "sessions": [
            {"start": "2025-05-13T09:30", "end": "2025-05-13T16:30", "online": False, "city": "Lille", "place": "Irev"},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-jeunesses-des-quartiers-2-professionnels-jeunesse",
        "title": "Cycle « Jeunesses des quartiers » #2 : les professionnels intervenant auprès des jeunes en quartiers prioritaires",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Deuxième webinaire du cycle « Jeunesses des quartiers » de l'IREV et du CRPRS, sur les pratiques, représentations et modes de coopération des professionnels de la jeunesse.",
        "description": (
            "L'IREV et le CRPRS proposent le deuxième webinaire du cycle « Jeunesses des quartiers », consacré "
            "aux professionnels intervenant auprès des jeunes en quartiers prioritaires.\n\n"
            "- **Focus sur la prévention spécialisée** : comment les « éducateurs de rue » perçoivent-ils leur "
            "métier, quelle relation tissent-ils avec les jeunes ?\n"
            "- **Retour d'expérience locale** : des professionnels de Mons-en-Barœul illustrent les "
            "coopérations entre prévention spécialisée, prévention de la délinquance, médiation et animation "
            "sociale."
        ),
        "audience": "",
        "speakers": "Anne Muxel, sociologue et politologue, autrice du livre « Ils m'ont jamais lâché » ; professionnels intervenant sur le territoire de Mons-en-Barœul",
        "partners": ["IREV", "CRPRS"],
        "sessions": [],  # no date in the announcement
        "resources": [],
    },
    {
        "slug": "webinaire-gusp-temps-1-convention-gusp",
        "title": "Webinaires GUSP - Temps 1 : comment se construit et se déploie une convention GUSP et quelle place pour chaque acteur (État, collectivité, bailleur) ?",
        "kind": "webinar",
        "theme": "questions-urbaines",
        "summary": "Premier webinaire de la série de Trajectoire Ressources sur la gestion urbaine et sociale de proximité : l'élaboration et le déploiement d'une GUSP et le rôle de chaque acteur.",
        "description": (
            "À travers cette série de webinaires, Trajectoire Ressources met à l'honneur la GUSP (gestion "
            "urbaine et sociale de proximité), démarche structurante mais peu souvent vulgarisée de la "
            "politique de la ville.\n\n"
            "Le premier webinaire montre l'élaboration et le déploiement de la GUSP dans un territoire donné en "
            "présentant la partition que joue chaque acteur. Il est ponctué par le témoignage de plusieurs "
            "intervenants à différentes échelles (délégué du Préfet, commune, bailleur…)."
        ),
        "audience": "",
        "speakers": "Témoignages d'intervenants à différentes échelles (délégué du Préfet, commune, bailleur…)",
        "partners": ["Trajectoire Ressources"],
        "sessions": [],  # no date in the announcement
        "resources": [],
    },
    {
        "slug": "webinaire-participation-citoyenne-2-co-construction-inclusive",
        "title": "Cycle participation citoyenne #2 : co-construire avec les citoyen·nes dans leur diversité",
        "kind": "webinar",
        "theme": "dynamiques-citoyennes",
        "summary": "Deuxième webinaire du cycle du réseau national des centres de ressources sur la participation citoyenne : expériences de co-construction inclusive des politiques publiques.",
        "description": (
            "Ce 2e webinaire s'inscrit dans un cycle de quatre webinaires sur la participation citoyenne, "
            "organisé de 12h à 13h30 par le réseau national des centres de ressources politique de la ville.\n\n"
            "Pourquoi et comment impliquer les citoyens et citoyennes dans leur diversité, au-delà de celles et "
            "ceux qui se sentent légitimes ? Comment travailler ensemble avec des représentations, des "
            "langages, des temporalités et des méthodologies différentes ?\n\n"
            "Inscription : https://docs.google.com/forms/d/e/1FAIpQLSfc0VESQ1b22Iewe9-RKFa-mXGbjk_VFMZbYlzJFFehiEE4Eg/viewform"
        ),
        "audience": "Acteurs et actrices de la politique de la ville",
        "speakers": (
            "Le Conseil Régional des Personnes Accueillies et Accompagnées, animé par la Fédération des Acteurs "
            "de la Solidarité du Centre-Val de Loire ; le Parlement de circonscription de la 1re circonscription "
            "d'Indre-et-Loire ; AVAS, projet de Citoyenneté d'initiative ; Pascale Budin, salariée d'ATD Quart "
            "Monde"
        ),
        "partners": ["Réseau national des centres de ressources Politique de la ville (RNCRPV)"],
        "sessions": [],  # 12h-13h30, but no date in the announcement
        "resources": [],
    },
    # ------------------------------------------------------------------
    # Synthèses de webinaires et rencontres passés (004)
    # ------------------------------------------------------------------
    {
        "slug": "webinaire-emancipation-au-feminin-2021",
        "title": "L'émancipation au féminin, au-delà d'un idéal, quels leviers d'action en politique de la ville ?",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Webinaire régional sur les leviers de la politique de la ville pour favoriser l'émancipation des femmes habitantes des quartiers.",
        "description": (
            "Webinaire régional du 25 mars 2021.\n\n"
            "- Quelle forme de participation favorise-t-on à travers les actions développées pour et/ou avec "
            "les habitantes des quartiers de la politique de la ville ?\n"
            "- Comment la politique de la ville peut-elle favoriser l'émancipation des femmes habitantes des "
            "quartiers ?\n"
            "- Comment chacun·e à son niveau, décideurs, associations, habitantes, peut-il/elle contribuer à "
            "cette montée en puissance de l'émancipation des habitantes ?\n\n"
            "Un document de synthèse reprend les interventions et renvoie vers la rediffusion vidéo de chacune "
            "d'elles."
        ),
        "audience": "",
        "speakers": "",
        "partners": [],
        "sessions": [
            {"start": "2021-03-25T11:00", "end": "2021-03-25T12:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-acces-offre-culturelle-qpv-2021",
        "title": "Favoriser l'accès des habitants des QPV à l'offre culturelle : quels partenariats entre structures culturelles et acteurs de proximité dans les quartiers ?",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Webinaire régional présentant des initiatives partenariales d'institutions culturelles d'Occitanie en direction des habitants des quartiers prioritaires, ainsi que les dispositifs Micro-Folies et Démos.",
        "description": (
            "Webinaire régional du 4 mars 2021, dont l'organisation a été confiée à Villes et Territoires par "
            "la DRJSCS et la DRAC Occitanie.\n\n"
            "Un premier aperçu d'initiatives partenariales conduites en Occitanie par des institutions "
            "culturelles en direction des habitants des QPV, avec un focus sur les musées d'art et centres "
            "d'art, et sur les structures du champ de la musique (Scènes de Musiques actuelles, Orchestre Opéra "
            "national). Le second temps a présenté les « Micro-Folies » et « Démos ».\n\n"
            "Un document de restitution résume chaque intervention, avec un lien vers la séquence vidéo "
            "correspondante quand les intervenant·es ont donné leur accord."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Villes et Territoires Occitanie", "DRJSCS Occitanie", "DRAC Occitanie"],
        "sessions": [
            {"start": "2021-03-04T11:00", "end": "2021-03-04T12:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-transition-alimentaire-quartiers",
        "title": "Transition écologique et quartiers #1 : la transition alimentaire dans les quartiers de la politique de la ville",
        "kind": "webinar",
        "theme": "transitions",
        "summary": "Premier webinaire du cycle « Transition écologique et quartiers » : des actions inspirantes en Occitanie pour favoriser l'accès des habitants des quartiers à une alimentation durable.",
        "description": (
            "Si la « transition alimentaire » est encore peu investie dans le cadre de la politique de la ville, "
            "des initiatives émergent dans les quartiers. Ce webinaire, premier d'un cycle « Transition "
            "écologique et quartiers », a présenté des actions inspirantes en Occitanie qui favorisent l'accès "
            "à un mode de consommation alimentaire durable pour les habitants des quartiers.\n\n"
            "Il s'appuyait sur une recherche-action conduite par le LERIS sur la faisabilité de « Tiers Lieux "
            "de transition et de solidarité alimentaire » pour tous."
        ),
        "audience": "",
        "speakers": (
            "Pauline Scherer, sociologue intervenante, LERIS, Montpellier ; Sylvie Camand, animatrice de "
            "réseaux, territoire sud Gard, Secours catholique du Gard ; Bruno Soler, chef de projet politique "
            "de la ville, mairie de Vauvert ; Cathy Mazoyer-Bongesse, directrice de VRAC Toulouse Métropole"
        ),
        "partners": [],
        "sessions": [],  # no date in the document
        "resources": [],
    },
    {
        "slug": "groupes-echanges-leviers-emploi-qpv-2020",
        "title": "Groupes d'échanges régionaux : nouveaux leviers pour agir sur l'emploi dans les quartiers prioritaires",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Trois groupes d'échanges régionaux en visioconférence, en novembre et décembre 2020, pour faire connaître de nouveaux leviers pour l'emploi dans les quartiers prioritaires.",
        "description": (
            "En novembre et décembre 2020, Villes et Territoires Occitanie a animé 3 groupes d'échanges "
            "régionaux en visioconférence (1h30) :\n\n"
            "- emplois générés par le développement durable (circuits courts, recyclage…) et levier des achats "
            "responsables ;\n"
            "- emplois d'insertion par l'activité économique, avec le Pacte Ambition ;\n"
            "- meilleure articulation des acteurs du territoire avec l'expérimentation des Cités de l'emploi.\n\n"
            "Ces séminaires ont réuni 132 participants ; un document de capitalisation du cycle est disponible."
        ),
        "audience": "Agents des collectivités, de l'État et de structures de l'économie sociale et solidaire",
        "speakers": "",
        "partners": ["Villes et Territoires Occitanie"],
        "sessions": [],  # "novembre et décembre 2020", no exact dates
        "resources": [],
    },
    {
        "slug": "journee-politique-de-la-ville-dans-10-ans-2020",
        "title": "Une journée pour imaginer la politique de la ville dans 10 ans",
        "kind": "regional_day",
        "theme": "questions-urbaines",
        "summary": "Journée régionale en visioconférence pour aborder le devenir de la politique de la ville : cohésion territoriale, contractualisation, projet de territoire et transitions.",
        "description": (
            "Le centre ressources Villes et Territoires Occitanie et l'association Réciprocités Occitanie "
            "(réunissant des professionnels de la politique de la ville d'Occitanie) ont organisé une journée "
            "régionale le 3 novembre 2020 en visioconférence.\n\n"
            "Quelle place pour la politique de la ville dans les politiques de cohésion territoriale ? Quelles "
            "modalités de contractualisation à venir ? À partir de quel projet de territoire ? Quelle prise en "
            "compte des questions de transition ?\n\n"
            "Un document reprend une synthèse des échanges et un compte-rendu exhaustif de la journée."
        ),
        "audience": "Élus et agents des collectivités et de l'État",
        "speakers": "",
        "partners": ["Villes et Territoires Occitanie", "Réciprocités Occitanie"],
        "sessions": [
            {"start": "2020-11-03T09:30", "end": "2020-11-03T16:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "webinaire-acces-numerique-qpv-2020",
        "title": "Webinaire régional : l'accès au numérique dans les quartiers de la politique de la ville",
        "kind": "webinar",
        "theme": "cohesion-sociale",
        "summary": "Webinaire régional pour comprendre ce qui se joue dans les quartiers en matière d'accès au numérique, d'inclusion et de médiation numérique, et explorer des pistes pour l'action.",
        "description": (
            "La période de confinement liée au Covid-19 a fait ressortir l'importance de l'autonomie dans "
            "l'accès au numérique et des actions de médiation numérique dans les quartiers de la politique de "
            "la ville.\n\n"
            "Ce webinaire régional, organisé le 15 octobre 2020 par Villes et Territoires Occitanie, a analysé "
            "les usages des habitants, questionné les réponses existantes dans le domaine de l'inclusion et de "
            "la médiation numérique, et exploré des pistes pour l'action."
        ),
        "audience": "Chefs de projet politique de la ville, services de l'État et associations qui interviennent dans les QPV",
        "speakers": (
            "Philippe Archias, directeur innovation, études, recherche, Chronos – Auxilia ; Emma Ghariani, "
            "co-directrice de la MedNum ; Mathias Borel, coordonnateur du projet « Centres Sociaux Connectés "
            "2.0 » dans la Métropole de Lille ; Olivier Hag, coordonnateur « Pratiques Numériques » de "
            "l'association Combustible-Numérique à Toulouse"
        ),
        "partners": ["Villes et Territoires Occitanie"],
        "sessions": [
            {"start": "2020-10-15T11:00", "end": "2020-10-15T12:30", "online": True, "city": "", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "formation-egalite-femmes-hommes-montpellier-2020",
        "title": "Formation : intégrer l'égalité femmes – hommes dans les actions en politique de la ville",
        "kind": "training",
        "theme": "cohesion-sociale",
        "summary": "Formation de deux jours à Montpellier sur la prise en compte de l'égalité femmes – hommes dans les actions des associations et acteurs de la politique de la ville.",
        "description": (
            "Comment intégrer le souci de l'égalité femmes – hommes dans vos actions en politique de la ville ?\n\n"
            "Dans le prolongement de cette formation organisée les 28 et 29 septembre 2020 à Montpellier, "
            "Villes et Territoires Occitanie a conçu, avec l'Etre Egale, un guide méthodologique destiné aux "
            "associations (et aux autres acteurs et actrices de la politique de la ville) qui doivent désormais "
            "mesurer l'impact de leurs actions sur l'égalité entre les femmes (filles) et les hommes (garçons)."
        ),
        "audience": "Associations et autres acteurs et actrices de la politique de la ville",
        "speakers": "",
        "partners": ["Villes et Territoires Occitanie"],
        "sessions": [
            {"start": "2020-09-28T09:30", "end": "2020-09-28T16:30", "online": False, "city": "Montpellier", "place": ""},
            {"start": "2020-09-29T09:30", "end": "2020-09-29T16:30", "online": False, "city": "Montpellier", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "seminaire-marketing-territorial-montpellier-2019",
        "title": "Séminaire : le marketing territorial pour des territoires à l'image défavorable",
        "kind": "regional_day",
        "theme": "questions-urbaines",
        "summary": "Séminaire sur les enjeux du marketing territorial pour changer l'image des quartiers en renouvellement urbain et des centres-villes en revitalisation.",
        "description": (
            "Les projets de renouvellement urbain (NPNRU, revitalisation de centre-ville) ont pour ambition de "
            "transformer durablement l'image des territoires. Mais pour changer l'image, il faut aussi créer "
            "une nouvelle vocation : les atouts, les flux, le « faire venir », la « fierté d'habiter ».\n\n"
            "Le séminaire, organisé par Villes et Territoires le 22 novembre 2019 à Montpellier, a permis de "
            "clarifier les enjeux du marketing territorial, exemples à l'appui : la démarche conduite par "
            "Toulouse Métropole pour ses quartiers en renouvellement urbain et le projet « Vivre les Mureaux »."
        ),
        "audience": "",
        "speakers": "",
        "partners": ["Villes et Territoires Occitanie"],
        "sessions": [
            {"start": "2019-11-22T09:30", "end": "2019-11-22T16:30", "online": False, "city": "Montpellier", "place": ""},
        ],
        "resources": [],
    },
    {
        "slug": "formation-conseils-citoyens-herault-sante-lodeve-2019",
        "title": "Journée de formation des conseils citoyens de l'Hérault : la santé dans les contrats de ville",
        "kind": "training",
        "theme": "dynamiques-citoyennes",
        "summary": "Journée de formation des conseils citoyens de l'Hérault sur le thème de la santé dans les contrats de ville, organisée à Lodève.",
        "description": (
            "Journée de formation des conseils citoyens de l'Hérault sur le thème de la santé dans les contrats "
            "de ville, organisée par Villes et Territoires, à Lodève, le 6 novembre 2019.\n\n"
            "Un dossier sous forme de mini site récapitule les enseignements de cette journée et propose des "
            "repères conceptuels et méthodologiques pour les conseils citoyens qui souhaiteraient s'emparer de "
            "cette thématique."
        ),
        "audience": "Conseils citoyens de l'Hérault",
        "speakers": "",
        "partners": ["Villes et Territoires Occitanie"],
        "sessions": [
            {"start": "2019-11-06T09:30", "end": "2019-11-06T16:30", "online": False, "city": "Lodève", "place": ""},
        ],
        "resources": [],
    },
]

# Events the documents name without a usable date (a month only, or no date at all). They keep the same
# shape, with "sessions": [], and are set apart so that every entry of EVENTS has at least one session.
UNDATED_EVENTS = [event for event in EVENTS if not event["sessions"]]
EVENTS = [event for event in EVENTS if event["sessions"]]
