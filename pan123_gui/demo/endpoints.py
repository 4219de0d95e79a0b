"""Paths, codes and messages the fake 123pan API answers with (one place, so tests and docs can refer to them).

Codes 0, 1, 401, 429, 5066 and 5113 are documented by 123pan. The others are ASSUMPTIONS of this fake (the real
platform documents no code for them); see the module docstring of ``fake_api``.
"""

from __future__ import annotations

ACCESS_TOKEN = "/api/v1/access_token"
DIRECT_LINK_URL = "/api/v1/direct-link/url"
USER_INFO = "/api/v1/user/info"
FILE_INFOS = "/api/v1/file/infos"
FILE_DETAIL = "/api/v1/file/detail"
SPACE_ENABLE = "/api/v1/direct-link/enable"
SPACE_DISABLE = "/api/v1/direct-link/disable"
LINK_CACHE_REFRESH = "/api/v1/direct-link/cache/refresh"
SHARE_CREATE = "/api/v1/share/create"
SHARE_LIST = "/api/v1/share/list"
FILE_LIST = "/api/v2/file/list"

#: method and path of every route the fake serves
ROUTES: dict[str, str] = {
    ACCESS_TOKEN: "POST",
    DIRECT_LINK_URL: "GET",
    USER_INFO: "GET",
    FILE_INFOS: "POST",
    FILE_DETAIL: "GET",
    SPACE_ENABLE: "POST",
    SPACE_DISABLE: "POST",
    LINK_CACHE_REFRESH: "POST",
    SHARE_CREATE: "POST",
    SHARE_LIST: "GET",
    FILE_LIST: "GET",
}

#: default per-endpoint limits (requests per second); 123pan's tables, OpenList's 5/s for direct links
DEFAULT_RATES: dict[str, float] = {
    DIRECT_LINK_URL: 5.0,
    USER_INFO: 10.0,
    FILE_INFOS: 10.0,
    FILE_DETAIL: 5.0,
    FILE_LIST: 5.0,  # v2 file/list: 5/s free, 10/s VIP in the 2025-10 developer table
    ACCESS_TOKEN: 8.0,
}

DIRECT_LINK_HOST = "https://vip.123pan.cn"

# documented codes
OK = 0
CODE_INTERNAL = 1
CODE_UNAUTHORIZED = 401
CODE_TOO_MANY = 429
CODE_NOT_FOUND = 5066
CODE_TRAFFIC = 5113
# assumed codes (undocumented on the real platform)
CODE_BAD_PARAM = 400
CODE_NOT_DIRECT_LINK = 5067

MSG_OK = "ok"
MSG_INTERNAL = "内部错误，请稍后重试"
MSG_TOKEN_INVALID = "access_token无效"
MSG_TOKEN_EXPIRED = "access_token已过期"
MSG_TOKEN_KICKED = "tokens number has exceeded the limit"
MSG_BAD_CLIENT = "clientID或clientSecret错误"
MSG_TOO_MANY = "操作频繁，请稍后再试"
MSG_NOT_FOUND = "文件不存在，检查传入fileId是否正确"
MSG_TRAFFIC = "直链流量不足，流量超限"
MSG_NOT_DIRECT_LINK = "该文件不在直链空间内，请先在直链空间中启用其所在文件夹（需开通会员）"
MSG_FOLDER = "文件夹不支持获取直链，请传入文件的fileID"
MSG_PLATFORM = "Platform参数错误，固定为open_platform"
MSG_BAD_JSON = "请求参数格式错误"
MSG_TOO_MANY_IDS = "fileIds最多支持100个"
MSG_EMPTY_IDS = "fileIds不能为空"
MSG_NO_ROUTE = "no Route matched with those values"

MSG_BAD_PARENT = "parentFileId参数错误"
MSG_BAD_LIMIT = "limit参数错误，取值范围1-100"
MSG_BAD_LAST = "lastFileId参数错误"
MSG_BAD_SEARCH_MODE = "searchMode参数错误"

MAX_INFO_IDS = 100
MAX_LIST_LIMIT = 100


def api_path(path: str) -> str:
    """``"direct-link/url"``, ``"/direct-link/url"`` and ``"/api/v1/direct-link/url"`` all name the same endpoint;
    ``"file/list"`` is the v2 listing (the only file/list the fake serves)."""
    if path == "*" or path.startswith("/api/"):
        return path
    if path.strip("/") == "file/list":
        return FILE_LIST
    return "/api/v1/" + path.lstrip("/")
