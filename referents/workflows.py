"""The "Spotlight review" workflow: referents and editors approve what ambassadors submit.

Created idempotently and assigned to every spotlight index page (one per locale), so that each
spotlight an ambassador submits goes to review before it can be published.
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask


SPOTLIGHT_REVIEW = "Spotlight review"
SPOTLIGHT_REVIEW_TASK = "Review by a referent or an editor"


def spotlight_index_pages():
    """Every spotlight index page, found by content type so referents never import stories."""
    content_type = ContentType.objects.filter(
        app_label="stories", model="spotlightindexpage"
    ).first()
    if content_type is None:
        return Page.objects.none()
    return Page.objects.filter(content_type=content_type)


def ensure_spotlight_review(reviewer_groups):
    workflow, _ = Workflow.objects.get_or_create(
        name=SPOTLIGHT_REVIEW, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=SPOTLIGHT_REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=SPOTLIGHT_REVIEW_TASK)
    task.groups.set(Group.objects.filter(name__in=reviewer_groups))
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for page in spotlight_index_pages():
        WorkflowPage.objects.update_or_create(
            page=page, defaults={"workflow": workflow}
        )
    return workflow
