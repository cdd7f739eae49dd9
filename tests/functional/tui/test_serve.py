"""``chatbot serve``: the chat in a browser through textual-serve.

The slow test starts its own server on 127.0.0.1 and drives Debian's chromium, headless,
through the DevTools protocol: the page loads, a question typed into it is answered (the
session saved with ctrl+s holds the answer), and a screenshot is taken.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from chatbot.tui.serve import chat_command, serve

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1200,800", "--remote-debugging-port=0",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_taken_port_gets_a_clear_message(capsys):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert serve("127.0.0.1", port, None, None) == 1
    message = capsys.readouterr().err
    assert f"المنفذ {port} مشغول" in message and "already in use" in message and "--port" in message


def test_each_tab_runs_this_chat_with_its_options(tmp_path):
    command = chat_command(tmp_path / "lectures", None, None, "en")
    assert command.startswith(sys.executable) and "-m chatbot.cli --rtl app --lang en" in command
    assert f"--corpus {tmp_path / 'lectures'}" in command


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def answering(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class DevTools:
    """The few DevTools protocol calls the test needs, over aiohttp's websocket client."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0

    async def call(self, method: str, **params):
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json(timeout=30)
            if message.get("id") == self.next_id:
                return message.get("result", {})

    async def key(self, key: str, code: str, vk: int, text: str = "", modifiers: int = 0) -> None:
        for kind in ("keyDown", "keyUp"):
            await self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code,
                            windowsVirtualKeyCode=vk, text=text if kind == "keyDown" else "",
                            modifiers=modifiers)


async def drive(page_ws: str, sessions: Path, shot: Path) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as http, http.ws_connect(page_ws, max_msg_size=0) as ws:
        tools = DevTools(ws)

        async def evaluate(expression: str):
            return (await tools.call("Runtime.evaluate", expression=expression, returnByValue=True))["result"].get("value")

        for _ in range(150):  # the app's first bytes reached the page
            if await evaluate("document.body.classList.contains('-first-byte')"):
                break
            await asyncio.sleep(0.2)
        else:
            raise AssertionError("the app never drew in the page")
        await asyncio.sleep(6)  # the engine opens after the first frame
        await evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await tools.call("Input.insertText", text="ما مراحل الحكومة الالكترونية")
        await tools.key("Enter", "Enter", 13, "\r")
        await asyncio.sleep(4)
        await tools.key("s", "KeyS", 83, modifiers=2)  # ctrl+s: save the session
        for _ in range(100):
            if list(sessions.glob("chatbot-session-*.md")):
                break
            await asyncio.sleep(0.2)
        shot.write_bytes(base64.b64decode((await tools.call("Page.captureScreenshot", format="png"))["data"]))


@pytest.mark.slow
def test_the_chat_answers_in_a_headless_browser(tmp_path, corpus):
    browser = shutil.which("chromium")
    if browser is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    lectures, index = corpus
    port = free_port()
    sessions = tmp_path / "sessions"
    env = {**os.environ, "CHATBOT_SESSIONS_DIR": str(sessions)}
    server = subprocess.Popen(
        [sys.executable, "-m", "chatbot.cli", "serve", "--port", str(port),
         "--corpus", str(lectures), "--index", str(index)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    chrome = None
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: answering(url), 30, "the server")
        chrome = subprocess.Popen(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", url],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        assert chrome.stderr is not None
        devtools = wait_for(
            lambda: re.search(r"ws://127\.0\.0\.1:(\d+)/", chrome.stderr.readline() or ""), 30, "chromium"
        )
        listing = f"http://127.0.0.1:{devtools.group(1)}/json/list"
        pages = wait_for(
            lambda: [t for t in json.load(urllib.request.urlopen(listing)) if t["type"] == "page"], 30, "the page"
        )
        shot = tmp_path / "chat.png"
        asyncio.run(drive(pages[0]["webSocketDebuggerUrl"], sessions, shot))
        assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
        [saved] = sessions.glob("chatbot-session-*.md")
        body = saved.read_text(encoding="utf-8")
        assert "## ما مراحل الحكومة الالكترونية" in body and "مرحلة التبادل" in body
    finally:
        if chrome is not None:
            chrome.terminate()
            chrome.wait(timeout=10)
        os.killpg(server.pid, signal.SIGTERM)  # the server and the chat it started for the tab
        server.wait(timeout=10)
