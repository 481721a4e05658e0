"""The partners' HTTP API under load: /eligibility and /services over loopback.

    python benchmarks/service.py [--quick]

`vrn serve` runs in a subprocess (uvicorn, one worker) on a free loopback port; an
asyncio client (plain HTTP/1.1 over keep-alive connections) keeps 1, 8 and 64 requests in flight and records each
request's latency. The baseline is the same work done in process, with no HTTP:
`vrn_core.report.check` plus the JSON of its report for /eligibility, and the
ORUK view's filtered list for /services. Each figure is reported beside it as a
ratio. The client shares the machine with the server, so at 64 clients part of
what is measured is the client's own work.

Bounded: a fixed number of requests per level (80 in quick mode, 400 otherwise) and
a time cap per level.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
CASE: dict[str, Any] = {
    "age": 19,
    "place": "Preston",
    "setting": "police_custody",
    "offence": "violent",
    "as_of": "2020-11-15",
}
SERVICES_QUERY = {"district": "Blackpool", "per_page": "10", "date": "2020-11-15"}
LEVELS = (1, 8, 64)
CAP_SECONDS = 20.0  # per level and endpoint; a level that reaches it reports what it did
GOAL_P95_MS = 20.0  # /eligibility at 8 clients


@dataclass(frozen=True)
class Run:
    latencies: tuple[float, ...]  # seconds, one per request
    seconds: float  # wall time of the whole level

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]


_SERVE = "from vrn_assistant.interfaces.cli import main; raise SystemExit(main())"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = _free_port()
    log = (workdir / "service-bench.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVE, "serve", "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "VRN_INDEX_DIR": str(workdir / "index")},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"vrn serve exited: {(workdir / 'service-bench.log').read_text()}")
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("vrn serve did not answer within 60 s")


class _Connection:
    """One keep-alive HTTP/1.1 connection, sending each request in one write: a client
    this small measures the server, not itself."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, host: str, port: int) -> _Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


def _request(method: str, target: str, body: bytes = b"") -> bytes:
    head = f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def _level(url: str, clients: int, requests: int, request: bytes) -> Run:
    host, port = url.removeprefix("http://").split(":")
    connections = [await _Connection.open(host, int(port)) for _ in range(clients)]
    for connection in connections:  # one request first: connections and the day's view warm
        await connection.send(request)
    latencies: list[float] = []
    remaining = requests
    started = time.perf_counter()

    async def worker(connection: _Connection) -> None:
        nonlocal remaining
        while remaining > 0 and time.perf_counter() - started < CAP_SECONDS:
            remaining -= 1
            sent = time.perf_counter()
            status, body = await connection.send(request)
            latencies.append(time.perf_counter() - sent)
            if status != 200:
                raise RuntimeError(f"status {status}: {body[:200]!r}")

    try:
        await asyncio.gather(*(worker(connection) for connection in connections))
    finally:
        for connection in connections:
            connection.close()
    return Run(tuple(latencies), time.perf_counter() - started)


def _baseline(requests: int) -> dict[str, Run]:
    """The same work in process: no HTTP, no server."""
    from vrn_assistant.interfaces.service.listing import Filters, OrukView, find_district, page
    from vrn_core import Case, default_catalogue
    from vrn_core.report import check

    catalogue = default_catalogue()
    facts = {key: value for key, value in CASE.items() if key != "as_of"}
    day = date(2020, 11, 15)
    view = OrukView(catalogue, day)

    def eligibility() -> None:
        check(catalogue, Case.model_validate(facts), day).model_dump_json()

    def services() -> None:
        district = find_district(catalogue, "Blackpool")
        json.dumps(page(view.services(Filters(district=district)), 1, 10))

    runs: dict[str, Run] = {}
    for name, work in (("eligibility", eligibility), ("services", services)):
        work()
        latencies = []
        started = time.perf_counter()
        for _ in range(requests):
            sent = time.perf_counter()
            work()
            latencies.append(time.perf_counter() - sent)
        runs[name] = Run(tuple(latencies), time.perf_counter() - started)
    return runs


def _measure(url: str, requests: int) -> dict[tuple[str, int], Run]:
    calls = {
        "eligibility": _request("POST", "/eligibility", json.dumps(CASE).encode()),
        "services": _request("GET", "/services?" + urlencode(SERVICES_QUERY)),
    }
    runs: dict[tuple[str, int], Run] = {}
    for name, request in calls.items():
        for clients in LEVELS:
            runs[name, clients] = asyncio.run(_level(url, clients, requests, request))
    return runs


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def section(quick: bool, workdir: Path) -> tuple[str, list[str]]:
    requests = 80 if quick else 400
    baseline = _baseline(requests)
    process, url = _start(workdir)
    try:
        runs = _measure(url, requests)
    finally:
        process.terminate()
        process.wait(timeout=10)
    lines = [
        f"`vrn serve` (uvicorn, one worker) on loopback, {requests} requests per level "
        f"(at most {CAP_SECONDS:.0f} s), {os.cpu_count()} CPUs shared with the client. "
        "Baseline: the same work in process, without HTTP (one call at a time). "
        "Ratios are HTTP over baseline.",
        "",
        "| endpoint | clients | requests/s | p50 | p95 | p99 | p50 vs in-process | "
        "throughput vs in-process |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ("eligibility", "services"):
        base = baseline[name]
        lines.append(
            f"| in process: {name} | 1 | {base.throughput:.0f} | {_ms(base.percentile(50))} | "
            f"{_ms(base.percentile(95))} | {_ms(base.percentile(99))} | 1.00× | 1.00× |"
        )
        path = "POST /eligibility" if name == "eligibility" else "GET /services"
        for clients in LEVELS:
            run = runs[name, clients]
            lines.append(
                f"| {path} | {clients} | {run.throughput:.0f} | {_ms(run.percentile(50))} | "
                f"{_ms(run.percentile(95))} | {_ms(run.percentile(99))} | "
                f"{run.percentile(50) / base.percentile(50):.1f}× | "
                f"{run.throughput / base.throughput:.2f}× |"
            )
    p95 = runs["eligibility", 8].percentile(95) * 1000
    verdict = "met" if p95 < GOAL_P95_MS else "not met"
    lines += [
        "",
        f"Goal: /eligibility p95 under {GOAL_P95_MS:.0f} ms at 8 clients: {p95:.1f} ms, "
        f"{verdict} ({p95 / (baseline['eligibility'].percentile(95) * 1000):.1f}× the "
        "in-process p95).",
    ]
    return "The partners' HTTP API under load", lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few seconds, fewer requests")
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        title, lines = section(args.quick, Path(folder))
    print(f"## {title}\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
