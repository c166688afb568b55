from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject used to tag stories, guides, spotlights and referents."""

    name = models.CharField(
        _("name"),
        max_length=80,
        help_text=_("A word or two readers filter by, such as “Rail” or “Careers”."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_(
            "The topic's name in the address of a filtered list. Changing it breaks "
            "links people have saved."
        ),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name
