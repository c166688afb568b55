from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from .dashboard import ChorusDashboardPanel


@hooks.register("construct_homepage_panels")
def add_chorus_dashboard_panel(request, panels):
    panels.append(ChorusDashboardPanel(request))


@hooks.register("insert_global_admin_css")
def chorus_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/chorus-admin.css")
    )
