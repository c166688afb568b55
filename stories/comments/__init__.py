"""Colleagues talk about a story or a spotlight (issue 14, part 2).

- models: stories/models/comments.py (Comment, CommentReport, CommentNotification,
  CommentSettings, and the page field that opens or closes comments)
- rules: who may do what, the moderation mode, the rate limit (rules.py)
- the thread on a page: a per-reader fragment over a cached part (fragment.py, cache.py)
- the forms and views that post, edit, delete, report and moderate (forms.py, views.py)
- e-mails to the page's author who asked for them (notifications.py)
- the admin listing for moderators (viewsets.py)
"""
