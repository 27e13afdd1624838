import io

from consultations.identity import public_name
from participation.exports import engine
from participation.exports.pseudonyms import Pseudonymiser
from participation.exports.registry import get_dataset
from participation.exports.scope import Scope

from .readers import read_csv


def participants(scope):
    buffer = io.BytesIO()
    engine.write(get_dataset("registrations"), scope, "csv", buffer)
    header, *rows = read_csv(buffer.getvalue())
    column = header.index("Participant·e (pseudonyme)")
    return [row[column] for row in rows], header, rows


def test_same_person_same_pseudonym_within_an_export(frame):
    scope = Scope()
    ids, _header, _rows = participants(scope)
    person = frame["people"][0]
    # Participant 0 registered for the first and second events: two rows, one pseudonym.
    assert ids.count(scope.pseudonym(person.pk)) == 2
    assert len(set(ids)) == 4


def test_pseudonyms_differ_between_exports(frame):
    first, _h, _r = participants(Scope())
    second, _h, _r = participants(Scope())
    assert len(first) == len(second)
    assert not set(first) & set(second)


def test_no_name_or_email_by_default(frame):
    _ids, header, rows = participants(Scope())
    text = repr(rows)
    assert "Nom" not in header and "E-mail" not in header
    for person in frame["people"]:
        assert person.email not in text
        assert public_name(person) not in text


def test_personal_data_only_when_asked(frame):
    _ids, header, rows = participants(Scope(personal_data=True))
    assert "Nom" in header and "E-mail" in header
    assert frame["people"][0].email in repr(rows)


def test_pseudonym_is_a_truncated_hmac():
    pseudonym = Pseudonymiser(b"secret")
    assert pseudonym(42) == pseudonym(42)
    assert pseudonym(42) != pseudonym(43)
    assert pseudonym(42) != Pseudonymiser(b"other")(42)
    assert len(pseudonym(42)) == len("p-") + 12
    assert "42" not in pseudonym(42)[2:] or pseudonym(42) != "p-42"


def test_a_bundle_shares_pseudonyms_across_its_datasets(frame, tmp_path):
    """Two datasets of one export (here registrations twice, filtered differently) name the same
    person with the same identifier."""
    import zipfile

    from django.core.management import call_command

    target = tmp_path / "bundle.zip"
    call_command("export", "registrations,events", "--format", "csv", "-o", str(target))
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["events.csv", "registrations.csv"]
        rows = read_csv(archive.read("registrations.csv"))
    assert len(rows) == 7

    scope = Scope()
    buffers = {}
    for name in ("registrations", "registrations"):
        buffer = io.BytesIO()
        engine.write(get_dataset(name), scope, "csv", buffer)
        buffers.setdefault(name, []).append(buffer.getvalue())
    assert buffers["registrations"][0] == buffers["registrations"][1]
