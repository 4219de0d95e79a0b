"""The demo account's files and a sample paste text for the window's demo mode (``pan123-gui --demo``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SampleFile:
    file_id: int
    name: str
    size: int
    direct_link: bool = True
    folder: bool = False
    trashed: bool = False
    parent: str | None = None  # None: the fake's default folder (a direct-link folder, or a plain one)


VIDEO_ID = 10861131  # the file of the official doc example: 测试直链文件夹/我从草原来.mp4
NOT_DIRECT_LINK_ID = 10861190  # a file outside any direct-link space
FOLDER_ID = 10861100  # a folder (no direct link for folders)
TRASHED_ID = 10861199  # in the recycle bin
UNKNOWN_ID = 99999999  # no such file on the demo account

SAMPLE_FILES: tuple[SampleFile, ...] = (
    SampleFile(VIDEO_ID, "我从草原来.mp4", 187_654_321),
    SampleFile(10861132, "2024年度报告.pdf", 3_482_112),
    SampleFile(10861133, "Project Plan Q3.docx", 48_213),
    SampleFile(10861134, "产品介绍 - 最终版.pptx", 12_901_544),
    SampleFile(10861135, "ubuntu-24.04.1-desktop-amd64.iso", 6_203_355_136),
    SampleFile(10861136, "照片合集 2023.zip", 1_073_741_824),
    SampleFile(10861137, "周杰伦 - 晴天.flac", 41_935_872),
    SampleFile(10861138, "Meeting notes (draft).txt", 2_048),
    SampleFile(10861139, "数据集_v2.csv", 734_003),
    SampleFile(10861140, "100% 纯音乐 #1.mp3", 8_388_608, parent="音乐 & 播客"),
    SampleFile(10861141, "empty.log", 0),
    SampleFile(NOT_DIRECT_LINK_ID, "私人文件.docx", 96_512, direct_link=False),
    SampleFile(FOLDER_ID, "直链素材", 1_258_291_200, folder=True),
    SampleFile(TRASHED_ID, "旧版本备份.zip", 52_428_800, trashed=True),
)

SAMPLE_IDS: tuple[int, ...] = tuple(f.file_id for f in SAMPLE_FILES)

#: what a user might paste: several separators (full-width ones too), an API URL with fileID=, a share-page style
#: line, a duplicate, a file outside a direct-link space, a folder and an ID the account does not have.
DEMO_IDS_TEXT = (
    "10861131, 10861132；10861133\n"
    "https://open-api.123pan.com/api/v1/direct-link/url?fileID=10861134\n"
    "10861135\t10861136 10861137、10861138\n"
    "fileID=10861139\n"
    "10861131\n"
    "10861140 | 10861190 | 10861100 | 99999999\n"
)

#: the unique IDs of DEMO_IDS_TEXT in first-seen order
DEMO_TEXT_IDS: tuple[int, ...] = (
    10861131,
    10861132,
    10861133,
    10861134,
    10861135,
    10861136,
    10861137,
    10861138,
    10861139,
    10861140,
    NOT_DIRECT_LINK_ID,
    FOLDER_ID,
    UNKNOWN_ID,
)
