"""A small iCalendar (RFC 5545) writer: just what the share-kit calendar needs.

Written by hand rather than with a library: a calendar of events with a summary, a
description, a link and a time needs three rules, kept here and tested on their own —
TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11); lines end with
CRLF and are folded at 75 octets, never inside a UTF-8 character (§3.1); times are written
in UTC (§3.3.5).
"""

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime
    summary: str
    description: str = ""
    url: str = ""


def escape_text(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line, limit=75):
    """Split a content line into lines of at most `limit` octets, each continuation line
    starting with one space (which counts in its octets)."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(name, events, now):
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Chorus//Share kit calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(event.uid)}",
            f"DTSTAMP:{utc(now)}",
            f"DTSTART:{utc(event.start)}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
