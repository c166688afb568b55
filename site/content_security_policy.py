"""The Content-Security-Policy header, built once rather than for every response."""

from django.conf import settings

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy


# What gives one response a policy of its own (django-csp's decorators).
OWN_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


def _excluded_prefixes(setting):
    return tuple(
        (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware. Chorus gives no response a policy of its own and uses no
    nonce, so every response carries the same header: built once here, where django-csp
    builds it again for each response (a tenth of a millisecond of every page). A response
    with a policy of its own, a nonce, or Django's debug pages are still django-csp's
    business."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.headers = [
            (HEADER, build_policy(), _excluded_prefixes("CONTENT_SECURITY_POLICY")),
            (
                HEADER_REPORT_ONLY,
                build_policy(report_only=True),
                _excluded_prefixes("CONTENT_SECURITY_POLICY_REPORT_ONLY"),
            ),
        ]

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in OWN_POLICY)
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return super().process_response(request, response)
        for header, policy, excluded in self.headers:
            applies = policy and not request.path_info.startswith(excluded)
            if applies and header not in response:
                response[header] = policy
        # As django-csp does: a nonce asked for after this would not be in the header.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
