"""``python -m bench scale``: the pages at a national consultation's size, on PostgreSQL.

Loads (once, kept between runs in ``BENCH_DATABASE_URL``) ``BENCH_SCALE_PROPOSALS`` proposals
(200,000) by ``COPY``, with one proposal carrying 500 comments and one carrying 5,000 (a third
top-level, the rest replies up to depth 2), then serves the site with one uvicorn process and times
the proposal list (first page, a deep page, most supported, a search for a French word with accents),
the two long threads and the API list, beside a hello-world view served the same way: p50, p95,
req/s with ``BENCH_CLIENTS`` clients, and the SQL queries of one request (counted in this process
through the test client, the same views and the same database).

Nothing here is a unit test: the figures go to docs/performance.md.
"""

import os
import random
import time
from datetime import UTC, datetime, timedelta

from bench import proposals as common

PROPOSALS = int(os.environ.get("BENCH_SCALE_PROPOSALS", 200_000))
USERS = 20_000
THREADS = (500, 5_000)
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 200))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", 4))
MARKER = "@scale.bench.invalid"
SEARCH_WORD = "végétaliser"

PARAGRAPHS = [
    "Je propose de **{thing}** {place} : les habitantes et habitants en parlent depuis longtemps.",
    "- d’abord réunir le conseil citoyen\n- ensuite *chiffrer* le projet\n- enfin voter",
    "Voir aussi [le compte rendu](https://example.org/compte-rendu) de la dernière réunion.",
    "> C’est une question d’égalité entre les quartiers.",
]


def _text(rng, index):
    thing = rng.choice(common.THINGS)
    place = rng.choice(common.PLACES)
    verb = rng.choice(common.VERBS)
    title = f"{verb} {thing} {place}"
    body = "\n\n".join(p.format(thing=thing, place=place) for p in rng.sample(PARAGRAPHS, 3))
    return title, f"{body}\n\nProposition n°{index}."


def _has_column(model, name):
    return any(field.attname == name for field in model._meta.concrete_fields)


def thread_ids():
    """The two proposals carrying the long threads: fixed offsets into the loaded rows."""
    from participation.proposals.models import Proposal

    first = Proposal.objects.filter(author__email__endswith=MARKER).order_by("pk").values_list("pk", flat=True).first()
    return {size: first + PROPOSALS - 1 - offset for offset, size in enumerate(THREADS)}


def seeded():
    from django.db import connection

    from participation.comments.models import Comment
    from participation.proposals.models import Proposal

    if "proposals_proposal" not in connection.introspection.table_names():
        return False
    return Proposal.objects.count() == PROPOSALS and Comment.objects.count() == sum(THREADS)


def seed():
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction

    from consultations.text import render_markdown
    from participation.comments.models import Comment
    from participation.proposals.models import Proposal

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    User = get_user_model()
    with connection.cursor() as cursor:
        for table in ("comments_comment", "proposals_support", "proposals_follow", "proposals_proposal"):
            cursor.execute(f"TRUNCATE {table} CASCADE")
    User.objects.filter(email__endswith=MARKER).delete()
    rng = random.Random(19)
    now = datetime.now(UTC)
    with_html = _has_column(Proposal, "body_html")
    with transaction.atomic():
        users = User.objects.bulk_create(
            [User(email=f"habitant{n}{MARKER}", display_name=f"Habitant·e {n}", password="!") for n in range(USERS)],
            batch_size=5000,
        )
        user_ids = [user.pk for user in users]
        columns = ["author_id", "title", "body", "support_count", "created_at", "updated_at", "state", "attachment",
                   "answer", "withdrawal_reason", "comment_count", "support_threshold", "moderation_status"]
        if with_html:
            columns += ["body_html", "answer_html"]

        def proposal_rows():
            for i in range(PROPOSALS):
                title, body = _text(rng, i)
                created = now - timedelta(minutes=PROPOSALS - i)
                row = [user_ids[i % USERS], title, body, (i * 7919) % 23, created, created, "published", "", "", "",
                       0, 300, "visible"]
                if with_html:
                    row += [str(render_markdown(body)), ""]
                yield row

        _copy(connection, "proposals_proposal", columns, proposal_rows())
        ids = thread_ids()
        proposal_type = ContentType.objects.get_for_model(Proposal)
        next_id = (Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        comment_columns = ["id", "content_type_id", "object_id", "parent_id", "depth", "author_id", "body", "position",
                           "notify_replies", "created_at", "moderation_status"]
        if _has_column(Comment, "body_html"):
            comment_columns.append("body_html")
        if _has_column(Comment, "root_id"):
            comment_columns.append("root_id")
        rows, root_of = [], {}
        for size, proposal_id in ids.items():
            roots, by_depth = [], {0: [], 1: []}
            for n in range(size):
                parent, depth = None, 0
                if n % 3 and by_depth[0]:
                    depth = 1 if n % 3 == 1 or not by_depth[1] else 2
                    parent = rng.choice(by_depth[depth - 1][-30:])
                body = f"Commentaire n°{n} : je suis **d’accord** avec {rng.choice(common.THINGS)} {rng.choice(common.PLACES)}."
                row = [next_id, proposal_type.pk, proposal_id, parent, depth, user_ids[(n * 37) % USERS], body,
                       rng.choice(["", "for", "against", "neutral"]), True, now - timedelta(seconds=size - n), "visible"]
                if "body_html" in comment_columns:
                    row.append(str(render_markdown(body)))
                root_of[next_id] = next_id if parent is None else root_of[parent]
                if "root_id" in comment_columns:
                    row.append(None if parent is None else root_of[parent])
                rows.append(row)
                if depth < 2:
                    by_depth[depth].append(next_id)
                if depth == 0:
                    roots.append(next_id)
                next_id += 1
            Proposal.objects.filter(pk=proposal_id).update(comment_count=size)
        _copy(connection, "comments_comment", comment_columns, rows)
        with connection.cursor() as cursor:
            cursor.execute("SELECT setval(pg_get_serial_sequence('comments_comment', 'id'), %s)", [next_id])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"Loaded {PROPOSALS:,} proposals and {sum(THREADS):,} comments in {time.perf_counter() - started:.0f} s.")


def _copy(connection, table, columns, rows):
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def targets():
    from urllib.parse import quote

    ids = thread_ids()
    word = quote(SEARCH_WORD)
    deep = os.environ.get("BENCH_SCALE_DEEP_PATH") or deep_path()
    return [
        ("hello-world view", "/bench/hello/"),
        ("list, first page", "/propositions/"),
        ("list, page 5,000", deep or "/propositions/?page=5000"),
        ("list, most supported", "/propositions/?order=supports"),
        (f"list, search « {SEARCH_WORD} »", f"/propositions/?q={word}"),
        ("proposal, 500 comments", f"/propositions/{ids[500]}/"),
        ("proposal, 5,000 comments", f"/propositions/{ids[5000]}/"),
        ("API list", "/api/proposals/"),
        ("API list, search", f"/api/proposals/?q={word}"),
    ]


def deep_path():
    """Page 5,000's keyset equivalent: the cursor after the 99,980th newest proposal (found once here,
    by OFFSET, outside the measure), where the list has a keyset; else the numbered page."""
    try:
        from participation.proposals import keyset
    except ImportError:
        return None
    from urllib.parse import quote

    from participation.proposals.models import Proposal

    last_of_4999 = Proposal.objects.order_by("-created_at", "-pk")[4999 * 20 - 1]
    return f"/propositions/?{keyset.PARAM}={quote(keyset.cursor_after('newest', last_of_4999))}"


def queries_and_size(path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="fr")
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), len(response.content), response.status_code


def main():
    common.setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("The scale benchmark runs on PostgreSQL: set BENCH_DATABASE_URL=postgres://… (skipped).")
        return
    common.create_database_if_missing()
    if seeded():
        print(f"Reusing the loaded database ({PROPOSALS:,} proposals, {sum(THREADS):,} comments).")
    else:
        seed()
    paths = targets()
    counted = {label: queries_and_size(path) for label, path in paths}
    connection.close()
    from bench import servers

    port = common.free_port()
    argv = servers.server_commands(port)["uvicorn"]
    argv[argv.index("--workers") + 1] = "1"
    process = servers.start(argv, port)
    results = {}
    try:
        for label, path in paths:
            # A page that takes seconds is measured on fewer requests: the run stays within minutes.
            warm = common.measure(port, path, 3, 1)
            count = REQUESTS if warm["median"] < 100 else max(6, int(REQUESTS * 100 / warm["median"]))
            latency = common.measure(port, path, count, 1)
            throughput = common.measure(port, path, count, CLIENTS)
            print(f"  {label}: p50 {latency['median']:.1f} ms over {count} requests", flush=True)
            results[label] = {**latency, "rps": throughput["rps"], "errors": latency["errors"] + throughput["errors"]}
    finally:
        servers.stop(process)
    hello = results["hello-world view"]
    print(f"\nScale benchmark: PostgreSQL, {PROPOSALS:,} proposals, one uvicorn process. p50/p95 over {REQUESTS} "
          f"sequential requests; req/s with {CLIENTS} concurrent clients; SQL queries and size of one answer.")
    print(f"{'target':34} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'p50 ×hello':>10} {'queries':>8} {'KB':>7}")
    for label, r in results.items():
        queries, size, status = counted[label]
        print(f"{label:34} {r['median']:8.1f} {r['p95']:8.1f} {r['rps']:7.1f} {r['median'] / hello['median']:10.1f} "
              f"{queries:8d} {size / 1024:7.1f}")
        if r["errors"] or status != 200:
            print(f"  ! answers not 200: {sorted(set(r['errors'] + [status]) - {200})}")
