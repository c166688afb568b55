from wagtail.snippets.models import register_snippet

from .viewsets import TeamChannelViewSet


register_snippet(TeamChannelViewSet)
