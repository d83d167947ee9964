"""A lead endpoint for the browser tests: records every POST on 127.0.0.1 and can be told
to fail. Usage: python3 lead_server.py [port]; prints "ready <port>" when listening.

POST /leads        a lead (JSON or form-encoded); answered per the mode
GET  /mode?set=M   ok (200), fail (500), fail-once (500 then ok), fail-twice (500 twice,
                   then ok), reject (422)
GET  /received     every POST seen: [{status, content_type, body, fields}]
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

state = {"mode": "ok", "received": []}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def cors(self):
        self.send_header("access-control-allow-origin", "*")
        self.send_header("access-control-allow-headers", "content-type")
        self.send_header("access-control-allow-methods", "POST")

    def reply(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.cors()
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self):
        self.send_response(204)
        self.cors()
        self.end_headers()

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/mode":
            with lock:
                state["mode"] = parse_qs(url.query)["set"][0]
            self.reply(200, {"mode": state["mode"]})
        elif url.path == "/received":
            with lock:
                self.reply(200, state["received"])
        else:
            self.reply(404, {})

    def do_POST(self):
        length = int(self.headers.get("content-length", 0))
        raw = self.rfile.read(length).decode()
        content_type = self.headers.get("content-type", "")
        if content_type.startswith("application/json"):
            fields = json.loads(raw)
        else:
            fields = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
        with lock:
            mode = state["mode"]
            status = {"ok": 200, "fail": 500, "fail-once": 500, "fail-twice": 500, "reject": 422}[mode]
            if mode == "fail-once":
                state["mode"] = "ok"
            elif mode == "fail-twice":
                state["mode"] = "fail-once"
            state["received"].append(
                {"status": status, "content_type": content_type, "body": raw, "fields": fields}
            )
        self.reply(status, {"ok": status == 200})


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
    print(f"ready {server.server_address[1]}", flush=True)
    server.serve_forever()
