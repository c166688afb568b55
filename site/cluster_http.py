"""What `make cluster` talks to its hosts with: a reader's browser behind a load balancer.

A production deployment has a load balancer in front of its hosts that terminates TLS and
forwards every request with the public host name and `X-Forwarded-Proto: https`
(SECURE_PROXY_SSL_HEADER). A `Reader` does the same on plain HTTP to 127.0.0.1, so that the
hosts run with their production defaults untouched: HTTPS redirect, secure cookies, HSTS.
Like a browser, it keeps its own cookies, sends the Origin of its forms and reads forms.
"""

import http.client
import re
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit


PUBLIC_HOST = "chorus.localhost"  # .localhost names this machine (RFC 6761)
ORIGIN = f"https://{PUBLIC_HOST}"
TIMEOUT = 15  # seconds: a slower answer is an error


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.text = body.decode("utf-8", errors="replace")

    @property
    def location(self):
        """The path a redirect leads to (on the public host), or ''."""
        location = self.headers.get("location", "")
        parts = urlsplit(location)
        if parts.netloc and parts.netloc != PUBLIC_HOST:
            return location
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def form(self, field=None, **attributes):
        """The fields of the first form that has `field` and `attributes`, as a browser
        would send them (a dict of lists)."""
        parser = FormParser()
        parser.feed(self.text)
        for form in parser.forms:
            if (field is None or field in form["names"]) and all(
                form["attributes"].get(k) == v for k, v in attributes.items()
            ):
                return form["fields"]
        raise AssertionError(f"no form with {field or attributes} in the page")

    def __repr__(self):
        return f"<{self.status} {self.location or ''} {len(self.text)} characters>"


class Reader:
    """One person's browser: its cookies, on any host (sessions are not sticky)."""

    def __init__(self, name, through_tls=True):
        self.name = name
        self.cookies = {}
        self.through_tls = (
            through_tls  # False: as if the load balancer forwarded plain HTTP
        )

    def request(self, host, method, path, fields=None):
        headers = {"Host": PUBLIC_HOST, "User-Agent": f"chorus-cluster ({self.name})"}
        if self.through_tls:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True).encode()
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": ORIGIN,
                    "Referer": ORIGIN + path,
                }
            )
        connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            response = Response(
                answer.status,
                {key.lower(): value for key, value in answer.getheaders()},
                answer.read(),
            )
            self._keep_cookies(answer.msg.get_all("Set-Cookie") or [])
        finally:
            connection.close()
        return response

    def get(self, host, path):
        return self.request(host, "GET", path)

    def post(self, host, path, fields):
        return self.request(host, "POST", path, fields)

    def _keep_cookies(self, headers):
        for header in headers:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
                    if not morsel["secure"]:
                        raise AssertionError(f"cookie {name} is not marked Secure")

    def csrf_secret(self):
        return self.cookies.get("csrftoken", "")


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
CSRF_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def csrf_secrets(html):
    """The secrets behind the CSRF tokens of a page's forms (Django masks each token with
    a random key: the first half of the token is the key, the second the masked secret)."""
    secrets = set()
    for token in CSRF_TOKEN.findall(html):
        key, masked = token[:32], token[32:]
        secrets.add(
            "".join(
                CSRF_ALPHABET[
                    (CSRF_ALPHABET.index(m) - CSRF_ALPHABET.index(k))
                    % len(CSRF_ALPHABET)
                ]
                for k, m in zip(key, masked, strict=True)
            )
        )
    return secrets


class FormParser(HTMLParser):
    """The forms of a page and what a browser would send for each, buttons left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None
        self._templates = 0  # inside <template>: not part of the form (formset rows)

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "template":
            self._templates += 1
        elif tag == "form":
            self._form = {"attributes": attributes, "fields": {}, "names": set()}
            self.forms.append(self._form)
        elif self._form is None or self._templates:
            return
        elif tag == "input":
            self._input(attributes)
        elif tag == "textarea" and "name" in attributes:
            self._textarea = [attributes["name"], ""]
        elif tag == "select" and "name" in attributes:
            self._select = {"name": attributes["name"], "first": None, "chosen": []}
            self._select["multiple"] = "multiple" in attributes
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attributes:
                self._select["chosen"].append(value)

    def _input(self, attributes):
        kind = attributes.get("type", "text").lower()
        name = attributes.get("name")
        if name:
            self._form["names"].add(name)
        if not name or kind in {"submit", "button", "image", "file", "reset"}:
            return
        if kind in {"checkbox", "radio"} and "checked" not in attributes:
            return
        self._add(name, attributes.get("value", "on" if kind == "checkbox" else ""))

    def _add(self, name, value):
        self._form["fields"].setdefault(name, []).append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self._templates = max(0, self._templates - 1)
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            # Like a browser: the newline right after <textarea> is not part of the value.
            self._add(name, value.removeprefix("\r").removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            first = self._select["first"]
            if not chosen and not self._select["multiple"] and first is not None:
                chosen = [first]
            for value in chosen:
                self._add(self._select["name"], value)
            self._select = None
        elif tag == "form":
            self._form = None
