"""Store across processes: SIGKILL mid-ingest leaves whole articles; a second writer is refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from rdf_samples import normal
from rdf_store_worker import make_article

from kg.errors import StoreError
from kg.rdf.store import Store

WORKER = Path(__file__).with_name("rdf_store_worker.py")


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_store_processes_sigkill_mid_ingest_keeps_articles_whole(tmp_path: Path) -> None:
    path = tmp_path / "s"
    count = 300
    for round_, kill_after in enumerate([20, 75, 140, 5]):
        worker = start("ingest", str(path), str(count), str(round_))
        assert worker.stdout is not None
        for _ in range(kill_after):
            assert worker.stdout.readline(), "worker ended early"
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        worker.stdout.close()
        assert worker.stdin is not None
        worker.stdin.close()
        with Store.open(path, read_only=True) as store:
            ids = store.articles()
            assert len(ids) >= kill_after
            for article_id in ids:
                i = int(article_id.split("-")[1])
                got = sorted(map(str, map(normal, store.statements(article_id))))
                versions = [
                    sorted(map(str, map(normal, make_article(i, r)[1]))) for r in range(round_ + 1)
                ]
                assert got in versions, f"{article_id} is partly written"
    with Store.open(path) as store:  # and it still opens for writing
        assert store.ingest(*make_article(0, 9))


def test_store_processes_second_writer_gets_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s"
    holder = start("hold", str(path))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="store in use by another kg process") as info:
            Store.open(path)
        assert str(path) in str(info.value)
        with pytest.raises(StoreError, match="in use by another kg process writing"):
            Store.open(path, read_only=True)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    with Store.open(path, read_only=True) as first, Store.open(path, read_only=True) as second:
        assert first.articles() == second.articles() == []
