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


@pytest.fixture
def story_index(home_page):
    from stories.models import StoryIndexPage

    index = StoryIndexPage(title="Histoires", slug="histoires")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def _story(story_index, is_public):
    from stories.models import StoryPage

    story = StoryPage(
        title="Une histoire", slug="une-histoire", intro="Intro", is_public=is_public
    )
    story_index.add_child(instance=story)
    return story


def test_a_new_page_is_internal_until_published_as_public(client, story_index):
    story = _story(story_index, is_public=True)
    assert story.view_restrictions.exists()  # a draft is never public

    story.save_revision().publish()
    response = client.get("/fr/histoires/une-histoire/")
    assert response.status_code == 200
    assert "Une histoire" in response.content.decode()


def test_internal_page_sends_anonymous_to_login_and_back(client, story_index):
    story = _story(story_index, is_public=False)
    story.save_revision().publish()
    response = client.get("/fr/histoires/une-histoire/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/login/?next=/fr/histoires/une-histoire/"


def test_making_a_public_page_internal_closes_it_at_once(client, story_index):
    story = _story(story_index, is_public=True)
    story.save_revision().publish()
    story.is_public = False
    story.save_revision().publish()
    assert client.get("/fr/histoires/une-histoire/").status_code == 302


def test_unpublished_public_page_is_not_served(client, story_index):
    story = _story(story_index, is_public=True)
    story.save_revision().publish()
    story.unpublish()
    assert client.get("/fr/histoires/une-histoire/").status_code == 404


def test_index_pages_need_login_even_with_public_children(client, story_index):
    _story(story_index, is_public=True).save_revision().publish()
    assert client.get("/fr/histoires/").status_code == 302


def test_logout_confirms_and_closes_the_session(client_for, employee, home_page):
    client = client_for(employee)
    response = client.post("/fr/logout/", follow=True)
    assert "Vous êtes déconnecté" in response.content.decode()
    assert client.get("/fr/").status_code == 302
