"""The HTTP service: `create_app(config)` builds the Flask app; `server.create_server(app, host, port)`
binds the hardened waitress server that `cwguard serve` runs it with."""
from .app import create_app

__all__ = ["create_app"]
