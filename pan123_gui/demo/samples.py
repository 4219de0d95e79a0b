"""The demo account's drive (a small real tree) and a sample paste text for the window's demo mode (``--demo``).

The drive, from its top::

    测试直链文件夹/          a direct-link space
        我从草原来.mp4 … empty.log, 旧版本备份.zip (in the recycle bin)
        直链素材/            a folder (FOLDER_ID)
            第一季/          121 files: more than one page of file/list (one of them in the recycle bin)
            封面/            three pictures
            未通过审核.mp4   blocked by content review (status > 100)
        空文件夹/            an empty folder
    音乐 & 播客/             a second direct-link space
    我的资源/                a top-level folder that is not a direct-link space
        私人文件.docx
    使用说明.txt             a file at the top of the drive (outside any space)
"""

from __future__ import annotations

from dataclasses import dataclass

ROOT_ID = 0  # parentFileId of the top of the drive
SPACE_ID = 10861000  # 测试直链文件夹, a direct-link space
PLAIN_FOLDER_ID = 10861001  # 我的资源, a top-level folder that is not a space
MUSIC_SPACE_ID = 10861002  # 音乐 & 播客, a second space
SEASON_ID = 10861101  # 测试直链文件夹/直链素材/第一季: more than 100 files
COVERS_ID = 10861102  # 测试直链文件夹/直链素材/封面
EMPTY_FOLDER_ID = 10861103  # 测试直链文件夹/空文件夹

VIDEO_ID = 10861131  # the file of the official doc example: 测试直链文件夹/我从草原来.mp4
NOT_DIRECT_LINK_ID = 10861190  # a file outside any direct-link space (我的资源/私人文件.docx)
FOLDER_ID = 10861100  # a folder (no direct link for folders): 测试直链文件夹/直链素材
TRASHED_ID = 10861199  # in the recycle bin
UNKNOWN_ID = 99999999  # no such file on the demo account
TOP_FILE_ID = 10861180  # 使用说明.txt, at the top of the drive
BLOCKED_ID = 10861150  # 直链素材/未通过审核.mp4, status 145 (blocked by content review)
FIRST_EPISODE_ID = 10862001  # 第一季/第001集.mp4 … 第120集.mp4 are 10862001 … 10862120
EPISODES = 120
TRASHED_EPISODE_ID = 10862121  # 第一季/第121集（删除）.mp4, in the recycle bin

#: a web address of the 直链素材 folder as the newer 123pan web app writes it (the last number is the folder)
FOLDER_ADDRESS = f"https://www.123pan.com/?homeFilePath={SPACE_ID}%2C{FOLDER_ID}"


@dataclass(frozen=True, slots=True)
class SampleFile:
    """A file or folder of the demo drive. ``parent`` is its folder's ID (ROOT_ID: the top of the drive)."""

    file_id: int
    name: str
    size: int
    folder: bool = False
    trashed: bool = False
    parent: int = SPACE_ID
    space: bool = False  # a top-level folder whose direct-link space is on
    status: int = 2  # > 100: blocked by content review

    @property
    def direct_link(self) -> bool:
        """A file inside a direct-link space (its top-level folder is a space)."""
        if self.folder:
            return False
        top = self
        while top.parent != ROOT_ID:
            top = _FOLDERS[top.parent]
        return top.folder and top.space


#: URL-signing key of the demo account (the fake API does not check signatures; this only makes signing visible).
DEMO_SIGN_KEY = "demo-sign-key"
#: Latency the demo's stand-in API adds to each request, so progress is visible like on the real service.
DEMO_LATENCY = 0.15

#: the headline samples, one per outcome (what the README, the demo text and most tests use)
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
    SampleFile(10861140, "100% 纯音乐 #1.mp3", 8_388_608, parent=MUSIC_SPACE_ID),
    SampleFile(10861141, "empty.log", 0),
    SampleFile(NOT_DIRECT_LINK_ID, "私人文件.docx", 96_512, parent=PLAIN_FOLDER_ID),
    SampleFile(FOLDER_ID, "直链素材", 1_258_291_200, folder=True),
    SampleFile(TRASHED_ID, "旧版本备份.zip", 52_428_800, trashed=True),
)

#: the folders of the drive that are not headline samples
SAMPLE_FOLDERS: tuple[SampleFile, ...] = (
    SampleFile(SPACE_ID, "测试直链文件夹", 0, folder=True, parent=ROOT_ID, space=True),
    SampleFile(PLAIN_FOLDER_ID, "我的资源", 0, folder=True, parent=ROOT_ID),
    SampleFile(MUSIC_SPACE_ID, "音乐 & 播客", 0, folder=True, parent=ROOT_ID, space=True),
    SampleFile(SEASON_ID, "第一季", 0, folder=True, parent=FOLDER_ID),
    SampleFile(COVERS_ID, "封面", 0, folder=True, parent=FOLDER_ID),
    SampleFile(EMPTY_FOLDER_ID, "空文件夹", 0, folder=True, parent=SPACE_ID),
)

#: the rest of the drive's files
SAMPLE_TREE_FILES: tuple[SampleFile, ...] = (
    SampleFile(TOP_FILE_ID, "使用说明.txt", 1_536, parent=ROOT_ID),
    SampleFile(BLOCKED_ID, "未通过审核.mp4", 73_400_320, parent=FOLDER_ID, status=145),
    *(SampleFile(10861160 + i, f"cover-{i:02d}.jpg", 204_800 + i * 1_024, parent=COVERS_ID) for i in range(1, 4)),
    *(
        SampleFile(FIRST_EPISODE_ID + i, f"第{i + 1:03d}集.mp4", 350_000_000 + i * 1_234_567, parent=SEASON_ID)
        for i in range(EPISODES)
    ),
    SampleFile(TRASHED_EPISODE_ID, "第121集（删除）.mp4", 349_000_000, parent=SEASON_ID, trashed=True),
)

_FOLDERS: dict[int, SampleFile] = {f.file_id: f for f in (*SAMPLE_FOLDERS, *SAMPLE_FILES) if f.folder}


def _depth(item: SampleFile) -> int:
    depth = 0
    while item.parent != ROOT_ID:
        item = _FOLDERS[item.parent]
        depth += 1
    return depth


#: every item of the drive, each folder before what it holds (the order to add them in)
SAMPLE_DRIVE: tuple[SampleFile, ...] = tuple(
    sorted((*SAMPLE_FOLDERS, *SAMPLE_FILES, *SAMPLE_TREE_FILES), key=lambda f: (not f.folder, _depth(f)))
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
