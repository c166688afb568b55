from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .page_cache import remember_served_page
from .viewsets import QuietPeriodViewSet


register_snippet(QuietPeriodViewSet)


hooks.register("before_serve_page", remember_served_page)
