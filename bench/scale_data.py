"""The scale suite's data set: a national consultation on one box, loaded once and kept.

``ensure_loaded(database_url)`` fills a PostgreSQL database of its own (created if missing, migrated)
with 500,000 accounts and about 2,000,000 contributions across 50 consultations — 200,000
proposals, about 1,200,000 supports, 300,000 comments and 300,000 questionnaire answers — and 500
events with 50,000 registrations. Other benches call it (``bench scale``, the export benches, the
mixed crowd); when the data is already there (the ``bench_scale_loaded`` row of the same
``VERSION``) it returns at once.

Why SQL and not the ORM: rows are generated inside PostgreSQL (``INSERT … SELECT FROM
generate_series``), a few hundred texts are rendered by Python beforehand (Markdown → the stored
``body_html``, exactly what ``save()`` stores) and numbered in SQL. Every row keeps the models'
constraints (one support per person, one answer per question, comment depth and root, counters
equal to their rows). The database is the suite's own: a load starts by emptying its tables.

Deterministic (same ids, same texts at each load), so a figure can name a row: see ``THREADS``,
``thread_proposal_ids()``, ``SEARCH_WORD``. Every account's password is ``PASSWORD``.
"""

import os
import random
import time

VERSION = 1
USERS = 500_000
STAFF = 10  # ids 1..10: staff accounts (the first a superuser); residents from id 11
PROPOSALS = 200_000
CONSULTATIONS = 50
INITIATIVE_EVERY = 20  # every 20th proposal is a citizens' initiative (no consultation)
COMMENTS = 300_000
THREADS = (500, 5_000)  # the two newest proposals carry these long threads
RESPONSES = 50_000  # × 6 questions = 300,000 answers
QUESTIONS = 6
EVENTS = 500
REGISTRATIONS_PER_EVENT = 100
COUNCILS = 40
COUNCIL_MEMBERS = 4_000
PASSWORD = "scale-bench-2026"
EMAIL_DOMAIN = "scale.bench.invalid"
SEARCH_WORD = "végétaliser"
NUMBER = "NUMEROSCALE"  # placeholder replaced by the row's number in SQL, after rendering

FIRST_NAMES = [
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Zoé", "Éloïse", "Maëlle", "Fatou", "Yasmina",
    "Nadia", "Amina", "Sarah", "Hélène", "Françoise", "Monique", "Aurélie", "Céline", "Mélanie", "Anaïs",
    "Lucas", "Hugo", "Théo", "Nathan", "Mathéo", "Raphaël", "Noé", "Léo", "Gabriel", "Jérôme", "Michel",
    "François", "Stéphane", "Sébastien", "Frédéric", "Amadou", "Mehdi", "Karim", "Youssef", "Joël", "Loïc",
    "Gaëtan", "Benoît", "André", "René", "Clément", "Bastien", "Timothée",
]
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
    "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
    "Diallo", "Traoré", "Benali", "Nguyen", "Ménard", "Lemaître", "Barbé", "Pérez", "Noël", "Gérard",
]
VERBS = ["Créer", "Rénover", "Installer", "Ouvrir", "Végétaliser", "Sécuriser", "Animer", "Éclairer"]
THINGS = ["un jardin partagé", "des bancs", "une aire de jeux", "un local associatif", "des pistes cyclables",
          "une fresque", "un marché", "des composteurs", "une maison de quartier", "un city-stade"]
PLACES = ["aux Clos", "à La Source", "au Sanitas", "aux Chamards", "à Saint-Jean", "à l’Argonne",
          "près de l’école", "sur la place du marché"]
PARAGRAPHS = [
    "Je propose de **{thing}** {place} : les habitantes et habitants en parlent depuis longtemps.",
    "- d’abord réunir le conseil citoyen\n- ensuite *chiffrer* le projet\n- enfin voter",
    "Voir aussi [le compte rendu](https://example.org/compte-rendu) de la dernière réunion.",
    "> C’est une question d’égalité entre les quartiers.",
    "Le coût serait modéré : la commune a déjà prévu un budget pour {thing}.",
]
COMMENT_TEXTS = [
    "Je suis **d’accord** avec {thing} {place}.",
    "Bonne idée, mais qui s’occupera de l’entretien ?",
    "On en a parlé à la réunion du conseil citoyen : *à suivre*.",
    "Pas convaincu·e : {thing} coûterait cher {place}.",
    "> {thing}\n\nOui, et vite ! Les enfants n’ont nulle part où aller.",
    "Voir [la carte du quartier](https://example.org/carte) pour l’emplacement.",
]
COMMUNES = ["Orléans", "Tours", "Chartres", "Dreux", "Blois", "Bourges", "Châteauroux", "Vierzon", "Montargis",
            "Vendôme", "Issoudun", "Joué-lès-Tours"]
THEMES = ["Cadre de vie", "Mobilités", "Jeunesse", "Écologie", "Culture", "Santé", "Emploi", "Solidarités"]
KINDS = ["webinar", "regional_day", "workshop", "training", "field_visit", "network_meeting"]

# Tables the load empties and fills (TRUNCATE … CASCADE empties what hangs on them).
TABLES = [
    "accounts_user", "account_emailaddress", "consultations_territory", "consultations_theme",
    "consultations_consultation", "councils_council", "comments_comment", "bench_scale_loaded",
]


def ensure_loaded(database_url=None, *, verbose=True):
    """Load the data set into ``database_url`` (default ``BENCH_DATABASE_URL``) unless it is there.

    Returns a dict of the row counts. Sets up Django with ``bench.settings`` on that database when
    Django is not yet set up; when it is, its default database must be this one.
    """
    database_url = database_url or os.environ["BENCH_DATABASE_URL"]
    _setup_django(database_url)
    import psycopg

    from bench import proposals as common

    common.create_database_if_missing()
    with psycopg.connect(database_url) as connection:
        loaded = _loaded(connection)
    if loaded:
        if verbose:
            print(f"Scale data: reusing the loaded database ({_summary(loaded)}).", flush=True)
        return loaded
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    with psycopg.connect(database_url) as connection:
        counts = _load(connection, verbose)
    with psycopg.connect(database_url, autocommit=True) as connection:
        # VACUUM sets the visibility map (index-only scans), ANALYZE gives the planner the sizes.
        connection.execute("VACUUM ANALYZE")
    seconds = time.perf_counter() - started
    if verbose:
        print(f"Scale data: loaded {_summary(counts)} in {seconds:.0f} s "
              f"(migrate {migrated - started:.0f} s, rows {seconds - (migrated - started):.0f} s).", flush=True)
    return counts


def thread_proposal_ids():
    """{thread size: proposal id} of the two long threads (the newest proposals)."""
    return {size: PROPOSALS - offset for offset, size in enumerate(THREADS)}


def _setup_django(database_url):
    from django.conf import settings

    if settings.configured:
        import dj_database_url

        wanted = dj_database_url.parse(database_url)["NAME"]
        if settings.DATABASES["default"]["NAME"] != wanted:
            raise RuntimeError(f"Django uses {settings.DATABASES['default']['NAME']}, not the scale database {wanted}")
        import django

        django.setup()
        return
    os.environ["BENCH_DATABASE_URL"] = database_url
    from bench import proposals as common

    common.setup_django()


def _loaded(connection):
    exists = connection.execute("SELECT to_regclass('bench_scale_loaded')").fetchone()[0]
    if not exists:
        return None
    row = connection.execute("SELECT counts FROM bench_scale_loaded WHERE version = %s", [VERSION]).fetchone()
    return row[0] if row else None


def _summary(counts):
    contributions = sum(counts[k] for k in ("proposals", "supports", "comments", "answers"))
    return (f"{counts['accounts']:,} accounts, {contributions:,} contributions ({counts['proposals']:,} proposals, "
            f"{counts['supports']:,} supports, {counts['comments']:,} comments, {counts['answers']:,} answers), "
            f"{counts['events']:,} events, {counts['registrations']:,} registrations")


def _texts():
    """The rendered texts: Python renders each template once; SQL numbers them."""
    from consultations.text import render_markdown

    rng = random.Random(19)
    proposals = []
    for verb in VERBS:
        for thing in THINGS:
            for place in PLACES:
                body = "\n\n".join(p.format(thing=thing, place=place) for p in rng.sample(PARAGRAPHS, 3))
                body += f"\n\nProposition n°{NUMBER}."
                proposals.append((f"{verb} {thing} {place}", body, _rendered(render_markdown, body)))
    rng.shuffle(proposals)
    comments = []
    for text in COMMENT_TEXTS:
        for thing in THINGS:
            for place in PLACES:
                body = f"{text.format(thing=thing, place=place)}\n\nCommentaire n°{NUMBER}."
                comments.append((body, _rendered(render_markdown, body)))
    rng.shuffle(comments)
    answer = "Nous avons étudié la proposition n°{n} : elle entre dans le **plan d’action** de l’été."
    answer = answer.replace("{n}", NUMBER)
    return proposals, comments, (answer, _rendered(render_markdown, answer))


def _rendered(render, text):
    html = str(render(text))
    if html.count(NUMBER) != text.count(NUMBER):
        raise ValueError(f"the placeholder did not survive rendering: {html!r}")
    return html


def _load(connection, verbose):
    from django.contrib.auth.hashers import make_password

    step = _Steps(verbose)
    proposal_texts, comment_texts, answer_text = _texts()
    password = make_password(PASSWORD)
    cursor = connection.cursor()
    cursor.execute("SET synchronous_commit TO off")
    # Foreign keys checked at each statement's end, not queued for millions of rows until the commit.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("CREATE TABLE IF NOT EXISTS bench_scale_loaded "
                   "(version integer PRIMARY KEY, loaded_at timestamptz NOT NULL, counts jsonb NOT NULL)")
    cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
    cursor.execute("CREATE TEMP TABLE scale_text (kind text, n integer, title text, body text, html text) "
                   "ON COMMIT DROP")
    with cursor.copy("COPY scale_text (kind, n, title, body, html) FROM STDIN") as copy:
        for n, (title, body, html) in enumerate(proposal_texts):
            copy.write_row(("proposal", n, title, body, html))
        for n, (body, html) in enumerate(comment_texts):
            copy.write_row(("comment", n, "", body, html))
    step.done("texts rendered")
    params = {"users": USERS, "staff": STAFF, "residents": USERS - STAFF, "password": password,
              "first": FIRST_NAMES, "last": LAST_NAMES, "domain": EMAIL_DOMAIN, "proposals": PROPOSALS,
              "consultations": CONSULTATIONS, "every": INITIATIVE_EVERY, "number": NUMBER,
              "ptexts": len(proposal_texts), "ctexts": len(comment_texts), "answer": answer_text[0],
              "answer_html": answer_text[1], "communes": COMMUNES, "themes": THEMES, "kinds": KINDS,
              "councils": COUNCILS, "members": COUNCIL_MEMBERS, "events": EVENTS,
              "per_event": REGISTRATIONS_PER_EVENT, "responses": RESPONSES}
    for name, sql in _STATEMENTS:
        cursor.execute(sql, params)
        step.done(name, cursor.rowcount)
    _comments(cursor, params)
    step.done("comments", COMMENTS)
    for table in _SEQUENCED:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)")
    counts = {
        name: cursor.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for name, table in [("accounts", "accounts_user"), ("proposals", "proposals_proposal"),
                            ("supports", "proposals_support"), ("comments", "comments_comment"),
                            ("answers", "surveys_answer"), ("events", "consultations_event"),
                            ("registrations", "consultations_registration"),
                            ("consultations", "consultations_consultation")]
    }
    import json

    cursor.execute("INSERT INTO bench_scale_loaded (version, loaded_at, counts) VALUES (%s, now(), %s)",
                   [VERSION, json.dumps(counts)])
    connection.commit()
    step.done("committed")
    return counts


class _Steps:
    def __init__(self, verbose):
        self.verbose, self.last = verbose, time.perf_counter()

    def done(self, name, rows=None):
        now = time.perf_counter()
        if self.verbose:
            print(f"  {name}: {'' if rows is None else f'{rows:,} rows, '}{now - self.last:.1f} s", flush=True)
        self.last = now


def _comments(cursor, params):
    """General comments in groups of three on 40,000 proposals (a top-level comment, a reply, a reply
    to the reply), then the two long threads with the same shape, then the counters."""
    cursor.execute("SELECT id FROM django_content_type WHERE app_label = 'proposals' AND model = 'proposal'")
    content_type = cursor.fetchone()[0]
    general = COMMENTS - sum(THREADS)
    # (first comment id, number of comments, the proposal of comment s as SQL)
    batches = [(1, general, "((s / 3) * 7919 %% 39999) * 5 + 1")]
    first = general + 1
    for size, proposal in thread_proposal_ids().items():
        batches.append((first, size, str(proposal)))
        first += size
    for first, count, proposal in batches:
        cursor.execute(f"""
            INSERT INTO comments_comment (id, content_type_id, object_id, parent_id, root_id, depth, author_id,
                body, body_html, position, notify_replies, created_at, moderation_status)
            SELECT %(first_id)s + s, %(ct)s, p.id,
                CASE WHEN s %% 3 = 0 THEN NULL ELSE %(first_id)s + s - 1 END,
                CASE WHEN s %% 3 = 0 THEN NULL ELSE %(first_id)s + s - s %% 3 END,
                s %% 3, 11 + (s::bigint * 104729 + p.id) %% %(residents)s,
                replace(t.body, %(number)s, s::text), replace(t.html, %(number)s, s::text),
                (ARRAY['', 'for', 'against', 'neutral'])[1 + s %% 4], true,
                LEAST(now(), p.created_at + (s + 1) * interval '7 seconds'), 'visible'
            FROM generate_series(0, %(count)s - 1) s
            JOIN proposals_proposal p ON p.id = {proposal}
            JOIN scale_text t ON t.kind = 'comment' AND t.n = s %% %(ctexts)s
        """, {**params, "first_id": first, "count": count, "ct": content_type})
    cursor.execute("""
        UPDATE proposals_proposal p SET comment_count = c.n
        FROM (SELECT object_id, COUNT(*) AS n FROM comments_comment WHERE content_type_id = %s GROUP BY object_id) c
        WHERE p.id = c.object_id
    """, [content_type])


_SEQUENCED = ["accounts_user", "account_emailaddress", "consultations_territory", "consultations_theme",
              "consultations_consultation", "consultations_step", "proposals_proposalsettings", "councils_council", "councils_membership",
              "proposals_proposal", "proposals_support", "comments_comment", "surveys_questionnaire",
              "surveys_question", "surveys_choice", "surveys_response", "surveys_answer", "surveys_selection",
              "consultations_event", "consultations_eventsession", "consultations_registration",
              "consultations_event_facilitators", "accounts_user_groups"]

# Each statement generates one table from generate_series; ids are explicit where later rows point
# at them (users 1..USERS, proposals 1..PROPOSALS, consultations 1..CONSULTATIONS, events 1..EVENTS).
_STATEMENTS = [
    ("accounts", """
        INSERT INTO accounts_user (id, password, is_superuser, is_staff, is_active, date_joined, email,
            display_name, territory_id)
        SELECT i, %(password)s, i = 1, i <= %(staff)s, true, now() - (i %% 700) * interval '1 day',
            CASE WHEN i <= %(staff)s THEN 'equipe' ELSE 'habitant' END || i || '@' || %(domain)s,
            (%(first)s::text[])[1 + i %% cardinality(%(first)s::text[])] || ' '
                || (%(last)s::text[])[1 + (i / cardinality(%(first)s::text[])) %% cardinality(%(last)s::text[])]
                || CASE WHEN i <= %(staff)s THEN ' (équipe)' ELSE '' END,
            NULL
        FROM generate_series(1, %(users)s) i
    """),
    ("e-mail addresses (verified)", """
        INSERT INTO account_emailaddress (id, email, verified, "primary", user_id)
        SELECT id, email, true, true, id FROM accounts_user
    """),
    ("territories", """
        INSERT INTO consultations_territory (id, slug, name, kind, code, parent_id)
        SELECT i, 'scale-commune-' || i, (%(communes)s::text[])[i], 'commune', '', NULL
        FROM generate_series(1, cardinality(%(communes)s::text[])) i
        UNION ALL
        SELECT 100 + i, 'scale-quartier-' || i, 'Quartier ' || i || ' de ' || (%(communes)s::text[])[i],
            'qpv', '', i
        FROM generate_series(1, cardinality(%(communes)s::text[])) i
    """),
    ("themes", """
        INSERT INTO consultations_theme (id, slug, name, description, position)
        SELECT i, 'scale-theme-' || i, (%(themes)s::text[])[i], '', i
        FROM generate_series(1, cardinality(%(themes)s::text[])) i
    """),
    ("consultations", """
        INSERT INTO consultations_consultation (id, slug, title, summary, body, visibility, tools, created_at,
            updated_at, territory_id, theme_id, synthesis, premoderated)
        SELECT i, 'scale-consultation-' || i,
            'Consultation n°' || i || ' : quel avenir pour ' || (%(communes)s::text[])[1 + i %% 12] || ' ?',
            'Donnez votre avis sur les projets de ' || (%(communes)s::text[])[1 + i %% 12] || '.',
            E'## Le contexte\n\nLa commune **prépare** son plan d’action : proposez, soutenez, répondez au '
                || E'questionnaire.\n\n- proposer\n- soutenir\n- débattre',
            'public', '["proposals", "comments", "surveys"]'::jsonb, now() - interval '200 days', now(),
            1 + i %% 12, 1 + i %% 8, '', false
        FROM generate_series(1, %(consultations)s) i
    """),
    ("steps", """
        INSERT INTO consultations_step (kind, title, description, position, starts_at, ends_at, consultation_id)
        SELECT s.kind, s.title, '', s.position, now() + s.starts * interval '1 day', now() + s.ends * interval '1 day', c
        FROM generate_series(1, %(consultations)s) c
        CROSS JOIN LATERAL (VALUES
            ('information', 'Information', 0, -200, -150),
            (CASE WHEN c %% 2 = 0 THEN 'questionnaire' ELSE 'proposals' END,
             CASE WHEN c %% 2 = 0 THEN 'Questionnaire' ELSE 'Propositions' END, 1, -150, -20),
            (CASE WHEN c %% 2 = 0 THEN 'proposals' ELSE 'questionnaire' END,
             CASE WHEN c %% 2 = 0 THEN 'Propositions' ELSE 'Questionnaire' END, 2, -20, 60)
        ) AS s(kind, title, position, starts, ends)
    """),
    ("proposal settings", """
        INSERT INTO proposals_proposalsettings (support_limit, consultation_id)
        SELECT NULL, c FROM generate_series(1, %(consultations)s) c
    """),
    ("councils", """
        INSERT INTO councils_council (id, slug, name, description, status, verified_at, created_at, commune_id,
            neighbourhood_id, requested_by_id, moderation_status)
        SELECT i, 'scale-conseil-' || i, 'Conseil citoyen n°' || i || ' de ' || (%(communes)s::text[])[1 + i %% 12],
            'Un collectif d’habitant·es qui se retrouve chaque mois.', 'verified', now() - interval '300 days',
            now() - interval '300 days', 1 + i %% 12, 101 + i %% 12, NULL, 'visible'
        FROM generate_series(1, %(councils)s) i
    """),
    ("council members", """
        INSERT INTO councils_membership (role, state, show_on_page, created_at, accepted_at, council_id, user_id)
        SELECT CASE WHEN m <= %(councils)s THEN 'manager' ELSE 'member' END, 'accepted', true,
            now() - interval '200 days', now() - interval '199 days', 1 + (m - 1) %% %(councils)s, %(staff)s + m
        FROM generate_series(1, %(members)s) m
    """),
    ("council members' group", """
        INSERT INTO accounts_user_groups (user_id, group_id)
        SELECT %(staff)s + m, g.id FROM generate_series(1, %(members)s) m
        JOIN auth_group g ON g.name = 'council_member'
    """),
    ("proposals", """
        INSERT INTO proposals_proposal (id, title, body, body_html, attachment, state, answer, answer_html,
            answered_at, answered_by_id, withdrawal_reason, support_threshold, threshold_reached_at, support_count,
            comment_count, created_at, updated_at, author_id, consultation_id, council_id, territory_id, theme_id,
            moderation_status, image_alt)
        SELECT i, t.title, replace(t.body, %(number)s, i::text), replace(t.html, %(number)s, i::text), '',
            CASE WHEN i %% 97 = 3 THEN 'accepted' WHEN i %% 50 = 7 THEN 'under_review' ELSE 'published' END,
            CASE WHEN i %% 97 = 3 THEN replace(%(answer)s, %(number)s, i::text) ELSE '' END,
            CASE WHEN i %% 97 = 3 THEN replace(%(answer_html)s, %(number)s, i::text) ELSE '' END,
            CASE WHEN i %% 97 = 3 THEN now() - (%(proposals)s - i) * interval '30 seconds' END,
            CASE WHEN i %% 97 = 3 THEN 1 + i %% %(staff)s END, '',
            CASE WHEN i %% %(every)s = 0 THEN 300 END,
            CASE WHEN i %% %(every)s = 0 AND n.supports >= 300 THEN now() - (%(proposals)s - i) * interval '1 minute' END,
            n.supports, 0,
            now() - (%(proposals)s - i) * interval '1 minute', now() - (%(proposals)s - i) * interval '1 minute',
            11 + (i::bigint * 7919) %% %(residents)s,
            CASE WHEN i %% %(every)s = 0 THEN NULL ELSE 1 + i %% %(consultations)s END, NULL,
            CASE WHEN i %% 3 = 0 THEN 1 + i %% 12 END, 1 + i %% 8,
            CASE WHEN i %% 1000 = 500 THEN 'pending' WHEN i %% 1000 = 501 THEN 'hidden' ELSE 'visible' END, ''
        FROM generate_series(1, %(proposals)s) i
        CROSS JOIN LATERAL (SELECT CASE WHEN i %% 1000 = 999 THEN 200 + (i / 1000 %% 9) * 100
                                        ELSE (i * 7919) %% 12 END AS supports) n
        JOIN scale_text t ON t.kind = 'proposal' AND t.n = i %% %(ptexts)s
    """),
    ("supports", """
        INSERT INTO proposals_support (created_at, council_id, proposal_id, user_id)
        SELECT LEAST(now(), p.created_at + k * interval '1 minute'), NULL, p.id,
            11 + (p.id * 7919 + k * 104729) %% %(residents)s
        FROM proposals_proposal p, generate_series(1, p.support_count) k
    """),
    ("questionnaires", """
        INSERT INTO surveys_questionnaire (id, title, intro, results_published_at, step_id)
        SELECT s.consultation_id, 'Votre quartier demain', 'Cinq minutes pour nous dire ce qui compte.', NULL, s.id
        FROM consultations_step s WHERE s.kind = 'questionnaire'
    """),
    ("questions", """
        INSERT INTO surveys_question (id, position, kind, label, help_text, required, max_choices, scale_min,
            scale_max, scale_min_label, scale_max_label, questionnaire_id)
        SELECT (q.id - 1) * 6 + k.position + 1, k.position, k.kind, k.label, '', true, k.max_choices, k.lo, k.hi,
            k.lo_label, k.hi_label, q.id
        FROM surveys_questionnaire q CROSS JOIN (VALUES
            (0, 'single_choice', 'Quel sujet compte le plus pour vous ?', NULL::smallint, 1, 5, '', ''),
            (1, 'scale', 'Êtes-vous satisfait·e de votre quartier ?', NULL, 1, 5, 'Pas du tout', 'Tout à fait'),
            (2, 'short_text', 'En un mot, votre quartier ?', NULL, 1, 5, '', ''),
            (3, 'multiple_choice', 'Quels équipements manquent ?', 2, 1, 5, '', ''),
            (4, 'long_text', 'Que changeriez-vous en priorité ?', NULL, 1, 5, '', ''),
            (5, 'scale', 'Recommanderiez-vous votre quartier ?', NULL, 0, 10, 'Jamais', 'Certainement')
        ) AS k(position, kind, label, max_choices, lo, hi, lo_label, hi_label)
    """),
    ("choices", """
        INSERT INTO surveys_choice (label, position, question_id)
        SELECT (ARRAY['La propreté', 'Les transports', 'La sécurité', 'Les espaces verts'])[1 + c], c, q.id
        FROM surveys_question q, generate_series(0, 3) c WHERE q.kind IN ('single_choice', 'multiple_choice')
    """),
    ("questionnaire responses", """
        INSERT INTO surveys_response (id, submitted_at, updated_at, questionnaire_id, user_id)
        SELECT r + 1, now() - (r %% 1000) * interval '1 hour', now() - (r %% 1000) * interval '1 hour',
            1 + r %% %(consultations)s, 11 + (r::bigint * 7919) %% %(residents)s
        FROM generate_series(0, %(responses)s - 1) r
    """),
    ("questionnaire answers", """
        INSERT INTO surveys_answer (id, text, number, question_id, response_id, moderation_status)
        SELECT (r.id - 1) * 6 + q.position + 1,
            CASE q.kind WHEN 'short_text' THEN (ARRAY['Vivant', 'Calme', 'Bruyant', 'Solidaire', 'Oublié', 'Agréable'])[1 + r.id %% 6]
                        WHEN 'long_text' THEN 'Plus d’arbres, des bancs à l’ombre et un marché le samedi (réponse n°' || r.id || ').'
                        ELSE '' END,
            CASE WHEN q.kind = 'scale' THEN q.scale_min + r.id %% (q.scale_max - q.scale_min + 1) END,
            q.id, r.id, 'visible'
        FROM surveys_response r JOIN surveys_question q ON q.questionnaire_id = r.questionnaire_id
    """),
    ("selected choices", """
        INSERT INTO surveys_selection (rank, answer_id, choice_id)
        SELECT NULL, a.id, c.id FROM surveys_answer a
        JOIN surveys_question q ON q.id = a.question_id AND q.kind IN ('single_choice', 'multiple_choice')
        JOIN surveys_choice c ON c.question_id = q.id
            AND (c.position = a.response_id %% 4 OR (q.kind = 'multiple_choice' AND c.position = (a.response_id + 1) %% 4))
    """),
    ("events", """
        INSERT INTO consultations_event (id, slug, title, kind, status, summary, description, audience, speakers,
            registration_enabled, registration_closes_at, capacity, waiting_list, replay_url, created_at, updated_at,
            consultation_id, territory_id, theme_id, notified_revision, revision, image, image_alt, image_height,
            image_width, recap, recap_html, recap_published)
        SELECT e, 'scale-rencontre-' || e,
            'Rencontre n°' || e || ' : ' || lower((%(themes)s::text[])[1 + e %% 8]) || ' à ' || (%(communes)s::text[])[1 + e %% 12],
            (%(kinds)s::text[])[1 + e %% 6], 'published', 'Venez en parler avec vos voisin·es et les élu·es.',
            E'Une **rencontre** ouverte à toutes et tous.\n\n- accueil café\n- ateliers\n- restitution', '', '',
            true, NULL, CASE WHEN e %% 5 = 0 THEN 60 END, true, '', now() - interval '100 days', now() - interval '100 days',
            1 + e %% %(consultations)s, 1 + e %% 12, 1 + e %% 8, 0, 0, '', '', NULL, NULL, '', '', false
        FROM generate_series(1, %(events)s) e
    """),
    ("event sessions", """
        INSERT INTO consultations_eventsession (title, starts_at, ends_at, is_online, city, place, online_url, event_id,
            stream_url)
        SELECT '', now() + (CASE WHEN e %% 2 = 0 THEN e ELSE -e END) * interval '3 hours',
            now() + (CASE WHEN e %% 2 = 0 THEN e ELSE -e END) * interval '3 hours' + interval '2 hours',
            e %% 3 = 0, CASE WHEN e %% 3 = 0 THEN '' ELSE (%(communes)s::text[])[1 + e %% 12] END,
            CASE WHEN e %% 3 = 0 THEN '' ELSE 'Maison de quartier' END,
            CASE WHEN e %% 3 = 0 THEN 'https://visio.example.org/rencontre-' || e ELSE '' END, e, ''
        FROM generate_series(1, %(events)s) e
    """),
    ("event facilitators", """
        INSERT INTO consultations_event_facilitators (event_id, user_id)
        SELECT e, 1 + e %% %(staff)s FROM generate_series(1, %(events)s) e
    """),
    ("registrations", """
        INSERT INTO consultations_registration (status, queued_at, cancelled_at, attended, attended_at, event_id, user_id)
        SELECT CASE WHEN ev.capacity IS NOT NULL AND k > ev.capacity THEN 'waiting'
                    WHEN ev.capacity IS NULL AND k %% 15 = 0 THEN 'cancelled' ELSE 'confirmed' END,
            ev.created_at + k * interval '1 minute',
            CASE WHEN ev.capacity IS NULL AND k %% 15 = 0 THEN ev.created_at + k * interval '2 minutes' END,
            ev.id %% 2 = 1 AND k %% 2 = 0 AND NOT (ev.capacity IS NOT NULL AND k > ev.capacity)
                AND NOT (ev.capacity IS NULL AND k %% 15 = 0),
            NULL, ev.id, 11 + (ev.id * 7919 + k * 104729) %% %(residents)s
        FROM consultations_event ev, generate_series(1, %(per_event)s) k
    """),
]


if __name__ == "__main__":
    ensure_loaded()
