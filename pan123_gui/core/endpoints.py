"""Where the 123pan Open API lives: the base URL, its environment override and the endpoint paths.

No httpx here, so start-up (``app.py``) and the pacing table read these facts without loading the HTTP stack.
"""

from __future__ import annotations

import os
from typing import Final

__all__ = [
    "ACCESS_TOKEN_PATH",
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DIRECT_LINK_PATH",
    "FILE_DETAIL_PATH",
    "FILE_INFOS_PATH",
    "FILE_LIST_PATH",
    "LINK_CACHE_REFRESH_PATH",
    "SHARE_CREATE_PATH",
    "SHARE_LIST_PATH",
    "SPACE_DISABLE_PATH",
    "SPACE_ENABLE_PATH",
    "USER_INFO_PATH",
    "api_base_url",
]

DEFAULT_BASE_URL: Final = "https://open-api.123pan.com"
#: Environment variable that points the app at another API (the demo / fake API in tests).
BASE_URL_ENV: Final = "PAN123_API_BASE"

ACCESS_TOKEN_PATH: Final = "/api/v1/access_token"
DIRECT_LINK_PATH: Final = "/api/v1/direct-link/url"
USER_INFO_PATH: Final = "/api/v1/user/info"
FILE_INFOS_PATH: Final = "/api/v1/file/infos"
FILE_DETAIL_PATH: Final = "/api/v1/file/detail"
SPACE_ENABLE_PATH: Final = "/api/v1/direct-link/enable"
SPACE_DISABLE_PATH: Final = "/api/v1/direct-link/disable"
LINK_CACHE_REFRESH_PATH: Final = "/api/v1/direct-link/cache/refresh"
SHARE_CREATE_PATH: Final = "/api/v1/share/create"
SHARE_LIST_PATH: Final = "/api/v1/share/list"
FILE_LIST_PATH: Final = "/api/v2/file/list"


def api_base_url() -> str:
    """The API base URL: env ``PAN123_API_BASE`` (the demo/fake API) or the real host, without a trailing slash."""
    value = os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL
    return value.rstrip("/")
