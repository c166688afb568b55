"""Migration 0007: typed owners and typed referent blocks become chosen Referent snippets,
and whatever matches no referent stays readable (nothing is lost).

The conversion functions of the migration are run against the real models; the whole
migration runs on every test database (and on PostgreSQL in CI) when it is created."""

import importlib
import json

from django.apps import apps

from wagtail.models import Revision

import pytest

from guides.models import GuidePage
from tests.factories.guides import GuidePageFactory
from tests.factories.referents import ReferentFactory


pytestmark = pytest.mark.django_db

migration = importlib.import_module("guides.migrations.0007_guide_owner_and_review")
Referent = apps.get_model("referents", "Referent")


def typed(name="Claire Fontaine", role="Press", email="", page=None):
    return {"name": name, "role": role, "email": email, "page": page}


def test_a_typed_block_is_matched_by_e_mail_in_the_page_language(locales):
    french = ReferentFactory(name="Claire Fontaine", email="Claire@chorus.example")
    english = french.copy_for_translation(locales["en"])
    english.save()
    value = typed(email="claire@chorus.example", page=7)
    assert migration.convert_referent_block(value, Referent, locales["en"].pk) == {
        "referent": english.pk,
        "page": 7,
        "earlier_contact": "",
    }
    assert (
        migration.convert_referent_block(value, Referent, locales["fr"].pk)["referent"]
        == french.pk
    )


def test_a_typed_block_matching_nobody_keeps_what_was_typed(locales):
    ReferentFactory(name="Claire Fontaine", email="claire@chorus.example")
    value = typed(name="Jo Martin", role="Legal", email="jo@chorus.example")
    converted = migration.convert_referent_block(value, Referent, locales["fr"].pk)
    assert converted["referent"] is None
    assert converted["earlier_contact"] == "Jo Martin, Legal\njo@chorus.example"


def test_a_typed_name_without_e_mail_is_matched_by_name(locales):
    samir = ReferentFactory(name="Samir Haddad")
    value = typed(name="samir haddad", role="", email="")
    assert (
        migration.convert_referent_block(value, Referent, locales["fr"].pk)["referent"]
        == samir.pk
    )


def test_pages_and_their_revisions_are_converted_and_render(
    guide_index, locales, client_for, employee
):
    claire = ReferentFactory(name="Claire Fontaine", email="claire@chorus.example")
    guide = GuidePageFactory(parent=guide_index)
    old_body = [
        {"type": "paragraph", "value": "<p>Hello</p>", "id": "a"},
        {
            "type": "referent_link",
            "value": typed(email="claire@chorus.example"),
            "id": "b",
        },
        {
            "type": "referent_link",
            "value": typed(name="Jo Martin", role="Legal"),
            "id": "c",
        },
    ]
    # The page and its latest revision as they were stored before the migration.
    GuidePage.objects.filter(pk=guide.pk).update(body=json.dumps(old_body))
    revision = guide.latest_revision
    revision.content["body"] = json.dumps(old_body)
    revision.save()

    converted = migration.convert_body(json.dumps(old_body), Referent, locales["fr"].pk)
    assert converted[0] == old_body[0]
    assert converted[1]["value"]["referent"] == claire.pk
    assert converted[2]["value"]["earlier_contact"] == "Jo Martin, Legal"
    assert migration.convert_body(converted, Referent, locales["fr"].pk) == converted

    GuidePage.objects.filter(pk=guide.pk).update(body=json.dumps(converted))
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["body"] = json.dumps(converted)
    revision.save()
    html = client_for(employee).get(guide.url).content.decode()
    assert "<strong>Claire Fontaine</strong>" in html
    assert "Jo Martin, Legal" in html  # the fallback, readable, for employees
    draft = GuidePage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert draft.body[1].value["referent"] == claire


def test_due_dates_are_worked_out_as_the_model_does():
    import datetime

    from guides.review_dates import review_due_date

    for day in (datetime.date(2026, 8, 31), datetime.date(2026, 1, 15)):
        assert migration.due_date(day, 6) == review_due_date(day, 6)


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_typed_owners_and_blocks_to_referents(locales):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.utils import timezone

    executor = MigrationExecutor(connection)
    leaves = [
        node for node in executor.loader.graph.leaf_nodes() if node[0] != "guides"
    ]
    before = [*leaves, ("guides", "0006_guide_body_extends_story_body")]
    after = [*leaves, ("guides", "0007_guide_owner_and_review")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    try:
        referent = old.get_model("referents", "Referent").objects.create(
            name="Claire Fontaine",
            role="Press",
            email="claire@chorus.example",
            locale_id=locales["fr"].pk,
            translation_key="00000000-0000-0000-0000-000000000001",
            live=True,
        )
        page_ct = old.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="guides", model="guidepage"
        )[0]
        body = [
            {"type": "referent_link", "value": typed(email="claire@chorus.example")},
            {"type": "referent_link", "value": typed(name="Jo Martin", role="Legal")},
        ]
        guides = old.get_model("guides", "GuidePage")
        matched, unmatched = (
            guides.objects.create(
                title=title,
                slug=title.lower(),
                path=f"9999000{n}",
                depth=2,
                locale_id=locales["fr"].pk,
                content_type=page_ct,
                translation_key=f"00000000-0000-0000-0000-00000000001{n}",
                summary="s",
                subject="writing",
                owner_name=owner,
                last_reviewed="2026-05-04",
                body=json.dumps(body),
            )
            for n, (title, owner) in enumerate(
                [("Matched", "claire fontaine"), ("Unmatched", "Nobody Known")]
            )
        )
        old.get_model("wagtailcore", "Revision").objects.create(
            content_type=page_ct,
            base_content_type=page_ct,
            object_id=str(matched.pk),
            created_at=timezone.now(),
            content={
                "title": "Matched",
                "owner_name": "Claire Fontaine",
                "body": json.dumps(body),
            },
        )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps
        guides = new.get_model("guides", "GuidePage")
        page = guides.objects.get(pk=matched.pk)
        assert page.guide_owner_id == referent.pk
        assert str(page.review_due) == "2026-11-04"
        assert guides.objects.get(pk=unmatched.pk).guide_owner_id is None
        revision = new.get_model("wagtailcore", "Revision").objects.get(
            object_id=str(matched.pk)
        )
        assert revision.content["guide_owner"] == referent.pk
        blocks = json.loads(revision.content["body"])
        assert blocks[0]["value"]["referent"] == referent.pk
        assert blocks[1]["value"]["earlier_contact"] == "Jo Martin, Legal"
    finally:
        MigrationExecutor(connection).migrate(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )
