"""A local SMTP server for tests: accepts messages into a list, and can refuse recipients.

Just enough of RFC 5321 for Django's SMTP backend (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP,
QUIT), on the standard library's socketserver, in a thread on 127.0.0.1 and a free port.

    with FakeSMTPServer(refuse={"bob@chorus.example"}) as smtp:
        settings.EMAIL_PORT = smtp.port
        ...
        smtp.messages  # [(sender, [recipients], email.message.Message), ...]

`hold_after=n` makes it stand still after n messages, so that a test can kill a sending
process in the middle of a conversation.
"""

import email
import socketserver
import threading
from email import policy


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        server = self.server.fake
        self.reply("220 fake-smtp ready")
        sender, recipients = None, []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 fake-smtp")
            elif verb == "MAIL":
                sender, recipients = line.split(":", 1)[1].strip().strip("<>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                address = line.split(":", 1)[1].strip().strip("<>")
                if address in server.refuse:
                    self.reply("550 No such user here")
                else:
                    recipients.append(address)
                    self.reply("250 OK")
            elif verb == "DATA":
                if server.hold.is_set():
                    # Stand still, as a slow server would, until the test lets go.
                    server.released.wait()
                    return
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    data = self.rfile.readline()
                    if data in (b".\r\n", b".\n", b""):
                        break
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(
                    b"".join(lines), policy=policy.default
                )
                with server.lock:
                    server.messages.append((sender, recipients, message))
                    if server.hold_after is not None and (
                        len(server.messages) >= server.hold_after
                    ):
                        server.hold.set()
                self.reply("250 OK queued")
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class FakeSMTPServer:
    def __init__(self, refuse=(), hold_after=None):
        """`refuse`: addresses answered "550 No such user"; `hold_after`: after that many
        messages, the server answers DATA no more (to kill a client in the middle)."""
        self.refuse = set(refuse)
        self.hold_after = hold_after
        self.hold, self.released = threading.Event(), threading.Event()
        self.messages = []
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self.port = self._server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.released.set()
        self._server.shutdown()
        self._server.server_close()

    def recipients(self):
        with self.lock:
            return [address for _s, rcpts, _m in self.messages for address in rcpts]
