"""Browser steps about comments, shared by the journeys that end in a conversation."""


def post_comment(page, text):
    """Post `text` in the comment form of the current page (a story or a spotlight), as the
    logged-in reader, and return the locator of the posted comment."""
    page.get_by_test_id("comment-text-input").fill(text)
    page.get_by_test_id("comment-submit").click()
    page.wait_for_load_state()
    return page.get_by_test_id("comment").filter(has_text=text)
