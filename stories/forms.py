"""Forms of the stories app: the editor's kit form, the employee's share panel, and the
story suggestion with its decline form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.fields import WagtailImageField

from . import networks
from .models import StorySuggestion, Topic
from .networks import Network


class ShareKitForm(WagtailAdminModelForm):
    """Checks every starting text against its network's limit, on the text's own field.

    The texts are inline forms; the check needs the kit's page (for the link) and its
    hashtags, so it runs here, after the kit's own fields are clean. Errors go on the
    inline form that is wrong, and the whole form re-renders with everything typed.
    """

    def clean(self):
        cleaned_data = super().clean()
        kit = self.instance
        kit.page = cleaned_data.get("page") or None
        kit.hashtags = cleaned_data.get("hashtags", "")
        if kit.page is None or kit.page_errors():
            return cleaned_data
        formset = self.formsets.get("texts")
        for form in formset.forms if formset else []:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            share_text = form.instance
            share_text.network = form.cleaned_data.get("network")
            share_text.text = form.cleaned_data.get("text", "")
            for message in kit.text_errors(share_text):
                form.add_error("text", message)
        return cleaned_data


class ShareForm(forms.Form):
    """The share panel: the person's own text, the angle they started from, and for
    Mastodon their instance. The network comes from the button they pressed."""

    text = forms.CharField(
        label=_("Your text"),
        widget=forms.Textarea(attrs={"rows": 7, "data-testid": "share-text"}),
        strip=True,
    )
    original = forms.CharField(widget=forms.HiddenInput, required=False, strip=True)
    angle = forms.TypedChoiceField(
        label=_("Start from"),
        widget=forms.RadioSelect(attrs={"data-share-angle": ""}),
        coerce=int,
        required=False,
        empty_value=None,
    )
    instance = forms.CharField(
        label=_("Your Mastodon server"),
        help_text=_("Only the name, for example: mastodon.social"),
        required=False,
        max_length=253,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "inputmode": "url",
                "data-testid": "share-instance",
                "placeholder": "mastodon.social",
            }
        ),
    )

    def __init__(
        self, *args, kit, starting_texts, network=None, request=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.kit = kit
        self.request = request
        self.network = network
        self.starting_texts = {item["id"]: item["text"] for item in starting_texts}
        self.fields["angle"].choices = [
            (item["id"], item["label"]) for item in starting_texts
        ]

    def clean_text(self):
        # Browsers submit a textarea's line breaks as CRLF; the networks expect LF.
        return self.cleaned_data["text"].replace("\r\n", "\n")

    def clean_original(self):
        return self.cleaned_data["original"].replace("\r\n", "\n")

    def clean_instance(self):
        instance = self.cleaned_data["instance"].strip().lower()
        if self.network == Network.MASTODON and not networks.is_valid_instance(
            instance
        ):
            raise forms.ValidationError(
                _(
                    "Give only the name of your Mastodon server, such as mastodon.social "
                    "(no https://, no @, no slash)."
                )
            )
        return instance

    def clean(self):
        cleaned_data = super().clean()
        text = cleaned_data.get("text")
        if text is None:
            return cleaned_data
        # Without JavaScript, picking another angle cannot refill the text field: an
        # unchanged text with a chosen angle means "use that angle".
        angle = cleaned_data.get("angle")
        if angle in self.starting_texts and text == cleaned_data.get("original"):
            text = self.starting_texts[angle]
        if self.kit.disclosure_required(self.request):
            text = networks.with_disclosure(text, self.kit.disclosure(self.request))
        cleaned_data["text"] = text
        link = self.kit.public_link(self.request)
        if self.network and networks.is_too_long(self.network, text, link):
            self.add_error(
                "text",
                _(
                    "Your text is too long for %(network)s: %(length)s of %(limit)s "
                    "(the link counts too). Shorten it and share again."
                )
                % {
                    "network": Network(self.network).label,
                    "length": networks.effective_length(self.network, text, link),
                    "limit": networks.limit(self.network),
                },
            )
        return cleaned_data


class SuggestStoryForm(forms.ModelForm):
    """The employee's suggestion. The photo is checked by its content, size and pixels as
    every upload is (Wagtail's image field, built per form so that the limits follow the
    settings); a photo needs its alt text."""

    class Meta:
        model = StorySuggestion
        fields = [
            "title",
            "what_happened",
            "who_could_tell",
            "photo",
            "photo_alt",
            "topics",
            "could_be_public",
            "credit_me",
            "wants_help",
        ]
        widgets = {
            "what_happened": forms.Textarea(attrs={"rows": 10}),
            "topics": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "title": {"required": _("Give your story a title.")},
            "what_happened": {"required": _("Tell what happened, in a few lines.")},
        }

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(locale=locale)
        self.fields["photo"] = WagtailImageField(
            label=_("Photo (optional)"), required=False
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("photo") and not cleaned_data.get("photo_alt", "").strip():
            self.add_error(
                "photo_alt", _("Describe the photo for people who cannot see it.")
            )
        return cleaned_data

    @property
    def photo_lost(self):
        """A browser never fills a file field again: after an error, the photo sent
        (valid or not) must be chosen again, and the page says so."""
        return self.is_bound and bool(self.files.get(self.add_prefix("photo")))


class DeclineSuggestionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, for the person who suggested it"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Short and kind: it is sent to them by e-mail and shown on their "
            "suggestions page."
        ),
        error_messages={"required": _("Say in a few words why the story is declined.")},
    )
