from wagtail.snippets.models import register_snippet

from .viewsets import QuietPeriodViewSet


register_snippet(QuietPeriodViewSet)
