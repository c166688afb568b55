"""The parts of `make cluster` that can be checked in a moment; `make cluster` itself runs in
CI (.ci/run), since it starts its own servers and takes minutes."""

import stat

from django.middleware.csrf import get_token
from django.test import RequestFactory

from chorus_site import cluster, cluster_servers
from chorus_site.cluster_http import FormParser, csrf_secrets


def executable(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_without_postgres_and_redis_it_says_what_to_install_and_fails(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(cluster_servers, "POSTGRES_FOLDERS", ())

    assert cluster.main() != 0

    printed = capsys.readouterr().out
    assert "were not found (initdb, pg_ctl; redis-server)" in printed
    assert "sudo apt-get install postgresql redis-server" in printed
    assert "brew install postgresql@15 redis" in printed


def test_redis_alone_missing_is_named(tmp_path):
    for name in ("initdb", "pg_ctl"):
        executable(tmp_path / name)

    try:
        cluster_servers.find_programs(path=str(tmp_path), folders=())
    except cluster_servers.MissingPrograms as missing:
        assert "were not found (redis-server)" in str(missing)
    else:
        raise AssertionError("redis-server was not missed")


def test_postgres_programs_are_found_on_path_or_in_debian_folders(tmp_path):
    redis = executable(tmp_path / "bin" / "redis-server")
    for version in ("13", "15"):
        for name in ("initdb", "pg_ctl"):
            executable(tmp_path / "postgresql" / version / "bin" / name)
    debian = (str(tmp_path / "postgresql" / "*" / "bin"),)

    assert cluster_servers.find_programs(str(tmp_path / "bin"), debian) == (
        tmp_path / "postgresql" / "15" / "bin",
        str(redis),
    )
    for name in ("initdb", "pg_ctl"):
        executable(tmp_path / "bin" / name)
    assert cluster_servers.find_programs(str(tmp_path / "bin"), debian)[0] == (
        tmp_path / "bin"
    )


def test_the_secret_behind_each_csrf_token_of_a_page_is_found():
    """How the soak tells one reader's page from another's."""
    request = RequestFactory().get("/")
    token = get_token(request)
    other = get_token(RequestFactory().get("/"))
    page = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{other}">'
    )

    secrets = csrf_secrets(page)

    assert request.META["CSRF_COOKIE"] in secrets
    assert len(secrets) == 2


def test_forms_are_read_as_a_browser_sends_them():
    parser = FormParser()
    parser.feed(
        """
        <form id="other"><input name="q" value="x"></form>
        <form id="edit" method="post">
          <input type="hidden" name="csrfmiddlewaretoken" value="t">
          <input name="title" value="A &amp; B">
          <input type="checkbox" name="is_public">
          <input type="checkbox" name="is_sensitive" checked>
          <input type="radio" name="stage" value="discover">
          <input type="radio" name="stage" value="lead" checked>
          <textarea name="intro">
Two lines
here</textarea>
          <select name="image"><option value="">---</option><option value="3">A</option></select>
          <select name="topics" multiple><option value="1" selected>x</option>
            <option value="2" selected>y</option></select>
          <template><input name="authors-__prefix__-name" value=""></template>
          <button type="submit" name="action-publish" value="action-publish">Publish</button>
        </form>
        """
    )

    edit = next(form for form in parser.forms if form["attributes"]["id"] == "edit")
    assert edit["fields"] == {
        "csrfmiddlewaretoken": ["t"],
        "title": ["A & B"],
        "is_sensitive": ["on"],
        "stage": ["lead"],
        "intro": ["Two lines\nhere"],
        "image": [""],
        "topics": ["1", "2"],
    }
    assert "is_public" in edit["names"]
