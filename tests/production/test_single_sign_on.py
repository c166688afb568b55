"""Optional OpenID Connect single sign-on, against a fake provider inside the test.

The provider's token and user-info endpoints are replaced by functions that answer like a
real provider (a signed ID token carrying the nonce, then the user's claims).
"""

import importlib
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.urls import Resolver404, clear_url_caches, resolve

import jwt
import pytest
from mozilla_django_oidc import auth as oidc_auth

from home.signals import EMPLOYEES_GROUP


pytestmark = pytest.mark.django_db

CLIENT_ID = "chorus-intranet"
CLIENT_SECRET = "a-shared-secret-between-chorus-and-the-provider-0123456789"  # noqa: S105
PROVIDER = "https://sso.example.org"


@pytest.fixture
def single_sign_on(settings):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{PROVIDER}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{PROVIDER}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{PROVIDER}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{PROVIDER}/jwks"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "home.auth_backends.OIDCBackend",
    ]
    import chorus_site.urls

    importlib.reload(chorus_site.urls)
    clear_url_caches()
    yield
    settings.OIDC_RP_CLIENT_ID = ""
    importlib.reload(chorus_site.urls)
    clear_url_caches()


class FakeResponse:
    def __init__(self, payload):
        self.payload = payload
        self.status_code = 200
        self.headers = {"content-type": "application/json"}

    def json(self):
        return self.payload

    def raise_for_status(self):
        return None


@pytest.fixture
def provider(monkeypatch):
    """The provider's answers: it signs the ID token with the nonce Chorus sent."""
    seen = {}

    def token_endpoint(url, data, **kwargs):
        assert url == f"{PROVIDER}/token"
        assert data["code"] == "code-from-the-provider"
        id_token = jwt.encode(
            {
                "iss": PROVIDER,
                "aud": CLIENT_ID,
                "sub": "camille-42",
                "nonce": seen["nonce"],
                "email": "camille.martin@chorus.example",
            },
            CLIENT_SECRET,
            algorithm="HS256",
        )
        return FakeResponse({"id_token": id_token, "access_token": "access-123"})

    def userinfo_endpoint(url, headers, **kwargs):
        assert headers["Authorization"] == "Bearer access-123"
        return FakeResponse(
            {
                "sub": "camille-42",
                "email": "camille.martin@chorus.example",
                "given_name": "Camille",
                "family_name": "Martin",
            }
        )

    monkeypatch.setattr(oidc_auth.requests, "post", token_endpoint)
    monkeypatch.setattr(oidc_auth.requests, "get", userinfo_endpoint)
    return seen


def test_single_sign_on_creates_an_employee_account(
    client, single_sign_on, provider, home_page, roles
):
    response = client.get("/oidc/authenticate/")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        f"{PROVIDER}/authorize"
    )
    query = parse_qs(location.query)
    assert query["client_id"] == [CLIENT_ID]
    provider["nonce"] = query["nonce"][0]

    response = client.get(
        "/oidc/callback/",
        {"code": "code-from-the-provider", "state": query["state"][0]},
    )
    assert response.status_code == 302
    assert "/login/" not in response["Location"]

    user = get_user_model().objects.get(email="camille.martin@chorus.example")
    assert user.groups.filter(name=EMPLOYEES_GROUP).exists()
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/fr/").status_code == 200


def test_callback_with_a_forged_state_logs_nobody_in(
    client, single_sign_on, provider, home_page
):
    client.get("/oidc/authenticate/")
    response = client.get(
        "/oidc/callback/", {"code": "code-from-the-provider", "state": "forged"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (302, 400)
    assert (
        not get_user_model()
        .objects.filter(email="camille.martin@chorus.example")
        .exists()
    )


def test_single_sign_on_is_off_unless_configured():
    with pytest.raises(Resolver404):
        resolve("/oidc/authenticate/")
