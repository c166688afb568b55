from wagtail import hooks

from .dashboard import ChorusDashboardPanel


@hooks.register("construct_homepage_panels")
def add_chorus_dashboard_panel(request, panels):
    panels.append(ChorusDashboardPanel(request))
