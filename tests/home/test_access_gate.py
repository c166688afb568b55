import pytest


pytestmark = pytest.mark.django_db


def test_anonymous_visitor_of_home_goes_to_login_and_comes_back(
    client, home_page, employee
):
    response = client.get("/fr/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/login/?next=/fr/"

    response = client.post(
        "/fr/login/",
        {"username": "employee", "password": "a-good-password-123", "next": "/fr/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    assert client.get("/fr/").status_code == 200


def test_login_refuses_an_open_redirect(client, home_page, employee):
    response = client.post(
        "/fr/login/",
        {
            "username": "employee",
            "password": "a-good-password-123",
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_login_page_and_healthz_need_no_login(client, home_page):
    assert client.get("/fr/login/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_logged_in_employee_sees_home_in_both_languages(
    client_for, employee, home_page_en
):
    client = client_for(employee)
    assert "Accueil" in client.get("/fr/").content.decode()
    assert "<h1>Home</h1>" in client.get("/en/").content.decode()
