"""A fake incoming-webhook service on 127.0.0.1, in a thread: it records what it receives
and answers as told (a status, after a delay). Tests never reach the internet."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeWebhook:
    def __init__(self):
        self.received = []  # (path, decoded JSON body)
        self.status = 200
        self.delay = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path="/hooks/secret-token-1234"):
        return f"http://127.0.0.1:{self._server.server_port}{path}"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"null")
                if fake.delay:
                    time.sleep(fake.delay)
                fake.received.append((self.path, body))
                self.send_response(fake.status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass  # quiet test output

        return Handler

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
