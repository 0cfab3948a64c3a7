"""cdp.py: a small Chrome DevTools Protocol client (standard library only) for
the browser test: launches headless Chromium, opens pages, collects console
errors and exceptions, evaluates JavaScript and takes screenshots.

The websocket client does exactly what the DevTools endpoint needs: one
client-masked text frame per message out, unmasked (possibly fragmented)
text frames in, ping/pong and close.
"""
from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class CdpError(Exception):
    pass


def find_chromium() -> str | None:
    for n in CHROMIUM_NAMES:
        p = shutil.which(n)
        if p:
            return p
    return None


class WebSocket:
    def __init__(self, url: str, timeout: float = 30.0) -> None:
        u = urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        req = (f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(req.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise CdpError("websocket handshake: connection closed")
            head += chunk
        status = head.split(b"\r\n", 1)[0]
        if b" 101 " not in status:
            raise CdpError(f"websocket handshake refused: {status!r}")
        self.buf = head.split(b"\r\n\r\n", 1)[1]

    def send(self, text: str) -> None:
        data = text.encode()
        hdr = bytearray([0x81])
        n = len(data)
        if n < 126:
            hdr.append(0x80 | n)
        elif n < 1 << 16:
            hdr += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            hdr += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        hdr += mask
        self.sock.sendall(bytes(hdr) + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n: int) -> bytes:
        while len(self.buf) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise CdpError("websocket closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def recv(self, timeout: float) -> str | None:
        """One message, or None on timeout."""
        if not self.buf:
            r, _, _ = select.select([self.sock], [], [], timeout)
            if not r:
                return None
        parts: list[bytes] = []
        while True:
            b0, b1 = self._read(2)
            op, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            data = self._read(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if op == 0x9:  # ping
                self.sock.sendall(bytes([0x8A, 0x80 | len(data)]) + b"\0\0\0\0" + data)
                continue
            if op == 0x8:
                raise CdpError("websocket closed by the browser")
            parts.append(data)
            if b0 & 0x80:
                return b"".join(parts).decode("utf-8", errors="replace")

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


class Browser:
    """Headless Chromium driven over the DevTools protocol."""

    def __init__(self, binary: str, log: Path) -> None:
        self.profile = tempfile.mkdtemp(prefix="reqsim-chromium-")
        self.log = log
        self.logf = open(log, "wb")
        args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--mute-audio",
                "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
                "--window-size=1400,1000", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=self.logf, stderr=self.logf)
        self.ws_url = self._wait_endpoint()
        self.ws = WebSocket(self.ws_url)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _wait_endpoint(self, limit: float = 60.0) -> str:
        t = time.monotonic()
        port_file = Path(self.profile) / "DevToolsActivePort"
        while time.monotonic() - t < limit:
            if self.proc.poll() is not None:
                raise CdpError(f"chromium exited ({self.proc.returncode}); see {self.log}")
            if port_file.exists():
                lines = port_file.read_text().split("\n")
                if len(lines) >= 2 and lines[0].strip().isdigit():
                    return f"ws://127.0.0.1:{lines[0].strip()}{lines[1].strip()}"
            m = re.search(rb"DevTools listening on (ws://\S+)", self.log.read_bytes())
            if m:
                return m.group(1).decode()
            time.sleep(0.1)
        raise CdpError(f"chromium gave no DevTools endpoint in {limit:.0f}s; see {self.log}")

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None, timeout: float = 60.0) -> dict[str, Any]:
        self.next_id += 1
        mid = self.next_id
        msg: dict[str, Any] = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        t = time.monotonic()
        while time.monotonic() - t < timeout:
            raw = self.ws.recv(timeout=0.5)
            if raw is None:
                continue
            m = json.loads(raw)
            if m.get("id") == mid:
                if "error" in m:
                    raise CdpError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)
        raise CdpError(f"{method}: no answer in {timeout:.0f}s")

    def wait_event(self, method: str, session: str, timeout: float = 60.0) -> dict[str, Any]:
        t = time.monotonic()
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method and ev.get("sessionId") == session:
                    return self.events.pop(i)
            if time.monotonic() - t > timeout:
                raise CdpError(f"no {method} in {timeout:.0f}s")
            raw = self.ws.recv(timeout=0.5)
            if raw is not None:
                self.events.append(json.loads(raw))

    def drain(self, seconds: float) -> None:
        t = time.monotonic()
        while time.monotonic() - t < seconds:
            raw = self.ws.recv(timeout=0.1)
            if raw is not None:
                self.events.append(json.loads(raw))

    def open_page(self) -> str:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target,
                                                      "flatten": True})["sessionId"]
        for dom in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{dom}.enable", session=session)
        return session

    def navigate(self, session: str, url: str) -> None:
        self.events = [ev for ev in self.events if ev.get("sessionId") != session]
        res = self.call("Page.navigate", {"url": url}, session=session)
        if res.get("errorText"):
            raise CdpError(f"navigate {url}: {res['errorText']}")
        self.wait_event("Page.loadEventFired", session)
        self.drain(0.5)  # late console messages and failed loads

    def problems(self, session: str) -> list[str]:
        """Console errors, uncaught exceptions, failed loads and HTTP errors seen so far."""
        out = []
        for ev in self.events:
            if ev.get("sessionId") != session:
                continue
            m, p = ev.get("method"), ev.get("params", {})
            if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert",
                                                                     "warning"):
                out.append("console." + p["type"] + ": " + " ".join(
                    str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif m == "Runtime.exceptionThrown":
                out.append("exception: " + p.get("exceptionDetails", {}).get("text", ""))
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") in ("error",
                                                                               "warning"):
                e = p["entry"]
                out.append(f"log.{e['level']}: {e.get('text')} {e.get('url', '')}")
            elif m == "Network.loadingFailed":
                out.append(f"load failed: {p.get('errorText')}")
            elif m == "Network.responseReceived" and p.get("response", {}).get("status",
                                                                                 200) >= 400:
                out.append(f"HTTP {p['response']['status']}: {p['response'].get('url')}")
        return out

    def eval(self, session: str, expr: str) -> Any:
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True},
                      session=session)
        if "exceptionDetails" in r:
            raise CdpError(f"evaluate {expr!r}: {r['exceptionDetails'].get('text')}")
        return r.get("result", {}).get("value")

    def screenshot(self, session: str, path: Path, full_page: bool = True) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            m = self.call("Page.getLayoutMetrics", session=session)
            size = m.get("cssContentSize") or m.get("contentSize")
            params.update({"captureBeyondViewport": True,
                           "clip": {"x": 0, "y": 0, "width": min(size["width"], 2400),
                                    "height": min(size["height"], 6000), "scale": 1}})
        data = self.call("Page.captureScreenshot", params, session=session)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (CdpError, OSError):
            pass
        self.ws.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.logf.close()
        shutil.rmtree(self.profile, ignore_errors=True)
