"""E-mails Chorus writes to one person: a plain-text part and an HTML part from templates."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def text_and_html_email(template, context, to, subject, headers=None):
    """`template`.txt and `template`.html rendered with `context` in the active language.
    The subject is made one line: a title typed by someone cannot add a header."""
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"{template}.html", context), "text/html"
    )
    return message
