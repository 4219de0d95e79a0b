"""QR codes: the PNG and the matrix decode back (zxing-cpp) to exactly the text that went in."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from pan123_gui.core.qr import DEFAULT_BORDER, qr_matrix, qr_png
from pan123_gui.core.shares import share_url

SHARE_LINK = share_url("Ab3dE-fG7hJ")
DIRECT_LINK = "https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95/%E6%88%91%E4%BB%8E%E8%8D%89%E5%8E%9F%E6%9D%A5.mp4"


def decode_png(png: bytes) -> list[str]:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull(), "not a PNG Qt can read"
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    bits = bytes(grey.constBits())
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(height))  # without the line padding
    view = memoryview(rows).cast("B", shape=[height, width])
    return [barcode.text for barcode in zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)]


def decode_matrix(matrix: list[list[bool]], scale: int = 4, border: int = DEFAULT_BORDER) -> list[str]:
    """Paint the modules into an 8-bit grey image (dark = 0) with a quiet zone and decode it."""
    size = (len(matrix) + 2 * border) * scale
    pixels = bytearray(b"\xff" * size * size)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    start = ((y + border) * scale + dy) * size + (x + border) * scale
                    pixels[start : start + scale] = b"\x00" * scale
    view = memoryview(bytes(pixels)).cast("B", shape=[size, size])
    return [barcode.text for barcode in zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.mark.parametrize("text", [SHARE_LINK, DIRECT_LINK, "链接：https://www.123pan.com/s/Ab3dE-fG7hJ 提取码：ab12"])
def test_png_decodes_back_to_the_text(text: str) -> None:
    assert decode_png(qr_png(text)) == [text]


def test_matrix_decodes_back_to_the_link() -> None:
    matrix = qr_matrix(SHARE_LINK)
    assert len(matrix) == len(matrix[0]) >= 21  # square, at least version 1
    assert decode_matrix(matrix) == [SHARE_LINK]


def test_png_size_follows_scale_and_quiet_zone() -> None:
    modules = len(qr_matrix(SHARE_LINK))
    image = QImage.fromData(qr_png(SHARE_LINK, scale=10), "PNG")
    assert image.width() == image.height() == (modules + 2 * DEFAULT_BORDER) * 10
    assert image.pixelColor(0, 0).lightness() == 255  # the quiet zone is white
    assert image.pixelColor(DEFAULT_BORDER * 10, DEFAULT_BORDER * 10).lightness() == 0  # a finder pattern corner


def test_a_different_link_gives_a_different_code() -> None:
    assert decode_png(qr_png(share_url("Zz9yY-xX8wW"))) != [SHARE_LINK]


@pytest.mark.parametrize(("text", "kw"), [("", {}), ("x" * 2001, {}), ("x", {"scale": 0}), ("x", {"border": -1})])
def test_refuses_what_cannot_be_a_usable_code(text: str, kw: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        qr_png(text, **kw)
