"""The timing protocol every PyTorch peer speaks (shared by ep_mnist_peer.py, gle_peer.py and localca_peer.py; the Java
side is org.plasticity.bench.PeerProcess). Imported from the script's own folder, which Python puts first on sys.path.

serve: after the warm-up, print the peer's settings with "ready": true; then for each stdin line "run SECONDS" train
for at least SECONDS (and at least min_units units) and print one JSON line of that round; on "quit" (or end of input)
print one closing line and return. timed: the same measurement for a fixed number of units (the one-shot mode).
"""

import json
import sys
import time


def timed(unit, count):
    """Runs unit() count times; returns (seconds in all, fastest single unit in seconds)."""
    best = float("inf")
    t0 = time.perf_counter()
    for _ in range(count):
        s0 = time.perf_counter()
        unit()
        best = min(best, time.perf_counter() - s0)
    return time.perf_counter() - t0, best


def serve(info, unit, min_units, round_line, closing_line):
    """Rounds on request, so that the caller can interleave them with its own.

    info: the peer's settings (printed with "ready": true); unit: one timed unit of work (a batch, a step);
    min_units: the fewest units a round runs; round_line(units, seconds, best): the JSON object of one round;
    closing_line(): the JSON object printed after "quit".
    """
    print(json.dumps(dict(info, ready=True)), flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "quit":
            break
        seconds = float(cmd[1])
        n, best = 0, float("inf")
        t0 = time.perf_counter()
        while n < min_units or time.perf_counter() - t0 < seconds:
            s0 = time.perf_counter()
            unit()
            best = min(best, time.perf_counter() - s0)
            n += 1
        print(json.dumps(round_line(n, time.perf_counter() - t0, best)), flush=True)
    print(json.dumps(closing_line()), flush=True)
