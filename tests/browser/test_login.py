import pytest


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_employee_logs_in_and_switches_language(
    page, live_server, login, employee, home_page_en
):
    page.goto(f"{live_server.url}/fr/")
    assert "/fr/login/" in page.url
    login(page, "employee")
    page.goto(f"{live_server.url}/fr/")
    assert page.locator("h1").inner_text() == "Accueil"
    page.get_by_test_id("language-switcher").get_by_role("link", name="English").click()
    assert page.url.endswith("/en/home/") or page.url.endswith("/en/")
    assert page.locator("h1").inner_text() == "Home"
