"""A poll's results and the frames that carry them: counts per choice, per scale value, per word.

Word clouds group short free answers by normalised word: lowercased, accents folded (« Écoute » and
« ecoute » are one word), French stop words left out. Each answer counts a word once, and the word is
shown as most people wrote it.
"""

import json
import re
import unicodedata
from collections import Counter, defaultdict

from django.db.models import Count

from .models import SCALE_MAX, SCALE_MIN, Poll, PollAnswer, PollKind, PollOption, PollState

# Words that say nothing on their own in a French answer (articles, pronouns, auxiliaries, linking words).
FRENCH_STOP_WORDS = frozenset(
    """a à afin ai aie aient ainsi alors au aucun aussi autre aux avec avoir bien c ça car ce ceci cela celle
    celles celui ces cet cette ceux chaque ci comme comment d dans de des donc dont du elle elles en encore
    est et été etre être eu eux il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne ni nos
    notre nous on ont ou où par pas peu peut plus pour pourquoi qu que quel quelle quelles quels qui quoi s sa
    sans se ses si son sont sur t ta te tes toi ton tous tout toute toutes tres très tu un une unes uns vos
    votre vous y""".split()
)
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Words shown in a cloud, the most frequent first.
CLOUD_SIZE = 40


def fold(word):
    """The grouping key of a word: lowercase, without accents."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words_of(text):
    """The words of an answer worth counting, each once: ``[(key, as written lowercased), …]``."""
    seen = {}
    for match in WORD.finditer(text.replace("’", "'")):
        # « l'écoute » is « écoute »: an elided article goes with the stop words.
        for part in match.group().split("'"):
            written = part.lower()
            key = fold(written)
            if key and key not in FRENCH_STOP_WORDS and fold(key) not in _FOLDED_STOP_WORDS and key not in seen:
                seen[key] = written
    return list(seen.items())


_FOLDED_STOP_WORDS = frozenset(fold(word) for word in FRENCH_STOP_WORDS)


def cloud(texts, size=CLOUD_SIZE):
    """``[{"word", "count"}]`` for the answers' texts, most frequent first, then alphabetical."""
    counts = Counter()
    spellings = defaultdict(Counter)
    for text in texts:
        for key, written in words_of(text):
            counts[key] += 1
            spellings[key][written] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:size]
    return [{"word": spellings[key].most_common(1)[0][0], "count": count} for key, count in ranked]


def results(poll):
    """``{"total": people who answered, "choices": [{"key", "label", "count"}], "mean"?}`` or, for a word
    cloud, ``{"total", "words": [{"word", "count"}]}``."""
    return results_of([poll])[poll.pk]


def results_of(polls):
    """``{poll id: results}`` for any number of polls, in four queries at most, whatever the answers."""
    polls = list(polls)
    ids = [poll.pk for poll in polls]
    answers = PollAnswer.objects.filter(poll__in=ids)
    totals = dict(answers.values_list("poll").annotate(n=Count("pk")).values_list("poll", "n"))
    texts, scales, options = defaultdict(list), defaultdict(dict), defaultdict(list)
    kinds = {poll.kind for poll in polls}
    if PollKind.WORDS in kinds:
        for poll_id, text in answers.filter(poll__kind=PollKind.WORDS).values_list("poll", "text"):
            texts[poll_id].append(text)
    if PollKind.SCALE in kinds:
        rows = answers.filter(poll__kind=PollKind.SCALE).values("poll", "scale").annotate(n=Count("pk"))
        for poll_id, value, n in rows.values_list("poll", "scale", "n"):
            scales[poll_id][value] = n
    if kinds & {PollKind.SINGLE, PollKind.MULTIPLE}:
        rows = PollOption.objects.filter(poll__in=ids).annotate(n=Count("answers")).order_by("poll", "position", "pk")
        for option in rows:
            options[option.poll_id].append({"key": option.pk, "label": option.label, "count": option.n})
    found = {}
    for poll in polls:
        total = totals.get(poll.pk, 0)
        if poll.kind == PollKind.WORDS:
            found[poll.pk] = {"total": total, "words": cloud(texts[poll.pk])}
        elif poll.kind == PollKind.SCALE:
            counts = scales[poll.pk]
            mean = sum(value * n for value, n in counts.items()) / total if total else None
            choices = [{"key": v, "label": str(v), "count": counts.get(v, 0)} for v in range(SCALE_MIN, SCALE_MAX + 1)]
            found[poll.pk] = {"total": total, "choices": choices, "mean": round(mean, 2) if mean is not None else None}
        else:
            found[poll.pk] = {"total": total, "choices": options[poll.pk]}
    return found


def with_shares(result):
    """Each count as a whole percentage of the people who answered, and a font step (1–5) per word."""
    total = result["total"]
    for choice in result.get("choices", ()):
        choice["percent"] = round(100 * choice["count"] / total) if total else 0
    words = result.get("words", ())
    top = max((word["count"] for word in words), default=0)
    for word in words:
        word["size"] = 1 + round(4 * (word["count"] - 1) / (top - 1)) if top > 1 else 3
    return result


def poll_data(poll, include_results=None, precomputed=None):
    """The poll as clients see it; its results only if everyone may see them (``include_results`` forces)."""
    show = poll.results_visible if include_results is None else include_results
    data = {
        "id": poll.pk,
        "kind": poll.kind,
        "question": poll.question,
        "state": poll.state,
        "results_hidden": poll.results_hidden,
        "revealed": poll.revealed,
        "options": [{"id": option.pk, "label": option.label} for option in poll.options.all()]
        if poll.has_options
        else [],
    }
    if show and poll.state != PollState.DRAFT:
        data["results"] = with_shares(results(poll) if precomputed is None else precomputed)
    return data


def results_frames(poll_id):
    """``(for everyone, for facilitators)``: the ``poll.results`` frame texts, encoded once each.

    While results are hidden, everyone but the facilitators gets the number of answers only."""
    poll = Poll.objects.filter(pk=poll_id).first()
    if poll is None or poll.state == "draft":
        return None, None
    full = {"type": "poll.results", "poll": poll.pk, "state": poll.state, "results": with_shares(results(poll))}
    facilitators = json.dumps(full, ensure_ascii=False)
    if poll.results_visible:
        return facilitators, facilitators
    public = {"type": "poll.results", "poll": poll.pk, "state": poll.state, "results": None,
              "total": full["results"]["total"]}
    return json.dumps(public, ensure_ascii=False), facilitators


def polls_with_results(polls, facilitates=False):
    """The polls as ``poll_data``, their results read together (the transcript, the API)."""
    polls = list(polls)
    computed = results_of([poll for poll in polls if poll.state != PollState.DRAFT])
    return [
        poll_data(poll, include_results=True if facilitates else None, precomputed=computed.get(poll.pk))
        for poll in polls
    ]
