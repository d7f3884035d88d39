"""Opening the project in Jupyter works: a server on localhost runs a notebook top to bottom in
the project's kernel, as a researcher's JupyterLab would, and shuts down."""

import asyncio
import json
import urllib.request
import uuid

import nbformat
import pytest

from reportlib.run.batch import KERNEL_NAME
from reportlib.paths import notebooks_dir

from .conftest import jupyter


@pytest.fixture
def server():
    with jupyter("jupyter_server", notebooks_dir()) as running:
        yield running


def _api(base, token, method, path, body=None):
    req = urllib.request.Request(f"{base}{path}?token={token}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        text = resp.read()
    return json.loads(text) if text else None


async def _execute_all(ws_url, cells, timeout=180):
    """Send each cell as an execute_request; return the status of each reply."""
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(ws_url)
    session = uuid.uuid4().hex
    statuses = []
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            ws.write_message(json.dumps({
                "header": {"msg_id": msg_id, "username": "test", "session": session, "msg_type": "execute_request",
                           "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True},
            }))
            while True:
                raw = await asyncio.wait_for(ws.read_message(), timeout)
                msg = json.loads(raw)
                if msg.get("msg_type") == "execute_reply" and msg["parent_header"].get("msg_id") == msg_id:
                    statuses.append(msg["content"]["status"])
                    break
    finally:
        ws.close()
    return statuses


def test_a_notebook_runs_top_to_bottom_through_a_jupyter_server(server, tmp_path, monkeypatch):
    base, token = server
    nb = nbformat.read(notebooks_dir() / "01_corpus_overview.ipynb", as_version=4)
    assert nb.metadata.kernelspec.name == KERNEL_NAME
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    # after the parameters cell, an override as papermill would inject: outputs go to a temporary folder
    code.insert(1, f"out_dir = {str(tmp_path)!r}")
    kernel = _api(base, token, "POST", "/api/kernels", {"name": KERNEL_NAME})
    try:
        ws_url = f"{base.replace('http', 'ws')}/api/kernels/{kernel['id']}/channels?token={token}"
        statuses = asyncio.run(_execute_all(ws_url, code))
    finally:
        _api(base, token, "DELETE", f"/api/kernels/{kernel['id']}")
    assert statuses == ["ok"] * len(code)
    assert (tmp_path / "figures" / "01_report_sizes_zh.pdf").stat().st_size > 0
    assert (tmp_path / "tables" / "01_reports.csv").read_text(encoding="utf-8").count("\n") == 10
