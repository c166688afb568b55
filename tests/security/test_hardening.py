"""DESIGN §7: headers, login limits, redirects, uploads, documents, media and error pages.

Each test tries what an attacker or a careless upload would do, and checks it fails in a way
a person understands.
"""

import io
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile

import pytest
from csp.utils import build_policy
from PIL import Image as PILImage

from referents.roles import EDITORS
from tests.factories.home import UserFactory


pytestmark = pytest.mark.django_db

PASSWORD = "a-good-password-123"  # noqa: S105 (the factories' test password)
LOGIN_PATHS = ["/fr/login/", "/en/login/", "/admin/login/"]


def png_bytes(width=8, height=8):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


# Headers


def test_content_security_policy_forbids_inline_scripts(client, home_page):
    response = client.get("/fr/login/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";")
    )
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'"


def test_every_page_gets_the_same_policy_and_the_admin_none(
    client_for, editor, home_page
):
    # Built once (chorus_site.content_security_policy), the policy django-csp would build.
    client = client_for(editor)
    for path in ("/fr/", "/fr/login/", "/fr/no-such-page/"):
        assert client.get(path)["Content-Security-Policy"] == build_policy(), path
    # The Wagtail admin ships inline scripts and styles of its own.
    assert "Content-Security-Policy" not in client.get("/admin/")


def test_https_headers_and_secure_cookies(client, employee, home_page):
    response = client.post(
        "/fr/login/", {"username": "employee", "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    session_cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["secure"] and session_cookie["httponly"]
    assert response.cookies[settings.CSRF_COOKIE_NAME]["secure"]


def test_plain_http_is_redirected_to_https_in_production(client, home_page):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "SECURE_SSL_REDIRECT", True)
        from django.middleware.security import SecurityMiddleware

        middleware = SecurityMiddleware(lambda request: None)
        from django.test import RequestFactory

        response = middleware.process_request(RequestFactory().get("/fr/"))
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/fr/"


# Login limits: the sixth attempt is refused, even with the right password.


@pytest.mark.parametrize("login_path", LOGIN_PATHS)
def test_login_is_paused_after_five_failures(client, employee, home_page, login_path):
    if login_path.startswith("/admin/"):
        employee.is_superuser = True
        employee.save()
    for _attempt in range(5):
        response = client.post(
            login_path, {"username": "employee", "password": "not-my-password"}
        )
    response = client.post(login_path, {"username": "employee", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    language = "en" if login_path.startswith("/en/") else settings.LANGUAGE_CODE
    with translation.override(language):
        title = gettext("Too many attempts")
    assert title in response.content.decode()


# Open redirects


@pytest.mark.parametrize(
    ("login_path", "expected"), [("/fr/login/", "/"), ("/admin/login/", "/admin/")]
)
def test_login_refuses_to_send_people_to_another_site(
    client, editor, home_page, login_path, expected
):
    response = client.post(
        login_path,
        {
            "username": "editor",
            "password": PASSWORD,
            "next": "https://evil.example/phish",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switch_refuses_another_site(client_for, employee, home_page):
    response = client_for(employee).post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_stage_picker_refuses_another_site(client_for, employee, home_page):
    response = client_for(employee).post(
        "/fr/my-stage/", {"stage": "listen", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


# Uploads


@pytest.fixture
def editor(editor):
    """The editor reads the admin in English, so that messages can be compared."""
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    return editor


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        ("photo.png", b"<html><script>alert(document.cookie)</script></html>"),
    ],
)
def test_editor_cannot_upload_svg_or_html_as_an_image(
    client_for, editor, home_page, name, content
):
    response = client_for(editor).post(
        reverse("wagtailimages:add"),
        {
            "title": "Team photo",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    errors = response.context["form"].errors["file"]
    assert any(
        "Not a supported image format" in error or "Not a valid" in error
        for error in errors
    ), errors
    # What the editor typed is kept.
    assert response.context["form"]["title"].value() == "Team photo"


def test_editor_can_upload_a_real_image(client_for, editor, home_page):
    response = client_for(editor).post(
        reverse("wagtailimages:add"),
        {
            "title": "Team photo",
            "file": SimpleUploadedFile("team.png", png_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Team photo").exists()


def test_image_with_too_many_pixels_is_refused(client_for, editor, home_page):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 100)
        response = client_for(editor).post(
            reverse("wagtailimages:add"),
            {
                "title": "Huge",
                "file": SimpleUploadedFile("huge.png", png_bytes(20, 20)),
                "collection": Collection.get_first_root_node().pk,
            },
        )
    assert response.status_code == 200
    assert "pixels" in str(response.context["form"].errors["file"])


@pytest.mark.parametrize("name", ["page.html", "setup.exe", "drawing.svg"])
def test_documents_outside_the_allow_list_are_refused(
    client_for, editor, home_page, name
):
    response = client_for(editor).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Guide",
            "file": SimpleUploadedFile(name, b"<html>hello</html>"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert not get_document_model().objects.exists()
    assert f"“{name.rsplit('.', 1)[1]}” is not allowed" in str(
        response.context["form"].errors["file"]
    )


# Documents and media


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Documents are served from disk (the in-memory test storage has no files to send)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def document(db):
    return get_document_model().objects.create(
        title="Charter",
        file=SimpleUploadedFile("charter.pdf", b"%PDF-1.4 internal charter"),
        collection=Collection.get_first_root_node(),
    )


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=EDITORS))
    return get_document_model().objects.create(
        title="Board minutes",
        file=SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 board minutes"),
        collection=collection,
    )


def test_anonymous_visitor_is_sent_to_login_for_a_document(client, document):
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert b"internal charter" not in response.content


def test_employee_downloads_an_internal_document(client_for, employee, document):
    response = client_for(employee).get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 internal charter"


def test_private_collection_document_only_for_its_group(
    client_for, employee, editor, private_document
):
    response = client_for(employee).get(private_document.url)
    assert response.status_code != 200
    response = client_for(editor).get(private_document.url)
    assert response.status_code == 200


@pytest.fixture
def media_files():
    """A rendition and an original on disk, where the media URLs serve them from."""
    name = f"test-{uuid.uuid4().hex}.png"
    document_root = Path(resolve(f"/media/images/{name}").kwargs["document_root"])
    paths = [
        document_root / "images" / name,
        document_root / "original_images" / name,
    ]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png_bytes())
    yield name
    for path in paths:
        path.unlink(missing_ok=True)


def test_renditions_are_public_and_originals_need_login(client, employee, media_files):
    assert client.get(f"/media/images/{media_files}").status_code == 200
    response = client.get(f"/media/original_images/{media_files}")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    client.force_login(employee)
    assert client.get(f"/media/original_images/{media_files}").status_code == 200


# Error pages


def test_not_found_page_shows_no_details(client, home_page):
    response = client.get("/fr/no-such-page/does-not-exist/")
    assert response.status_code in (302, 404)
    client.force_login(UserFactory(username="reader"))
    response = client.get("/fr/no-such-page/does-not-exist/")
    assert response.status_code == 404
    assert b"Traceback" not in response.content
    assert b"URLconf" not in response.content


@pytest.mark.urls("tests.security.urls_raising")
def test_server_error_page_shows_no_details(client):
    client.raise_request_exception = False
    response = client.get("/explode/")
    assert response.status_code == 500
    assert b"Traceback" not in response.content
    assert b"hunter2" not in response.content
    assert b"RuntimeError" not in response.content
    assert "briefly unavailable" in response.content.decode()
