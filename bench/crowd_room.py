"""The crowd's live room (bench/crowd.py): bench/live.py's clients and writer through nginx, in a
process of their own. ``python -m bench.crowd_room URL COOKIE PIDS``; BENCH_CLIENTS, BENCH_MESSAGES
and BENCH_INTERVAL as bench/live.py reads them. Prints the figures of the load as one JSON line."""

import asyncio
import json
import sys

from bench import live


def main(url_pattern, cookie, pids):
    live.raise_file_limit()
    url = url_pattern.format(slug=live.SLUG)
    results = asyncio.run(asyncio.wait_for(
        live.run_clients([url], url, {"Cookie": f"sessionid={cookie}"}, live.live_frame, [int(p) for p in pids.split(",")]),
        timeout=600,
    ))
    (name, figures), = results.items()
    print(json.dumps({"clients": live.CLIENTS, "messages": live.LOADS[0][1], "interval": live.LOADS[0][2], **figures}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
