"""The hand-written iCalendar writer (RFC 5545): escaping, folding, UTC times."""

import datetime

from stories import ics


def test_text_escaping():
    assert ics.escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_lines_fold_at_75_octets_never_inside_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = ics.fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in folded)
    assert all(part.startswith(" ") for part in folded[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(folded)) == line


def test_calendar_is_crlf_utc_and_escaped():
    paris = datetime.timezone(datetime.timedelta(hours=1))
    now = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=datetime.UTC)
    body = ics.calendar(
        "Kits, all",
        [
            ics.Event(
                uid="kit-1-opens",
                start=datetime.datetime(2026, 12, 7, 9, 30, tzinfo=paris),
                summary="Opens: R&D; new, big\nnews",
                url="https://chorus.example/fr/a/",
            )
        ],
        now,
    )
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    assert "X-WR-CALNAME:Kits\\, all\r\n" in body
    assert "DTSTART:20261207T083000Z\r\n" in body
    assert "DTSTAMP:20261203T090000Z\r\n" in body
    assert "SUMMARY:Opens: R&D\\; new\\, big\\nnews\r\n" in body
