"""The templates of pages kept for every employee read nothing of the reader (issue 13).

A page type listed in CHORUS_EMPLOYEE_PAGE_CACHE_MODELS, and a view that shares its answers
with `serve_with_cache(..., audience=...)`, is rendered once and served to every employee of
the same visibility (home.page_cache). What is the reader's own must come from a per-reader
fragment (`{% per_reader %}`, CHORUS_PER_READER_FRAGMENTS), filled in as the copy is served.

This check loads each such template with Django's template engine and walks its nodes, into
what it extends and includes (recursively), the templates of the inclusion tags it uses
and the templates of the StreamField blocks of the page type. It fails, naming the template
and the line, on:

- a variable that reads the reader: `user`, `perms`, `request.user`, `request.session`,
  `request.COOKIES`, `request.META`, `request.headers` (whether someone is logged in,
  `.is_authenticated`, is the same for every employee and allowed), and the raw
  `{{ csrf_token }}`: only the input of `{% csrf_token %}` gets the reader's own token in a
  shared copy;
- a Chorus template tag marked `@reads_reader` (home.templatetags.chorus_cache), a tag known
  to read the reader elsewhere (`wagtailuserbar`, `debug`), and any tag of another library
  that this file does not know yet;
- an `{% include %}` or `{% extends %}` of a template named by a variable, which cannot be
  followed, unless allowed below with a reason.

Every Chorus template tag whose code reads the user must be marked `@reads_reader` or be
listed in READS_ONLY_WHO_MAY_SEE_WHAT with the reason it is the same for every reader of a
copy: a new tag cannot be forgotten.
"""

import ast
import inspect
import textwrap
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.template import Template, engines
from django.template.base import (
    FilterExpression,
    Node,
    NodeList,
    Origin,
    Token,
    TokenType,
    Variable,
)
from django.template.library import TagHelperNode
from django.template.loader_tags import ExtendsNode, IncludeNode

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

import pytest

from home.templatetags.chorus_cache import per_reader
from tests.production.test_shared_copies import SHARED_VIEWS, shared_audiences


# The templates a view that shares its answers renders itself (not followed from a page type).
SHARED_VIEW_TEMPLATES = {
    "search": ["search/search.html", "search/includes/results.html"],
    "transparency": ["referents/transparency.html"],
}

# What reads the reader, as variable lookups: `user.email`, `request.user.pk`, `perms.x`.
READER_ROOTS = {
    ("user",): "the user",
    ("perms",): "the user's permissions",
    ("request", "user"): "the user",
    ("request", "session"): "the reader's session",
    ("request", "COOKIES"): "the reader's cookies",
    ("request", "META"): "the reader's request headers",
    ("request", "headers"): "the reader's request headers",
    ("csrf_token",): (
        "the raw CSRF token: a shared copy replaces only the input of {% csrf_token %}"
    ),
}
# Whether someone is logged in: the same for every employee who shares a copy.
SAME_FOR_EVERY_EMPLOYEE = {"is_authenticated", "is_anonymous"}

# Tags from outside Chorus and Django's own template tags that shared templates may use, and
# why they read nothing of the reader. Any other tag fails until it is listed here.
KNOWN_TAGS = {
    "pageurl": "the URL of a page",
    "slugurl": "the URL of a page",
    "image": "a rendition of an image",
    "include_block": "a block, whose template is checked as a template of the page type",
}
# Tags that read the reader and are not Chorus' own (Chorus' are marked @reads_reader).
READER_TAGS = {
    "wagtailuserbar": "shows the editing bar to editors",
    "debug": "prints the whole context, the user included",
}

# Chorus template tags whose code reads the user, but only what is the same for every reader
# of a shared copy: whether they are logged in, or which pages they may open (their
# visibility, part of every shared copy's key, home.access.visibility_key).
READS_ONLY_WHO_MAY_SEE_WHAT = {
    "chorus_cache.chorus_cache": "keyed by the audience and the visibility",
    "home_tags.main_nav": "the menu pages the reader may open (visibility)",
    "home_tags.language_switcher": "the translations the reader may open (visibility)",
    "referents_tags.referent_for": "all referents for a logged-in reader",
    "referents_tags.shown_referent": "all referents for a logged-in reader",
    "stories_tags.story_feed_links": "the internal feed for a logged-in reader",
    "stories_tags.latest_stories": "the stories the reader may open (visibility)",
    "stories_tags.spotlight_of_the_week": "the spotlights the reader may open (visibility)",
    "stories_tags.shareable_this_week": "the story index the reader may open (visibility)",
}

# `{% include %}` or `{% extends %}` of a variable, by (template, tag): why it is safe.
ALLOWED_DYNAMIC_TEMPLATES = {}

CHORUS_MODULES = ("home.", "stories.", "guides.", "referents.", "chorus_site.")


@dataclass(frozen=True)
class Finding:
    template: str
    line: int
    what: str

    def __str__(self):
        return f"{self.template}:{self.line}: {self.what} outside {{% per_reader %}}"


# Walking templates


def variable_paths(value, seen):
    """The lookups (('request', 'user', 'email'), …) of the variables found in `value`, an
    attribute of a node: filter expressions, variables, and the variable tokens of
    `{% blocktranslate %}`, in lists, dicts and Django's template objects (`{% if %}`
    conditions)."""
    if id(value) in seen or isinstance(
        value, Node | NodeList | Template | Origin | str | bytes | int | float
    ):
        return
    seen.add(id(value))
    if isinstance(value, Variable):
        if value.lookups is not None:
            yield tuple(value.lookups)
        return
    if isinstance(value, Token):
        if value.token_type == TokenType.VAR:
            yield tuple(value.contents.split("|")[0].strip().split("."))
        return
    if isinstance(value, FilterExpression):
        yield from variable_paths(value.var, seen)
        for _filter, arguments in value.filters:
            for _is_variable, argument in arguments:
                yield from variable_paths(argument, seen)
        return
    if isinstance(value, dict):
        items = value.values()
    elif isinstance(value, list | tuple | set):
        items = value
    elif type(value).__module__.startswith("django.template"):
        items = vars(value).values() if hasattr(value, "__dict__") else ()
    else:
        return
    for item in items:
        yield from variable_paths(item, seen)


def reads_the_reader(path):
    for root, what in READER_ROOTS.items():
        if path[: len(root)] == root:
            rest = path[len(root) :]
            if root[-1] == "user" and rest and rest[0] in SAME_FOR_EVERY_EMPLOYEE:
                return None
            return what
    return None


def _line(node):
    token = getattr(node, "token", None)
    return token.lineno if token is not None else 0


def _tag_name(node):
    token = getattr(node, "token", None)
    if token is None or token.token_type != TokenType.BLOCK:
        return ""
    return token.contents.split()[0] if token.contents else ""


def _constant_name(expression):
    """The template name of `{% include "x.html" %}`, or None for a variable."""
    if (
        isinstance(expression, FilterExpression)
        and isinstance(expression.var, str)
        and not expression.filters
    ):
        return str(expression.var)
    return None


class TemplateWalk:
    """Walks templates and collects what reads the reader outside per-reader fragments."""

    def __init__(self):
        self.findings = []
        self.walked = set()

    def template(self, name):
        if name in self.walked:
            return
        self.walked.add(name)
        self.nodelist(engines["django"].get_template(name).template.nodelist, name)

    def nodelist(self, nodelist, name):
        for node in nodelist:
            self.node(node, name)

    def find(self, name, node, what):
        self.findings.append(Finding(name, _line(node), what))

    def node(self, node, name):
        func = getattr(node, "func", None)
        if func is per_reader:
            # A per-reader fragment: rendered for each reader as the copy is served. Its
            # arguments are part of the shared copy (the placeholder), so they are checked.
            for path in variable_paths([node.args, node.kwargs], set()):
                if what := reads_the_reader(path):
                    self.find(
                        name, node, f"per_reader argument {'.'.join(path)}: {what}"
                    )
            return
        attributes = {
            key: value
            for key, value in vars(node).items()
            if key not in ("token", "origin", "func", *node.child_nodelists)
        }
        for path in variable_paths(attributes, set()):
            if what := reads_the_reader(path):
                self.find(name, node, f"{'.'.join(path)} reads {what}")
        self.tag(node, name)
        if isinstance(node, ExtendsNode):
            self.followed(node, node.parent_name, name)
        elif isinstance(node, IncludeNode):
            self.followed(node, node.template, name)
        elif isinstance(node, TagHelperNode) and hasattr(node, "filename"):
            # An inclusion tag: its template, rendered with what the tag returns.
            filename = node.filename
            if isinstance(filename, str):
                self.template(filename)
            else:
                self.find(
                    name, node, f"inclusion tag {_tag_name(node)} of no fixed name"
                )
        for attribute in node.child_nodelists:
            child = getattr(node, attribute, None)
            if child:
                self.nodelist(child, name)

    def tag(self, node, name):
        tag = _tag_name(node)
        if not tag:
            return
        func = getattr(node, "func", None)
        module = (func or type(node)).__module__
        if getattr(func, "reads_reader", False) or getattr(node, "reads_reader", False):
            self.find(name, node, f"{{% {tag} %}} reads the reader (@reads_reader)")
        elif tag in READER_TAGS:
            self.find(name, node, f"{{% {tag} %}} {READER_TAGS[tag]}")
        elif not (
            module.startswith(CHORUS_MODULES)
            or module.startswith(("django.template.", "django.templatetags."))
            or tag in KNOWN_TAGS
        ):
            self.find(
                name,
                node,
                f"{{% {tag} %}} ({module}) is not known: list it in KNOWN_TAGS or "
                "READER_TAGS of tests/production/test_shared_templates.py",
            )

    def followed(self, node, expression, name):
        target = _constant_name(expression)
        if target is not None:
            self.template(target)
        elif (name, node.token.contents) not in ALLOWED_DYNAMIC_TEMPLATES:
            self.find(
                name,
                node,
                f"{{% {node.token.contents} %}} names its template with a variable, "
                "which this check cannot follow",
            )


def check_templates(names):
    walk = TemplateWalk()
    for name in names:
        walk.template(name)
    return walk.findings


def check_source(source):
    walk = TemplateWalk()
    walk.nodelist(engines["django"].from_string(source).template.nodelist, "<string>")
    return walk.findings


# The templates of each shared page type and view


def block_templates(block, found=None):
    """The templates of a block and of every block inside it."""
    found = set() if found is None else found
    template = getattr(block.meta, "template", None)
    if template:
        found.add(template)
    if isinstance(block, blocks.ListBlock):
        block_templates(block.child_block, found)
    for child in getattr(block, "child_blocks", {}).values():
        block_templates(child, found)
    return found


def page_type_templates(label):
    model = apps.get_model(label)
    # A page type that chooses its template at serve time would need this test to know how.
    assert model.get_template is Page.get_template, (
        f"{label} overrides get_template: list its templates in this test"
    )
    names = {model.template}
    if model.ajax_template:
        names.add(model.ajax_template)
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            names |= block_templates(field.stream_block)
    return sorted(names)


def test_every_shared_view_has_its_templates():
    assert set(SHARED_VIEW_TEMPLATES) == shared_audiences() == set(SHARED_VIEWS)


@pytest.mark.parametrize("label", settings.CHORUS_EMPLOYEE_PAGE_CACHE_MODELS)
def test_shared_page_templates_read_nothing_of_the_reader(label):
    findings = check_templates(page_type_templates(label))
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize("audience", sorted(SHARED_VIEW_TEMPLATES))
def test_shared_view_templates_read_nothing_of_the_reader(audience):
    findings = check_templates(SHARED_VIEW_TEMPLATES[audience])
    assert not findings, "\n".join(map(str, findings))


# The check itself finds what it must find


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "<p>\n{{ request.user.email }}</p>",
            "<string>:2: request.user.email reads the user",
        ),
        ("{% if user.first_name %}Hi{% endif %}", "user.first_name"),
        ("{% if perms.stories.change_comment %}x{% endif %}", "perms.stories"),
        ("{% with me=request.user %}{{ me }}{% endwith %}", "request.user"),
        ("{{ request.session.chorus_previous_visit }}", "session"),
        ("{{ request.META.HTTP_ACCEPT_LANGUAGE }}", "request headers"),
        ('<meta content="{{ csrf_token }}">', "raw CSRF token"),
        (
            "{% load i18n %}{% blocktranslate %}Hello {{ user }}{% endblocktranslate %}",
            "user reads the user",
        ),
        ('{% url "search" %}?q={{ request.user.username|urlencode }}', "username"),
        (
            '{% include "includes/pagination.html" with q=request.user.first_name %}',
            "first_name",
        ),
        ("{% include template_name %}", "names its template with a variable"),
        (
            "{% load referents_tags %}\n\n{% readers_referent referents as mine %}",
            "<string>:3: {% readers_referent %} reads the reader",
        ),
        ('{% load chorus_cache %}{% per_reader "comments" request.user.pk %}', "pk"),
        ("{% load wagtailuserbar %}{% wagtailuserbar %}", "editing bar"),
        ("{% load wagtailadmin_tags %}{% avatar_url request.user %}", "request.user"),
    ],
)
def test_a_template_reading_the_reader_is_found(source, expected):
    findings = check_source(source)
    assert findings
    assert any(expected in str(finding) for finding in findings), findings


def test_what_every_employee_shares_is_not_found():
    source = """{% load i18n chorus_cache %}
        {% if request.user.is_authenticated and user.is_authenticated %}
            <form method="post">{% csrf_token %}</form>
            {% per_reader "comments" page.pk %}{% per_reader "guides_for_me" %}
            <a href="{{ request.get_full_path }}">{% translate "Search" %}</a>
        {% endif %}"""
    assert check_source(source) == []


def test_a_shared_page_extending_a_template_that_reads_the_reader_is_found(
    settings, tmp_path
):
    (tmp_path / "parent.html").write_text(
        "<header>\n{% block header %}{{ request.user.get_full_name }}{% endblock %}</header>"
    )
    (tmp_path / "child.html").write_text(
        '{% extends "parent.html" %}{% block body %}{% include "part.html" %}{% endblock %}'
    )
    (tmp_path / "part.html").write_text("{{ user.email }}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    findings = {str(finding) for finding in check_templates(["child.html"])}
    assert any(f.startswith("parent.html:2:") for f in findings), findings
    assert any(f.startswith("part.html:1:") for f in findings), findings


# Every Chorus tag that reads the user is classified


READS_USER_ATTRIBUTES = {"user", "session", "COOKIES", "META", "headers"}


def _source_tree(obj):
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(obj)))
    except (OSError, TypeError):
        return None


def reads_the_user(obj, seen=None):
    """Whether `obj`'s code, or the Chorus functions and template-tag classes it names,
    reads `.user` (or the session, cookies or headers) of something."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return False
    seen.add(id(obj))
    tree = _source_tree(obj)
    if tree is None:
        return False
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in READS_USER_ATTRIBUTES:
            return True
        if isinstance(node, ast.Constant) and node.value in READS_USER_ATTRIBUTES:
            return True  # getattr(request, "user", None)
        if isinstance(node, ast.Name):
            names.add(node.id)
    module = inspect.getmodule(obj)
    for name in names:
        target = getattr(module, name, None)
        followed = inspect.isfunction(target) or (
            inspect.isclass(target) and issubclass(target, Node)
        )
        if (
            followed
            and getattr(target, "__module__", "").startswith(CHORUS_MODULES)
            and reads_the_user(target, seen)
        ):
            return True
    return False


def chorus_tags():
    from django.template.backends.django import get_installed_libraries
    from django.utils.module_loading import import_string

    for library_name, module in sorted(get_installed_libraries().items()):
        if not module.startswith(CHORUS_MODULES):
            continue
        library = import_string(f"{module}.register")
        for tag_name, compile_function in sorted(library.tags.items()):
            yield f"{library_name}.{tag_name}", inspect.unwrap(compile_function)


def test_every_chorus_tag_that_reads_the_user_is_classified():
    unclassified = []
    for name, function in chorus_tags():
        marked = getattr(function, "reads_reader", False)
        if function is per_reader or marked or name in READS_ONLY_WHO_MAY_SEE_WHAT:
            continue
        if reads_the_user(function):
            unclassified.append(name)
    assert not unclassified, (
        "These template tags read the user: mark them @reads_reader "
        "(home.templatetags.chorus_cache) if what they show is the reader's own, or list "
        "them in READS_ONLY_WHO_MAY_SEE_WHAT with the reason it is the same for every "
        f"reader of a shared copy: {unclassified}"
    )


def test_the_classification_lists_only_tags_that_read_the_user():
    tags = dict(chorus_tags())
    stale = [
        name
        for name in READS_ONLY_WHO_MAY_SEE_WHAT
        if name not in tags or not reads_the_user(tags[name])
    ]
    assert not stale
    assert getattr(tags["referents_tags.readers_referent"], "reads_reader", False)
