"""httpx, sync and async: explaining() as a decorator and as ``async with``."""

import asyncio
import ssl

import httpx
from _lab import broken_server

import sslexplain

with broken_server("incomplete_chain") as (url, ca_file):
    context = ssl.create_default_context(cafile=ca_file)

    @sslexplain.explaining(ca_file=ca_file, timeout=5)
    def fetch() -> None:
        httpx.get(url, verify=context, timeout=5)

    try:
        fetch()
    except httpx.ConnectError as exc:
        print("sync:", exc.sslexplain.verdict)

    async def main() -> None:
        async with httpx.AsyncClient(verify=context, timeout=5) as client:
            try:
                async with sslexplain.explaining(ca_file=ca_file, timeout=5):  # probes off the event loop
                    await client.get(url)
            except httpx.ConnectError as exc:
                print("async:", exc.sslexplain.verdict)
                print(exc.__notes__[-1])

    asyncio.run(main())
