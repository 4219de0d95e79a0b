"""Qt-free core: API client, pacing, tokens, credentials, ID extraction, signing, resolver.

Nothing under this package imports PySide6; only ``_http`` imports httpx.
"""
