"""file/list answers the fake never gives, over httpx.MockTransport: spellings the real API may use, broken paging,
and the parameters sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pan123_gui.core._http import httpx, new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import FILE_LIST_PATH
from pan123_gui.core.errors import MalformedResponseError
from pan123_gui.core.limiter import EndpointLimiters
from pan123_gui.core.listing import list_folder
from pan123_gui.core.models import AccessToken
from pan123_gui.core.tokens import TokenManager

FAR = datetime.now(UTC) + timedelta(days=20)


def item(file_id: int, **extra: object) -> dict[str, object]:
    return {"fileId": file_id, "filename": f"f{file_id}", "type": 0, "size": 1, "parentFileId": 9, **extra}


def client_for(pages: list[object]) -> tuple[Pan123Client, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        data = pages[min(len(seen), len(pages)) - 1]
        return httpx.Response(200, json={"code": 0, "message": "ok", "data": data, "x-traceID": "t"})

    http = new_http_client("http://api.test", transport=httpx.MockTransport(answer))
    tokens = TokenManager(token=AccessToken("tok", FAR), fetch=None)
    return Pan123Client(http, tokens, limiters=EndpointLimiters({FILE_LIST_PATH: 1000.0})), seen


def test_string_numbers_and_a_null_list_are_understood() -> None:
    client, seen = client_for([{"lastFileId": "5", "fileList": [item(5)]}, {"lastFileId": "-1", "fileList": None}])
    assert [i.file_id for i in list_folder(client, 9)] == [5]
    assert [r.url.params.get("lastFileId") for r in seen] == [None, "5"]


def test_trashed_flags_in_any_spelling_are_dropped() -> None:
    page = {"lastFileId": -1, "fileList": [item(1, trashed=1), item(2, trashed=True), item(3, trashed="0"), item(4)]}
    client, _ = client_for([page])
    assert [i.file_id for i in list_folder(client, 9)] == [3, 4]


@pytest.mark.parametrize(
    "data",
    [None, [], {"fileList": []}, {"lastFileId": "x", "fileList": []}, {"lastFileId": -1, "fileList": "no"}],
)
def test_an_answer_without_paging_facts_is_malformed(data: object) -> None:
    client, _ = client_for([data])
    with pytest.raises(MalformedResponseError):
        list_folder(client, 9)


def test_a_listing_that_goes_round_in_circles_stops() -> None:
    client, seen = client_for([{"lastFileId": 7, "fileList": [item(7)]}, {"lastFileId": 7, "fileList": [item(7)]}])
    with pytest.raises(MalformedResponseError):
        list_folder(client, 9)
    assert len(seen) == 2


def test_limit_is_bounded_and_search_parameters_are_sent() -> None:
    client, seen = client_for([{"lastFileId": -1, "fileList": []}])
    with pytest.raises(ValueError):
        client.file_list_page(0, limit=101)
    client.file_list_page(0, search="a b", exact=True, last_file_id=0)
    params = dict(seen[0].url.params)
    assert params == {"parentFileId": "0", "limit": "100", "searchData": "a b", "searchMode": "1"}
    assert seen[0].headers["Authorization"] == "Bearer tok" and seen[0].headers["Platform"] == "open_platform"
