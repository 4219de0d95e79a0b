"""The fake's direct-link space switches: ``POST /api/v1/direct-link/enable|disable {"fileID": folder}`` and
``POST /api/v1/direct-link/cache/refresh``.

enable/disable answer ``{"filename": <the folder's name>}`` for a folder directly under the top of the drive (both
are idempotent) and refuse anything else. ASSUMPTIONS (the real codes and texts are undocumented): a body without a
numeric ``fileID`` → code 400; an ID the account does not have (or in the recycle bin) → 5066; a file, or a folder
that is not at the top of the drive → code 400 "只有根目录下的文件夹可以…"; an account without VIP → code 5120
"开通会员后才能使用直链空间" (invented number). cache/refresh answers ``{}`` and counts the calls.
"""

from __future__ import annotations

import threading

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.routes import Reply, Request, envelope, json_object, ok
from pan123_gui.demo.state import AccountState

CODE_NOT_VIP = 5120  # assumed
#: the answers the fake can give for a file outside every direct-link space (both with MSG_NOT_DIRECT_LINK): the
#: fake's own guess of a specific code, or the generic code 1 the real server may well use
NOT_IN_SPACE_GUESS = ep.CODE_NOT_DIRECT_LINK
NOT_IN_SPACE_ANSWERS = (NOT_IN_SPACE_GUESS, ep.CODE_INTERNAL)
MSG_NOT_TOP_FOLDER = "只有根目录下的文件夹可以开启或关闭直链空间"
MSG_NOT_VIP = "开通会员后才能使用直链空间"
MSG_BAD_FILE_ID = "fileID参数错误"


class SpaceSwitches:
    """The three routes over the account's drive (its spaces live in :class:`AccountState`). Thread-safe."""

    def __init__(self, state: AccountState) -> None:
        self._state = state
        self._lock = threading.Lock()
        self.cache_refreshes = 0
        self.switches: list[tuple[int, bool]] = []  # (folder ID, on) of every accepted enable / disable

    def enable(self, request: Request) -> Reply:
        return self._switch(request, on=True)

    def disable(self, request: Request) -> Reply:
        return self._switch(request, on=False)

    def refresh(self, request: Request) -> Reply:
        with self._lock:
            self.cache_refreshes += 1
        return ok({})

    def _switch(self, request: Request, *, on: bool) -> Reply:
        body = json_object(request.body)
        if body is None:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_JSON)
        folder_id = body.get("fileID")
        if not isinstance(folder_id, int) or isinstance(folder_id, bool) or folder_id <= 0:
            return envelope(ep.CODE_BAD_PARAM, MSG_BAD_FILE_ID)
        item = self._state.file(folder_id)
        if item is None or item.trashed:
            return envelope(ep.CODE_NOT_FOUND, ep.MSG_NOT_FOUND)
        if not item.folder or item.parent_id != 0:
            return envelope(ep.CODE_BAD_PARAM, MSG_NOT_TOP_FOLDER)
        if not self._state.vip:
            return envelope(CODE_NOT_VIP, MSG_NOT_VIP)
        self._state.set_space(folder_id, on)
        with self._lock:
            self.switches.append((folder_id, on))
        return ok({"filename": item.name})
