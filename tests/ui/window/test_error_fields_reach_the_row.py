"""The server's facts travel as fields: code, x-traceID and the server's own message go from the fake API's answer
over real loopback HTTP into the LinkResult and from there into the row's tooltip, without parsing any text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from pan123_gui.core.client import build_client
from pan123_gui.core.credentials import Credentials
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.core.resolver import Resolver
from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import UNKNOWN_ID
from pan123_gui.ui.results.model import COL_STATUS, ResultsModel


def resolve_one(api: FakeApiServer, file_id: int) -> LinkResult:
    client = build_client(Credentials(access_token=api.issue_token()), store=None, base_url=api.base_url)
    with client:
        (row,) = Resolver(client).resolve([file_id])
    return row


def test_code_trace_id_and_server_message_reach_the_tooltip(qapp: Any, fake_api: FakeApiServer) -> None:
    row = resolve_one(fake_api, UNKNOWN_ID)
    assert row.error_kind is ErrorKind.NOT_FOUND and row.error_code == ep.CODE_NOT_FOUND
    assert row.server_message == ep.MSG_NOT_FOUND
    assert row.trace_id is not None and "_kong-db-" in row.trace_id  # the fake's x-traceID, carried as it came

    model = ResultsModel()
    model.add_pending([UNKNOWN_ID])
    model.apply_results([row])
    tip = model.data(model.index(0, COL_STATUS), Qt.ItemDataRole.ToolTipRole)
    assert f"Trace ID for 123pan support: {row.trace_id}" in tip


def test_an_api_error_quotes_the_server_from_the_field(qapp: Any) -> None:
    # The English line may say anything: the row shows the server_message field, and the trace_id field.
    row = LinkResult(
        7,
        error="anything at all [x-traceID from-the-text]",
        error_kind=ErrorKind.API,
        error_code=1010,
        trace_id="from-the-field",
        server_message="权限不足",
    )
    model = ResultsModel()
    model.add_pending([7])
    model.apply_results([row])
    tip = model.data(model.index(0, COL_STATUS), Qt.ItemDataRole.ToolTipRole)
    assert tip == "123pan said: 权限不足 (code 1010)\nTrace ID for 123pan support: from-the-field"
    accessible = model.data(model.index(0, COL_STATUS), Qt.ItemDataRole.AccessibleTextRole)
    assert "权限不足" in accessible and "from-the-text" not in accessible
