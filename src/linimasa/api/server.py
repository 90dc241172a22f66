"""Running the application with uvicorn (what `linimasa serve` does)."""

from __future__ import annotations

import sys
from typing import Any


def serve(app: Any, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning") -> int:
    import uvicorn

    mode = "read-only" if app.state.read_only else "read-write: POST /api/ingest stores articles"
    shown = f"[{host}]" if ":" in host else host
    print(f"linimasa: serving {app.state.db} ({mode}) at http://{shown}:{port}/  (API: /api, docs: /api/docs;"
          " Ctrl-C stops)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False, server_header=False)
    return 0


__all__ = ["serve"]
