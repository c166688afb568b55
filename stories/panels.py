"""Admin panels of the stories app that are not a field."""

from wagtail.admin.panels import Panel

from . import kit_hints


class ShareKitHintsPanel(Panel):
    """The kit's reading hints (stories.kit_hints), as last saved: advice, never an error,
    so saving always succeeds. The preview shows the same hints live while typing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/kit_hints_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            kit = self.instance
            context["saved"] = bool(kit.pk)
            context["hints"] = kit_hints.kit_hints(kit) if kit.pk else []
            return context
