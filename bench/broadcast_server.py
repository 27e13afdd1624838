"""The ceiling: a bare ``websockets`` server relaying every text frame to every connected client.

Without compression, as the site's websocket server runs (README, Configuration): both write the
same bytes per client.
"""

import asyncio
import sys

import websockets

clients = set()


async def handler(connection):
    clients.add(connection)
    try:
        async for message in connection:
            websockets.broadcast(clients, message)
    finally:
        clients.discard(connection)


async def serve(port):
    async with websockets.serve(handler, "127.0.0.1", port, max_queue=None, compression=None):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1])))
