from django.core import mail
from django.urls import reverse

from wagtail.models import Page

import pytest

from stories.models import SpotlightPage
from tests.referents.admin_forms import spotlight_form_data


pytestmark = pytest.mark.django_db


def add_url(index):
    return reverse(
        "wagtailadmin_pages:add", args=["stories", "spotlightpage", index.pk]
    )


def test_ambassador_submits_and_a_referent_approves(
    client, ambassador_a, referent, spotlight_index
):
    referent.email = "reviewer@chorus.example"
    referent.save()

    # The ambassador writes a spotlight and submits it for review.
    client.force_login(ambassador_a)
    response = client.post(
        add_url(spotlight_index),
        {**spotlight_form_data(), "action-submit": "Submit"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = SpotlightPage.objects.get(slug="awa-diallo")
    assert page.owner == ambassador_a
    assert not page.live
    assert page.workflow_in_progress
    assert any("reviewer@chorus.example" in message.to for message in mail.outbox)

    # The ambassador can preview their draft.
    preview = client.post(
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        spotlight_form_data(page),
    )
    assert preview.json()["is_valid"] is True
    assert (
        client.get(
            reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        ).status_code
        == 200
    )

    # The ambassador cannot approve their own page.
    task_state = page.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", task_state.pk],
    )
    client.post(approve_url, {"comment": ""})
    assert not Page.objects.get(pk=page.pk).live

    # A referent approves it; it is published and the ambassador hears about it.
    mail.outbox.clear()
    client.force_login(referent)
    response = client.post(approve_url, {"comment": "Lovely, thank you!"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    assert any(ambassador_a.email in message.to for message in mail.outbox)

    # And it appears on the site for employees.
    client.force_login(ambassador_a)
    assert client.get(page.url).status_code == 200
    assert "Awa Diallo" in client.get(spotlight_index.url).content.decode()


def test_referent_sees_the_review_on_the_dashboard(
    client_for, ambassador_a, referent, spotlight_index
):
    client = client_for(ambassador_a)
    client.post(
        add_url(spotlight_index), {**spotlight_form_data(), "action-submit": "Submit"}
    )
    response = client_for(referent).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Awa Diallo" in response.content.decode()
