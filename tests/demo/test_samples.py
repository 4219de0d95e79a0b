"""The demo data: realistic files for every outcome, and a paste text whose IDs the core extracts as documented."""

from __future__ import annotations

from conftest import Wire

from pan123_gui.core.ids import extract_ids, scan_ids
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    DEMO_IDS_TEXT,
    DEMO_TEXT_IDS,
    FOLDER_ID,
    NOT_DIRECT_LINK_ID,
    SAMPLE_FILES,
    SAMPLE_IDS,
    TRASHED_ID,
    UNKNOWN_ID,
    VIDEO_ID,
)


def test_sample_ids_are_unique_and_cover_every_outcome() -> None:
    assert len(SAMPLE_IDS) == len(set(SAMPLE_IDS)) >= 12
    by_id = {f.file_id: f for f in SAMPLE_FILES}
    assert by_id[VIDEO_ID].name == "我从草原来.mp4"
    assert not by_id[NOT_DIRECT_LINK_ID].direct_link
    assert by_id[FOLDER_ID].folder and by_id[TRASHED_ID].trashed
    assert UNKNOWN_ID not in by_id
    assert any(f.size > 2**32 for f in SAMPLE_FILES)  # sizes beyond 32 bits
    assert any(f.name.isascii() for f in SAMPLE_FILES) and any(not f.name.isascii() for f in SAMPLE_FILES)


def test_demo_text_yields_the_documented_ids() -> None:
    assert extract_ids(DEMO_IDS_TEXT) == list(DEMO_TEXT_IDS)
    scan = scan_ids(DEMO_IDS_TEXT)
    assert scan.duplicates == 1
    assert "fileID=" in DEMO_IDS_TEXT and "\t" in DEMO_IDS_TEXT and "；" in DEMO_IDS_TEXT


def test_demo_text_ids_answer_as_the_demo_expects(wire: Wire, fake_api: FakeApiServer) -> None:
    codes = {file_id: wire.link(file_id).code for file_id in DEMO_TEXT_IDS}
    assert codes[NOT_DIRECT_LINK_ID] != 0 and codes[FOLDER_ID] != 0 and codes[UNKNOWN_ID] == 5066
    assert [i for i, c in codes.items() if c == 0] == list(DEMO_TEXT_IDS[:10])
