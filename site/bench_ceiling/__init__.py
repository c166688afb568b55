"""The bench's ceiling: a minimal Django project with one trivial view.

`make bench` (chorus_site.bench) compares each Chorus page with this view, served by
gunicorn with the same options in the same run. It is kept apart from Chorus, so that the
production URLconf has no bench route, and uses the middleware list of Django's
`startproject`: the ceiling is what any Django site pays before doing anything.
"""
