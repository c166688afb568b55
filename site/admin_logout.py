"""The admin's logout, which logs out on POST only.

Wagtail 8.0.1's admin logout view answers a GET with 405 (Django's LogoutView takes POST only)
but then deletes the session cookie all the same, so any page could log an editor out with
`<img src="/admin/logout/">`. This one refuses other methods before Wagtail touches the cookie;
a POST logs out exactly as Wagtail does.
"""

from wagtail.admin.views.account import LogoutView


class AdminLogoutView(LogoutView):
    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
