"""read_article on hostile files: encodings, mojibake, binary, empty, devices, size, HTML."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import read_article
from kg.read.reader import MAX_BYTES, decode

HOSTILE = Path(__file__).parent.parent / "data" / "hostile"
PLAIN = "Corea del Norte envió munición a Rusia, según España.\nEl Kremlin lo negó el martes.\n"


@pytest.mark.parametrize(
    "name", ["utf8-bom.txt", "utf16-bom.txt", "mojibake.txt"], ids=lambda n: n.split(".")[0]
)
def test_reader_decodes_to_the_same_text(name: str) -> None:
    article = read_article(HOSTILE / name)
    assert article.text == PLAIN  # BOM dropped, so offsets start at the first letter
    assert [s.text for s in article.sentences][0] == PLAIN.splitlines()[0]
    assert article.sentences[0].start == 0


def test_reader_detects_windows_1252() -> None:
    article = read_article(HOSTILE / "cp1252.txt")
    assert article.text == "«Hoy», dijo el ministro — " + PLAIN


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "empty file"),
        ("nul.txt", "binary file (NUL bytes), not a text article"),
        ("controls.txt", "binary file (control characters)"),
        ("pixel.png", "binary file (PNG image)"),
        ("cp1251-russian.txt", "no confident Western European encoding; it looks like cp1251"),
        ("script-only.html", "HTML page without article text"),
        ("missing.txt", "no such file"),
    ],
)
def test_reader_refuses(name: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        read_article(HOSTILE / name)
    text = str(info.value)
    assert text.startswith(str(HOSTILE / name) + ": ") and message in text
    assert "\n" not in text


def test_reader_refuses_directories_devices_and_big_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)
    if Path("/dev/zero").exists():  # endless: must be refused, never read
        with pytest.raises(InputError, match="not a regular file"):
            read_article("/dev/zero")
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50_000_000)
    with pytest.raises(InputError, match="50,000,000 bytes, more than the 10,000,000"):
        read_article(big)
    assert MAX_BYTES == 10_000_000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_reader_refuses_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_article(fifo)


def test_reader_keeps_control_characters_in_text() -> None:
    article = read_article(HOSTILE / "control-text.txt")
    texts = [s.text for s in article.sentences]
    assert texts == ["Rusia", "ataca.", "El Kremlin", "lo niega.\x07"]
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Irán".encode("utf-32"), "Irán"),
        (b"\xfe\xff" + "Irán".encode("utf-16-be"), "Irán"),
        ("Teherán y Moscú.".encode("latin-1"), "Teherán y Moscú."),
        ("«Sí» — dijo €".encode("cp1252") + b" en Bruselas.", "«Sí» — dijo € en Bruselas."),
        (b"<html><head><meta charset='windows-1252'></head><p>Espa\xf1a</p>", "España"),
        ("EspaÃ±a, PerÃº y MÃ©xico".encode(), "España, Perú y México"),
    ],
    ids=["utf32", "utf16be", "latin1", "cp1252", "declared-charset", "mojibake"],
)
def test_reader_decode(data: bytes, text: str) -> None:
    assert text in decode(data, "x.txt")


def test_reader_decode_refuses_broken_utf16() -> None:
    with pytest.raises(InputError, match=r"x\.txt: not valid UTF-16-LE"):
        decode(b"\xff\xfe" + "Irán".encode("utf-16-le") + b"\x00\xd8", "x.txt")


def test_reader_html_page() -> None:
    article = read_article(HOSTILE / "saved-page.html")
    assert article.title == "Corea del Norte envía tropas a Rusia"
    assert article.published == date(2024, 11, 5)
    assert article.lang == "es"
    assert article.text.startswith("El servicio de inteligencia de Corea del Sur")
    for furniture in ("window.tracking", "Portada", "Apple", "Todos los derechos", "color: red"):
        assert furniture not in article.text
    assert len(article.sentences) == 5
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)


def test_reader_html_published_argument_wins() -> None:
    article = read_article(HOSTILE / "saved-page.html", published=date(2024, 11, 6))
    assert article.published == date(2024, 11, 6)


def test_reader_mojibake_left_alone_when_not_sure() -> None:
    # A single odd pair is real text more often than mojibake; ftfy would make it "Ӈ".
    assert decode("dijo ”á".encode(), "x.txt") == "dijo ”á"


def test_reader_refuses_unrepairable_mojibake() -> None:
    garbled = "á€ ".join("abcdefgh") + "\n"
    with pytest.raises(InputError, match=r"x\.txt: garbled text \(mojibake such as"):
        decode(garbled.encode(), "x.txt")
