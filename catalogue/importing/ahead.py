"""A page parsed ahead of its import, possibly in another process (pure Python, picklable).

Import plumbing, so it lives in ``importing``; it needs only the parser (no Django).

The importer hands pages to a worker process that runs ``page_parse_ahead`` while it
writes the previous pages to the database: the two cores of a small machine then
parse and write at the same time.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections import deque
from dataclasses import dataclass

from catalogue.parsing import parse_page
from catalogue.parsing.record import PageError, TitleRecord


@dataclass(frozen=True)
class ParsedPage:
    sha256: str
    record: TitleRecord | None = None
    # record.to_dict() as JSON text, as the source page keeps it: encoded here, in the
    # worker, and cheaper to send across than the dict.
    record_json: str | None = None
    error_message: str | None = None
    error_line: int | None = None

    def record_or_raise(self) -> TitleRecord:
        if self.record is None:
            raise PageError(self.error_message or "the page could not be parsed", line=self.error_line)
        return self.record


def page_parse_ahead(data: bytes, url: str | None = None) -> ParsedPage:
    """Hash and parse one page; a ``PageError`` is carried in the result (exceptions pickle poorly)."""
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        record = parse_page(data, url=url)
    except PageError as error:
        return ParsedPage(sha256, error_message=error.message, error_line=error.line)
    return ParsedPage(sha256, record, json.dumps(record.to_dict()))


class ParseAheadWorker:
    """A worker process that parses pages in the order they are sent, one result per page.

    No thread in this process: the worker's own reader thread drains the pages sent,
    so neither side can block the other for good, and this process only pays for
    sending bytes and unpickling records. (A ``ProcessPoolExecutor`` runs a manager
    thread here that competed with the writes for the GIL.) Any failure of the worker
    makes the remaining results ``None``: the caller parses those pages itself.
    """

    def __init__(self) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._tasks, worker_tasks = context.Pipe()
        worker_results, self._results = context.Pipe()
        # The worker gets this process's ends too, to close them: a forked child that kept
        # them open would never see the pipe close when this process is killed.
        ends = (self._tasks, self._results)
        self._process = context.Process(
            target=_serve, args=(worker_tasks, worker_results, ends, os.getpid()), daemon=True
        )
        self._process.start()
        worker_tasks.close()
        worker_results.close()
        self._waiting: deque[ParseAheadResult] = deque()
        self._broken = False

    def submit(self, data: bytes, url: str | None) -> ParseAheadResult:
        pending = ParseAheadResult(self)
        self._waiting.append(pending)
        if not self._broken:
            try:
                self._tasks.send((data, url))
            except (OSError, ValueError):
                self._broken = True
        return pending

    def _receive_one(self) -> None:
        pending = self._waiting.popleft()
        value = None
        if not self._broken:
            try:
                value = self._results.recv()
            except (EOFError, OSError):
                self._broken = True
        pending._set(value)

    def close(self) -> None:
        try:
            self._tasks.send(None)
        except (OSError, ValueError):
            pass
        self._tasks.close()
        self._results.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()

    def stop(self) -> None:
        """End the worker at once, without waiting for the pages it holds (an interrupted import)."""
        self._broken = True
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._tasks.close()
        self._results.close()


class ParseAheadResult:
    """One page's parse in the worker: ``result()`` waits for it (None if the worker failed)."""

    __slots__ = ("_worker", "_done", "_value")

    def __init__(self, worker: ParseAheadWorker) -> None:
        self._worker, self._done, self._value = worker, False, None

    def _set(self, value: ParsedPage | None) -> None:
        self._done, self._value = True, value

    def result(self) -> ParsedPage | None:
        while not self._done:  # results come back in order: take the earlier ones first
            self._worker._receive_one()
        return self._value


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent_pid: int) -> None:
    """Linux: the kernel kills this process when its parent dies (even by SIGKILL).

    Elsewhere the closed pipe ends the worker instead. A forked worker holds copies of
    the parent's sockets, a PostgreSQL connection among them: alive, it would keep a
    killed import's transaction (and its locks) open on the server.
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(0)


def _serve(tasks, results, parent_ends=(), parent_pid: int | None = None) -> None:
    """The worker's loop: parse each page received and send its ``ParsedPage`` back."""
    for end in parent_ends:
        end.close()
    # Ctrl-C reaches the whole process group: the importer handles it and ends the worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent_pid is not None:
        _die_with_parent(parent_pid)
    received: queue.SimpleQueue = queue.SimpleQueue()

    def read() -> None:
        try:
            while (task := tasks.recv()) is not None:
                received.put(task)
        except (EOFError, OSError):
            pass
        received.put(None)

    threading.Thread(target=read, daemon=True).start()
    while (task := received.get()) is not None:
        data, url = task
        try:
            parsed = page_parse_ahead(data, url)
        except Exception:  # noqa: BLE001 - a parser bug: the importer parses this page itself and reports it
            parsed = None
        try:
            results.send(parsed)
        except (OSError, ValueError):
            return
        except Exception:  # noqa: BLE001 - unpicklable: let the importer parse it
            results.send(None)
