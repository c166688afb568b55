"""The forms of comments: plain text, with a limit and a clear message."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models.comments import COMMENT_MAX_LENGTH, REPORT_REASON_MAX_LENGTH


class CommentForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": gettext_lazy("Write a few words before posting."),
            "max_length": gettext_lazy(
                "A comment may be up to %(limit_value)d characters long; this one has "
                "%(show_value)d. Shorten it a little: your text is still here."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _("Plain text, up to %(max)d characters.") % {
            "max": COMMENT_MAX_LENGTH
        }


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why should a moderator look at this comment?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REPORT_REASON_MAX_LENGTH,
        error_messages={
            "required": gettext_lazy(
                "Say in a few words what is wrong with this comment."
            ),
            "max_length": gettext_lazy(
                "A reason may be up to %(limit_value)d characters long; this one has "
                "%(show_value)d."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = _(
            "Only editors and referents read it. Up to %(max)d characters."
        ) % {"max": REPORT_REASON_MAX_LENGTH}
