"""aiohttp: an async function decorated with explaining()."""

import asyncio
import ssl

import aiohttp
from _lab import broken_server

import sslexplain

with broken_server("hostname_mismatch") as (url, ca_file):

    @sslexplain.explaining(ca_file=ca_file, timeout=5)
    async def fetch() -> None:
        context = ssl.create_default_context(cafile=ca_file)
        async with aiohttp.ClientSession() as session, session.get(url, ssl=context) as response:
            await response.read()

    try:
        asyncio.run(fetch())
    except aiohttp.ClientConnectorError as exc:
        print(f"caught {type(exc).__name__}")
        print(exc.sslexplain)
