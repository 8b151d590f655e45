#!/usr/bin/env python3
"""Draws the sandbox's seeded media: small, real JPEGs and one MP4 that the seeded galleries show.

The seed (src/sandbox/seed.rs) names Wix media ids from the reference's examples; the sandbox
serves these files as their bytes (src/sandbox/media/seed_bytes.rs), so an export of the seeded
site works offline. Run it again only to change the pictures; its output is committed.

Chromium (Debian's `chromium` package) draws them: a canvas for the images, the canvas captured
by MediaRecorder for the video. It is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe), so nothing listens on the network.

    scripts/make-seed-media.py [OUT_DIR]     (default: src/sandbox/media/seed)
"""

import base64
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "src", "sandbox", "media", "seed")

# The drawings: each returns a canvas. `scene` is shared by the dunes and the mountains.
DRAW = r"""
const canvas = (w, h) => { const c = document.createElement('canvas'); c.width = w; c.height = h; return c; };
function sky(g, w, h, top, bottom) {
  const s = g.createLinearGradient(0, 0, 0, h);
  s.addColorStop(0, top); s.addColorStop(1, bottom);
  g.fillStyle = s; g.fillRect(0, 0, w, h);
}
function sun(g, x, y, r, colour) {
  const glow = g.createRadialGradient(x, y, r * 0.2, x, y, r * 3);
  glow.addColorStop(0, colour); glow.addColorStop(1, 'rgba(255,255,255,0)');
  g.fillStyle = glow; g.beginPath(); g.arc(x, y, r * 3, 0, 7); g.fill();
  g.fillStyle = colour; g.beginPath(); g.arc(x, y, r, 0, 7); g.fill();
}
function ridge(g, w, h, base, amp, waves, phase, colour) {
  g.fillStyle = colour; g.beginPath(); g.moveTo(0, h);
  for (let x = 0; x <= w; x += 4) {
    let y = base;
    waves.forEach((k, i) => { y -= amp / (i + 1) * Math.sin(x / w * Math.PI * k + phase * (i + 1)); });
    g.lineTo(x, y);
  }
  g.lineTo(w, h); g.closePath(); g.fill();
}
function peaks(g, w, h, base, height, count, seed, colour) {
  g.fillStyle = colour; g.beginPath(); g.moveTo(0, h); g.lineTo(0, base);
  let r = seed;
  const rand = () => { r = (r * 9301 + 49297) % 233280; return r / 233280; };
  for (let i = 0; i <= count; i++) {
    const x = i / count * w;
    g.lineTo(x - w / count / 2, base - height * (0.3 + 0.7 * rand()));
    g.lineTo(x, base - height * 0.15 * rand());
  }
  g.lineTo(w, h); g.closePath(); g.fill();
}
function dunes(w, h) {
  const c = canvas(w, h), g = c.getContext('2d');
  sky(g, w, h, '#1d2b64', '#f8b26a');
  sun(g, w * 0.68, h * 0.58, h * 0.09, '#ffe29a');
  ridge(g, w, h, h * 0.70, h * 0.06, [2, 5], 0.3, '#c8743c');
  ridge(g, w, h, h * 0.80, h * 0.07, [1.5, 4], 1.7, '#a8552a');
  ridge(g, w, h, h * 0.92, h * 0.05, [2.5, 6], 2.9, '#7c3b1d');
  return c;
}
function mountains(w, h, t) {
  const c = canvas(w, h), g = c.getContext('2d');
  sky(g, w, h, `hsl(${205 - 20 * t}, 60%, ${30 + 25 * t}%)`, `hsl(${30 + 10 * t}, 80%, ${70 + 10 * t}%)`);
  sun(g, w * (0.2 + 0.6 * t), h * (0.55 - 0.3 * Math.sin(Math.PI * t)), h * 0.07, '#fff4c2');
  peaks(g, w, h, h * 0.72, h * 0.45, 6, 11, '#5b6c8a');
  peaks(g, w, h, h * 0.86, h * 0.35, 9, 23, '#3c4a63');
  ridge(g, w, h, h * 0.95, h * 0.04, [3, 7], 0.5, '#1f2a3b');
  return c;
}
function player(w, h) {
  const c = canvas(w, h), g = c.getContext('2d');
  sky(g, w, h, '#202020', '#484848');
  g.fillStyle = '#e62117';
  const bw = w * 0.22, bh = bw * 0.7, x = (w - bw) / 2, y = (h - bh) / 2, r = bh * 0.25;
  g.beginPath(); g.moveTo(x + r, y); g.arcTo(x + bw, y, x + bw, y + bh, r); g.arcTo(x + bw, y + bh, x, y + bh, r);
  g.arcTo(x, y + bh, x, y, r); g.arcTo(x, y, x + bw, y, r); g.fill();
  g.fillStyle = '#fff'; g.beginPath();
  g.moveTo(x + bw * 0.4, y + bh * 0.28); g.lineTo(x + bw * 0.66, y + bh * 0.5); g.lineTo(x + bw * 0.4, y + bh * 0.72); g.fill();
  return c;
}
const jpeg = c => c.toDataURL('image/jpeg', 0.82).split(',')[1];
async function video(w, h, seconds) {
  const c = canvas(w, h), g = c.getContext('2d');
  const frames = seconds * 25;
  let n = 0;
  const frame = () => { g.drawImage(mountains(w, h, n / frames), 0, 0); n++; };
  frame();
  const recorder = new MediaRecorder(c.captureStream(25), {mimeType: 'video/mp4;codecs=avc1', videoBitsPerSecond: 250000});
  const chunks = [];
  recorder.ondataavailable = e => chunks.push(e.data);
  const stopped = new Promise(done => recorder.onstop = done);
  recorder.start();
  const timer = setInterval(frame, 40);
  await new Promise(done => setTimeout(done, seconds * 1000));
  clearInterval(timer); recorder.stop(); await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let text = ''; for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}
"""

FILES = {
    "dunes.jpg": "jpeg(dunes(480, 320))",
    "youtube-poster.jpg": "jpeg(player(480, 270))",
    "mountains-0.jpg": "jpeg(mountains(480, 270, 0.1))",
    "mountains-1.jpg": "jpeg(mountains(480, 270, 0.37))",
    "mountains-2.jpg": "jpeg(mountains(480, 270, 0.63))",
    "mountains-3.jpg": "jpeg(mountains(480, 270, 0.9))",
    "mountains.mp4": "await video(320, 180, 2)",
}


class Chromium:
    """Headless Chromium spoken to over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():
            # Pipes are close-on-exec; duplicates made here are not.
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--remote-debugging-pipe", "about:blank"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.pending = b""
        self.next_id = 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def call(self, method, params, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.pending:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    raise SystemExit("chromium closed the pipe")
                self.pending += chunk
            line, self.pending = self.pending.split(b"\0", 1)
            answer = json.loads(line)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise SystemExit(f"{method}: {answer['error']}")
                return answer["result"]

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "awaitPromise": True, "returnByValue": True},
                           self.session)
        if "exceptionDetails" in result:
            raise SystemExit(f"{expression}: {result['exceptionDetails']}")
        return result["result"]["value"]

    def close(self):
        try:
            self.call("Browser.close", {})
        except SystemExit:
            pass
        self.process.wait(timeout=30)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="progallery-seed-media-") as profile:
        browser = Chromium(profile)
        try:
            for name, call in FILES.items():
                data = base64.b64decode(browser.evaluate(f"(async () => {{ {DRAW}; return {call}; }})()"))
                with open(os.path.join(OUT, name), "wb") as out:
                    out.write(data)
                print(f"{name}: {len(data)} bytes")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
