"""Form data for the Wagtail page editor, as the admin's own form would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def spotlight_form_data(page=None, **overrides):
    fields = {
        "title": page.title if page else "Awa Diallo",
        "slug": page.slug if page else "awa-diallo",
        "role": page.role if page else "Engineer",
        "bio": rich_text(page.bio if page else "<p>I build our tools.</p>"),
        "photo_alt": "",
        "featured_post_url": "",
        "featured_post_text": "",
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    if isinstance(fields["bio"], str) and fields["bio"].startswith("<"):
        fields["bio"] = rich_text(fields["bio"])
    return nested_form_data(fields)
